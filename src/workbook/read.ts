// Reading a workbook the import made back into a plan, its settings and its actuals. Pure, over
// plain cell values: the Office.js adapter (src/excel) reads table ranges and named cells into
// them, the exceljs one (src/xlsx) turns a file's cells into them, and both get their answers here.
import type { Actuals, Area, Indicator, Objective, Plan } from "../domain/model";
import {
  DEFAULT_THRESHOLDS,
  SCORING_MODES,
  profileNames,
  profileThresholds,
  type FormulaMode,
  type ScoringMode,
  type Settings,
} from "../domain/settings";
import type { Notes } from "../domain/match";
import { parseTarget } from "../domain/targets";
import { cellAddress } from "./address";
import type { ArchiveRow, RegisterRow } from "./history";
import { HEADERS, NAMES, SETTING_NAMES } from "./layout";
import {
  cellNumber,
  cellText,
  columnOf,
  WorkbookFormatError,
  yearsOf,
  type Cell,
  type CellError,
  type CellProblem,
  type PlacedTable,
  type Table,
} from "./readCells";
import { archiveFromTable, registerFromTable } from "./readHistory";
import { workbookActuals } from "./readTyped";

// The pieces of the reading, for the adapters and the task pane that take them from here.
export * from "./readCells";
export * from "./readHistory";
export * from "./readTyped";

/** A fraction as the workbook holds weights (0.1428) → the percent as the document wrote it (14.28). */
function percentOf(fraction: number | null): number {
  return fraction === null ? 0 : Number((fraction * 100).toPrecision(12));
}

/**
 * The plan as the Indicatori, Obiettivi and area-weight tables hold it; null when the
 * Indicatori table lacks the columns an import writes. Diagnostics stay in the Diagnostica sheet.
 */
export function planFromTables(indicators: Table, objectives: Table | null, areaTable: Table | null): Plan | null {
  const id = columnOf(indicators, HEADERS.indicatorId);
  const name = columnOf(indicators, HEADERS.indicatorName);
  const objectiveCol = columnOf(indicators, HEADERS.objective);
  const weightCol = columnOf(indicators, HEADERS.weight);
  const commonCol = columnOf(indicators, HEADERS.common);
  const titleCol = columnOf(indicators, HEADERS.objectiveTitle);
  const areaCol = columnOf(indicators, HEADERS.area);
  const years = yearsOf(indicators);
  if (id < 0 || name < 0 || objectiveCol < 0 || years.length === 0) return null;
  const targetCols = years.map((y) => ({ year: y, col: columnOf(indicators, HEADERS.target(y)) }));

  const byNumber = new Map<number, Objective>();
  const objectiveRows = new Map<number, Cell[]>();
  if (objectives) {
    const n = columnOf(objectives, HEADERS.objective);
    for (const row of objectives.rows) {
      const number = cellNumber(row[n]);
      if (number !== null) objectiveRows.set(number, row);
    }
  }
  const col = (header: string) => (objectives ? columnOf(objectives, header) : -1);
  const o = {
    title: col(HEADERS.title),
    area: col(HEADERS.area),
    weight: col(HEADERS.weightOnArea),
    resources: col(HEADERS.resources),
    perspective: col(HEADERS.perspective),
    mission: col(HEADERS.mission),
    programme: col(HEADERS.programme),
  };
  const areaNames = new Map<string, string>();
  const nameCol = col(HEADERS.areaName);

  for (const row of indicators.rows) {
    const indicatorId = cellText(row[id]);
    const number = cellNumber(row[objectiveCol]);
    if (indicatorId === "" || number === null) continue;
    let objective = byNumber.get(number);
    if (!objective) {
      const source = objectiveRows.get(number);
      const at = (c: number): Cell => (source && c >= 0 ? source[c] : null);
      objective = {
        number,
        title: cellText(at(o.title)) || cellText(row[titleCol]),
        areaCode: cellText(at(o.area)) || cellText(row[areaCol]),
        weightOnArea: percentOf(cellNumber(at(o.weight))),
        resources: cellNumber(at(o.resources)),
        perspective: cellText(at(o.perspective)),
        mission: cellText(at(o.mission)),
        programme: cellText(at(o.programme)),
        indicators: [],
      };
      if (source && nameCol >= 0) areaNames.set(objective.areaCode, cellText(source[nameCol]));
      byNumber.set(number, objective);
    }
    const targets: Indicator["targets"] = {};
    for (const { year, col: c } of targetCols) targets[String(year)] = c >= 0 ? parseTarget(cellText(row[c])) : null;
    objective.indicators.push({
      id: indicatorId,
      name: cellText(row[name]),
      common: commonCol >= 0 && cellText(row[commonCol]).toUpperCase() === "SI",
      weight: percentOf(cellNumber(row[weightCol])),
      targets,
    });
  }
  if (byNumber.size === 0) return null;

  const areas: Area[] = [];
  if (areaTable) {
    const code = columnOf(areaTable, HEADERS.area);
    const areaName = columnOf(areaTable, HEADERS.name);
    for (const row of areaTable.rows) {
      const c = cellText(row[code]);
      if (c !== "") areas.push({ code: c, name: cellText(row[areaName]) || (areaNames.get(c) ?? "") });
    }
  }
  for (const objective of byNumber.values()) {
    if (!areas.some((a) => a.code === objective.areaCode)) {
      areas.push({ code: objective.areaCode, name: areaNames.get(objective.areaCode) ?? "" });
    }
  }
  return { title: "", date: "", years, areas, objectives: [...byNumber.values()], diagnostics: [] };
}

