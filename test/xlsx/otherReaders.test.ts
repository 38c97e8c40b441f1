// The .xlsx is valid for every reader, and every reader's save can be read back: the demo workbook
// `pira build` makes loads in openpyxl with warnings as errors; saved again by openpyxl or by
// LibreOffice, `pira export-actuals` gives the same CSV; text typed as a consuntivo is refused.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { buildWorkbook } from "../../src/workbook/build";
import { isFormula } from "../../src/workbook/types";
import { main } from "../../src/cli/main";
import { captureIO } from "../helpers/cliIO";
import { recalculate } from "../helpers/libreoffice";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const ROOT = path.join(__dirname, "..", "..");
const ACTUALS_PATH = path.join(ROOT, "samples", "consuntivi-2023-esempio.csv");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pira-readers-"));
const BUILT = path.join(work, "demo.xlsx");

/** Debian's python3-openpyxl: the system Python first (a pyenv shim may lack the package). */
function openpyxlPython(): string {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(candidate, ["-c", "import openpyxl"], { encoding: "utf8" });
    if (probe.status === 0) return candidate;
  }
  throw new Error("openpyxl non trovato: installa python3-openpyxl (apt-get install python3-openpyxl).");
}

function python(script: string, ...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(openpyxlPython(), ["-W", "error", "-c", script, ...args], {
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function pira(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, "bin", "pira.js"), ...args], {
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const built = pira("build", SAMPLE_PATH, "-o", BUILT, "--actuals", ACTUALS_PATH);
  expect(built.stderr).not.toMatch(/errore interno/);
  expect(built.status).toBe(0);
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("the built workbook in other readers", () => {
  it("loads in openpyxl with every warning an error", () => {
    const run = python("import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])", BUILT);
    expect(run.output).toBe("");
    expect(run.status).toBe(0);
  });

  it("reads every table formula back as the description's, the shared ones filled to each cell", async () => {
    const script = [
      "import json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "out = {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row",
      "       if c.data_type == 'f'} for ws in wb.worksheets}",
      "print(json.dumps(out))",
    ].join("\n");
    const run = python(script, BUILT);
    expect(run.status).toBe(0);
    const read = JSON.parse(run.output) as Record<string, Record<string, string>>;
    const plan = readCruscotto(sampleText());
    const { actuals } = parseActualsCsv(fs.readFileSync(ACTUALS_PATH, "utf8"), plan);
    const wb = buildWorkbook(plan, { ...defaultSettings(plan), formulaMode: "native" }, actuals);
    const wrong: string[] = [];
    let shared = 0;
    for (const sheet of wb.sheets) {
      for (const table of sheet.tables) {
        const top = parseCell(table.topLeft);
        table.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (!isFormula(cell)) return;
            const address = cellAddress(top.row + 1 + r, top.column + c);
            if (read[sheet.name]?.[address] !== cell.formula) wrong.push(`${sheet.name}!${address}`);
          }),
        );
      }
    }
    const zip = await JSZip.loadAsync(fs.readFileSync(BUILT));
    for (const part of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
      const xml = await zip.file(part)!.async("string");
      shared += (xml.match(/<f t="shared"[^>]*\/>/g) ?? []).length;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // The file does hold shared formulas (cells that only name their master's).
    expect(shared).toBeGreaterThan(500);
  });

  it("the harness fails on a file openpyxl warns about or refuses", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(BUILT);
    const ws = wb.getWorksheet("Indicatori")!;
    (ws as unknown as { dataValidations: { add(r: string, v: object): void } }).dataValidations.add("Z1:Z2", {
      type: "whole",
      operator: "between",
      formulae: [1, 2],
      errorStyle: "error",
    });
    const bad = path.join(work, "bad.xlsx");
    await wb.xlsx.writeFile(bad);
    expect(python("import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])", bad).status).not.toBe(0);
  });

  it.each([
    [
      "openpyxl (load and save)",
      (): string => {
        const out = path.join(work, "openpyxl.xlsx");
        const run = python(
          "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])",
          BUILT,
          out,
        );
        expect(run.status).toBe(0);
        return out;
      },
    ],
    ["LibreOffice (converted to .xlsx)", (): string => recalculate([BUILT], path.join(work, "lo"))[0]],
  ])(
    "a workbook saved by %s exports the same consuntivi",
    (_name, save) => {
      const resaved = save();
      const original = pira("export-actuals", BUILT);
      const again = pira("export-actuals", resaved);
      expect(again.stderr).toBe("");
      expect(again.status).toBe(0);
      expect(original.stdout.split("\r\n").length).toBeGreaterThan(50);
      expect(again.stdout).toBe(original.stdout);
    },
    300_000,
  );
});

describe("consuntivo cells holding text", () => {
  async function withCells(cells: Record<string, ExcelJS.CellValue>): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(BUILT);
    const ws = wb.getWorksheet("Indicatori")!;
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it("refuses text and formula-like text, naming each cell, and writes nothing", async () => {
    // Row 2 is 1.1, row 3 is 1.2; I and M are Consuntivo 2023 and 2024.
    const data = await withCells({ I2: "abc", M3: '=HYPERLINK("x")', I4: "12,5", M2: "SI" });
    const io = captureIO({ "f.xlsx": data });
    expect(await main(["export-actuals", "f.xlsx", "-o", "x.csv"], io)).toBe(2);
    expect(io.written.size).toBe(0);
    const lines = io.stderr().trimEnd().split("\n");
    expect(lines).toEqual([
      'pira export-actuals: Indicatori!I2: 1.1, 2023: "abc" non è un consuntivo (scrivi un numero come 3,5 o 80%, una data come 15/12/2023, oppure SI/NO).',
      'pira export-actuals: Indicatori!M3: 1.2, 2024: "=HYPERLINK("x")" non è un consuntivo (scrivi un numero come 3,5 o 80%, una data come 15/12/2023, oppure SI/NO).',
      "pira export-actuals: 2 celle con errori: nessun file scritto.",
    ]);
  });

  it("keeps text that reads as a consuntivo (a number, SI/NO) as typed", async () => {
    const data = await withCells({ I4: "12,5", M3: "SI" });
    const io = captureIO({ "f.xlsx": data });
    expect(await main(["export-actuals", "f.xlsx"], io)).toBe(0);
    expect(io.stdout()).toMatch(/\r\n1\.3;2023;12,5\r\n/);
    expect(io.stdout()).toMatch(/\r\n1\.2;2024;SI\r\n/);
  });
});
