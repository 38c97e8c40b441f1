// How description values become exceljs values and file units: formulas as the file stores
// them, cells with no cached result, colours and column widths.
import type ExcelJS from "exceljs";
import { isFormula, type CellSpec } from "../workbook/types";

// Functions newer than Excel 2007 are stored with the "_xlfn." prefix in the file; without it
// Excel and LibreOffice show #NAME?. The builder avoids them today; this keeps a new formula honest.
const FUTURE_FUNCTIONS = new Set([
  "AGGREGATE",
  "CEILING.MATH",
  "CONCAT",
  "DAYS",
  "FLOOR.MATH",
  "IFNA",
  "IFS",
  "ISOWEEKNUM",
  "MAXIFS",
  "MINIFS",
  "SWITCH",
  "TEXTJOIN",
  "XOR",
]);
const FUNCTION_CALL_RE = /("(?:[^"]|"")*"|'(?:[^']|'')*')|(?<![\w.])([A-Za-z][A-Za-z0-9.]*)(?=\()/g;
// A quick test first: tens of thousands of formulas of the 100× plan call none of them.
const MAY_CALL_FUTURE = new RegExp(`(?:${[...FUTURE_FUNCTIONS].map((f) => f.replace(".", "\\.")).join("|")})\\(`, "i");

/** "=IF(A1>0,1,0)" → "IF(A1>0,1,0)" as the file stores it (no "=", "_xlfn." where due). */
export function fileFormula(formula: string): string {
  if (!formula.startsWith("=")) throw new Error(`Formula senza "=" iniziale: «${formula}»`);
  const body = formula.slice(1);
  if (!MAY_CALL_FUTURE.test(body)) return body;
  return body.replace(FUNCTION_CALL_RE, (whole: string, literal: string | undefined, name: string | undefined) =>
    literal === undefined && name !== undefined && FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `_xlfn.${name}` : whole,
  );
}

export type CellValue = ExcelJS.CellValue;

/** A CellSpec as an exceljs value: strings stay text (a leading "=" included), formulas carry no cached result. */
export function cellValue(cell: CellSpec): CellValue {
  if (cell === null || typeof cell === "string" || typeof cell === "boolean") return cell;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new Error(`Numero non valido nella descrizione: ${cell}`);
    return cell;
  }
  if (isFormula(cell)) return { formula: fileFormula(cell.formula) } as ExcelJS.CellFormulaValue;
  throw new Error(`Cella non riconosciuta: ${JSON.stringify(cell)}`);
}

export function argb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Colore non valido: «${hex}»`);
  return `FF${m[1].toUpperCase()}`;
}

/**
 * Column width in the file: characters plus Excel's 5-pixel padding, in 1/256ths, which is what
 * the Office.js adapter's (chars·7+5)·0.75 points amounts to. (exceljs would also drop a bare 9,
 * its own default width, although Excel's is 8.43.)
 */
export function fileColumnWidth(chars: number): number {
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}
