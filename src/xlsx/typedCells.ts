// What a user typed into a workbook made by `pira build` or the add-in, counted before the file is
// replaced (`pira build -o` onto it): the consuntivi in the Indicatori sheet's "Consuntivo AAAA"
// columns and the notes in any column headed "Nota…"/"Note…". Only counts: reading the values
// back is readWorkbookActuals' job (`pira export-actuals`).
import ExcelJS from "exceljs";
import { HEADERS, SHEETS } from "../workbook/build";

export type TypedCells =
  | { ours: true; actuals: number; notes: number }
  /** Not a workbook of this project; `reason` is Italian, for "… (reason)". */
  | { ours: false; reason: string };

const HEADER_SCAN_ROWS = 20;
const ACTUAL_HEADER = /^Consuntivo \d{4}$/;
const NOTE_HEADER = /^Not[ae]\b/i;

function cellText(cell: ExcelJS.Cell): string {
  return typeof cell.text === "string" ? cell.text.trim() : "";
}

/** A cell holding anything: a value, a formula someone typed, an error. */
function isFilled(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  if (v === null || v === undefined) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (typeof v === "object" && "richText" in v) return v.richText.some((r) => r.text.trim() !== "");
  return true;
}

export async function countTypedCells(data: Buffer): Promise<TypedCells> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return { ours: false, reason: "non è un file .xlsx leggibile" };
  }
  const ws = wb.getWorksheet(SHEETS.indicators);
  if (ws === undefined) return { ours: false, reason: `manca il foglio «${SHEETS.indicators}»` };
  let headerRow = 0;
  for (let r = 1; r <= HEADER_SCAN_ROWS && headerRow === 0; r++) {
    if (cellText(ws.getRow(r).getCell(1)) === HEADERS.indicatorId) headerRow = r;
  }
  if (headerRow === 0)
    return { ours: false, reason: `nel foglio «${SHEETS.indicators}» manca la colonna «${HEADERS.indicatorId}»` };
  const actualColumns: number[] = [];
  const noteColumns: number[] = [];
  ws.getRow(headerRow).eachCell((cell, column) => {
    const header = cellText(cell);
    if (ACTUAL_HEADER.test(header)) actualColumns.push(column);
    else if (NOTE_HEADER.test(header)) noteColumns.push(column);
  });
  let actuals = 0;
  let notes = 0;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (cellText(row.getCell(1)) === "") break;
    for (const c of actualColumns) if (isFilled(row.getCell(c))) actuals++;
    for (const c of noteColumns) if (isFilled(row.getCell(c))) notes++;
  }
  return { ours: true, actuals, notes };
}
