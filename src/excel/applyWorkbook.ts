// Writes a WorkbookDescription into the open workbook through Office.js, in a constant number
// of round trips: one read (what already exists), then one sync per ≤ 4 MB of queued writes, the
// last carrying the swap. All or nothing: a failed sync is undone (swap.ts).
import type { SheetSpec, WorkbookDescription } from "../workbook/types";
import { checkDescription } from "../workbook/checks";
import { MAX_WRITE_SYNCS, SyncLedger, tell } from "./batch";
import { drive, UNPACED, type Pacer } from "./pace";
import { renameSteps } from "../workbook/rename";
import { listNames, loadBefore, recover, sameName, type WritePlan } from "./swap";
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
  /** Turns for the caller's thread while the writes are prepared, queued and sent (pace.ts). */
  pacer?: Pacer;
  /**
   * How far the write is, 0 to 1: the sheets prepared (the first fifth), then the requests sent,
   * by their size. Called a few times per sheet and per request.
   */
  onProgress?: (fraction: number) => void;
}

/** The share of the progress that preparing the writes takes (the rest: the requests). */
const PREPARING = 0.2;

/** Temporary names of a swap: new sheets and tables until they take over, old sheets until deleted. */
const NEW_SHEET_PREFIX = "PIRA_nuovo_";
const NEW_TABLE_SUFFIX = "_nuovo";
const OLD_SHEET_PREFIX = "PIRA_vecchio_";
const OLD_TABLE_SUFFIX = "_vecchio";

