// Plan + settings (+ actuals) → the description of the workbook the import makes. Pure: the
// Excel adapter (src/excel) and the .xlsx writer (src/xlsx) apply the same description. Each
// sheet is built in sheets/; names, headers and positions are in layout.ts.
import type { Actual, Actuals, Plan } from "../domain/model";
import { NO_YEARS_MESSAGE } from "../domain/reader";
import type { Notes } from "../domain/match";
import type { Settings } from "../domain/settings";
import type { ArchiveRow, RegisterRow } from "./history";
import { INITIAL_IMPORT } from "./layoutHistory";
import { buildArchive } from "./sheets/archivio";
import { buildDashboard } from "./sheets/cruscotto";
import { buildDiagnostics } from "./sheets/diagnostica";
import { buildSettings, settingsNames } from "./sheets/impostazioni";
import { buildIndicators, indicatorRangeNames } from "./sheets/indicatori";
import { buildObjectives, objectiveRangeNames } from "./sheets/obiettivi";
import { buildRegister } from "./sheets/registro";
import { buildReport } from "./sheets/rendicontazione";
import { reportNames } from "./sheets/reportLookups";
import { estimateRowHeights } from "./rowHeights";
import type { WorkbookDescription } from "./types";

/** What a workbook holds beyond the plan and its consuntivi. */
export interface WorkbookContent {
  /** Notes di scostamento by indicator id and year. */
  notes?: Notes;
  /** The Archivio's rows (carried from the earlier workbook, then this revision's). */
  archive?: readonly ArchiveRow[];
  /** The Registro's rows; without them, one «Importazione iniziale» row for this plan. */
  register?: readonly RegisterRow[];
  /** The previous year's consuntivi by (revised) indicator id, shown read-only beside the first year. */
  baseline?: { year: number; actuals: Readonly<Record<string, Actual>> };
  /** Today, as an Excel date serial: the date of the «Importazione iniziale» row. */
  today?: number;
}

/** The Registro of a first import: one row naming the plan imported. */
export function initialRegister(plan: Plan, today: number | null): RegisterRow[] {
  const indicators = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
  return [
    {
      date: today,
      kind: INITIAL_IMPORT,
      objective: null,
      indicator: "",
      before: "",
      after: "",
      description: `${plan.objectives.length} obiettivi, ${indicators} indicatori, anni ${plan.years.join(", ")}`,
      planTitle: plan.title,
      planDate: plan.date,
    },
  ];
}

/** The workbook the import makes, for a plan, its settings and any actuals (and notes) already typed. */
export function buildWorkbook(
  plan: Plan,
  settings: Settings,
  actuals: Actuals = {},
  content: WorkbookContent = {},
): WorkbookDescription {
  // Every score, roll-up and the year in view are per year: there is nothing to build without one.
  if (plan.years.length === 0) throw new Error(`${NO_YEARS_MESSAGE} Impossibile costruire i fogli.`);
  const sheets = [
    buildDashboard(plan),
    buildIndicators(plan, settings, actuals, content.notes, content.baseline),
    buildObjectives(plan),
    buildSettings(plan, settings),
    buildDiagnostics(plan),
    buildArchive(content.archive ?? [], plan.title),
    buildRegister(content.register ?? initialRegister(plan, content.today ?? null), plan.title),
    // Last, so the sheets of earlier workbooks keep their places (sheet1…sheet7 in the file).
    buildReport(plan, settings.year),
  ];
  return {
    sheets: sheets.map((s) => ({ ...s, rowHeights: estimateRowHeights(s) })),
    names: [...settingsNames(), ...indicatorRangeNames(plan), ...objectiveRangeNames(plan), ...reportNames(plan)],
  };
}
