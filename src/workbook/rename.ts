// Renaming sheets and tables inside a workbook description: every formula, rule, chart range
// and name that refers to them follows. The Excel adapter writes a revision under temporary
// names this way and lets Excel's own rename bring the references back at the swap.
import type { CellSpec, RangeSpec, SheetSpec, TableSpec, WorkbookDescription } from "./types";
import { isFormula } from "./types";

/** Old name (any case) → new name. */
export type Renames = ReadonlyMap<string, string>;

/** Renames by upper-cased name (Excel compares sheet and table names without case). */
function byUpper(renames: Renames): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  // The first of two names differing only in case wins.
  for (const [from, to] of renames) if (!out.has(from.toUpperCase())) out.set(from.toUpperCase(), to);
  return out;
}

/** A sheet name as a formula spells it: quoted unless it is a plain identifier that is not a cell. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

// What a formula may hold around a name to rename, found in one pass: a string literal is copied;
// a quoted name is a sheet when "!" follows; a whole word followed by "!" is a sheet, by "[" a
// table; a "[" starts a structured reference, copied to its matching "]" (any depth; ' escapes
// inside). Unterminated, each runs to the end of the formula (Excel would not write it).
const NAME_CHAR = "A-Za-z0-9_.\\\\\\u00C0-\\u024F";
const RENAMABLE = new RegExp(
  [
    `"(?:[^"]|"")*(?:"|$)`,
    `'((?:[^']|'')*)(?:'|$)`,
    `\\[`,
    `(?<![${NAME_CHAR}])([A-Za-z_\\\\\\u00C0-\\u024F][${NAME_CHAR}]*)(?=[![])`,
  ].join("|"),
  "g",
);

/** Where the structured reference opened at `start` ends (after its matching "]", or the formula's end). */
function bracketEnd(formula: string, start: number): number {
  let depth = 0;
  for (let j = start; j < formula.length; j++) {
    const ch = formula[j];
    if (ch === "'") j++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return j + 1;
  }
  return formula.length;
}

/**
 * `formula` with its references to the sheets in `sheets` (Foglio!A1, 'Il foglio'!A1) and the
 * tables in `tables` (tbl[Colonna]) renamed. String literals and the inside of structured
 * references (column names) are left as they are.
 */
export function renameInFormula(formula: string, sheets: Renames, tables: Renames): string {
  return renamer(byUpper(sheets), byUpper(tables))(formula);
}

/** renameInFormula for many formulas, over the renames indexed once; unchanged spans copied whole. */
function renamer(
  sheetsByUpper: ReadonlyMap<string, string>,
  tablesByUpper: ReadonlyMap<string, string>,
): (formula: string) => string {
  return (formula) => {
    // Most formulas name no sheet and no table: nothing to look at.
    if (!formula.includes("!") && !formula.includes("[")) return formula;
    const tokens = RENAMABLE;
    tokens.lastIndex = 0;
    let out = "";
    let copied = 0;
    for (let m = tokens.exec(formula); m !== null; m = tokens.exec(formula)) {
      const [token, quoted, word] = m;
      let renamed: string | undefined;
      if (token === "[") {
        tokens.lastIndex = bracketEnd(formula, m.index);
      } else if (quoted !== undefined) {
        if (formula[m.index + token.length] === "!") {
          const to = sheetsByUpper.get(quoted.replace(/''/g, "'").toUpperCase());
          if (to !== undefined) renamed = quoteSheetName(to);
        }
      } else if (word !== undefined) {
        const next = formula[m.index + word.length];
        const to = (next === "!" ? sheetsByUpper : tablesByUpper).get(word.toUpperCase());
        if (to !== undefined) renamed = next === "!" ? quoteSheetName(to) : to;
      }
      if (renamed !== undefined) {
        out += formula.slice(copied, m.index) + renamed;
        copied = m.index + token.length;
      }
    }
    return copied === 0 ? formula : out + formula.slice(copied);
  };
}

/** Rows renamed between two yields of renameSteps. */
const ROWS_PER_STEP = 256;

/**
 * The description with sheets and tables renamed, and every reference to them inside its
 * sheets (cell formulas, conditional formats, custom validations, chart ranges) following.
 * Workbook names are left to the caller: they are global and outlive a swap.
 */
export function renameSheetsAndTables(wb: WorkbookDescription, sheets: Renames, tables: Renames): WorkbookDescription {
  const steps = renameSteps(wb, sheets, tables);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * renameSheetsAndTables in steps: it yields after every few hundred rows, so a caller sharing its
 * thread (the task pane, renaming a 100× plan's 150,000 formulas) can stop in between.
 */
export function* renameSteps(
  wb: WorkbookDescription,
  sheets: Renames,
  tables: Renames,
): Generator<void, WorkbookDescription> {
  const sheetsByUpper = byUpper(sheets);
  const tablesByUpper = byUpper(tables);
  const formula = renamer(sheetsByUpper, tablesByUpper);
  const cell = (c: CellSpec): CellSpec => (isFormula(c) ? { formula: formula(c.formula) } : c);
  // A chart range is "Foglio!$A$1:$A$9" without "=": rename it as the formula it would be.
  const reference = (text: string): string => formula(`=${text}`).slice(1);
  function* rows(source: readonly CellSpec[][]): Generator<void, CellSpec[][]> {
    const out: CellSpec[][] = [];
    for (const [r, row] of source.entries()) {
      if (r > 0 && r % ROWS_PER_STEP === 0) yield;
      out.push(row.map(cell));
    }
    return out;
  }
  const renamed: SheetSpec[] = [];
  for (const s of wb.sheets) {
    const sheetTables: TableSpec[] = [];
    for (const t of s.tables) {
      sheetTables.push({ ...t, name: tablesByUpper.get(t.name.toUpperCase()) ?? t.name, rows: yield* rows(t.rows) });
      yield;
    }
    const ranges: RangeSpec[] = [];
    for (const r of s.ranges) ranges.push({ ...r, rows: yield* rows(r.rows) });
    renamed.push({
      ...s,
      name: sheetsByUpper.get(s.name.toUpperCase()) ?? s.name,
      tables: sheetTables,
      ranges,
      conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, formula: formula(cf.formula) })),
      validations: s.validations.map((v) => (v.type === "custom" ? { ...v, formula: formula(v.formula) } : v)),
      charts: s.charts.map((c) => ({ ...c, categories: reference(c.categories), values: reference(c.values) })),
    });
    yield;
  }
  return { ...wb, sheets: renamed };
}
