// The cells and tables a workbook is read from, pure: the values an adapter hands over, a column
// found by its header, and the problems a reading names by cell.
import type { CellRef } from "./address";
import { STEMS, yearOfHeader } from "./layout";
/** A cell's value as a spreadsheet shows it; empty cells are null. */
export type Cell = string | number | boolean | null;

/** A cell whose value cannot be used: an Excel error (#DIV/0!) or a value of a kind not known here. */
export interface CellError {
  error: string;
}

export interface Table<C = Cell> {
  headers: string[];
  /** Body rows, each with one cell per header. */
  rows: C[][];
}

/** A table and where it sits, so a problem can name its cell ("Indicatori!I4"). */
export interface PlacedTable extends Table<Cell | CellError> {
  sheet: string;
  /** The first header cell (0-based). */
  topLeft: CellRef;
}

/** The file or the workbook is not one this project made (message in Italian). */
export class WorkbookFormatError extends Error {}

export function sameHeader(a: string, b: string): boolean {
  return a.trim().toLocaleUpperCase("it") === b.trim().toLocaleUpperCase("it");
}

/** Column index by header (case-insensitive, as Excel compares names); -1 when absent. */
export function columnOf(table: { headers: string[] }, header: string): number {
  return table.headers.findIndex((h) => sameHeader(h, header));
}

export function cellText(cell: Cell | CellError | undefined): string {
  return cell === null || cell === undefined || typeof cell === "object" ? "" : String(cell).trim();
}

export function cellNumber(cell: Cell | undefined): number | null {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (typeof cell === "string" && cell.trim() !== "" && Number.isFinite(Number(cell))) return Number(cell);
  return null;
}

/** The plan years, from the "Consuntivo YYYY" headers. */
export function yearsOf(indicators: { headers: string[] }): number[] {
  const years: number[] = [];
  for (const h of indicators.headers) {
    const year = yearOfHeader(h, STEMS.actual);
    if (year !== null) years.push(year);
  }
  return years;
}

export interface CellProblem {
  /** Sheet-qualified address, e.g. "Indicatori!I5". */
  cell: string;
  /** Plain Italian. */
  message: string;
}
