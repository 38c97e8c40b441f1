// The registry: help, version and dispatch, and the same argument rules for every command.
import * as fs from "node:fs";
import * as path from "node:path";
import { COMMANDS, main } from "../../src/cli/main";
import { captureIO } from "../helpers/cliIO";

const PACKAGE = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
  version: string;
};

describe("pira", () => {
  it("alone prints the help and exits 0", async () => {
    const io = captureIO();
    expect(await main([], io)).toBe(0);
    expect(io.stdout()).toMatch(/^pira — Cruscotto PIRA/);
    expect(io.stderr()).toBe("");
  });

  it.each([["--help"], ["-h"], ["help"]])("%s prints every command's usage and summary", async (flag) => {
    const io = captureIO();
    expect(await main([flag], io)).toBe(0);
    for (const command of COMMANDS) {
      expect(io.stdout()).toContain(`  ${command.usage}\n`);
      expect(io.stdout()).toContain(command.summary);
    }
  });

  it("--version prints the package version", async () => {
    const io = captureIO();
    expect(await main(["--version"], io)).toBe(0);
    expect(io.stdout()).toBe(`pira ${PACKAGE.version}\n`);
  });

  it("lists each command once, by a distinct name", () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(["parse", "score", "build", "diff", "export-actuals", "report", "demo"]);
  });

  describe.each(COMMANDS.map((c) => [c.name, c] as const))("pira %s", (name, command) => {
    it("--help prints its usage, exit 0", async () => {
      const io = captureIO();
      expect(await main([name, "--help"], io)).toBe(0);
      expect(io.stdout()).toBe(`Uso: ${command.usage}\n${command.summary}\n`);
    });

    it.each([["--colori"], ["-x"], ["--colori=rosso"]])(
      "refuses the unknown option %s: one Italian line, exit 2, nothing written",
      async (option) => {
        const io = captureIO();
        expect(await main([name, "file.txt", option], io)).toBe(2);
        expect(io.stdout()).toBe("");
        expect(io.written.size).toBe(0);
        expect(io.stderr()).toBe(`pira ${name}: opzione sconosciuta "${option}". Uso: ${command.usage}\n`);
      },
    );
  });

  it("pira demo takes no file: it always runs on the bundled sample", async () => {
    const io = captureIO();
    expect(await main(["demo", "altro.txt"], io)).toBe(2);
    expect(io.written.size).toBe(0);
    expect(io.stderr()).toBe(
      "pira demo: nessun argomento (ricevuti 1): usa sempre il campione incluso. Uso: pira demo\n",
    );
  });

  const everyOption = COMMANDS.flatMap((c) =>
    Object.values(c.options).flatMap((o) => o.names.map((option) => [c.name, option] as const)),
  );
  it.each(everyOption)("pira %s refuses %s given twice", async (name, option) => {
    const io = captureIO();
    expect(await main([name, option, "a", option, "b"], io)).toBe(2);
    expect(io.stderr()).toMatch(new RegExp(`^pira ${name}: ${option} indicato due volte\\. Uso: `));
    expect(io.stderr().trimEnd().split("\n")).toHaveLength(1);
  });
});
