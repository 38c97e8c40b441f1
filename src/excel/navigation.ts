// Reading a table's header and body into the plain table src/workbook/read.ts reads, and taking
// the user to a cell.
import type { Cell, Table } from "../workbook/read";
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
    rows: body.values.map((row) => row.map((v) => (v === "" || v === undefined ? null : (v as Cell)))),
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
