// Reading a workbook made by `pira build` or the add-in, and saved again by Excel, LibreOffice or
// openpyxl: this file only turns the sheets' cells (read from the file's XML by ooxml.ts) into the
// plain tables src/workbook/read.ts reads (`pira export-actuals`, `pira build --from`, `pira diff`).
import { BAND_PROFILES } from "../domain/settings";
import { cellAddress } from "../workbook/address";
import { HEADERS, NAMES, PROFILE_COLUMN, SETTINGS_SHEET, SHEETS, type SETTING_NAMES } from "../workbook/layout";
import { ARCHIVE_COLUMNS, REGISTER_COLUMNS } from "../workbook/layoutHistory";
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
import { NotAWorkbookError, openWorkbookCells, type SheetCells, type WorkbookCells } from "./ooxml";

const HEADER_SCAN_ROWS = 20;
const NOT_A_WORKBOOK = "non è una cartella di lavoro Excel (.xlsx) leggibile.";

function text(value: Cell | CellError): string {
  return value === null || typeof value === "object" ? "" : String(value).trim();
}

async function open(data: Buffer): Promise<WorkbookCells> {
  try {
    return await openWorkbookCells(data);
  } catch (e) {
    if (!(e instanceof NotAWorkbookError)) throw e;
    throw new WorkbookFormatError(NOT_A_WORKBOOK);
  }
}

async function sheetCells(wb: WorkbookCells, sheetName: string): Promise<SheetCells | null> {
  try {
    return await wb.sheet(sheetName);
  } catch (e) {
    if (!(e instanceof NotAWorkbookError)) throw e;
    throw new WorkbookFormatError(NOT_A_WORKBOOK);
  }
}

/**
 * The table of a sheet whose first header, in column A of one of the first rows, is `firstHeader`:
 * its headers, and its rows until the first with an empty first cell (or, with "emptyRow", the
 * first wholly empty row: a Registro row may lack its first cell).
 */
function tableOf(
  ws: SheetCells,
  sheetName: string,
  firstHeader: string,
  endsAt: "emptyFirstCell" | "emptyRow" = "emptyFirstCell",
): PlacedTable {
  let headerRow = 0;
  for (let r = 1; r <= HEADER_SCAN_ROWS && headerRow === 0; r++) {
    if (sameHeader(text(ws.get(r, 1)), firstHeader)) headerRow = r;
  }
  if (headerRow === 0) throw new WorkbookFormatError(`nel foglio «${sheetName}» manca la colonna «${firstHeader}».`);
  const width = ws.columnCount(headerRow);
  const headers = Array.from({ length: width }, (_, c) => text(ws.get(headerRow, c + 1)));
  const rows: (Cell | CellError)[][] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    if (endsAt === "emptyFirstCell" && text(ws.get(r, 1)) === "") break;
    const cells = Array.from({ length: width }, (_, c) => ws.get(r, c + 1));
    if (cells.every((c) => c === null)) break;
    rows.push(cells);
  }
  return { sheet: sheetName, topLeft: { row: headerRow - 1, column: 0 }, headers, rows };
}

async function sheetTable(wb: WorkbookCells, sheetName: string, firstHeader: string): Promise<PlacedTable> {
  const ws = await sheetCells(wb, sheetName);
  if (ws === null) {
    throw new WorkbookFormatError(
      `manca il foglio «${sheetName}»: non è un cruscotto creato da pira build o dal componente aggiuntivo.`,
    );
  }
  return tableOf(ws, sheetName, firstHeader);
}

/** The table of an optional sheet (Archivio, Registro in a workbook made before them): null when absent. */
async function optionalTable(
  wb: WorkbookCells,
  sheetName: string,
  firstHeader: string,
  endsAt: "emptyFirstCell" | "emptyRow" = "emptyFirstCell",
): Promise<PlacedTable | null> {
  const ws = await sheetCells(wb, sheetName);
  if (ws === null) return null;
  try {
    return tableOf(ws, sheetName, firstHeader, endsAt);
  } catch (e) {
    if (e instanceof WorkbookFormatError) return null;
    throw e;
  }
}

/** A setting's cell: its sheet-qualified address and its value as the file holds it (errors kept). */
export interface SettingCell {
  cell: string;
  value: Cell | CellError;
}

