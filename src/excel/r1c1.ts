// A1 → R1C1 for the references our formulas use, so a uniform column (one formula shape for
// every row, src/workbook/formulas.ts) travels as ONE R1C1 string instead of one A1 formula per
// cell. Handled: relative B3, absolute $B$3, mixed $B3 / B$3, ranges B3:C9, other-sheet
// Sheet!B3 and 'My sheet'!B3, whole columns B:B. Strings, structured references (tbl[@Col]),
// names and function names are copied as they are. Anything else that could be a reference
// (whole rows 3:3) makes the conversion give up (null): the caller writes per-cell A1 then.
import { columnIndex } from "../workbook/address";

/** Excel's grid: XFD columns, 1,048,576 rows; a longer "reference" is a name. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})(?=:)/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_.\\\u00C0-\u024F]/;

function axis(letter: "R" | "C", absolute: boolean, target: number, base: number): string {
  if (absolute) return `${letter}${target + 1}`;
  const d = target - base;
  return d === 0 ? letter : `${letter}[${d}]`;
}

interface Cell {
  text: string;
  rowAbs: boolean;
  row: number;
  colAbs: boolean;
  column: number;
}

function readCell(s: string): Cell | null {
  const m = CELL.exec(s);
  if (!m) return null;
  const column = columnIndex(m[2]);
  const row = Number(m[4]) - 1;
  if (column >= MAX_COLUMN || row < 0 || row >= MAX_ROW) return null;
  return { text: m[0], colAbs: m[1] === "$", column, rowAbs: m[3] === "$", row };
}

function cellR1C1(cell: Cell, row: number, column: number): string {
  return axis("R", cell.rowAbs, cell.row, row) + axis("C", cell.colAbs, cell.column, column);
}

/** Length of the bracketed part at `i` (structured reference), nested brackets and ' escapes included. */
function bracketLength(formula: string, i: number): number {
  let depth = 0;
  for (let j = i; j < formula.length; j++) {
    const ch = formula[j];
    if (ch === "'") {
      j++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return j - i + 1;
  }
  return formula.length - i;
}

/** Length of the string literal at `i` (with its "" escapes). */
function stringLength(formula: string, i: number): number {
  let j = i + 1;
  while (j < formula.length) {
    if (formula[j] === '"') {
      if (formula[j + 1] === '"') j += 2;
      else return j - i + 1;
    } else j++;
  }
  return formula.length - i;
}

/**
 * The reference (cell, range or whole column) at the start of `rest`, as R1C1 relative to the
 * cell at (`row`, `column`), with its length in A1; null when `rest` does not start with one.
 * "unsupported" for a whole-row range, which we do not convert.
 */
function reference(rest: string, row: number, column: number): { a1: number; r1c1: string } | null | "unsupported" {
  const first = readCell(rest);
  if (first) {
    const after = rest.slice(first.text.length);
    const second = after.startsWith(":") ? readCell(after.slice(1)) : null;
    const length = first.text.length + (second ? 1 + second.text.length : 0);
    if (IDENTIFIER_CHAR.test(rest[length] ?? "") || rest[length] === "(" || rest[length] === "!") return null;
    const r1c1 = cellR1C1(first, row, column) + (second ? `:${cellR1C1(second, row, column)}` : "");
    return { a1: length, r1c1 };
  }
  const from = COLUMN.exec(rest);
  if (from) {
    const to = /^:(\$?)([A-Za-z]{1,3})/.exec(rest.slice(from[0].length));
    if (to) {
      const length = from[0].length + to[0].length;
      if (IDENTIFIER_CHAR.test(rest[length] ?? "") || rest[length] === "(") return null;
      const a = columnIndex(from[2]);
      const b = columnIndex(to[2]);
      if (a >= MAX_COLUMN || b >= MAX_COLUMN) return null;
      return { a1: length, r1c1: `${axis("C", from[1] === "$", a, column)}:${axis("C", to[1] === "$", b, column)}` };
    }
  }
  if (/^\$?\d+:\$?\d+/.test(rest)) return "unsupported";
  return null;
}

/**
 * `formula` (A1, invariant syntax, as written in the cell at 0-based `row`, `column`) in R1C1
 * notation, or null when it holds a reference form this converter does not handle.
 */
export function toR1C1(formula: string, row: number, column: number): string | null {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const n = stringLength(formula, i);
      out += formula.slice(i, i + n);
      i += n;
      continue;
    }
    if (ch === "[") {
      const n = bracketLength(formula, i);
      out += formula.slice(i, i + n);
      i += n;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: copied, its reference converted after the "!".
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      if (formula[i] === "!") {
        out += "!";
        i++;
        const ref = reference(formula.slice(i), row, column);
        if (ref === "unsupported") return null;
        if (ref) {
          out += ref.r1c1;
          i += ref.a1;
        }
      }
      continue;
    }
    const inIdentifier = i > 0 && (IDENTIFIER_CHAR.test(formula[i - 1]) || formula[i - 1] === "$");
    if (!inIdentifier && (ch === "$" || IDENTIFIER_CHAR.test(ch))) {
      const ref = reference(formula.slice(i), row, column);
      if (ref === "unsupported") return null;
      if (ref) {
        out += ref.r1c1;
        i += ref.a1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * The one R1C1 formula every cell of a column holds, when the A1 `formulas` (rows from `top`,
 * in `column`) are all the same shape; null otherwise (or when one cannot be converted).
 */
export function uniformR1C1(formulas: readonly string[], top: number, column: number): string | null {
  if (formulas.length === 0) return null;
  const first = toR1C1(formulas[0], top, column);
  if (first === null) return null;
  for (let r = 1; r < formulas.length; r++) {
    if (toR1C1(formulas[r], top + r, column) !== first) return null;
  }
  return first;
}
