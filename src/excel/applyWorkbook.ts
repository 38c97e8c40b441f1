// Writes a WorkbookDescription into the open workbook through Office.js, in a constant number
// of round trips: one read (what already exists), then one sync per ≤ 4 MB of queued writes.
import type { SheetSpec, WorkbookDescription } from "../workbook/types";
import { checkDescription } from "../workbook/checks";
import { SyncLedger } from "./batch";
import {
  queueAutofitRows,
  queueCharts,
  queueColumnWidths,
  queueConditionalFormats,
  queueFreeze,
  queuePrint,
  queueProtect,
  queueValidations,
} from "./sheetFormats";
import { WriteQueue, queueRange, queueTableBody, queueTableColumnFormats, queueTableCreation } from "./writeQueue";

export interface ApplyReport {
  /** context.sync() calls made, reads included. */
  syncs: number;
  /** Estimated request payload of each sync, in bytes (reads count as 0). */
  requestBytes: number[];
  largestRequestBytes: number;
  totalPayloadBytes: number;
  /** Write commands queued (each a range write, a table, a rule, …). */
  commands: number;
  /** Sheets written, in description order. */
  sheets: string[];
  /** Sheets that existed and were deleted and recreated (replace). */
  replacedSheets: string[];
}

export interface ApplyOptions {
  /** Delete and recreate the description's sheets, tables and names when they exist. */
  replace: boolean;
  /** Apply page orientation and fit (ExcelApi 1.9); false on older hosts. Default true. */
  printLayout?: boolean;
}

const TEMP_SHEET_PREFIX = "PIRA_vecchio_";

function sameName(a: string, b: string): boolean {
  // Excel compares sheet, table and name identifiers case-insensitively.
  return a.toLocaleUpperCase("it") === b.toLocaleUpperCase("it");
}

/** `prefix` + the first number that makes a name not in `taken` (which it then joins). */
function freeName(prefix: string, taken: string[]): string {
  let n = 1;
  while (taken.some((t) => sameName(t, `${prefix}${n}`))) n++;
  const name = `${prefix}${n}`;
  taken.push(name);
  return name;
}

function listNames(names: string[]): string {
  return names.map((n) => `«${n}»`).join(", ");
}

export function reportOf(ledger: SyncLedger, commands: number, sheets: string[], replaced: string[]): ApplyReport {
  return {
    syncs: ledger.syncs,
    requestBytes: [...ledger.requestBytes],
    largestRequestBytes: ledger.largestRequestBytes,
    totalPayloadBytes: ledger.totalBytes,
    commands,
    sheets,
    replacedSheets: replaced,
  };
}