/** The settings' cells of the Impostazioni sheet, by the places the names point at; {} without the sheet. */
async function settingCells(wb: WorkbookCells): Promise<Partial<Record<(typeof SETTING_NAMES)[number], SettingCell>>> {
  const ws = await sheetCells(wb, SHEETS.settings);
  if (ws === null) return {};
  const value = SETTINGS_SHEET.valueColumn;
  // The custom profile's row follows the header and the named profiles (see SETTINGS_SHEET).
  const customRow = SETTINGS_SHEET.profilesTop + 1 + BAND_PROFILES.length;
  const places: Record<(typeof SETTING_NAMES)[number], [number, number]> = {
    [NAMES.year]: [SETTINGS_SHEET.rows.year, value],
    [NAMES.green]: [SETTINGS_SHEET.rows.green, value],
    [NAMES.amber]: [SETTINGS_SHEET.rows.amber, value],
    [NAMES.mode]: [SETTINGS_SHEET.rows.mode, value],
    [NAMES.formulaMode]: [SETTINGS_SHEET.rows.formulaMode, value],
    [NAMES.profile]: [SETTINGS_SHEET.profileRow, value],
    [NAMES.customGreen]: [customRow, SETTINGS_SHEET.profilesColumn + PROFILE_COLUMN.green],
    [NAMES.customAmber]: [customRow, SETTINGS_SHEET.profilesColumn + PROFILE_COLUMN.amber],
  };
  const out: Partial<Record<(typeof SETTING_NAMES)[number], SettingCell>> = {};
  for (const [name, [row, column]] of Object.entries(places) as [(typeof SETTING_NAMES)[number], [number, number]][]) {
    out[name] = { cell: `${SHEETS.settings}!${cellAddress(row, column)}`, value: ws.get(row + 1, column + 1) };
  }
  return out;
}

/** What readWorkbook reads, as this file found it: the tables placed, the settings' cells with their addresses. */
export interface XlsxTables extends WorkbookTables {
  objectives: PlacedTable | null;
  areaWeights: PlacedTable | null;
  settingCells: Partial<Record<(typeof SETTING_NAMES)[number], SettingCell>>;
}

/** The tables and settings of a workbook made by `pira build` or the add-in, before readWorkbook reads them. */
export async function readWorkbookTables(data: Buffer): Promise<XlsxTables> {
  const wb = await open(data);
  const cells = await settingCells(wb);
  const settings: WorkbookTables["settings"] = {};
  for (const [name, { value }] of Object.entries(cells) as [(typeof SETTING_NAMES)[number], SettingCell][]) {
    settings[name] = value !== null && typeof value === "object" ? null : value;
  }
  return {
    indicators: await sheetTable(wb, SHEETS.indicators, HEADERS.indicatorId),
    objectives: await optionalTable(wb, SHEETS.objectives, HEADERS.objective),
    areaWeights: await optionalTable(wb, SHEETS.settings, HEADERS.area),
    archive: await optionalTable(wb, SHEETS.archive, ARCHIVE_COLUMNS[0].header, "emptyRow"),
    register: await optionalTable(wb, SHEETS.register, REGISTER_COLUMNS[0].header, "emptyRow"),
    settings,
    settingCells: cells,
  };
}

/**
 * Reads the actuals typed into the Indicatori sheet of a workbook made by `pira build` or the
 * add-in. Throws WorkbookFormatError (Italian) when the file is not such a workbook.
 */
export async function readWorkbookActuals(data: Buffer): Promise<WorkbookActuals> {
  return workbookActuals(await sheetTable(await open(data), SHEETS.indicators, HEADERS.indicatorId));
}

/**
 * Everything a revision carries from a workbook made by `pira build` or the add-in: plan,
 * consuntivi, notes, settings, Archivio and Registro. Throws WorkbookFormatError when it is not one.
 */
export async function readWorkbookContents(data: Buffer): Promise<WorkbookContents> {
  return readWorkbook(await readWorkbookTables(data));
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
    const wb = await open(data);
    return { ours: true, ...countTypedCells(await sheetTable(wb, SHEETS.indicators, HEADERS.indicatorId)) };
  } catch (e) {
    if (!(e instanceof WorkbookFormatError)) throw e;
    if (e.message === NOT_A_WORKBOOK) return { ours: false, reason: "non è un file .xlsx leggibile" };
    return { ours: false, reason: e.message.split(": ")[0].replace(/\.$/, "") };
  }
}
