// Renaming sheets and tables inside a workbook description: every formula, rule, chart range
// and name that refers to them follows. The Excel adapter writes a revision under temporary
// names this way and lets Excel's own rename bring the references back at the swap.
import type { CellSpec, SheetSpec, WorkbookDescription } from "./types";
import { isFormula } from "./types";

/** Old name (any case) → new name. */
export type Renames = ReadonlyMap<string, string>;

const IDENTIFIER_START = /[A-Za-z_\\\u00C0-\u024F]/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_.\\\u00C0-\u024F]/;

function lookup(renames: Renames, name: string): string | undefined {
  const upper = name.toUpperCase();
  for (const [from, to] of renames) if (from.toUpperCase() === upper) return to;
  return undefined;
}

/** A sheet name as a formula spells it: quoted unless it is a plain identifier that is not a cell. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * `formula` with its references to the sheets in `sheets` (Foglio!A1, 'Il foglio'!A1) and the
 * tables in `tables` (tbl[Colonna]) renamed. String literals and the inside of structured
 * references (column names) are left as they are.
 */
export function renameInFormula(formula: string, sheets: Renames, tables: Renames): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      const name = formula.slice(i + 1, j).replace(/''/g, "'");
      const renamed = formula[j + 1] === "!" ? lookup(sheets, name) : undefined;
      out += renamed === undefined ? formula.slice(i, j + 1) : quoteSheetName(renamed);
      i = j + 1;
    } else if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "'") {
          j++;
          continue;
        }
        if (formula[j] === "[") depth++;
        if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (IDENTIFIER_START.test(ch) && (i === 0 || !IDENTIFIER_CHAR.test(formula[i - 1]))) {
      let j = i + 1;
      while (j < formula.length && IDENTIFIER_CHAR.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const next = formula[j];
      const sheet = next === "!" ? lookup(sheets, word) : undefined;
      const table = next === "[" ? lookup(tables, word) : undefined;
      out += sheet !== undefined ? quoteSheetName(sheet) : (table ?? word);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * The description with sheets and tables renamed, and every reference to them inside its
 * sheets (cell formulas, conditional formats, custom validations, chart ranges) following.
 * Workbook names are left to the caller: they are global and outlive a swap.
 */
export function renameSheetsAndTables(wb: WorkbookDescription, sheets: Renames, tables: Renames): WorkbookDescription {
  const formula = (text: string): string => renameInFormula(text, sheets, tables);
  const cell = (c: CellSpec): CellSpec => (isFormula(c) ? { formula: formula(c.formula) } : c);
  // A chart range is "Foglio!$A$1:$A$9" without "=": rename it as the formula it would be.
  const reference = (text: string): string => formula(`=${text}`).slice(1);
  const sheet = (s: SheetSpec): SheetSpec => ({
    ...s,
    name: lookup(sheets, s.name) ?? s.name,
    tables: s.tables.map((t) => ({
      ...t,
      name: lookup(tables, t.name) ?? t.name,
      rows: t.rows.map((row) => row.map(cell)),
    })),
    ranges: s.ranges.map((r) => ({ ...r, rows: r.rows.map((row) => row.map(cell)) })),
    conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, formula: formula(cf.formula) })),
    validations: s.validations.map((v) => (v.type === "custom" ? { ...v, formula: formula(v.formula) } : v)),
    charts: s.charts.map((c) => ({ ...c, categories: reference(c.categories), values: reference(c.values) })),
  });
  return { ...wb, sheets: wb.sheets.map(sheet) };
}