export async function applyWorkbook(
  context: Excel.RequestContext,
  wb: WorkbookDescription,
  options: ApplyOptions,
): Promise<ApplyReport> {
  checkDescription(wb);
  const ledger = new SyncLedger(context);
  const workbook = context.workbook;

  // Read: every sheet name, every table with its sheet, every workbook name.
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const tables = workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const names = workbook.names;
  names.load("items/name");
  await ledger.sync();

  const existingSheetNames = worksheets.items.map((s) => s.name);
  const replaced = wb.sheets.map((s) => s.name).filter((n) => existingSheetNames.some((e) => sameName(e, n)));
  const replacedExisting = existingSheetNames.filter((e) => replaced.some((n) => sameName(e, n)));
  const tableNames = wb.sheets.flatMap((s) => s.tables.map((t) => t.name));
  const clashingTables = tables.items.filter((t) => tableNames.some((n) => sameName(t.name, n)));
  const clashingNames = names.items.filter((item) => wb.names.some((n) => sameName(item.name, n.name)));

  if (!options.replace && (replaced.length > 0 || clashingTables.length > 0 || clashingNames.length > 0)) {
    const parts: string[] = [];
    if (replaced.length > 0) parts.push(`fogli ${listNames(replaced)}`);
    if (clashingTables.length > 0) parts.push(`tabelle ${listNames(clashingTables.map((t) => t.name))}`);
    if (clashingNames.length > 0) parts.push(`nomi ${listNames(clashingNames.map((n) => n.name))}`);
    throw new Error(
      `La cartella contiene già ${parts.join(", ")}. Scegli «Sostituisci» per ricrearli: i dati esistenti andranno persi.`,
    );
  }
  // A table of ours on a sheet we keep would survive and block tables.add: refuse instead.
  const strayTables = clashingTables.filter((t) => !replacedExisting.some((s) => sameName(s, t.worksheet.name)));
  if (strayTables.length > 0) {
    throw new Error(
      `Le tabelle ${listNames(strayTables.map((t) => `${t.worksheet.name}!${t.name}`))} sono su fogli che il cruscotto non gestisce: rinominale o eliminale prima di importare.`,
    );
  }

  const list = new WriteQueue();
  const proxies = new Map<string, Excel.Worksheet>();
  const resolveSheet = (name: string): Excel.Worksheet => {
    const proxy = proxies.get(name);
    return proxy ?? worksheets.getItem(name);
  };
  const sheetOf = (name: string) => (): Excel.Worksheet => resolveSheet(name);

  // Replace: the workbook must keep at least one sheet, so the old sheets are renamed out of
  // the way, the new ones added, and only then the old ones deleted (with their tables).
  const taken = [...existingSheetNames, ...wb.sheets.map((s) => s.name)];
  const oldSheets = replacedExisting.map((old) => ({ old, temp: freeName(TEMP_SHEET_PREFIX, taken) }));
  for (const entry of oldSheets) {
    list.add(() => {
      const proxy = worksheets.getItem(entry.old);
      proxy.name = entry.temp;
      proxies.set(entry.temp, proxy);
    }, entry.temp);
  }
  for (const item of clashingNames) {
    const name = item.name;
    list.add(() => names.getItem(name).delete(), name);
  }
  for (const sheet of wb.sheets) {
    const { name, tabColor } = sheet;
    list.add(
      () => {
        const added = worksheets.add(name);
        if (tabColor) added.tabColor = tabColor;
        proxies.set(name, added);
      },
      name,
      tabColor,
    );
  }
  for (const { temp } of oldSheets) list.add(() => resolveSheet(temp).delete(), temp);

  // Tables exist (empty) before any formula is written: structured references such as
  // [@Consuntivo] or tblIndicatori[Punteggio] are only valid once their table exists.
  for (const sheet of wb.sheets) {
    for (const table of sheet.tables) queueTableCreation(list, sheetOf(sheet.name), table);
  }
  for (const name of wb.names) {
    list.add(() => {
      workbook.names.add(name.name, name.refersTo, name.comment);
    }, name);
  }
  for (const sheet of wb.sheets) {
    queueSheetContent(list, sheet, sheetOf(sheet.name), resolveSheet);
    if (options.printLayout !== false) queuePrint(list, sheetOf(sheet.name), sheet.print);
  }
  // Protection last: every write above needs the sheets unprotected.
  for (const sheet of wb.sheets) queueProtect(list, sheetOf(sheet.name), sheet.protection);
  if (wb.sheets.length > 0) {
    const first = wb.sheets[0].name;
    list.add(() => resolveSheet(first).activate());
  }

  await ledger.run(list);
  return reportOf(
    ledger,
    list.commands.length,
    wb.sheets.map((s) => s.name),
    replaced,
  );
}

function queueSheetContent(
  list: WriteQueue,
  sheet: SheetSpec,
  proxy: () => Excel.Worksheet,
  resolveSheet: (name: string) => Excel.Worksheet,
): void {
  for (const table of sheet.tables) queueTableBody(list, proxy, table);
  for (const range of sheet.ranges) queueRange(list, proxy, range);
  for (const table of sheet.tables) queueTableColumnFormats(list, proxy, table);
  if (sheet.columnWidths) queueColumnWidths(list, proxy, sheet.columnWidths);
  queueConditionalFormats(list, proxy, sheet.conditionalFormats);
  queueValidations(list, proxy, sheet.validations);
  queueCharts(list, proxy, resolveSheet, sheet.charts);
  queueFreeze(list, proxy, sheet.freeze);
  queueAutofitRows(list, proxy, sheet.rowHeights);
}
