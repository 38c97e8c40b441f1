// A1 → R1C1 for the references our formulas use. Pure, for both adapters: the Office.js adapter
// writes a uniform column (one formula shape for every row, formulas.ts) as ONE R1C1 formula, the
// .xlsx writer as one shared formula; the description itself stays A1. Handled: relative B3,
// absolute $B$3, mixed $B3 / B$3, ranges B3:C9, other-sheet Sheet!B3 and 'My sheet'!B3, whole
// columns B:B. Strings, structured references (tbl[@Col]), names and function names are copied as
// they are. Anything else that could be a reference (whole rows 3:3) makes the conversion give up
// (null): the callers write per-cell A1 formulas then.
import { columnIndex } from "./address";

/** Excel's grid: XFD columns, 1,048,576 rows; a longer "reference" is a name. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

// One pass over the formula: strings, structured references (two levels of brackets, as Excel
// nests them) and quoted sheet names are matched to be copied; a cell, range or whole-column
// reference only where no name or function name goes on around it (LOG10(, PIRA_Peso, 1E5).
const NAME_CHAR = "A-Za-z0-9_.\\\\\\u00C0-\\u024F";
const CELL = "(\\$?)([A-Za-z]{1,3})(\\$?)(\\d{1,7})";
const COLUMN = "(\\$?)([A-Za-z]{1,3})";
const TOKENS = new RegExp(
  [
    `"(?:[^"]|"")*"`,
    `\\[(?:[^\\[\\]']|'.|\\[(?:[^\\]']|'.)*\\])*\\]`,
    `'(?:[^']|'')*'`,
    `(?<![${NAME_CHAR}$])(?:${CELL}(?::${CELL})?|${COLUMN}:${COLUMN}|(\\$?\\d+:\\$?\\d+))(?![${NAME_CHAR}(!])`,
  ].join("|"),
  "g",
);

function axis(letter: "R" | "C", absolute: boolean, target: number, base: number): string {
  if (absolute) return `${letter}${target + 1}`;
  const d = target - base;
  return d === 0 ? letter : `${letter}[${d}]`;
}

/** One cell of a reference in R1C1 from (`row`, `column`); null past Excel's grid (then it is a name). */
function cell(
  colAbs: string,
  letters: string,
  rowAbs: string,
  digits: string,
  row: number,
  column: number,
): string | null {
  const c = columnIndex(letters);
  const r = Number(digits) - 1;
  if (c >= MAX_COLUMN || r < 0 || r >= MAX_ROW) return null;
  return axis("R", rowAbs === "$", r, row) + axis("C", colAbs === "$", c, column);
}

/**
 * `formula` (A1, invariant syntax, as written in the cell at 0-based `row`, `column`) in R1C1
 * notation, or null when it holds a reference form this converter does not handle.
 */
export function toR1C1(formula: string, row: number, column: number): string | null {
  let unsupported = false;
  const out = formula.replace(TOKENS, (token: string, ...g: (string | undefined)[]) => {
    if (g[0] === undefined && g[8] === undefined && g[12] === undefined) return token; // copied
    if (g[12] !== undefined) {
      unsupported = true; // whole rows
      return token;
    }
    if (g[1] !== undefined) {
      const first = cell(g[0] ?? "", g[1], g[2] ?? "", g[3] ?? "", row, column);
      const second = g[5] === undefined ? "" : cell(g[4] ?? "", g[5], g[6] ?? "", g[7] ?? "", row, column);
      return first === null || second === null ? token : second ? `${first}:${second}` : first;
    }
    const a = columnIndex(g[9] ?? "");
    const b = columnIndex(g[11] ?? "");
    if (a >= MAX_COLUMN || b >= MAX_COLUMN) return token;
    return `${axis("C", g[8] === "$", a, column)}:${axis("C", g[10] === "$", b, column)}`;
  });
  return unsupported ? null : out;
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
