// Reading a workbook made by `pira build` or the add-in, and saved again by Excel, LibreOffice or
// openpyxl: this file only turns the Indicatori sheet's cells (read from the file's XML by
// ooxml.ts) into the plain tables src/workbook/read.ts reads (`pira export-actuals`).
import { HEADERS, SHEETS } from "../workbook/layout";
import {
  WorkbookFormatError,
  countTypedCells,
  sameHeader,
  workbookActuals,
  type Cell,
  type CellError,
  type PlacedTable,
  type TypedCounts,
  type WorkbookActuals,
} from "../workbook/read";
import { NotAWorkbookError, readSheetCells, type SheetCells } from "./ooxml";

const HEADER_SCAN_ROWS = 20;

function text(value: Cell | CellError): string {
  return value === null || typeof value === "object" ? "" : String(value).trim();
}

async function sheetCells(data: Buffer, sheetName: string): Promise<SheetCells> {
  let cells: SheetCells | null;
  try {
    cells = await readSheetCells(data, sheetName);
  } catch (e) {
    if (!(e instanceof NotAWorkbookError)) throw e;
    throw new WorkbookFormatError("non è una cartella di lavoro Excel (.xlsx) leggibile.");
  }
  if (cells === null) {
    throw new WorkbookFormatError(
      `manca il foglio «${sheetName}»: non è un cruscotto creato da pira build o dal componente aggiuntivo.`,
    );
  }
  return cells;
}

/**
 * The table of `sheetName` whose first header, in column A of one of the first rows, is
 * `firstHeader`: its headers, and its rows until the first with an empty first cell.
 */
async function sheetTable(data: Buffer, sheetName: string, firstHeader: string): Promise<PlacedTable> {
  const ws = await sheetCells(data, sheetName);
  let headerRow = 0;
  for (let r = 1; r <= HEADER_SCAN_ROWS && headerRow === 0; r++) {
    if (sameHeader(text(ws.get(r, 1)), firstHeader)) headerRow = r;
  }
  if (headerRow === 0) throw new WorkbookFormatError(`nel foglio «${sheetName}» manca la colonna «${firstHeader}».`);
  const width = ws.columnCount(headerRow);
  const headers = Array.from({ length: width }, (_, c) => text(ws.get(headerRow, c + 1)));
  const rows: (Cell | CellError)[][] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    if (text(ws.get(r, 1)) === "") break;
    rows.push(Array.from({ length: width }, (_, c) => ws.get(r, c + 1)));
  }
  return { sheet: sheetName, topLeft: { row: headerRow - 1, column: 0 }, headers, rows };
}

/**
 * Reads the actuals typed into the Indicatori sheet of a workbook made by `pira build` or the
 * add-in. Throws WorkbookFormatError (Italian) when the file is not such a workbook.
 */
export async function readWorkbookActuals(data: Buffer): Promise<WorkbookActuals> {
  return workbookActuals(await sheetTable(data, SHEETS.indicators, HEADERS.indicatorId));
}

export type TypedCells =
  | ({ ours: true } & TypedCounts)
  /** Not a workbook of this project; `reason` is Italian, for "… (reason)". */
  | { ours: false; reason: string };

/**
 * Counts what a user typed into a workbook (consuntivi, notes) before `pira build` replaces it;
 * a file that is not one of our workbooks comes back with the reason.
 */
export async function readTypedCells(data: Buffer): Promise<TypedCells> {
  try {
    return { ours: true, ...countTypedCells(await sheetTable(data, SHEETS.indicators, HEADERS.indicatorId)) };
  } catch (e) {
    if (!(e instanceof WorkbookFormatError)) throw e;
    if (/non è una cartella di lavoro/.test(e.message)) return { ours: false, reason: "non è un file .xlsx leggibile" };
    return { ours: false, reason: e.message.split(": ")[0].replace(/\.$/, "") };
  }
}
