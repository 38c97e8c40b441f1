// Live follow: worksheet.onChanged (ExcelApi 1.7) on the sheets whose edits change the scores
// (Indicatori: consuntivi, notes, targets; Impostazioni: thresholds, year, area weights).
import { runExcel } from "./run";

/** A registration to undo: Office.js removes handlers only through a batch of their own context. */
export type StopWatching = () => Promise<void>;

/**
 * Calls `onChange` after every edit of the named sheets (those present now). Resolves to the
 * function that removes the handlers; a host without ExcelApi 1.7 gets no events (the refresh
 * button stays).
 */
export async function watchSheets(sheetNames: readonly string[], onChange: () => void): Promise<StopWatching> {
  const results = await runExcel(async (context) => {
    const sheets = sheetNames.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    for (const sheet of sheets) sheet.load("name");
    await context.sync();
    const added = sheets.filter((s) => !s.isNullObject).map((s) => s.onChanged.add(async () => onChange()));
    await context.sync();
    return added;
  });
  return async () => {
    // All were added in one batch: one batch of their context removes them.
    if (results.length === 0) return;
    await Excel.run(results[0].context, async (context) => {
      for (const result of results) result.remove();
      await context.sync();
    }).catch(() => {
      // A sheet went away (an import replaced it): its handler went with it.
    });
  };
}
