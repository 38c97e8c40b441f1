// The Registro sheet: every change applied to the workbook's plan, one row each, oldest first.
import type { RegisterRow } from "../history";
import { SHEETS, TABLES } from "../layout";
import { REGISTER_COLUMN, REGISTER_COLUMNS } from "../layoutHistory";
import type { CellSpec, SheetSpec } from "../types";
import { printSpec } from "../print";
import { rowOf, sheet } from "./common";

export function buildRegister(rows: readonly RegisterRow[], planTitle: string): SheetSpec {
  return sheet(SHEETS.register, {
    tabColor: "#548235",
    print: printSpec({ title: planTitle, titleRows: "$1:$1" }),
    tables: [
      {
        name: TABLES.register,
        topLeft: "A1",
        columns: REGISTER_COLUMNS,
        rows:
          rows.length > 0
            ? rows.map((r) => rowOf(r, REGISTER_COLUMN, REGISTER_COLUMNS.length))
            : [new Array<CellSpec>(REGISTER_COLUMNS.length).fill(null)],
        style: "TableStyleLight9",
      },
    ],
    freeze: { rows: 1, columns: 0 },
  });
}
