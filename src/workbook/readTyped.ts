// What a user typed into the Indicatori table, pure: the consuntivi and the notes di scostamento
// (each refused one named by its cell), and how many typed cells a replacement would delete.
import { emptyObjective, type Actual, type Actuals, type Indicator, type Plan } from "../domain/model";
import type { Notes } from "../domain/match";
import { parseActualText } from "../domain/actual";
import { excerpt } from "../domain/reader/rules";
import { ScoreError } from "../domain/score";
import { parseTarget } from "../domain/targets";
import { cellAddress } from "./address";
import { HEADERS, STEMS, splitYearlyHeader, yearOfHeader } from "./layout";
import {
  cellText,
  columnOf,
  sameHeader,
  WorkbookFormatError,
  yearsOf,
  type Cell,
  type CellError,
  type CellProblem,
  type PlacedTable,
  type Table,
} from "./readCells";

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
    const indicatorId = cellText(row[id]);
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
    const indicatorId = cellText(row[id]);
    if (indicatorId === "") continue;
    for (const { key, col } of columns) {
      const note = noteText(row[col]);
      if (note !== null) (notes[indicatorId] ??= {})[key] = note;
    }
  }
  return notes;
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
    const indicatorId = cellText(row[id]);
    if (indicatorId === "") return;
    const targets: Indicator["targets"] = {};
    for (const { year, actual: a, target: t, note: n } of columns) {
      targets[String(year)] = t < 0 ? null : parseTarget(cellText(row[t]));
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
