// Between the workbook's tables and the pane's model: the plan an earlier import wrote, the
// actuals users typed, the settings cells. Pure, so it is tested without Excel.
import type { Actuals, Area, Indicator, Objective, Plan } from "../domain/model";
import { SCORING_MODES, type FormulaMode, type ScoringMode, type Settings } from "../domain/settings";
import { parseTarget } from "../domain/targets";
import { HEADERS, NAMES } from "../workbook/build";

export type Cell = string | number | boolean | null;

export interface Table {
  headers: string[];
  rows: Cell[][];
}

function sameHeader(a: string, b: string): boolean {
  return a.trim().toLocaleUpperCase("it") === b.trim().toLocaleUpperCase("it");
}

/** Column index by header (case-insensitive, as Excel compares names); -1 when absent. */
export function columnOf(table: Table, header: string): number {
  return table.headers.findIndex((h) => sameHeader(h, header));
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
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
export function yearsOf(indicators: Table): number[] {
  const years: number[] = [];
  for (const h of indicators.headers) {
    const m = /^\s*Consuntivo\s+(\d{4})\s*$/i.exec(h);
    if (m) years.push(Number(m[1]));
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
  const weightCol = columnOf(indicators, "Peso");
  const commonCol = columnOf(indicators, "OC");
  const titleCol = columnOf(indicators, "Titolo obiettivo");
  const areaCol = columnOf(indicators, "Ambito");
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
    title: col("Titolo"),
    area: col("Ambito"),
    weight: col("Peso su AS"),
    resources: col("Risorse (€)"),
    perspective: col("Prospettiva BSC"),
    mission: col("Missione"),
    programme: col("Programma"),
  };
  const areaNames = new Map<string, string>();
  const nameCol = col("Nome ambito");

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
    const code = columnOf(areaTable, "Ambito");
    const areaName = columnOf(areaTable, "Nome");
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
  const code = columnOf(areaTable, "Ambito");
  const weight = columnOf(areaTable, "Peso");
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

/** The names that hold the settings, in the order readSettings asks for them. */
export const SETTING_NAMES = [NAMES.year, NAMES.green, NAMES.amber, NAMES.mode, NAMES.formulaMode] as const;

/** Settings from the values of the named cells (undefined for a name the workbook lacks). */
export function settingsFromCells(values: Partial<Record<(typeof SETTING_NAMES)[number], Cell>>): Partial<Settings> {
  const out: Partial<Settings> = {};
  const year = num(values[NAMES.year] ?? null);
  if (year !== null) out.year = year;
  const green = num(values[NAMES.green] ?? null);
  if (green !== null) out.greenFrom = green;
  const amber = num(values[NAMES.amber] ?? null);
  if (amber !== null) out.amberFrom = amber;
  const mode = text(values[NAMES.mode] ?? null).toLowerCase();
  if ((SCORING_MODES as readonly string[]).includes(mode)) out.mode = mode as ScoringMode;
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
