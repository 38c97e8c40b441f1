// Reading a workbook the import made back into a plan, its settings and its actuals. Pure, over
// plain cell values: the Office.js adapter (src/excel) reads table ranges and named cells into
// them, the exceljs one (src/xlsx) turns a file's cells into them, and both get their answers here.
import {
  emptyObjective,
  type Actual,
  type Actuals,
  type Area,
  type Indicator,
  type Objective,
  type Plan,
} from "../domain/model";
import {
  DEFAULT_THRESHOLDS,
  SCORING_MODES,
  profileNames,
  profileThresholds,
  type FormulaMode,
  type ScoringMode,
  type Settings,
} from "../domain/settings";
import { parseTarget } from "../domain/targets";
import { cellAddress, type CellRef } from "./address";
import { HEADERS, NAMES, SETTING_NAMES, STEMS, splitYearlyHeader, yearOfHeader } from "./layout";

/** A cell's value as a spreadsheet shows it; empty cells are null. */
export type Cell = string | number | boolean | null;

/** A cell whose value cannot be used: an Excel error (#DIV/0!) or a value of a kind not known here. */
export interface CellError {
  error: string;
}

export interface Table<C = Cell> {
  headers: string[];
  /** Body rows, each with one cell per header. */
  rows: C[][];
}

/** A table and where it sits, so a problem can name its cell ("Indicatori!I4"). */
export interface PlacedTable extends Table<Cell | CellError> {
  sheet: string;
  /** The first header cell (0-based). */
  topLeft: CellRef;
}

/** The file or the workbook is not one this project made (message in Italian). */
export class WorkbookFormatError extends Error {}

export function sameHeader(a: string, b: string): boolean {
  return a.trim().toLocaleUpperCase("it") === b.trim().toLocaleUpperCase("it");
}

/** Column index by header (case-insensitive, as Excel compares names); -1 when absent. */
export function columnOf(table: { headers: string[] }, header: string): number {
  return table.headers.findIndex((h) => sameHeader(h, header));
}

function text(cell: Cell | CellError | undefined): string {
  return cell === null || cell === undefined || typeof cell === "object" ? "" : String(cell).trim();
}

function num(cell: Cell | undefined): number | null {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (typeof cell === "string" && cell.trim() !== "" && Number.isFinite(Number(cell))) return Number(cell);
  return null;
}

/** A fraction as the workbook holds weights (0.1428) → the percent as the document wrote it (14.28). */
function percentOf(fraction: number | null): number {
  return fraction === null ? 0 : Number((fraction * 100).toPrecision(12));
}

/** The plan years, from the "Consuntivo YYYY" headers. */
export function yearsOf(indicators: { headers: string[] }): number[] {
  const years: number[] = [];
  for (const h of indicators.headers) {
    const year = yearOfHeader(h, STEMS.actual);
    if (year !== null) years.push(year);
  }
  return years;
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
      const number = num(row[n]);
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
    const indicatorId = text(row[id]);
    const number = num(row[objectiveCol]);
    if (indicatorId === "" || number === null) continue;
    let objective = byNumber.get(number);
    if (!objective) {
      const source = objectiveRows.get(number);
      const at = (c: number): Cell => (source && c >= 0 ? source[c] : null);
      objective = {
        number,
        title: text(at(o.title)) || text(row[titleCol]),
        areaCode: text(at(o.area)) || text(row[areaCol]),
        weightOnArea: percentOf(num(at(o.weight))),
        resources: num(at(o.resources)),
        perspective: text(at(o.perspective)),
        mission: text(at(o.mission)),
        programme: text(at(o.programme)),
        indicators: [],
      };
      if (source && nameCol >= 0) areaNames.set(objective.areaCode, text(source[nameCol]));
      byNumber.set(number, objective);
    }
    const targets: Indicator["targets"] = {};
    for (const { year, col: c } of targetCols) targets[String(year)] = c >= 0 ? parseTarget(text(row[c])) : null;
    objective.indicators.push({
      id: indicatorId,
      name: text(row[name]),
      common: commonCol >= 0 && text(row[commonCol]).toUpperCase() === "SI",
      weight: percentOf(num(row[weightCol])),
      targets,
    });
  }
  if (byNumber.size === 0) return null;

  const areas: Area[] = [];
  if (areaTable) {
    const code = columnOf(areaTable, HEADERS.area);
    const areaName = columnOf(areaTable, HEADERS.name);
    for (const row of areaTable.rows) {
      const c = text(row[code]);
      if (c !== "") areas.push({ code: c, name: text(row[areaName]) || (areaNames.get(c) ?? "") });
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
    const c = text(row[code]);
    const w = num(row[weight]);
    if (c !== "" && w !== null) out[c] = w;
  }
  return out;
}