/** Area weights as the Impostazioni table holds them (users may edit them). */
export function areaWeightsFromTable(areaTable: Table): Record<string, number> {
  const code = columnOf(areaTable, HEADERS.area);
  const weight = columnOf(areaTable, HEADERS.weight);
  const out: Record<string, number> = {};
  for (const row of areaTable.rows) {
    const c = cellText(row[code]);
    const w = cellNumber(row[weight]);
    if (c !== "" && w !== null) out[c] = w;
  }
  return out;
}
/** Settings from the values of the named cells (undefined for a name the workbook lacks). */
export function settingsFromCells(values: Partial<Record<(typeof SETTING_NAMES)[number], Cell>>): Partial<Settings> {
  const out: Partial<Settings> = {};
  const year = cellNumber(values[NAMES.year] ?? null);
  if (year !== null) out.year = year;
  // The thresholds in force are formulas over the band profiles: a host that has not computed
  // them (or a file saved without results) is answered by the profile chosen and the custom row.
  const profile = cellText(values[NAMES.profile] ?? null);
  const custom = {
    greenFrom: cellNumber(values[NAMES.customGreen] ?? null) ?? DEFAULT_THRESHOLDS.greenFrom,
    amberFrom: cellNumber(values[NAMES.customAmber] ?? null) ?? DEFAULT_THRESHOLDS.amberFrom,
  };
  const fromProfile = profile === "" ? null : profileThresholds(profile, custom);
  const green = cellNumber(values[NAMES.green] ?? null) ?? fromProfile?.greenFrom ?? null;
  if (green !== null) out.greenFrom = green;
  const amber = cellNumber(values[NAMES.amber] ?? null) ?? fromProfile?.amberFrom ?? null;
  if (amber !== null) out.amberFrom = amber;
  const mode = cellText(values[NAMES.mode] ?? null).toLowerCase();
  if ((SCORING_MODES as readonly string[]).includes(mode)) out.mode = mode as ScoringMode;
  if (profileNames().includes(profile)) out.profile = profile;
  const formula = cellText(values[NAMES.formulaMode] ?? null).toLowerCase();
  if (formula === "pira" || formula === "native") out.formulaMode = formula as FormulaMode;
  return out;
}

/** The row (0-based, in the table body) of an indicator; -1 when it is not there. */
export function indicatorRow(indicators: Table, id: string): number {
  const col = columnOf(indicators, HEADERS.indicatorId);
  if (col < 0) return -1;
  return indicators.rows.findIndex((row) => cellText(row[col]) === id);
}

/** The tables and named values of a workbook, as an adapter hands them over (absent ones null). */
export interface WorkbookTables {
  indicators: PlacedTable;
  objectives: Table<Cell | CellError> | null;
  areaWeights: Table<Cell | CellError> | null;
  archive: Table<Cell | CellError> | null;
  register: Table<Cell | CellError> | null;
  /** The values of the settings' named cells. */
  settings: Partial<Record<(typeof SETTING_NAMES)[number], Cell>>;
}

/** Everything a revision carries from a workbook: its plan, typed values and history. */
export interface WorkbookContents {
  /** The workbook's plan; title and date from the Registro's last row (the plan last applied). */
  plan: Plan;
  actuals: Actuals;
  notes: Notes;
  settings: Partial<Settings>;
  areaWeights: Record<string, number>;
  archive: ArchiveRow[];
  register: RegisterRow[];
  /** Cells that cannot be read (Excel errors) or that repeat an indicator: nothing may be carried then. */
  problems: CellProblem[];
}

function plainTable(table: Table<Cell | CellError>): Table {
  return {
    headers: table.headers,
    rows: table.rows.map((r) => r.map((c) => (c !== null && typeof c === "object" ? null : c))),
  };
}

/** Reads a workbook made by `pira build` or the add-in. Throws WorkbookFormatError when it is not one. */
export function readWorkbook(tables: WorkbookTables): WorkbookContents {
  const { actuals, notes, problems } = workbookActuals(tables.indicators);
  const plan = planFromTables(
    plainTable(tables.indicators),
    tables.objectives && plainTable(tables.objectives),
    tables.areaWeights && plainTable(tables.areaWeights),
  );
  if (plan === null) {
    throw new WorkbookFormatError(`il foglio «${tables.indicators.sheet}» non contiene indicatori leggibili.`);
  }
  const id = columnOf(tables.indicators, HEADERS.indicatorId);
  const firstRow = new Map<string, number>();
  tables.indicators.rows.forEach((row, r) => {
    const indicatorId = cellText(row[id]);
    if (indicatorId === "") return;
    const sheetRow = tables.indicators.topLeft.row + 2 + r;
    const first = firstRow.get(indicatorId);
    const at = `${tables.indicators.sheet}!${cellAddress(sheetRow - 1, tables.indicators.topLeft.column + id)}`;
    if (first === undefined) firstRow.set(indicatorId, sheetRow);
    else problems.push({ cell: at, message: `indicatore ${indicatorId} ripetuto (già alla riga ${first}).` });
  });
  const register = tables.register ? registerFromTable(tables.register) : [];
  const last = register[register.length - 1];
  if (last) {
    plan.title = last.planTitle;
    plan.date = last.planDate;
  }
  return {
    plan,
    actuals,
    notes,
    settings: settingsFromCells(tables.settings),
    areaWeights: tables.areaWeights ? areaWeightsFromTable(plainTable(tables.areaWeights)) : {},
    archive: tables.archive ? archiveFromTable(tables.archive) : [],
    register,
    problems,
  };
}
