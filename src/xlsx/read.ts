// Reading a workbook made by `pira build` or the add-in with exceljs: this file only turns the
// file's cells into the plain tables src/workbook/read.ts reads (`pira export-actuals`).
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   exceljs objects, not Office.js proxies: these rules mistake its getRow/getCell for Office.js calls. */
import ExcelJS from "exceljs";
import {
  ARCHIVE_COLUMNS,
  HEADERS,
  NAMES,
  REGISTER_COLUMNS,
  SETTINGS_SHEET,
  SHEETS,
  type SETTING_NAMES,
} from "../workbook/layout";
import {
  WorkbookFormatError,
  countTypedCells,
  readWorkbook,
  sameHeader,
  workbookActuals,
  type Cell,
  type CellError,
  type PlacedTable,
  type TypedCounts,
  type WorkbookActuals,
  type WorkbookContents,
  type WorkbookTables,
} from "../workbook/read";
import type { CellValue } from "./cells";

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;
const HEADER_SCAN_ROWS = 20;

/** A value as the workbook shows it: numbers on Excel's scale, dates as serials (exceljs reads them as Date). */
function plainValue(value: CellValue): Cell | CellError {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (value instanceof Date) return UNIX_EPOCH_SERIAL + value.getTime() / DAY_MS;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return plainValue(value.richText.map((r) => r.text).join(""));
  if ("text" in value) return plainValue(String(value.text));
  return { error: "valore non riconosciuto" };
}

/** A typed value, or what a formula typed into the cell computed when the file was last saved. */
function plainCell(cell: ExcelJS.Cell): Cell | CellError {
  // cell.result, not cell.value.result: exceljs drops falsy results (0, FALSE) from cell.value.
  if (cell.type === ExcelJS.ValueType.Formula) return plainValue((cell.result ?? null) as CellValue);
  return plainValue(cell.value);
}

function text(cell: ExcelJS.Cell): string {
  const v = plainCell(cell);
  return v === null || typeof v === "object" ? "" : String(v).trim();
}

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new WorkbookFormatError("non è una cartella di lavoro Excel (.xlsx) leggibile.");
  }
  return wb;
}

/**
 * The table of `sheetName` whose first header, in column A of one of the first rows, is
 * `firstHeader`: its headers, and its rows until the first with an empty first cell.
 */
function sheetTable(
  wb: ExcelJS.Workbook,
  sheetName: string,
  firstHeader: string,
  endsAt: "emptyFirstCell" | "emptyRow" = "emptyFirstCell",
): PlacedTable {
  const ws = wb.getWorksheet(sheetName);
  if (ws === undefined) {
    throw new WorkbookFormatError(
      `manca il foglio «${sheetName}»: non è un cruscotto creato da pira build o dal componente aggiuntivo.`,
    );
  }
  let headerRow = 0;
  for (let r = 1; r <= HEADER_SCAN_ROWS && headerRow === 0; r++) {
    if (sameHeader(text(ws.getRow(r).getCell(1)), firstHeader)) headerRow = r;
  }
  if (headerRow === 0) throw new WorkbookFormatError(`nel foglio «${sheetName}» manca la colonna «${firstHeader}».`);
  const header = ws.getRow(headerRow);
  const width = header.cellCount;
  const headers = Array.from({ length: width }, (_, c) => text(header.getCell(c + 1)));
  const rows: (Cell | CellError)[][] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (endsAt === "emptyFirstCell" && text(row.getCell(1)) === "") break;
    const cells = Array.from({ length: width }, (_, c) => plainCell(row.getCell(c + 1)));
    if (cells.every((c) => c === null)) break;
    rows.push(cells);
  }
  return { sheet: sheetName, topLeft: { row: headerRow - 1, column: 0 }, headers, rows };
}

/**
 * Reads the actuals typed into the Indicatori sheet of a workbook made by `pira build` or the
 * add-in. Throws WorkbookFormatError (Italian) when the file is not such a workbook.
 */
export async function readWorkbookActuals(data: Buffer): Promise<WorkbookActuals> {
  const wb = await load(data);
  return workbookActuals(sheetTable(wb, SHEETS.indicators, HEADERS.indicatorId));
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
  let wb: ExcelJS.Workbook;
  try {
    wb = await load(data);
  } catch {
    return { ours: false, reason: "non è un file .xlsx leggibile" };
  }
  try {
    return { ours: true, ...countTypedCells(sheetTable(wb, SHEETS.indicators, HEADERS.indicatorId)) };
  } catch (e) {
    if (!(e instanceof WorkbookFormatError)) throw e;
    return { ours: false, reason: e.message.split(": ")[0].replace(/\.$/, "") };
  }
}
/** The table of an optional sheet (Archivio, Registro in a workbook made before them): null when absent. */
function optionalTable(
  wb: ExcelJS.Workbook,
  sheetName: string,
  firstHeader: string,
  endsAt: "emptyFirstCell" | "emptyRow" = "emptyFirstCell",
): PlacedTable | null {
  if (wb.getWorksheet(sheetName) === undefined) return null;
  try {
    return sheetTable(wb, sheetName, firstHeader, endsAt);
  } catch (e) {
    if (e instanceof WorkbookFormatError) return null;
    throw e;
  }
}

/** The settings' cells of the Impostazioni sheet, by the names that point at them. */
function settingCells(wb: ExcelJS.Workbook): WorkbookTables["settings"] {
  const ws = wb.getWorksheet(SHEETS.settings);
  if (ws === undefined) return {};
  const rows: Record<(typeof SETTING_NAMES)[number], number> = {
    [NAMES.year]: SETTINGS_SHEET.rows.year,
    [NAMES.green]: SETTINGS_SHEET.rows.green,
    [NAMES.amber]: SETTINGS_SHEET.rows.amber,
    [NAMES.mode]: SETTINGS_SHEET.rows.mode,
    [NAMES.formulaMode]: SETTINGS_SHEET.rows.formulaMode,
  };
  const out: WorkbookTables["settings"] = {};
  for (const [name, row] of Object.entries(rows) as [(typeof SETTING_NAMES)[number], number][]) {
    const v = plainCell(ws.getRow(row + 1).getCell(SETTINGS_SHEET.valueColumn + 1));
    out[name] = v !== null && typeof v === "object" ? null : v;
  }
  return out;
}

/**
 * Everything a revision carries from a workbook made by `pira build` or the add-in: plan,
 * consuntivi, notes, settings, Archivio and Registro. Throws WorkbookFormatError when it is not one.
 */
export async function readWorkbookContents(data: Buffer): Promise<WorkbookContents> {
  const wb = await load(data);
  return readWorkbook({
    indicators: sheetTable(wb, SHEETS.indicators, HEADERS.indicatorId),
    objectives: optionalTable(wb, SHEETS.objectives, HEADERS.objective),
    areaWeights: optionalTable(wb, SHEETS.settings, HEADERS.area),
    // A Registro row may lack its date (an import that did not know it): rows end at an empty row.
    archive: optionalTable(wb, SHEETS.archive, ARCHIVE_COLUMNS[0].header, "emptyRow"),
    register: optionalTable(wb, SHEETS.register, REGISTER_COLUMNS[0].header, "emptyRow"),
    settings: settingCells(wb),
  });
}