/** `prefix` + the first number that makes a name not in `taken` (which it then joins). */
function freeName(prefix: string, taken: string[]): string {
  let n = 1;
  while (taken.some((t) => sameName(t, `${prefix}${n}`))) n++;
  const name = `${prefix}${n}`;
  taken.push(name);
  return name;
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
  const pacer = options.pacer ?? UNPACED;
  const ledger = new SyncLedger(context, pacer);
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;

  // Read: every sheet (name, id, protection), table, workbook name, and the active sheet.
  const readBefore = loadBefore(context);
  await ledger.sync();
  const before = readBefore();

  const existingSheetNames = before.sheets.map((s) => s.name);
  const replaced = wb.sheets.map((s) => s.name).filter((n) => existingSheetNames.some((e) => sameName(e, n)));
  const replacedExisting = before.sheets.filter((e) => replaced.some((n) => sameName(e.name, n)));
  const tableNames = wb.sheets.flatMap((s) => s.tables.map((t) => t.name));
  const clashingTables = before.tables.filter((t) => tableNames.some((n) => sameName(t.name, n)));
  const clashingNames = before.names.filter((item) => wb.names.some((n) => sameName(item.name, n.name)));

  if (!options.replace && (replaced.length > 0 || clashingTables.length > 0 || clashingNames.length > 0)) {
    const parts: string[] = [];
    if (replaced.length > 0) parts.push(`fogli ${listNames(replaced)}`);
    if (clashingTables.length > 0) parts.push(`tabelle ${listNames(clashingTables.map((t) => t.name))}`);
    if (clashingNames.length > 0) parts.push(`nomi ${listNames(clashingNames.map((n) => n.name))}`);
    throw new Error(
      `La cartella contiene già ${parts.join(", ")}. Scegli «Sostituisci» per ricrearli: i dati esistenti andranno persi.`,
    );
  }
  // A table of ours on a sheet we keep would survive and block the swap: refuse instead.
  const strayTables = clashingTables.filter((t) => !replacedExisting.some((s) => sameName(s.name, t.sheet)));
  if (strayTables.length > 0) {
    throw new Error(
      `Le tabelle ${listNames(strayTables.map((t) => `${t.sheet}!${t.name}`))} sono su fogli che il cruscotto non gestisce: rinominale o eliminale prima di importare.`,
    );
  }

  // All or nothing. Without anything to replace, the sheets are written under their own names
  // (a failure deletes them). Otherwise the new sheets and tables are written under temporary
  // names, their formulas naming those, and the finale swaps them in: old tables and sheets
  // renamed out of the way, new ones renamed into place (Excel rewrites every reference to a
  // renamed sheet or table), names repointed, protection, and only then the old sheets
  // deleted, the one step that cannot be undone.
  const swap = replacedExisting.length > 0 || clashingTables.length > 0 || clashingNames.length > 0;
  const takenSheets = [...existingSheetNames, ...wb.sheets.map((s) => s.name)];
  const takenIdentifiers = [...before.tables.map((t) => t.name), ...before.names.map((n) => n.name)];
  takenIdentifiers.push(...tableNames, ...wb.names.map((n) => n.name));
  const sheetRenames = new Map<string, string>();
  const tableRenames = new Map<string, string>();
  if (swap) {
    for (const sheet of wb.sheets) sheetRenames.set(sheet.name, freeName(NEW_SHEET_PREFIX, takenSheets));
    for (const table of tableNames) tableRenames.set(table, freeName(`${table}${NEW_TABLE_SUFFIX}`, takenIdentifiers));
  }
  const written = swap ? await drive(renameSteps(wb, sheetRenames, tableRenames), pacer) : wb;
  const retired = new Map(replacedExisting.map((s) => [s.id, freeName(OLD_SHEET_PREFIX, takenSheets)]));
  const unprotected = new Map<string, string>();
  for (const sheet of replacedExisting) {
    if (sheet.protected && clashingTables.some((t) => sameName(t.sheet, sheet.name))) {
      const spec = wb.sheets.find((s) => sameName(s.name, sheet.name));
      unprotected.set(sheet.id, spec?.protection.password ?? "");
    }
  }
  const plan: WritePlan = {
    before,
    addedSheets: written.sheets.map((s) => s.name),
    names: wb.names.map((n) => n.name),
    retired,
    unprotected,
  };

  const list = new WriteQueue();
  const proxies = new Map<string, Excel.Worksheet>();
  const resolveSheet = (name: string): Excel.Worksheet => {
    const proxy = proxies.get(name);
    return proxy ?? worksheets.getItem(name);
  };
  const sheetOf = (name: string) => (): Excel.Worksheet => resolveSheet(name);

  for (const sheet of written.sheets) {
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
  // Tables exist (empty) before any formula is written: structured references such as
  // [@Consuntivo] or tblIndicatori[Punteggio] are only valid once their table exists.
  for (const sheet of written.sheets) {
    for (const table of sheet.tables) queueTableCreation(list, sheetOf(sheet.name), table);
  }
  for (const [index, sheet] of written.sheets.entries()) {
    await queueSheetContent(list, sheet, sheetOf(sheet.name), resolveSheet, pacer);
    if (options.printLayout !== false) queuePrint(list, sheetOf(sheet.name), sheet.print);
    tell(options.onProgress, (PREPARING * (index + 1)) / written.sheets.length);
  }

  const finale = new WriteQueue();
  for (const [id, password] of unprotected) {
    finale.add(() => {
      if (password) worksheets.getItem(id).protection.unprotect(password);
      else worksheets.getItem(id).protection.unprotect();
    });
  }
  for (const table of clashingTables) {
    const out = freeName(`${table.name}${OLD_TABLE_SUFFIX}`, takenIdentifiers);
    finale.add(() => (workbook.tables.getItem(table.id).name = out), out);
  }
  for (const [id, temp] of retired) finale.add(() => (worksheets.getItem(id).name = temp), temp);
  for (const [name, temp] of sheetRenames) finale.add(() => (worksheets.getItem(temp).name = name), name);
  for (const [name, temp] of tableRenames) finale.add(() => (workbook.tables.getItem(temp).name = name), name);
  for (const name of wb.names) {
    const exists = clashingNames.some((n) => sameName(n.name, name.name));
    finale.add(() => {
      if (exists) {
        // Repointed, not recreated: formulas already bound to the name keep it.
        const item = workbook.names.getItem(name.name);
        item.formula = name.refersTo;
        item.comment = name.comment ?? "";
      } else {
        workbook.names.add(name.name, name.refersTo, name.comment);
      }
    }, name);
  }
  // Protection after the renames (a protected sheet's table cannot be renamed) and every write.
  const finalSheet = (name: string) => (): Excel.Worksheet => (swap ? worksheets.getItem(name) : resolveSheet(name));
  for (const sheet of wb.sheets) queueProtect(finale, finalSheet(sheet.name), sheet.protection);
  if (wb.sheets.length > 0) {
    const first = wb.sheets[0].name;
    finale.add(() => finalSheet(first)().activate());
  }
  for (const id of retired.keys()) finale.add(() => worksheets.getItem(id).delete());

  const syncsBefore = ledger.syncs;
  try {
    await ledger.run(list, MAX_WRITE_SYNCS, finale, (sent) =>
      tell(options.onProgress, PREPARING + (1 - PREPARING) * sent),
    );
  } catch (error) {
    // Refused before any request (too large): nothing to undo.
    if (ledger.syncs === syncsBefore) throw error;
    await recover(context, ledger, plan, error);
  }
  return reportOf(
    ledger,
    list.commands.length + finale.commands.length,
    wb.sheets.map((s) => s.name),
    replaced,
  );
}

async function queueSheetContent(
  list: WriteQueue,
  sheet: SheetSpec,
  proxy: () => Excel.Worksheet,
  resolveSheet: (name: string) => Excel.Worksheet,
  pacer: Pacer,
): Promise<void> {
  for (const table of sheet.tables) await queueTableBody(list, proxy, table, pacer);
  await pacer.step();
  for (const range of sheet.ranges) queueRange(list, proxy, range);
  for (const table of sheet.tables) queueTableColumnFormats(list, proxy, table);
  if (sheet.columnWidths) queueColumnWidths(list, proxy, sheet.columnWidths);
  queueConditionalFormats(list, proxy, sheet.conditionalFormats);
  queueValidations(list, proxy, sheet.validations);
  queueCharts(list, proxy, resolveSheet, sheet.charts);
  queueFreeze(list, proxy, sheet.freeze);
  queueAutofitRows(list, proxy, sheet.rowHeights);
}
