// The exit codes the README states, through the real `bin/pira.js`: 0 when the work was done (a
// plan read, even with errors in the document: they are in the JSON or on stderr), 2 for bad input
// or a refusal (one line), 1 for an internal failure (one line "errore interno: …", no stack trace).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { captureIO } from "../helpers/cliIO";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const BIN = path.join(__dirname, "..", "..", "bin", "pira.js");
const ACTUALS_PATH = path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pira-exit-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

/** The sample with one target made unreadable: an error diagnostic, every objective still read. */
const WITH_ERROR = at("con-errore.txt");
fs.writeFileSync(WITH_ERROR, sampleText().replace(">= 13 N.", ">= tredici"));
fs.writeFileSync(at("lista.txt"), "lista della spesa\npane\nlatte\n");

function pira(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("exit codes of bin/pira.js", () => {
  beforeAll(() => {
    const filled = pira(["build", SAMPLE_PATH, "-o", at("pieno.xlsx"), "--actuals", ACTUALS_PATH]);
    if (filled.code !== 0) throw new Error(filled.err);
  });

  it.each<[string, string[], number, RegExp]>([
    ["parse: a document with an error but objectives → 0", ["parse", WITH_ERROR], 0, /^$/],
    [
      "build: the same document (its error on stderr) → 0",
      ["build", WITH_ERROR, "-o", at("a.xlsx")],
      0,
      /1 errore e 3 avvisi/,
    ],
    ["parse: no cruscotto → 2", ["parse", at("lista.txt")], 2, /^pira parse: .*nessun obiettivo trovato\.\n$/],
    [
      "parse: a missing file → 2",
      ["parse", at("nessuno.txt")],
      2,
      /^pira parse: il file ".*nessuno\.txt" non esiste\.\n$/,
    ],
    [
      "build onto a workbook with consuntivi → 2",
      ["build", SAMPLE_PATH, "-o", at("pieno.xlsx")],
      2,
      /^pira build: ".*pieno\.xlsx" contiene dati inseriti a mano \(\d+ consuntivi\)/,
    ],
    ["export-actuals onto its input → 2", ["export-actuals", "pieno.xlsx", "-o", "./pieno.xlsx"], 2, /da leggere/],
  ])("%s", (_name, args, code, err) => {
    const run = pira(args);
    expect(run.code).toBe(code);
    expect(run.err).toMatch(err);
    expect(run.err).not.toMatch(/^\s+at /m);
    if (code === 2) expect(run.err.trim().split("\n").pop()).toMatch(/^pira [a-z-]+: /);
  });
});

describe("an internal failure", () => {
  it("is one line 'errore interno: …' with exit 1, never a stack trace", async () => {
    const io = captureIO();
    io.out = () => {
      throw new TypeError("Cannot read properties of undefined\n    at out (files.ts:1:1)");
    };
    expect(await main(["parse", SAMPLE_PATH], io)).toBe(1);
    expect(io.stderr()).toBe(
      "pira parse: errore interno: Cannot read properties of undefined\\n    at out (files.ts:1:1) " +
        "(segnalalo con il file che lo ha causato).\n",
    );
  });
});
