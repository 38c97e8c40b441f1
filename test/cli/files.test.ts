import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nodeIO, readInputFile, temporaryPathFor, writeOutputFile } from "../../src/cli/files";
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
    expect(readInputFile(out, io, "il file", "csv").toString("utf8")).toBe("indicatore;anno;consuntivo\n");
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
    expect(messageOf(() => readInputFile(f, nodeIO(), "il file dei consuntivi", "csv"))).toBe(
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

  it("names each temporary file beside its target, never twice the same", () => {
    const target = path.join(dir, "cruscotto.xlsx");
    const temps = Array.from({ length: 100 }, () => temporaryPathFor(target));
    expect(new Set(temps).size).toBe(100);
    for (const t of temps) {
      expect(path.dirname(t)).toBe(dir);
      expect(path.basename(t)).toMatch(/^\.cruscotto\.xlsx\.\d+\.[0-9a-f]{12}\.tmp$/);
    }
  });

  it("writes through a symlink: the link stays, the file it points to is replaced", () => {
    const real = path.join(dir, "vero.csv");
    const link = path.join(dir, "collegamento.csv");
    fs.writeFileSync(real, "vecchio\n");
    fs.symlinkSync(real, link);
    writeOutputFile(link, "nuovo\n", nodeIO());
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe("nuovo\n");
  });

  it.each<[string, () => string, () => string]>([
    ["an existing file, relative", () => path.relative(process.cwd(), path.join(dir, "vero.csv")), () => "vero.csv"],
    ["a symlink", () => path.join(dir, "collegamento.csv"), () => "vero.csv"],
    ["a file not yet there", () => path.join(dir, "nuova", "..", "futuro.csv"), () => "futuro.csv"],
  ])("canonical paths: %s", (_name, file, expected) => {
    expect(nodeIO().realpath(file())).toBe(path.join(fs.realpathSync(dir), expected()));
  });

  it.each<[string, string, number, RegExp]>([
    ["a document", "document", 20 * 1024 * 1024 + 1, /per un documento il massimo è 20 MB/],
    ["a workbook", "workbook", 50 * 1024 * 1024 + 1, /per una cartella di lavoro il massimo è 50 MB/],
    ["a CSV", "csv", 5 * 1024 * 1024 + 1, /per un CSV di consuntivi il massimo è 5 MB/],
  ])("refuses %s one byte over its limit, and reads one at the limit", (_name, kind, size, message) => {
    const file = path.join(dir, `limite-${kind}`);
    fs.writeFileSync(file, "");
    fs.truncateSync(file, size);
    const k = kind as "document" | "workbook" | "csv";
    expect(messageOf(() => readInputFile(file, nodeIO(), "il file", k))).toMatch(message);
    fs.truncateSync(file, size - 1);
    expect(readInputFile(file, nodeIO(), "il file", k)).toHaveLength(size - 1);
    fs.rmSync(file);
  });

  it("keeps the permissions of the file it replaces", () => {
    const file = path.join(dir, "privato.csv");
    fs.writeFileSync(file, "vecchio\n");
    fs.chmodSync(file, 0o600);
    writeOutputFile(file, "nuovo\n", nodeIO());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toBe("nuovo\n");
  });
});
