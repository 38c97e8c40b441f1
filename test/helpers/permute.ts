// Sorting a table in Excel moves each row with its formulas, whose references to cells of their
// own row follow it. permuteTableRows does the same to a workbook description, so tests can check
// that no number depends on the order of the rows (the roll-ups sum by key, the Cruscotto looks
// objectives up by number).
import { parseCell } from "../../src/workbook/address";
import type { CellSpec, WorkbookDescription } from "../../src/workbook/types";
import { isFormula } from "../../src/workbook/types";

/** A random permutation of 0..n-1 from `rng`. */
export function permutation(n: number, rng: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

// A relative row reference (A5, $A5), outside string literals and names (PIRA_Ind_Peso_2023).
const LITERAL_OR_REF = /("(?:[^"]|"")*")|(?<![A-Za-z0-9_.$!])(\$?[A-Z]{1,3})(\d+)(?![\d(A-Za-z_!])/g;

function moveRow(formula: string, from: number, to: number): string {
  return formula.replace(LITERAL_OR_REF, (whole, literal: string | undefined, column: string, row: string) =>
    literal !== undefined || Number(row) !== from ? whole : `${column}${to}`,
  );
}

/**
 * A copy of `wb` where body row i of the table `tableName` is placed at body row order[i], its
 * formulas' references to its own row moved with it, and its per-row number formats too.
 */
export function permuteTableRows(wb: WorkbookDescription, tableName: string, order: number[]): WorkbookDescription {
  const copy = structuredClone(wb);
  const table = copy.sheets.flatMap((s) => s.tables).find((t) => t.name === tableName);
  if (!table) throw new Error(`Tabella ${tableName} assente`);
  if (order.length !== table.rows.length) throw new Error("Permutazione della lunghezza sbagliata");
  const top = parseCell(table.topLeft).row; // 0-based header row
  const sheetRow = (i: number) => top + 2 + i; // 1-based row of body row i
  const rows: CellSpec[][] = new Array<CellSpec[]>(table.rows.length);
  table.rows.forEach((row, i) => {
    rows[order[i]] = row.map((cell) =>
      isFormula(cell) ? { formula: moveRow(cell.formula, sheetRow(i), sheetRow(order[i])) } : cell,
    );
  });
  table.rows = rows;
  for (const column of table.columns) {
    if (!column.cellNumberFormats) continue;
    const formats = new Array<string>(column.cellNumberFormats.length);
    column.cellNumberFormats.forEach((f, i) => (formats[order[i]] = f));
    column.cellNumberFormats = formats;
  }
  return copy;
}
