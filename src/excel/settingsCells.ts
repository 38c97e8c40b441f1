// The cells behind the workbook's names (the Impostazioni settings) and the sheet's ranges.
import type { WorkbookDescription } from "../workbook/types";
import { SyncLedger } from "./batch";
import { UNPACED, type Pacer } from "./pace";
import type { Cell } from "../workbook/read";
import { queueProtect } from "./sheetFormats";
import { WriteQueue, queueRange } from "./writeQueue";

/**
 * Values of the cells the given workbook names point at; names the workbook lacks, or that refer
 * to no range, are absent. Read through each name's range, never by parsing NamedItem.formula,
 * which Excel on the desktop may give localised (office-js#2834).
 */
export async function readNamedValues(
  context: Excel.RequestContext,
  wanted: readonly string[],
): Promise<Record<string, Cell>> {
  const names = context.workbook.names;
  names.load("items/name,items/type");
  await context.sync();
  const ranges: { name: string; range: Excel.Range }[] = [];
  for (const name of wanted) {
    const item = names.items.find((n) => n.name.toUpperCase() === name.toUpperCase());
    if (!item || item.type !== "Range") continue;
    ranges.push({ name, range: names.getItem(item.name).getRange().load("values") });
  }
  if (ranges.length > 0) await context.sync();
  const out: Record<string, Cell> = {};
  for (const { name, range } of ranges) {
    const v = range.values[0]?.[0];
    out[name] = v === "" || v === undefined ? null : (v as Cell);
  }
  return out;
}

/**
 * Writes a sheet's ranges (the Impostazioni values, the formula-mode label) as the description
 * states them; some are locked, so the sheet is unprotected for the write and protected again.
 */
export async function rewriteSheetRanges(
  context: Excel.RequestContext,
  wb: WorkbookDescription,
  sheetName: string,
  pacer: Pacer = UNPACED,
): Promise<void> {
  const spec = wb.sheets.find((s) => s.name === sheetName);
  if (!spec) return;
  const sheet = context.workbook.worksheets.getItem(spec.name);
  sheet.load("protection/protected");
  await context.sync();
  const list = new WriteQueue();
  if (sheet.protection.protected) {
    const password = spec.protection.password;
    list.add(() => (password ? sheet.protection.unprotect(password) : sheet.protection.unprotect()));
  }
  for (const range of spec.ranges) queueRange(list, () => sheet, range);
  queueProtect(list, () => sheet, spec.protection);
  await new SyncLedger(context, pacer).run(list);
}
