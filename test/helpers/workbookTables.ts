// The tables of a workbook description as a spreadsheet holds them before calculating (formulas
// show nothing): what src/workbook/read.ts receives from either adapter.
import type { Cell, PlacedTable } from "../../src/workbook/read";
import { parseCell } from "../../src/workbook/address";
import { isFormula, type WorkbookDescription } from "../../src/workbook/types";

export function placedTable(wb: WorkbookDescription, name: string): PlacedTable {
  for (const sheet of wb.sheets)
    for (const table of sheet.tables)
      if (table.name === name)
        return {
          sheet: sheet.name,
          topLeft: parseCell(table.topLeft),
          headers: table.columns.map((c) => c.header),
          rows: table.rows.map((row) => row.map((cell): Cell => (isFormula(cell) ? null : cell))),
        };
  throw new Error(`tabella ${name} assente`);
}
