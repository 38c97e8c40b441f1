// The two faces of one description: what the Office.js adapter writes (through the recording
// fake) and what the .xlsx writer writes must hold the same content, number formats and locks in
// every cell the description states. A feature one adapter forgets shows up here.
/* eslint-disable office-addins/call-sync-before-read -- exceljs objects, not Office.js proxies. */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeXlsx } from "../../src/xlsx";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings, FORMULA_MODES } from "../../src/domain/settings";
import { applyWorkbook } from "../../src/excel/applyWorkbook";
import { buildWorkbook } from "../../src/workbook/build";
import { cellAddress, parseCell } from "../../src/workbook/address";
import type { WorkbookDescription } from "../../src/workbook/types";
import { fillA1 } from "../fakes/formulaFill";
import { createRecordingExcel } from "../fakes/recordingExcel";
import { sampleText } from "../helpers/sample";

const plan = readCruscotto(sampleText());
const csv = fs.readFileSync(path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv"), "utf8");
const { actuals } = parseActualsCsv(csv, plan);

interface Seen {
  content: string;
  numberFormat: string;
  locked: boolean;
}

/** Every cell a description states: its tables (header and body) and ranges. */
function statedCells(wb: WorkbookDescription): { sheet: string; row: number; column: number }[] {
  const out: { sheet: string; row: number; column: number }[] = [];
  for (const s of wb.sheets) {
    for (const t of s.tables) {
      const top = parseCell(t.topLeft);
      for (let r = 0; r <= t.rows.length; r++)
        for (let c = 0; c < t.columns.length; c++)
          out.push({ sheet: s.name, row: top.row + r, column: top.column + c });
    }
    for (const g of s.ranges) {
      const top = parseCell(g.topLeft);
      g.rows.forEach((row, r) =>
        row.forEach((_, c) => out.push({ sheet: s.name, row: top.row + r, column: top.column + c })),
      );
    }
  }
  return out;
}

describe.each(FORMULA_MODES)("one description, two adapters (%s formulas)", (formulaMode) => {
  const description = buildWorkbook(plan, { ...defaultSettings(plan), formulaMode }, actuals);
  let office: (sheet: string, row: number, column: number) => Seen;
  let xlsx: (sheet: string, row: number, column: number) => Seen;

  beforeAll(async () => {
    const fake = createRecordingExcel();
    (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
    await applyWorkbook(fake.context, description, { replace: false });
    office = (sheet, row, column) => {
      const cell = fake.workbook.sheet(sheet).cellAt(row, column);
      const c = cell.content;
      const content =
        c === null ? "" : c.kind === "formula" ? c.formula : c.kind === "text" ? `'${c.value}` : String(c.value);
      return { content, numberFormat: cell.numberFormat, locked: cell.locked };
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsx(description)) as unknown as ExcelJS.Buffer);
    xlsx = (sheet, row, column) => {
      const cell = book.getWorksheet(sheet)!.getCell(cellAddress(row, column));
      const v = cell.value;
      let content: string;
      if (v === null || v === undefined) content = "";
      else if (typeof v === "object" && "formula" in v) content = `=${v.formula}`;
      else if (typeof v === "object" && "sharedFormula" in v) {
        // A shared formula's cell: the master's formula, filled to this cell (Excel's reading).
        const master = parseCell(v.sharedFormula);
        const formula = book.getWorksheet(sheet)!.getCell(v.sharedFormula).value as ExcelJS.CellFormulaValue;
        content = fillA1(`=${formula.formula}`, row - master.row, column - master.column);
      } else if (v instanceof Date) content = String(25569 + v.getTime() / 86_400_000);
      else if (typeof v === "string") content = `'${v}`;
      else content = String(v);
      return { content, numberFormat: cell.numFmt ?? "General", locked: cell.protection?.locked !== false };
    };
  });

  it("holds the same content, number format and lock in every stated cell", () => {
    const differences: string[] = [];
    const cells = statedCells(description);
    for (const { sheet, row, column } of cells) {
      const a = office(sheet, row, column);
      const b = xlsx(sheet, row, column);
      if (JSON.stringify(a) !== JSON.stringify(b))
        differences.push(
          `${sheet}!${cellAddress(row, column)}: Office.js ${JSON.stringify(a)} ≠ xlsx ${JSON.stringify(b)}`,
        );
    }
    expect(cells.length).toBeGreaterThan(58 * 35);
    expect(differences.slice(0, 40)).toEqual([]);
  });
});