/** The actuals typed in the Indicatori table's "Consuntivo YYYY" columns, for the plan's indicators. */
export function actualsFromTable(indicators: Table, plan: Plan): Actuals {
  const id = columnOf(indicators, HEADERS.indicatorId);
  if (id < 0) throw new Error(`Nella tabella degli indicatori manca la colonna «${HEADERS.indicatorId}».`);
  const columns = plan.years
    .map((year) => ({ key: String(year), col: columnOf(indicators, HEADERS.actual(year)) }))
    .filter((c) => c.col >= 0);
  const known = new Set(plan.objectives.flatMap((o) => o.indicators.map((i) => i.id)));
  const actuals: Actuals = {};
  for (const row of indicators.rows) {
    const indicatorId = text(row[id]);
    if (!known.has(indicatorId)) continue;
    const entry: Actuals[string] = {};
    for (const { key, col } of columns) {
      const value = row[col];
      entry[key] = value === undefined || value === "" ? null : value;
    }
    actuals[indicatorId] = entry;
  }
  return actuals;
}

/** Settings from the values of the named cells (undefined for a name the workbook lacks). */
export function settingsFromCells(values: Partial<Record<(typeof SETTING_NAMES)[number], Cell>>): Partial<Settings> {
  const out: Partial<Settings> = {};
  const year = num(values[NAMES.year] ?? null);
  if (year !== null) out.year = year;
  // The thresholds in force are formulas over the band profiles: a host that has not computed
  // them (or a file saved without results) is answered by the profile chosen and the custom row.
  const profile = text(values[NAMES.profile] ?? null);
  const custom = {
    greenFrom: num(values[NAMES.customGreen] ?? null) ?? DEFAULT_THRESHOLDS.greenFrom,
    amberFrom: num(values[NAMES.customAmber] ?? null) ?? DEFAULT_THRESHOLDS.amberFrom,
  };
  const fromProfile = profile === "" ? null : profileThresholds(profile, custom);
  const green = num(values[NAMES.green] ?? null) ?? fromProfile?.greenFrom ?? null;
  if (green !== null) out.greenFrom = green;
  const amber = num(values[NAMES.amber] ?? null) ?? fromProfile?.amberFrom ?? null;
  if (amber !== null) out.amberFrom = amber;
  const mode = text(values[NAMES.mode] ?? null).toLowerCase();
  if ((SCORING_MODES as readonly string[]).includes(mode)) out.mode = mode as ScoringMode;
  if (profileNames().includes(profile)) out.profile = profile;
  const formula = text(values[NAMES.formulaMode] ?? null).toLowerCase();
  if (formula === "pira" || formula === "native") out.formulaMode = formula as FormulaMode;
  return out;
}

/** The row (0-based, in the table body) of an indicator; -1 when it is not there. */
export function indicatorRow(indicators: Table, id: string): number {
  const col = columnOf(indicators, HEADERS.indicatorId);
  if (col < 0) return -1;
  return indicators.rows.findIndex((row) => text(row[col]) === id);
}

