// A1 → R1C1 for the references our formulas use. Pure, for both adapters: the Office.js adapter
// writes a uniform column (one formula shape for every row, formulas.ts) as ONE R1C1 formula, the
// .xlsx writer as one shared formula; the description itself stays A1. Handled: relative B3,
// absolute $B$3, mixed $B3 / B$3, ranges B3:C9, other-sheet Sheet!B3 and 'My sheet'!B3, whole
// columns B:B. Strings, structured references (tbl[@Col]), names and function names are copied as
// they are. Anything else that could be a reference (whole rows 3:3) makes the conversion give up
// (null): the callers write per-cell A1 formulas then.
import { columnIndex } from "./address";
import { isFormula, type CellSpec } from "./types";

/** Excel's grid: XFD columns, 1,048,576 rows; a longer "reference" is a name. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

// One pass over the formula: strings, structured references (two levels of brackets, as Excel
// nests them) and quoted sheet names are copied; every other run of name characters (with one
// ":" inside) is a reference only if it is one whole and no "(" (a function: LOG10) or "!" (a
// sheet: Q1!A1) follows it. Whole runs, so PIRA_Peso or 1E5 never yield a reference inside.
const NAME = "[$A-Za-z0-9_.\\\\\\u00C0-\\u024F]+";
const TOKENS = new RegExp(
  [`"(?:[^"]|"")*"`, `\\[(?:[^\\[\\]']|'.|\\[(?:[^\\]']|'.)*\\])*\\]`, `'(?:[^']|'')*'`, `${NAME}(?::${NAME})?`].join(
    "|",
  ),
  "g",
);
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMNS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})$/;
const ROWS = /^\$?\d+:\$?\d+$/;

function axis(letter: "R" | "C", absolute: boolean, target: number, base: number): string {
  if (absolute) return `${letter}${target + 1}`;
  const d = target - base;
  return d === 0 ? letter : `${letter}[${d}]`;
}

/** A cell reference of a formula. */
interface CellPart {
  /** Its A1 column, "$B" or "B" (the same in every row). */
  a1Column: string;
  columnAbsolute: boolean;
  column: number;
  rowAbsolute: boolean;
  /** 0-based. */
  row: number;
}

/** A formula cut into text kept as it is (whole columns already in R1C1: no row in them) and cells. */
type Part = string | CellPart;

function readCell(text: string): CellPart | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const column = columnIndex(m[2]);
  const row = Number(m[4]) - 1;
  if (column >= MAX_COLUMN || row < 0 || row >= MAX_ROW) return null; // a name, not a reference
  return { a1Column: `${m[1]}${m[2]}`, columnAbsolute: m[1] === "$", column, rowAbsolute: m[3] === "$", row };
}

/**
 * The parts of `formula` written in `column`, its whole columns in R1C1 and its A1 text (the
 * second list: whole columns as A1) so a row's formula can be rendered either way; null when it
 * holds whole rows.
 */
function parse(formula: string, column: number): { r1c1: Part[]; a1: Part[] } | null {
  const r1c1: Part[] = [];
  const a1: Part[] = [];
  const both = (part: Part): void => {
    r1c1.push(part);
    a1.push(part);
  };
  let unsupported = false;
  let last = 0;
  for (const m of formula.matchAll(TOKENS)) {
    const token = m[0];
    const offset = m.index;
    both(formula.slice(last, offset));
    last = offset + token.length;
    const first = token.charCodeAt(0);
    const next = formula[last];
    if (first === 34 || first === 39 || first === 91 || next === "(" || next === "!") {
      both(token); // a string, a quoted sheet, a structured reference, a function or a sheet name
      continue;
    }
    const colon = token.indexOf(":");
    if (colon < 0) {
      both(readCell(token) ?? token);
      continue;
    }
    if (ROWS.test(token)) unsupported = true;
    const columns = COLUMNS.exec(token);
    if (columns && columnIndex(columns[2]) < MAX_COLUMN && columnIndex(columns[4]) < MAX_COLUMN) {
      const from = axis("C", columns[1] === "$", columnIndex(columns[2]), column);
      r1c1.push(`${from}:${axis("C", columns[3] === "$", columnIndex(columns[4]), column)}`);
      a1.push(token);
      continue;
    }
    const left = token.slice(0, colon);
    const right = token.slice(colon + 1);
    both(readCell(left) ?? left);
    both(":");
    both(readCell(right) ?? right);
  }
  both(formula.slice(last));
  return unsupported ? null : { r1c1, a1 };
}

function renderR1C1(parts: readonly Part[], row: number, column: number): string {
  let out = "";
  for (const p of parts) {
    out +=
      typeof p === "string" ? p : axis("R", p.rowAbsolute, p.row, row) + axis("C", p.columnAbsolute, p.column, column);
  }
  return out;
}

/** Whether `formula` is `parts` (parsed in row `from`) as a fill moves them to row `to`; compared in place. */
function isFilled(formula: string, parts: readonly Part[], from: number, to: number): boolean {
  let at = 0;
  for (const p of parts) {
    const text =
      typeof p === "string"
        ? p
        : `${p.a1Column}${p.rowAbsolute ? "$" : ""}${p.row + 1 + (p.rowAbsolute ? 0 : to - from)}`;
    if (!formula.startsWith(text, at)) return false;
    at += text.length;
  }
  return at === formula.length;
}

/**
 * `formula` (A1, invariant syntax, as written in the cell at 0-based `row`, `column`) in R1C1
 * notation, or null when it holds a reference form this converter does not handle.
 */
export function toR1C1(formula: string, row: number, column: number): string | null {
  const parsed = parse(formula, column);
  return parsed && renderR1C1(parsed.r1c1, row, column);
}

/**
 * The one R1C1 formula every cell of a column holds, when the A1 `formulas` (rows from `top`,
 * in `column`) are all the same shape; null otherwise (or when one cannot be converted). Only the
 * first is parsed: each other row is compared with the first filled down to it.
 */
export function uniformR1C1(formulas: readonly string[], top: number, column: number): string | null {
  if (formulas.length === 0) return null;
  const parsed = parse(formulas[0], column);
  if (parsed === null) return null;
  for (let r = 1; r < formulas.length; r++) {
    if (!isFilled(formulas[r], parsed.a1, top, top + r)) return null;
  }
  return renderR1C1(parsed.r1c1, top, column);
}

/**
 * The one R1C1 formula of column `c` of `rows` (the first row at sheet row `top`, column `c` at
 * `left + c`), when there are at least two rows and every cell is a formula of the same shape;
 * else null. Both adapters write such a column once (Office.js one R1C1 value, .xlsx a shared formula).
 */
export function columnR1C1(
  rows: readonly (readonly CellSpec[])[],
  c: number,
  top: number,
  left: number,
): string | null {
  if (rows.length < 2) return null;
  const formulas: string[] = [];
  for (const row of rows) {
    const cell = row[c];
    if (cell === undefined || !isFormula(cell)) return null;
    formulas.push(cell.formula);
  }
  return uniformR1C1(formulas, top, left + c);
}
