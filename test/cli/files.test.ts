import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nodeIO, readInputFile, writeOutputFile } from "../../src/cli/files";
import { CliError } from "../../src/cli/io";

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CliError) return e.message;
    throw e;
  }
  throw new Error("no CliError");
}

describe("CLI files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pira-files-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads a file, and writes one creating its folder", () => {
    const io = nodeIO();
    const out = path.join(dir, "nuova", "cartella", "a.csv");
    writeOutputFile(out, "indicatore;anno;consuntivo\n", io);
    expect(readInputFile(out, io, "il file").toString("utf8")).toBe("indicatore;anno;consuntivo\n");
  });

  it("replaces a file through a temporary one, leaving nothing else behind", () => {
    const io = nodeIO();
    const out = path.join(dir, "sostituita", "b.xlsx");
    writeOutputFile(out, "prima", io);
    writeOutputFile(out, "dopo", io);
    expect(fs.readFileSync(out, "utf8")).toBe("dopo");
    expect(fs.readdirSync(path.dirname(out))).toEqual(["b.xlsx"]);
  });

  it.each<[string, () => string, string]>([
    ["a missing file", () => path.join(dir, "nessuno.txt"), "non esiste"],
    ["a folder", () => dir, "è una cartella"],
  ])("refuses %s with one line naming it", (_name, file, why) => {
    const f = file();
    expect(messageOf(() => readInputFile(f, nodeIO(), "il file dei consuntivi"))).toBe(
      `il file dei consuntivi "${f}" ${why}.`,
    );
  });

  it("says which file it could not write and why", () => {
    const blocker = path.join(dir, "blocco");
    fs.writeFileSync(blocker, "");
    const target = path.join(blocker, "out.xlsx");
    expect(messageOf(() => writeOutputFile(target, "x", nodeIO()))).toMatch(
      new RegExp(`^impossibile scrivere "${target.replace(/[.\\/]/g, "\\$&")}" \\((ENOTDIR|EEXIST)\\)\\.$`),
    );
  });
});
