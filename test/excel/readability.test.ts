// What makes the workbook read well, as the Office.js adapter writes it (recording fake): every
// written cell names the font and sits at the top of its row, the cells users type in look like
// inputs, the rows holding wrapped text are autofitted, report rows are indented and bordered.
import { applyWorkbook } from "../../src/excel/applyWorkbook";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { parseCell } from "../../src/workbook/address";
import { buildWorkbook } from "../../src/workbook/build";
import { FONT, INPUT_STYLE } from "../../src/workbook/format";
import { SHEETS } from "../../src/workbook/layout";
import { isEditable } from "../../src/workbook/types";
import { createRecordingExcel } from "../fakes/recordingExcel";
import { sampleText } from "../helpers/sample";
import * as fs from "node:fs";
import * as path from "node:path";

const plan = readCruscotto(sampleText());
const csv = fs.readFileSync(path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv"), "utf8");
const description = buildWorkbook(plan, defaultSettings(plan), parseActualsCsv(csv, plan).actuals);
const fake = createRecordingExcel();

beforeAll(async () => {
  (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
  await applyWorkbook(fake.context, description, { replace: false });
});

describe("the workbook as the add-in writes it", () => {
  it("names the font on every stated cell and puts it at the top of its row", () => {
    let checked = 0;
    for (const spec of description.sheets) {
      const sheet = fake.workbook.sheet(spec.name);
      const blocks = [
        ...spec.tables.map((t) => ({ top: parseCell(t.topLeft), rows: t.rows.length + 1, columns: t.columns.length })),
        ...spec.ranges.map((r) => ({
          top: parseCell(r.topLeft),
          rows: r.rows.length,
          columns: Math.max(...r.rows.map((row) => row.length)),
        })),
      ];
      for (const b of blocks)
        for (let r = 0; r < b.rows; r++)
          for (let c = 0; c < b.columns; c++) {
            const cell = sheet.cellAt(b.top.row + r, b.top.column + c);
            expect({ sheet: spec.name, r, c, font: cell.fontName, top: cell.verticalAlignment }).toEqual({
              sheet: spec.name,
              r,
              c,
              font: FONT.name,
              top: "Top",
            });
            checked++;
          }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it("shows every cell users type in as an input: light yellow, bordered", () => {
    const indicators = description.sheets.find((s) => s.name === SHEETS.indicators)!;
    const table = indicators.tables[0];
    const sheet = fake.workbook.sheet(SHEETS.indicators);
    const inputs = table.columns.flatMap((c, i) => (isEditable(c) ? [i] : []));
    // A consuntivo and a nota di scostamento per year.
    expect(inputs.length).toBe(plan.years.length * 2);
    for (const column of inputs)
      for (let r = 1; r <= table.rows.length; r++) {
        const cell = sheet.cellAt(r, column);
        expect([cell.fillColor, cell.borders.EdgeTop, cell.borders.EdgeLeft]).toEqual([
          INPUT_STYLE.fill,
          INPUT_STYLE.border,
          INPUT_STYLE.border,
        ]);
      }
    // Data cells are not.
    expect(sheet.cellAt(1, 0).fillColor).not.toBe(INPUT_STYLE.fill);
    const settings = fake.workbook.sheet(SHEETS.settings);
    for (const address of ["B3", "B6", "B9", "I5", "J5"]) {
      const { row, column } = parseCell(address);
      expect([address, settings.cellAt(row, column).fillColor]).toEqual([address, INPUT_STYLE.fill]);
    }
  });

  it("autofits exactly the rows the description gives heights for", () => {
    for (const spec of description.sheets) {
      const rows = Object.keys(spec.rowHeights ?? {})
        .map(Number)
        .sort((a, b) => a - b);
      expect({ sheet: spec.name, rows: [...fake.workbook.sheet(spec.name).autofitRows].sort((a, b) => a - b) }).toEqual(
        {
          sheet: spec.name,
          rows,
        },
      );
    }
    // The Rendicontazione's indicator rows wrap their names: they are among them.
    expect(Object.keys(description.sheets.find((s) => s.name === SHEETS.report)!.rowHeights!).length).toBeGreaterThan(
      58,
    );
  });

  it("indents the Rendicontazione's indicator rows and borders its table", () => {
    const report = fake.workbook.sheet(SHEETS.report);
    const spec = description.sheets.find((s) => s.name === SHEETS.report)!;
    const indicatorRows = spec.ranges.filter((r) => r.indent === 1);
    expect(indicatorRows.reduce((n, r) => n + r.rows.length, 0)).toBe(58);
    for (const range of indicatorRows) {
      const { row } = parseCell(range.topLeft);
      expect(report.cellAt(row, 0).indentLevel).toBe(1);
      expect(report.cellAt(row, 1).indentLevel).toBe(0);
      expect(Object.keys(report.cellAt(row, 1).borders).sort()).toEqual(
        expect.arrayContaining(["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop"]),
      );
    }
  });
});
