// Plan + settings (+ actuals) → the description of the workbook the import makes. Pure: the
// Excel adapter (src/excel) and the .xlsx writer (src/xlsx) apply the same description. Each
// sheet is built in sheets/; names, headers and positions are in layout.ts.
import type { Actuals, Plan } from "../domain/model";
import { NO_YEARS_MESSAGE } from "../domain/reader";
import type { Settings } from "../domain/settings";
import { buildDashboard } from "./sheets/cruscotto";
import { buildDiagnostics } from "./sheets/diagnostica";
import { buildSettings, settingsNames } from "./sheets/impostazioni";
import { buildIndicators, indicatorRangeNames } from "./sheets/indicatori";
import { buildObjectives } from "./sheets/obiettivi";
import { buildReport, reportNames } from "./sheets/rendicontazione";
import { estimateRowHeights } from "./rowHeights";
import type { WorkbookDescription } from "./types";

/** The workbook the import makes, for a plan, its settings and any actuals already typed. */
export function buildWorkbook(plan: Plan, settings: Settings, actuals: Actuals = {}): WorkbookDescription {
  // Every score, roll-up and the year in view are per year: there is nothing to build without one.
  if (plan.years.length === 0) throw new Error(`${NO_YEARS_MESSAGE} Impossibile costruire i fogli.`);
  const sheets = [
    buildDashboard(plan),
    buildIndicators(plan, settings, actuals),
    buildObjectives(plan),
    buildSettings(plan, settings),
    buildDiagnostics(plan),
    // Last, so the sheets of earlier workbooks keep their places (sheet1…sheet5 in the file).
    buildReport(plan, settings.year),
  ];
  return {
    sheets: sheets.map((s) => ({ ...s, rowHeights: estimateRowHeights(s) })),
    names: [...settingsNames(), ...indicatorRangeNames(plan), ...reportNames(plan)],
  };
}
