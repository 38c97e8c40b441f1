// Reading a table for the task pane's follow view, and taking the user to a cell.

export type TableCell = string | number | boolean | null;

export interface TableContent {
  headers: string[];
  /** Body rows; empty cells are null. */
  rows: TableCell[][];
}

export async function readTable(
  context: Excel.RequestContext,
  sheetName: string,
  tableName: string,
): Promise<TableContent> {
  const table = context.workbook.worksheets.getItem(sheetName).tables.getItem(tableName);
  const header = table.getHeaderRowRange();
  header.load("values");
  const body = table.getDataBodyRange();
  body.load("values");
  await context.sync();
  return {
    headers: (header.values[0] ?? []).map((h) => String(h)),
    rows: body.values.map((row) => row.map((v) => (v === "" || v === undefined ? null : (v as TableCell)))),
  };
}

/** Activates the sheet and selects `address` on it (e.g. the indicator's row). */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address).select();
  await context.sync();
}
