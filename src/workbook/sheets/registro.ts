// The Registro sheet: every change applied to the workbook's plan, one row each, oldest first.
import type { RegisterRow } from "../history";
import { REGISTER_COLUMN, REGISTER_COLUMNS, SHEETS, TABLES } from "../layout";
import type { CellSpec, SheetSpec } from "../types";
import { sheet } from "./common";

function registerCells(row: RegisterRow): CellSpec[] {
  const cells = new Array<CellSpec>(REGISTER_COLUMNS.length).fill(null);
  cells[REGISTER_COLUMN.date] = row.date;
  cells[REGISTER_COLUMN.kind] = row.kind;
  cells[REGISTER_COLUMN.objective] = row.objective;
  cells[REGISTER_COLUMN.indicator] = row.indicator;
  cells[REGISTER_COLUMN.before] = row.before;
  cells[REGISTER_COLUMN.after] = row.after;
  cells[REGISTER_COLUMN.description] = row.description;
  cells[REGISTER_COLUMN.planTitle] = row.planTitle;
  cells[REGISTER_COLUMN.planDate] = row.planDate;
  // An empty text is an empty cell, as both adapters write nothing for it.
  return cells.map((c) => (c === "" ? null : c));
}

export function buildRegister(rows: readonly RegisterRow[]): SheetSpec {
  return sheet(SHEETS.register, {
    tabColor: "#548235",
    print: { orientation: "landscape", fitToWidth: true },
    tables: [
      {
        name: TABLES.register,
        topLeft: "A1",
        columns: REGISTER_COLUMNS,
        rows: rows.length > 0 ? rows.map(registerCells) : [new Array<CellSpec>(REGISTER_COLUMNS.length).fill(null)],
        style: "TableStyleLight9",
      },
    ],
    freeze: { rows: 1, columns: 0 },
  });
}
