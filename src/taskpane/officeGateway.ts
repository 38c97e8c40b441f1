// The gateway over Office.js: each call is one Excel.run around the src/excel adapter. The few
// reads and writes src/excel has no function for (the named settings cells, the table's header
// address) are kept here, small and in one place.
import type { Actuals, Plan } from "../domain/model";
import type { Settings } from "../domain/settings";
import { applyWorkbook, inspectWorkbook, readTable, rewriteFormulas, selectCell } from "../excel";
import { queueProtect, queueRange } from "../excel/commands";
import { CommandList, SyncLedger } from "../excel/batch";
import { HEADERS, SHEETS, TABLES } from "../workbook/build";
import { cellAddress, parseCell } from "../workbook/address";
import type { WorkbookDescription } from "../workbook/types";
import type { ImportOptions, ImportOutcome, PiraGateway, WorkbookState } from "./gateway";
import {
  SETTING_NAMES,
  actualsFromTable,
  areaWeightsFromTable,
  columnOf,
  indicatorRow,
  planFromTables,
  settingsFromCells,
  splitReference,
  type Cell,
  type Table,
} from "./workbookData";

interface OfficeLikeError {
  code?: string;
  message?: string;
}

/** Office's errors in the pane's words; our adapter's own errors are already Italian. */
export function officeErrorMessage(error: unknown): string {
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as OfficeLikeError;
  switch (e.code) {
    case "InvalidOperationInCellEditMode":
      return "Excel sta modificando una cella: premi Invio o Esc nella cella e riprova.";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "Il cruscotto è troppo grande per una singola richiesta a Excel.";
    case "AccessDenied":
      return `Excel ha negato l'operazione (foglio o cartella protetti?): ${e.message ?? ""}`.trim();
    default:
      return e.code && e.message
        ? `Excel ha rifiutato l'operazione (${e.code}): ${e.message}`
        : (e.message ?? String(error));
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as OfficeLikeError).code === "ItemNotFound";
}

async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    // Waits for the user to leave cell-edit mode instead of failing.
    return await Excel.run({ delayForCellEdit: true }, batch);
  } catch (error) {
    const wrapped: Error & { cause?: unknown } = new Error(officeErrorMessage(error));
    wrapped.cause = error;
    throw wrapped;
  }
}

async function readOptionalTable(context: Excel.RequestContext, sheet: string, table: string): Promise<Table | null> {
  try {
    return await readTable(context, sheet, table);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Values of the named settings cells, read through the names' references. */
async function readNamedCells(context: Excel.RequestContext): Promise<Record<string, Cell>> {
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  await context.sync();
  const ranges: { name: string; range: Excel.Range }[] = [];
  for (const wanted of SETTING_NAMES) {
    const item = names.items.find((n) => n.name.toUpperCase() === wanted.toUpperCase());
    const ref = item ? splitReference(item.formula) : null;
    if (!ref) continue;
    const range = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
    range.load("values");
    ranges.push({ name: wanted, range });
  }
  await context.sync();
  const out: Record<string, Cell> = {};
  for (const { name, range } of ranges) {
    const v = range.values[0]?.[0];
    out[name] = v === "" || v === undefined ? null : (v as Cell);
  }
  return out;
}

/**
 * Rewrites the Impostazioni ranges (threshold, mode and formula-mode cells) from the description.
 * rewriteFormulas only rewrites formula cells, and the formula-mode cell is locked, so the sheet
 * is unprotected for the write and protected again as the description says.
 */
async function writeSettingsRanges(context: Excel.RequestContext, wb: WorkbookDescription): Promise<void> {
  const spec = wb.sheets.find((s) => s.name === SHEETS.settings);
  if (!spec) return;
  const sheet = context.workbook.worksheets.getItem(spec.name);
  sheet.load("protection/protected");
  await context.sync();
  const list = new CommandList();
  if (sheet.protection.protected) {
    const password = spec.protection.password;
    list.add(() => (password ? sheet.protection.unprotect(password) : sheet.protection.unprotect()));
  }
  // The title and labels are rewritten too: identical text, and one write per block is simpler.
  for (const range of spec.ranges) queueRange(list, () => sheet, range);
  queueProtect(list, () => sheet, spec.protection);
  await new SyncLedger(context).run(list);
}

export function createOfficeGateway(): PiraGateway {
  return {
    inspect: (wb): Promise<WorkbookState> =>
      run(async (context) => {
        const found = await inspectWorkbook(context, wb);
        return { existingSheets: found.existingSheets, typedActuals: found.typedActuals };
      }),

    async importWorkbook(wb, options: ImportOptions): Promise<ImportOutcome> {
      // applyWorkbook writes in a handful of syncs without reporting between them: the bar
      // shows the stage, not a byte count.
      options.onProgress?.({ stage: "writing", fraction: 0.4 });
      const report = await run((context) => applyWorkbook(context, wb, { replace: options.replace }));
      options.onProgress?.({ stage: "done", fraction: 1 });
      return { sheets: report.sheets, replacedSheets: report.replacedSheets };
    },

    switchFormulas: (wb): Promise<void> =>
      run(async (context) => {
        await rewriteFormulas(context, wb);
        await writeSettingsRanges(context, wb);
      }),

    readActuals: (plan: Plan): Promise<Actuals> =>
      run(async (context) => actualsFromTable(await readTable(context, SHEETS.indicators, TABLES.indicators), plan)),

    readPlan: (): Promise<Plan | null> =>
      run(async (context) => {
        const indicators = await readOptionalTable(context, SHEETS.indicators, TABLES.indicators);
        if (!indicators) return null;
        const objectives = await readOptionalTable(context, SHEETS.objectives, TABLES.objectives);
        const areas = await readOptionalTable(context, SHEETS.settings, TABLES.areaWeights);
        return planFromTables(indicators, objectives, areas);
      }),

    readSettings: (): Promise<Partial<Settings> | null> =>
      run(async (context) => {
        const cells = await readNamedCells(context);
        if (Object.keys(cells).length === 0) return null;
        const settings = settingsFromCells(cells);
        const areas = await readOptionalTable(context, SHEETS.settings, TABLES.areaWeights);
        if (areas) settings.areaWeights = areaWeightsFromTable(areas);
        return settings;
      }),

    goToIndicator: (id: string, year?: number): Promise<void> =>
      run(async (context) => {
        const table = await readTable(context, SHEETS.indicators, TABLES.indicators);
        const row = indicatorRow(table, id);
        if (row < 0) throw new Error(`L'indicatore ${id} non è nella tabella «${TABLES.indicators}».`);
        const actualColumn = year === undefined ? -1 : columnOf(table, HEADERS.actual(year));
        const column = actualColumn >= 0 ? actualColumn : columnOf(table, HEADERS.indicatorId);
        const header = context.workbook.tables.getItem(TABLES.indicators).getHeaderRowRange();
        header.load("address");
        await context.sync();
        const top = parseCell(header.address.split("!").pop()!.split(":")[0]);
        await selectCell(context, SHEETS.indicators, cellAddress(top.row + 1 + row, top.column + column));
      }),
  };
}
