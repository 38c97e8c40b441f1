// How Excel fills a range from ONE formula, for the recording fake, written independently of
// src/workbook/r1c1.ts so that each checks the other: an R1C1 formula means, in every cell, the
// cells at the same offsets (R[-1]C[2]) or the same absolute rows and columns (R3C5); an A1
// formula set as a single value on a multi-cell range is the top-left cell's, its relative
// references moving with each cell as a fill would move them.
import { columnIndex, columnLetter } from "../../src/workbook/address";

const IDENTIFIER = /[A-Za-z0-9_.\\\u00C0-\u024F$]/;

/**
 * Applies `convert` to every token matching `token` (a sticky regex) that stands alone (no
 * identifier character on either side, no "(" after), outside strings and structured references.
 */
function mapTokens(formula: string, token: RegExp, convert: (m: RegExpExecArray) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "'") j++;
        else if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (i === 0 || !IDENTIFIER.test(formula[i - 1])) {
      token.lastIndex = i;
      const m = token.exec(formula);
      const next = m ? (formula[i + m[0].length] ?? "") : "";
      if (m && !IDENTIFIER.test(next) && next !== "(" && next !== "!") {
        out += convert(m);
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function offset(part: string | undefined, base: number): { absolute: boolean; index: number } {
  if (part === undefined || part === "") return { absolute: false, index: base };
  if (part.startsWith("[")) return { absolute: false, index: base + Number(part.slice(1, -1)) };
  return { absolute: true, index: Number(part) - 1 };
}

function checked(index: number, what: string, formula: string): number {
  if (index < 0) throw new Error(`R1C1 ${what} outside the sheet in ${formula}`);
  return index;
}

/** The A1 formula an R1C1 `formula` is in the cell at 0-based (`row`, `column`). */
export function r1c1ToA1(formula: string, row: number, column: number): string {
  const cellOrColumn =
    /R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?|C(\[-?\d+\]|\d+)?(?=:C)|(?<=C(?:\[-?\d+\]|\d+)?:)C(\[-?\d+\]|\d+)?/y;
  return mapTokens(formula, cellOrColumn, (m) => {
    if (m[0].startsWith("R")) {
      const r = offset(m[1], row);
      const c = offset(m[2], column);
      const letters = columnLetter(checked(c.index, "column", formula));
      return `${c.absolute ? "$" : ""}${letters}${r.absolute ? "$" : ""}${checked(r.index, "row", formula) + 1}`;
    }
    const c = offset(m[3] ?? m[4], column);
    return `${c.absolute ? "$" : ""}${columnLetter(checked(c.index, "column", formula))}`;
  });
}

/** The A1 `formula` of the cell at (0, 0) as a fill moves it `rows` down and `columns` right. */
export function fillA1(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const cellOrColumn =
    /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Za-z]{1,3})(?=:\$?[A-Za-z]{1,3}(?![\d(]))|(?<=:)(\$?)([A-Za-z]{1,3})(?![\d(])/y;
  const move = (dollar: string, letters: string): string =>
    dollar === "$" ? `$${letters}` : columnLetter(columnIndex(letters) + columns);
  return mapTokens(formula, cellOrColumn, (m) => {
    if (m[2] !== undefined) {
      const r = m[3] === "$" ? `$${m[4]}` : String(Number(m[4]) + rows);
      return `${move(m[1], m[2])}${r}`;
    }
    return m[6] !== undefined ? move(m[5], m[6]) : move(m[7], m[8]);
  });
}
