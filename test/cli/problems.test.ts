// Problem lists the CLI prints: at most 20 lines then how many more, values from user files cut
// to 60 characters and control characters escaped — in the helpers and on a real hostile CSV.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { nodeIO } from "../../src/cli/files";
import { reportDocumentProblems } from "../../src/cli/commands/parse";
import { cappedList, escapeControls, printableMessage, printableValue } from "../../src/cli/problems";
import { readCruscotto } from "../../src/domain/reader";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";
import { captureIO } from "../helpers/cliIO";

describe("printable values", () => {
  it.each<[string, string, string]>([
    ["plain text", "1.1", "1.1"],
    ["a tab and a newline", "a\tb\nc\r", "a\\tb\\nc\\r"],
    ["an ANSI escape", "\u001b[31mrosso", "\\u001b[31mrosso"],
    ["a bidirectional override", "abc\u202Edef", "abc\\u202edef"],
    ["exactly 60 characters", "x".repeat(60), "x".repeat(60)],
    ["61 characters", "y".repeat(61), `${"y".repeat(59)}…`],
    ["accents counted as characters", "è".repeat(70), `${"è".repeat(59)}…`],
  ])("%s", (_name, input, expected) => {
    expect(printableValue(input)).toBe(expected);
    expect([...printableValue(input)].length).toBeLessThanOrEqual(60);
  });

  it("escapes every C0 and C1 control character", () => {
    for (let c = 0; c < 0xa0; c++) {
      const ch = String.fromCharCode(c);
      const control = c < 0x20 || c >= 0x7f;
      expect(escapeControls(ch) !== ch).toBe(control);
    }
  });

  it.each<[string, string, string]>([
    [
      "a long quoted value",
      `indicatore «${"z".repeat(100)}» non presente nel piano.`,
      `indicatore «${"z".repeat(59)}…» non presente nel piano.`,
    ],
    ["a double-quoted value", `Manca il valore di "${"q".repeat(80)}".`, `Manca il valore di "${"q".repeat(59)}…".`],
    ["control characters outside quotes", "riga\u0007 rotta", "riga\\u0007 rotta"],
  ])("messages: %s", (_name, message, expected) => {
    expect(printableMessage(message)).toBe(expected);
  });
});

describe("capped lists", () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `problema ${i + 1}`);
  it.each<[number, string[]]>([
    [0, []],
    [20, lines(20)],
    [21, [...lines(20), "… e altri 1 problema"]],
    [500, [...lines(20), "… e altri 480 problemi"]],
  ])("%i problems", (n, expected) => {
    expect(cappedList(lines(n))).toEqual(expected);
  });
});

describe("on real files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pira-problems-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a CSV with 45 bad lines and hostile ids: 20 lines, the rest counted, nothing written", async () => {
    const hostile = `\u001b[2J${"A".repeat(200)}`;
    const rows = Array.from({ length: 45 }, (_, i) => `${i === 0 ? hostile : `X${i}`};2023;5`);
    const csv = path.join(dir, "ostile.csv");
    fs.writeFileSync(csv, ["indicatore;anno;consuntivo", ...rows].join("\n") + "\n");
    let err = "";
    const io = { ...nodeIO(), out: () => undefined, err: (t: string) => void (err += t) };
    const out = path.join(dir, "out.xlsx");
    const code = await main(["build", SAMPLE_PATH, "-o", out, "--actuals", csv], io);
    expect(code).toBe(2);
    const csvLines = err.split("\n").filter((l) => l.includes("ostile.csv"));
    expect(csvLines).toHaveLength(20);
    expect(csvLines[0]).toBe(
      `pira build: ${csv}, riga 2: indicatore «\\u001b[2J${"A".repeat(50)}…» non presente nel piano.`,
    );
    expect(err).toContain("pira build: … e altri 25 problemi\n");
    expect(err).toContain("pira build: 45 problemi nei consuntivi: nessun file scritto.\n");
    expect(err).not.toContain("\u001b");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a document's diagnostics: the first 20 on stderr, then how many more", () => {
    const plan = readCruscotto(sampleText());
    const many = Array.from({ length: 30 }, (_, i) => ({ ...plan.diagnostics[0], line: 1000 + i }));
    const io = captureIO();
    reportDocumentProblems("build", { ...plan, diagnostics: [...plan.diagnostics, ...many] }, io);
    const lines = io.stderr().trimEnd().split("\n");
    expect(lines[0]).toBe("pira build: 0 errori e 33 avvisi nel documento (anche nel foglio Diagnostica):");
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines[21]).toBe("  … e altri 13 problemi");
  });
});
