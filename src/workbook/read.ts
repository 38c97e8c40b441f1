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
import type { Notes } from "../domain/match";
import { parseActualText } from "../domain/actual";
import { excerpt } from "../domain/reader/rules";
import { ScoreError } from "../domain/score";
import { parseTarget } from "../domain/targets";
import { cellAddress, type CellRef } from "./address";
import type { ArchiveRow, RegisterRow } from "./history";
import {
  ARCHIVE_COLUMN,
  ARCHIVE_COLUMNS,
  HEADERS,
  NAMES,
  REGISTER_COLUMN,
  REGISTER_COLUMNS,
  SETTING_NAMES,
  STEMS,
  splitYearlyHeader,
  yearOfHeader,
} from "./layout";

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

/** A note as its cell holds it: user text, kept as typed (a number typed in it reads as its digits). */
function noteText(cell: Cell | CellError | undefined): string | null {
  if (cell === null || cell === undefined || typeof cell === "object") return null;
  const s = String(cell);
  return s.trim() === "" ? null : s;
}

/** The notes di scostamento typed in the Indicatori table's «Nota YYYY» columns; a blank note is no entry. */
export function notesFromTable(indicators: Table<Cell | CellError>, years: readonly number[]): Notes {
  const id = columnOf(indicators, HEADERS.indicatorId);
  if (id < 0) return {};
  const columns = years
    .map((year) => ({ key: String(year), col: columnOf(indicators, HEADERS.note(year)) }))
    .filter((c) => c.col >= 0);
  const notes: Notes = {};
  for (const row of indicators.rows) {
    const indicatorId = text(row[id]);
    if (indicatorId === "") continue;
    for (const { key, col } of columns) {
      const note = noteText(row[col]);
      if (note !== null) (notes[indicatorId] ??= {})[key] = note;
    }
  }
  return notes;
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
  /** Only the notes typed («Nota YYYY»; none in a workbook made before notes). */
  notes: Notes;
  /** Cells whose value cannot be an actual (an Excel error), each named. */
  problems: CellProblem[];
}

/**
 * Why a text typed into a consuntivo cell is no actual, or null when it reads as one (a number, a
 * percent, a date or SI/NO written as text). Text such as "abc" or "=A1*2" is refused rather than
 * exported: the CSV would carry it into the next workbook, or into a spreadsheet as a formula.
 */
function notAnActual(value: string): string | null {
  try {
    parseActualText(value);
    return null;
  } catch (e) {
    if (!(e instanceof ScoreError)) throw e;
    return `"${excerpt(value.trim())}" non è un consuntivo (scrivi un numero come 3,5 o 80%, una data come 15/12/2023, oppure SI/NO).`;
  }
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
    note: columnOf(indicators, HEADERS.note(year)),
  }));
  const indicatorList: Indicator[] = [];
  const actuals: Actuals = {};
  const notes: Notes = {};
  const problems: CellProblem[] = [];
  indicators.rows.forEach((row, r) => {
    const indicatorId = text(row[id]);
    if (indicatorId === "") return;
    const targets: Indicator["targets"] = {};
    for (const { year, actual: a, target: t, note: n } of columns) {
      targets[String(year)] = t < 0 ? null : parseTarget(text(row[t]));
      const value = row[a] ?? null;
      const where = (c: number) =>
        `${indicators.sheet}!${cellAddress(indicators.topLeft.row + 1 + r, indicators.topLeft.column + c)}`;
      const refusal =
        value !== null && typeof value === "object"
          ? `${value.error}.`
          : typeof value === "string"
            ? notAnActual(value)
            : null;
      if (refusal !== null) {
        problems.push({ cell: where(a), message: `${indicatorId}, ${year}: ${refusal}` });
      } else if (value !== null) {
        (actuals[indicatorId] ??= {})[String(year)] = value as Actual;
      }
      const noteCell = n < 0 ? null : (row[n] ?? null);
      if (noteCell !== null && typeof noteCell === "object") {
        problems.push({ cell: where(n), message: `${indicatorId}, ${year}, nota: ${noteCell.error}.` });
      } else {
        const note = noteText(noteCell);
        if (note !== null) (notes[indicatorId] ??= {})[String(year)] = note;
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
  return { plan, actuals, notes, problems };
}

/** A column of a history table found by its layout header; -1 when the table lacks it. */
function historyColumns(table: { headers: string[] }, columns: readonly { header: string }[]): number[] {
  return columns.map((c) => columnOf(table, c.header));
}

function cellAt(row: (Cell | CellError)[], col: number): Cell {
  const v = col < 0 ? null : (row[col] ?? null);
  return v !== null && typeof v === "object" ? null : v;
}

/** The Archivio's rows as the sheet holds them (a row with no old id is the empty table's placeholder). */
export function archiveFromTable(table: Table<Cell | CellError>): ArchiveRow[] {
  const c = historyColumns(table, ARCHIVE_COLUMNS);
  const out: ArchiveRow[] = [];
  for (const row of table.rows) {
    const at = (k: number) => cellAt(row, c[k]);
    const oldId = text(at(ARCHIVE_COLUMN.oldId));
    if (oldId === "") continue;
    const note = at(ARCHIVE_COLUMN.note);
    out.push({
      oldId,
      objective: num(at(ARCHIVE_COLUMN.objective)),
      name: text(at(ARCHIVE_COLUMN.name)),
      year: num(at(ARCHIVE_COLUMN.year)),
      target: text(at(ARCHIVE_COLUMN.target)),
      actual: at(ARCHIVE_COLUMN.actual),
      score: num(at(ARCHIVE_COLUMN.score)),
      note: note === null ? null : String(note),
      reason: text(at(ARCHIVE_COLUMN.reason)),
      planTitle: text(at(ARCHIVE_COLUMN.planTitle)),
      planDate: text(at(ARCHIVE_COLUMN.planDate)),
    });
  }
  return out;
}

/** The Registro's rows as the sheet holds them, oldest first (an all-empty row is the placeholder). */
export function registerFromTable(table: Table<Cell | CellError>): RegisterRow[] {
  const c = historyColumns(table, REGISTER_COLUMNS);
  const out: RegisterRow[] = [];
  for (const row of table.rows) {
    const at = (k: number) => cellAt(row, c[k]);
    const kind = text(at(REGISTER_COLUMN.kind));
    if (kind === "") continue;
    out.push({
      date: num(at(REGISTER_COLUMN.date)),
      kind,
      objective: num(at(REGISTER_COLUMN.objective)),
      indicator: text(at(REGISTER_COLUMN.indicator)),
      before: text(at(REGISTER_COLUMN.before)),
      after: text(at(REGISTER_COLUMN.after)),
      description: text(at(REGISTER_COLUMN.description)),
      planTitle: text(at(REGISTER_COLUMN.planTitle)),
      planDate: text(at(REGISTER_COLUMN.planDate)),
    });
  }
  return out;
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
    const indicatorId = text(row[id]);
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
