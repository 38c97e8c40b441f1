// The gateway over the Excel adapter: each call is one Excel batch made of src/excel functions,
// the only code that touches Office.js.
import type { Notes } from "../domain/match";
import type { Actuals, Plan } from "../domain/model";
import type { Settings } from "../domain/settings";
import {
  applyWorkbook,
  inspectWorkbook,
  readNamedValues,
  readTableColumns,
  readTableIfPresent,
  readWorkbookTables,
  rewriteFormulas,
  rewriteSheetRanges,
  runExcel as run,
  selectTableCell,
  supportsExcelApi,
  tell,
  watchSheets,
  REQUIRED_EXCEL_API,
} from "../excel";
import { panePacer } from "./turns";
import { HEADERS, SETTING_NAMES, SHEETS, TABLES } from "../workbook/layout";
import type { ImportOptions, ImportOutcome, PiraGateway, WorkbookState } from "./gateway";
import {
  actualsFromTable,
  areaWeightsFromTable,
  columnOf,
  countTypedCells,
  indicatorRow,
  notesFromTable,
  planFromTables,
  settingsFromCells,
} from "../workbook/read";

export function createOfficeGateway(): PiraGateway {
  // One write at a time, never beside a read: the pane answers clicks while a write runs, so a
  // user can start another (Apply in Impostazioni while an import swaps the sheets, a live refresh
  // while the import writes). A write waits for the write and the reads before it, a read for the
  // write before it, as when the pane froze.
  let writing: Promise<unknown> = Promise.resolve();
  const reading = new Set<Promise<unknown>>();
  const settled = (p: Promise<unknown>): Promise<unknown> => p.catch(() => undefined);
  const write = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const before = [writing, ...reading];
    const done = Promise.all(before).then(() => run(batch));
    writing = settled(done);
    return done;
  };
  const afterWrites = <T>(work: () => Promise<T>): Promise<T> => {
    const done = writing.then(work);
    const tracked = settled(done);
    reading.add(tracked);
    void tracked.then(() => reading.delete(tracked));
    return done;
  };
  const read = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => afterWrites(() => run(batch));
  return {
    inspect: (wb): Promise<WorkbookState> =>
      read(async (context) => {
        const found = await inspectWorkbook(context, wb);
        return {
          existingSheets: found.existingSheets,
          typedActuals: found.typedActuals,
          historyRows: found.historyRows,
        };
      }),

    async importWorkbook(wb, options: ImportOptions): Promise<ImportOutcome> {
      // applyWorkbook writes in a handful of syncs without reporting between them: the bar
      // shows the stage, not a byte count.
      if (!supportsExcelApi(REQUIRED_EXCEL_API)) {
        throw new Error(
          `Questa versione di Excel non offre le funzioni che l'importazione usa (ExcelApi ${REQUIRED_EXCEL_API}): ` +
            "aggiorna Excel oppure usa Excel per il web.",
        );
      }
      // Page setup needs ExcelApi 1.9; older hosts get everything else.
      const printLayout = supportsExcelApi("1.9");
      const pacer = panePacer();
      const report = await write(async (context) => {
        // Writing starts here, once the writes and reads before this one are done.
        tell(options.onProgress, { stage: "writing", fraction: 0.4 });
        if (options.replace) {
          // Excel stayed editable while the user read the question: look again, in this batch.
          const now = await inspectWorkbook(context, wb);
          const carries = options.carries;
          const values = carries?.values;
          if (values) {
            // A revision carries what it read: anything typed since would be lost.
            const tables = await readWorkbookTables(context);
            const typed = tables ? countTypedCells(tables.indicators) : { actuals: 0, notes: 0 };
            if (typed.actuals !== values.actuals || typed.notes !== values.notes) {
              throw new Error(
                `Nel frattempo la cartella è cambiata (ora ${typed.actuals} consuntivi e ${typed.notes} note, ` +
                  `erano ${values.actuals} e ${values.notes}): l'aggiornamento è stato annullato. Preparalo di nuovo.`,
              );
            }
          }
          if (now.historyRows > (carries?.historyRows ?? 0)) {
            throw new Error(
              `Le tabelle «${TABLES.archive}» e «${TABLES.register}» hanno ${now.historyRows} righe che la sostituzione ` +
                "non riporterebbe, quindi l'importazione è stata annullata.",
            );
          }
          if (!values && now.typedActuals > 0) {
            throw new Error(
              (now.typedActuals === 1
                ? "Nel frattempo è stato inserito 1 consuntivo: la sostituzione lo cancellerebbe, "
                : `Nel frattempo sono stati inseriti ${now.typedActuals} consuntivi: la sostituzione li cancellerebbe, `) +
                "quindi l'importazione è stata annullata.",
            );
          }
        }
        return applyWorkbook(context, wb, {
          replace: options.replace,
          printLayout,
          pacer,
          onProgress: (fraction) => tell(options.onProgress, { stage: "writing", fraction: 0.4 + 0.6 * fraction }),
        });
      });
      tell(options.onProgress, { stage: "done", fraction: 1 });
      return { sheets: report.sheets, replacedSheets: report.replacedSheets };
    },

    switchFormulas: (wb): Promise<void> =>
      write(async (context) => {
        const pacer = panePacer();
        await rewriteFormulas(context, wb, pacer);
        // The thresholds, mode and formula-mode label live in ranges, not formula columns.
        await rewriteSheetRanges(context, wb, SHEETS.settings, pacer);
      }),

    readActuals: (plan: Plan): Promise<Actuals> =>
      read(async (context) => {
        const wanted = [HEADERS.indicatorId, ...plan.years.map((y) => HEADERS.actual(y))];
        return actualsFromTable(await readTableColumns(context, SHEETS.indicators, TABLES.indicators, wanted), plan);
      }),

    readNotes: (plan: Plan): Promise<Notes> =>
      read(async (context) =>
        notesFromTable(
          await readTableColumns(context, SHEETS.indicators, TABLES.indicators, [
            HEADERS.indicatorId,
            ...plan.years.map((y) => HEADERS.note(y)),
          ]),
          plan.years,
        ),
      ),

    readWorkbookTables: () => read(readWorkbookTables),

    readPlan: (): Promise<Plan | null> =>
      read(async (context) => {
        const indicators = await readTableIfPresent(context, SHEETS.indicators, TABLES.indicators);
        if (!indicators) return null;
        const objectives = await readTableIfPresent(context, SHEETS.objectives, TABLES.objectives);
        const areas = await readTableIfPresent(context, SHEETS.settings, TABLES.areaWeights);
        return planFromTables(indicators, objectives, areas);
      }),

    readSettings: (): Promise<Partial<Settings> | null> =>
      read(async (context) => {
        const cells = await readNamedValues(context, SETTING_NAMES);
        if (Object.keys(cells).length === 0) return null;
        const settings = settingsFromCells(cells);
        const areas = await readTableIfPresent(context, SHEETS.settings, TABLES.areaWeights);
        if (areas) settings.areaWeights = areaWeightsFromTable(areas);
        return settings;
      }),

    // After any write: handlers registered during a replace would go with the sheets it deletes.
    watchChanges: async (onChange) =>
      supportsExcelApi("1.7")
        ? afterWrites(() => watchSheets([SHEETS.indicators, SHEETS.settings], onChange))
        : async () => {},

    goToIndicator: (id: string, year?: number): Promise<void> =>
      read(async (context) => {
        // The header row and the id column only (see readTableColumns): the year's column is found by its header.
        const table = await readTableColumns(context, SHEETS.indicators, TABLES.indicators, [HEADERS.indicatorId]);
        const row = indicatorRow(table, id);
        if (row < 0) throw new Error(`L'indicatore ${id} non è nella tabella «${TABLES.indicators}».`);
        const actualColumn = year === undefined ? -1 : columnOf({ headers: table.allHeaders }, HEADERS.actual(year));
        const column = actualColumn >= 0 ? actualColumn : table.indexes[0];
        await selectTableCell(context, SHEETS.indicators, TABLES.indicators, row, column);
      }),
  };
}
