// The Diagnostica sheet: what the reader reported about the document, with line numbers.
import type { Diagnostic, Plan } from "../../domain/model";
import { absolute, cellAddress } from "../address";
import { FORMAT } from "../format";
import { missingNoteCountFormula } from "../formulas";
import { DIAGNOSTIC_COLUMNS, DIAGNOSTIC_NOTES, SHEETS, TABLES, indicatorLayout } from "../layout";
import type { CellSpec, RangeSpec, SheetSpec } from "../types";
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
    ranges: missingNoteCounts(plan),
    columnWidths: { ...DIAGNOSTIC_NOTES.widths },
    freeze: { rows: 1, columns: 0 },
  });
}

/** The count of missing notes di scostamento per year, over the Indicatori columns. */
function missingNoteCounts(plan: Plan): RangeSpec[] {
  const layout = indicatorLayout(plan.years);
  const rows = Math.max(
    plan.objectives.reduce((n, o) => n + o.indicators.length, 0),
    1,
  );
  const body: CellSpec[][] = plan.years.map((year) => {
    const range = (column: number) => absolute(SHEETS.indicators, { row: 1, column }, { row: rows, column });
    const col = layout.perYear.get(year)!;
    return [
      year,
      { formula: missingNoteCountFormula(range(col.actual), range(col.status), range(layout.notes.get(year)!)) },
    ];
  });
  return [
    { topLeft: DIAGNOSTIC_NOTES.topLeft, rows: [[...DIAGNOSTIC_NOTES.headers]], bold: true },
    { topLeft: cellAddress(1, DIAGNOSTIC_NOTES.column), rows: body, numberFormat: FORMAT.integer },
  ];
}
