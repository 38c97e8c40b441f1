// Reading a table's header and body into the plain table src/workbook/read.ts reads, and taking
// the user to a cell.
import { columnOf, type Cell, type Table } from "../workbook/read";
import { isNotFound } from "./run";

export async function readTable(context: Excel.RequestContext, sheetName: string, tableName: string): Promise<Table> {
  const table = context.workbook.worksheets.getItem(sheetName).tables.getItem(tableName);
  const header = table.getHeaderRowRange();
  header.load("values");
  const body = table.getDataBodyRange();
  body.load("values");
  await context.sync();
  return {
    headers: (header.values[0] ?? []).map((h) => String(h)),
    rows: plainCells(body.values),
  };
}

function plainCells(values: unknown[][]): Cell[][] {
  return values.map((row) => row.map((v) => (v === "" || v === undefined ? null : (v as Cell))));
}

/** Some columns of a table, as a Table of those columns only, and where each sits in the whole table. */
export interface TableColumns extends Table {
  /** 0-based index in the whole table of each of `headers`. */
  indexes: number[];
  /** Every header of the table, in order. */
  allHeaders: string[];
}

/**
 * The header row of a table, then only the body columns named in `wanted` (those the table has):
 * the task pane's reads stay small at any size, far from Excel on the web's 5 MB response limit,
 * where the whole Indicatori table of a 100× plan is some 3 MB.
 */
export async function readTableColumns(
  context: Excel.RequestContext,
  sheetName: string,
  tableName: string,
  wanted: readonly string[],
): Promise<TableColumns> {
  const table = context.workbook.worksheets.getItem(sheetName).tables.getItem(tableName);
  const header = table.getHeaderRowRange();
  header.load("values");
  await context.sync();
  const all = { headers: (header.values[0] ?? []).map((h) => String(h)) };
  const indexes = [...new Set(wanted.map((h) => columnOf(all, h)).filter((i) => i >= 0))];
  const body = table.getDataBodyRange();
  const columns = indexes.map((i) => body.getColumn(i).load("values"));
  if (columns.length > 0) await context.sync();
  const bodyRows = columns[0]?.values.length ?? 0;
  const cells = columns.map((c) => plainCells(c.values));
  return {
    headers: indexes.map((i) => all.headers[i]),
    rows: Array.from({ length: bodyRows }, (_, r) => cells.map((column) => column[r][0])),
    indexes,
    allHeaders: all.headers,
  };
}

/** readTable, or null when the sheet or the table is not in the workbook. */
export async function readTableIfPresent(
  context: Excel.RequestContext,
  sheetName: string,
  tableName: string,
): Promise<Table | null> {
  try {
    return await readTable(context, sheetName, tableName);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Activates the sheet and selects `address` on it (e.g. the indicator's row). */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address).select();
  await context.sync();
}

/** Selects a cell of a table body by row and column index (0-based), wherever the table sits. */
export async function selectTableCell(
  context: Excel.RequestContext,
  sheetName: string,
  tableName: string,
  row: number,
  column: number,
): Promise<void> {
  const header = context.workbook.worksheets.getItem(sheetName).tables.getItem(tableName).getHeaderRowRange();
  header.load("rowIndex,columnIndex");
  await context.sync();
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRangeByIndexes(header.rowIndex + 1 + row, header.columnIndex + column, 1, 1).select();
  await context.sync();
}