export interface CellProblem {
  /** Sheet-qualified address, e.g. "Indicatori!I5". */
  cell: string;
  /** Plain Italian. */
  message: string;
}

export interface WorkbookActuals {
  /** The indicators, years and targets the Indicatori table holds (enough to format the CSV). */
  plan: Plan;
  /** Only the actuals typed: an empty cell is no entry. */
  actuals: Actuals;
  /** Cells whose value cannot be an actual (an Excel error), each named. */
  problems: CellProblem[];
}

/**
 * The actuals typed into the Indicatori table of a workbook made by `pira build` or the add-in,
 * with a stand-in plan of its indicators, years and targets. Throws WorkbookFormatError when the
 * table has no "Consuntivo YYYY" column.
 */
export function workbookActuals(indicators: PlacedTable): WorkbookActuals {
  const id = columnOf(indicators, HEADERS.indicatorId);
  if (id < 0) {
    throw new WorkbookFormatError(`nel foglio «${indicators.sheet}» manca la colonna «${HEADERS.indicatorId}».`);
  }
  const years = [...new Set(yearsOf(indicators))].sort((a, b) => a - b);
  if (years.length === 0) {
    throw new WorkbookFormatError(`nel foglio «${indicators.sheet}» non ci sono colonne «${STEMS.actual} AAAA».`);
  }
  const columns = years.map((year) => ({
    year,
    actual: columnOf(indicators, HEADERS.actual(year)),
    target: columnOf(indicators, HEADERS.target(year)),
  }));
  const indicatorList: Indicator[] = [];
  const actuals: Actuals = {};
  const problems: CellProblem[] = [];
  indicators.rows.forEach((row, r) => {
    const indicatorId = text(row[id]);
    if (indicatorId === "") return;
    const targets: Indicator["targets"] = {};
    for (const { year, actual: a, target: t } of columns) {
      targets[String(year)] = t < 0 ? null : parseTarget(text(row[t]));
      const value = row[a] ?? null;
      if (value !== null && typeof value === "object") {
        const at = cellAddress(indicators.topLeft.row + 1 + r, indicators.topLeft.column + a);
        problems.push({ cell: `${indicators.sheet}!${at}`, message: `${indicatorId}, ${year}: ${value.error}.` });
      } else if (value !== null) {
        (actuals[indicatorId] ??= {})[String(year)] = value as Actual;
      }
    }
    indicatorList.push({ id: indicatorId, name: "", common: false, weight: 0, targets });
  });
  const plan: Plan = {
    title: "",
    date: "",
    years,
    areas: [],
    objectives: [emptyObjective(0, "", indicatorList)],
    diagnostics: [],
  };
  return { plan, actuals, problems };
}

/** What a user typed into the Indicatori table: consuntivi, and notes in any "Nota…" column. */
export interface TypedCounts {
  actuals: number;
  notes: number;
}

function isTyped(cell: Cell | CellError | undefined): boolean {
  if (cell === null || cell === undefined) return false;
  return typeof cell !== "string" || cell.trim() !== "";
}

/** Counts the typed cells a replacement of the workbook would delete (an error cell counts: someone typed it). */
export function countTypedCells(indicators: Table<Cell | CellError>): TypedCounts {
  const stemOf = (h: string) => splitYearlyHeader(h)?.stem ?? h.trim();
  const actualColumns: number[] = [];
  const noteColumns: number[] = [];
  indicators.headers.forEach((h, c) => {
    if (yearOfHeader(h, STEMS.actual) !== null) actualColumns.push(c);
    else if (sameHeader(stemOf(h).split(" ")[0], STEMS.note)) noteColumns.push(c);
  });
  let actuals = 0;
  let notes = 0;
  for (const row of indicators.rows) {
    for (const c of actualColumns) if (isTyped(row[c])) actuals++;
    for (const c of noteColumns) if (isTyped(row[c])) notes++;
  }
  return { actuals, notes };
}
