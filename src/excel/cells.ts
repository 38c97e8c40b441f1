// How a CellSpec becomes an entry of a Range.formulas 2-D array.
//
// Office.js parses strings written through Range.values or Range.formulas the way Excel parses
// typed input: a leading "=", "+" or "-" makes a formula (documented on Range.values), "@" is the
// implicit-intersection operator, and number-, date-, time-, boolean- or error-looking text
// becomes a number, date, boolean or error. A leading apostrophe is consumed by Excel and forces
// the rest to be stored as text (it is not part of the value: office-js#6687 shows it does not
// come back when formulas are read). A "@" number format is not enough on its own: it does not
// stop "=" from starting a formula in every writer, and it would turn our own formulas into text
// in formula columns. So every literal string that Excel could reinterpret gets the apostrophe.
import { isFormula, type CellSpec } from "../workbook/types";

/** A value Range.formulas accepts: a formula string, a quoted literal, a number or a boolean. */
export type FormulaInput = string | number | boolean;

// Plain words (a letter first, no digit anywhere) are never read as anything but text.
const PLAIN_TEXT = /^\p{L}[^\d]*$/u;
// Booleans Excel recognises when typed, in English and in Italian.
const BOOLEAN_WORD = /^\s*(true|false|vero|falso)\s*$/i;

/** True when Excel would store `text` as something other than that exact text. */
export function needsQuotePrefix(text: string): boolean {
  if (text === "") return false;
  return !PLAIN_TEXT.test(text) || BOOLEAN_WORD.test(text);
}

/** The literal text as Range.formulas must receive it to store exactly `text`. */
export function literalText(text: string): string {
  return needsQuotePrefix(text) ? `'${text}` : text;
}

export function toFormulaInput(cell: CellSpec): FormulaInput {
  if (cell === null) return "";
  if (typeof cell === "string") return literalText(cell);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new Error(`Numero non valido nella descrizione: ${cell}`);
    return cell;
  }
  if (typeof cell === "boolean") return cell;
  if (isFormula(cell)) {
    if (!cell.formula.startsWith("=")) throw new Error(`Formula senza "=" iniziale: «${cell.formula}»`);
    return cell.formula;
  }
  throw new Error(`Cella non riconosciuta: ${JSON.stringify(cell)}`);
}

export function toFormulaRows(rows: readonly (readonly CellSpec[])[], width: number): FormulaInput[][] {
  return rows.map((row) => {
    const out: FormulaInput[] = new Array<FormulaInput>(width);
    for (let c = 0; c < width; c++) out[c] = toFormulaInput(c < row.length ? row[c] : null);
    return out;
  });
}
