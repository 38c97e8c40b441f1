// A copy of a recording fake's workbook and log in a new fake, for tests that try many writes from
// one set-up state (the all-or-nothing test injects a failure per sync and prefix): cloning the
// state is much cheaper than building it again, and each copy is as independent as a fresh fake.
// Kept apart from recordingExcel.ts: it copies the models' own fields, whatever they hold.
import {
  createRecordingExcel,
  SheetModel,
  TableModel,
  type RecordingExcel,
  type RecordingOptions,
} from "./recordingExcel";

/** Every own field of `source` but those named, deep-copied onto `target`. */
function copyFields<T extends object>(target: T, source: T, except: readonly string[]): void {
  for (const [key, value] of Object.entries(source)) {
    if (!except.includes(key)) (target as Record<string, unknown>)[key] = structuredClone(value);
  }
}

/**
 * A new fake whose workbook (sheets with every cell and rule, tables, names, active sheet and
 * selection) and log (so sync numbers go on from the source's) are copies of `source`'s. Change
 * handlers are not copied: a handler belongs to the pane that added it. `options` as for the
 * source (the evaluator, the request limit).
 */
export function cloneRecordingExcel(
  source: RecordingExcel,
  options: Omit<RecordingOptions, "sheets"> = {},
): RecordingExcel {
  const fake = createRecordingExcel({ ...options, sheets: [] });
  const from = source.workbook;
  const book = fake.workbook;
  const sheets = new Map<SheetModel, SheetModel>();
  for (const sheet of from.sheets) {
    const copy = new SheetModel(sheet.name, book);
    copyFields(copy, sheet, ["book"]);
    book.sheets.push(copy);
    sheets.set(sheet, copy);
  }
  for (const table of from.tables) {
    const copy = new TableModel(table.name, sheets.get(table.sheet)!, { ...table.rect });
    copyFields(copy, table, ["sheet"]);
    book.tables.push(copy);
  }
  book.names.push(...from.names.map((n) => ({ ...n })));
  book.activeSheet = from.activeSheet && (sheets.get(from.activeSheet) ?? null);
  book.selection = from.selection && { ...from.selection };
  book.localiseNameFormula = from.localiseNameFormula;
  Object.assign(fake.log, structuredClone(source.log));
  return fake;
}
