// The Diagnostica sheet: what the reader reported about the document, with line numbers.
import type { Diagnostic, Plan } from "../../domain/model";
import { DIAGNOSTIC_COLUMNS, SHEETS, TABLES } from "../layout";
import type { CellSpec, SheetSpec } from "../types";
import { printSpec } from "../print";
import { sheet } from "./common";

const SEVERITY_LABEL: Record<Diagnostic["severity"], string> = { error: "Errore", warning: "Avviso", info: "Nota" };

export function buildDiagnostics(plan: Plan): SheetSpec {
  const rows: CellSpec[][] = plan.diagnostics.map((d) => [
    d.line,
    SEVERITY_LABEL[d.severity],
    d.objective ?? null,
    d.indicator ?? null,
    d.message,
  ]);
  return sheet(SHEETS.diagnostics, {
    tabColor: "#C00000",
    print: printSpec({
      title: plan.title,
      titleRows: "$1:$1",
      fitColumns: DIAGNOSTIC_COLUMNS.map((c) => c.width ?? 8.43),
    }),
    tables: [
      {
        name: TABLES.diagnostics,
        topLeft: "A1",
        columns: DIAGNOSTIC_COLUMNS,
        rows: rows.length > 0 ? rows : [[null, "", null, null, "Nessun problema rilevato nel documento."]],
        style: "TableStyleLight10",
      },
    ],
    freeze: { rows: 1, columns: 0 },
  });
}
