// All or nothing: what the workbook held before a write, and how to bring it back when a sync
// fails. Office.js batches are not transactions: the commands of a failing batch before the
// failing one stay applied, the rest are dropped (OfficeExtension.Error,
// learn.microsoft.com/javascript/api/office/officeextension.error). So after any failure we read
// what is there now and undo it against the state read before: objects are matched by id
// (Worksheet.id and Table.id survive renames), names by name.
import type { SyncLedger } from "./batch";
import { officeErrorMessage } from "./run";

export interface SheetBefore {
  id: string;
  name: string;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
}

export interface WorkbookBefore {
  sheets: SheetBefore[];
  tables: { id: string; name: string; sheet: string }[];
  names: { name: string; formula: string; comment: string }[];
  activeSheetId: string;
}

/** Queues the read of everything a write may change and restore; call ledger.sync(), then `result()`. */
export function loadBefore(context: Excel.RequestContext): () => WorkbookBefore {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name,items/id,items/protection/protected,items/protection/options");
  const tables = workbook.tables.load("items/name,items/id,items/worksheet/name");
  const names = workbook.names.load("items/name,items/formula,items/comment");
  const active = workbook.worksheets.getActiveWorksheet().load("id");
  return () => ({
    sheets: sheets.items.map((s) => ({
      id: s.id,
      name: s.name,
      protected: s.protection.protected,
      options: s.protection.options,
    })),
    tables: tables.items.map((t) => ({ id: t.id, name: t.name, sheet: t.worksheet.name })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula), comment: n.comment })),
    activeSheetId: active.id,
  });
}

/** What a write changes, so that a failure can be undone. */
export interface WritePlan {
  before: WorkbookBefore;
  /** Names of the sheets the write adds (temporary names in a swap). */
  addedSheets: string[];
  /** The description's workbook names: restored if they existed, deleted if not. */
  names: string[];
  /** Old sheets the swap renames out of the way and deletes last: id → temporary name. */
  retired: Map<string, string>;
  /** Old sheets the swap unprotects (to rename their tables): id → the password that worked. */
  unprotected: Map<string, string>;
}

export function listNames(names: string[]): string {
  return names.map((n) => `«${n}»`).join(", ");
}

export function sameName(a: string, b: string): boolean {
  // Excel compares sheet, table and name identifiers case-insensitively.
  return a.toLocaleUpperCase("it") === b.toLocaleUpperCase("it");
}

/**
 * Brings the workbook back to `plan.before` after `error`, or, when an old sheet is already
 * deleted (the swap's last step: everything else is in place), finishes deleting the old ones.
 * Returns "forward" when the write is complete after all; otherwise rethrows `error` once the
 * workbook is restored. If Excel refuses the clean-up too, throws one Italian line naming what
 * to delete or rename by hand.
 */
export async function recover(
  context: Excel.RequestContext,
  ledger: SyncLedger,
  plan: WritePlan,
  error: unknown,
): Promise<"forward"> {
  const { before } = plan;
  const oldIds = new Set(before.sheets.map((s) => s.id));
  let forward = false;
  try {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name,items/id,items/protection/protected");
    const tables = workbook.tables.load("items/name,items/id");
    const names = workbook.names.load("items/name,items/formula,items/comment");
    await ledger.sync();

    const nowIds = new Set(sheets.items.map((s) => s.id));
    forward = before.sheets.some((s) => !nowIds.has(s.id));
    if (forward) {
      for (const id of plan.retired.keys()) if (nowIds.has(id)) workbook.worksheets.getItem(id).delete();
      await ledger.sync();
      return "forward";
    }
    // Back: drop what was added (with its tables), give old sheets and tables their names back,
    // then the names (their old formulas name the old sheets again), protection, active sheet.
    for (const sheet of sheets.items) if (!oldIds.has(sheet.id)) workbook.worksheets.getItem(sheet.id).delete();
    for (const table of before.tables) {
      const now = tables.items.find((t) => t.id === table.id);
      if (now && now.name !== table.name) workbook.tables.getItem(table.id).name = table.name;
    }
    for (const sheet of before.sheets) {
      const now = sheets.items.find((s) => s.id === sheet.id);
      if (now && now.name !== sheet.name) workbook.worksheets.getItem(sheet.id).name = sheet.name;
    }
    for (const name of plan.names) {
      const old = before.names.find((n) => sameName(n.name, name));
      const now = names.items.find((n) => sameName(n.name, name));
      if (!old) {
        if (now) workbook.names.getItem(name).delete();
      } else if (now) {
        // Always: a repointed name may read as before now and become #REF! with the new sheets.
        const item = workbook.names.getItem(name);
        item.formula = old.formula;
        if (now.comment !== old.comment) item.comment = old.comment;
      } else {
        workbook.names.add(old.name, old.formula, old.comment);
      }
    }
    for (const sheet of before.sheets) {
      const now = sheets.items.find((s) => s.id === sheet.id);
      const password = plan.unprotected.get(sheet.id);
      if (sheet.protected && now && !now.protection.protected) {
        if (password) workbook.worksheets.getItem(sheet.id).protection.protect(sheet.options, password);
        else workbook.worksheets.getItem(sheet.id).protection.protect(sheet.options);
      }
    }
    workbook.worksheets.getItem(before.activeSheetId).activate();
    await ledger.sync();
  } catch (cleanup) {
    const wrapped: Error & { cause?: unknown } = new Error(problemLine(plan, forward, error));
    wrapped.cause = cleanup;
    throw wrapped;
  }
  throw error;
}

/** One Italian line: what failed, and what the user must delete or rename by hand. */
function problemLine(plan: WritePlan, forward: boolean, error: unknown): string {
  const retired = [...plan.retired.values()];
  if (forward) {
    return `Il cruscotto è stato scritto, ma Excel non ha eliminato i fogli vecchi ${listNames(retired)}: eliminali a mano.`;
  }
  const renames = [...plan.retired.entries()].map(([id, temp]) => {
    const original = plan.before.sheets.find((s) => s.id === id)?.name ?? "";
    return `«${temp}» in «${original}»`;
  });
  const added = plan.names.filter((n) => !plan.before.names.some((b) => sameName(b.name, n)));
  const parts = [`elimina i fogli ${listNames(plan.addedSheets)}`];
  if (added.length > 0) parts.push(`i nomi ${listNames(added)}`);
  const rename = renames.length > 0 ? `, poi rinomina ${renames.join(", ")}` : "";
  return `Importazione non riuscita (${officeErrorMessage(error)}) e non annullata del tutto: ${parts.join(" e ")} se presenti${rename}.`;
}
