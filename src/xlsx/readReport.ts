// Reads back from a workbook made by `pira build` or the add-in what the Relazione needs: the plan,
// consuntivi, settings and notes readWorkbook gives (src/workbook/read.ts), and, cell by cell, what
// the report cannot use (a weight that is no number, an objective the Obiettivi sheet lacks, a
// threshold typed as text…): the report is written only when there is none. The workbook's formulas
// are not read: the report scores with the domain, which the formulas mirror.
import type { Actuals, Plan } from "../domain/model";
import type { Notes } from "../domain/report";
import { ScoreError, scoringModeOf } from "../domain/score";
import {
  CUSTOM_PROFILE,
  DEFAULT_THRESHOLDS,
  defaultSettings,
  profileNames,
  profileThresholds,
  type Settings,
} from "../domain/settings";
import { cellAddress } from "../workbook/address";
import { HEADERS, NAMES, SHEETS, type SETTING_NAMES } from "../workbook/layout";
import {
  WorkbookFormatError,
  cellNumber,
  cellText,
  columnOf,
  readWorkbook,
  type Cell,
  type CellError,
  type CellProblem,
  type PlacedTable,
} from "../workbook/read";
import { readWorkbookTables, type SettingCell, type XlsxTables } from "./read";

export interface WorkbookReportInput {
  plan: Plan;
  actuals: Actuals;
  settings: Settings;
  notes: Notes;
  /** Cells the report cannot use (a weight that is no number, an unknown objective…). */
  problems: CellProblem[];
}

const isError = (value: Cell | CellError | undefined): value is CellError =>
  value !== null && value !== undefined && typeof value === "object";

const numberIn = (value: Cell | CellError | undefined): number | null => (isError(value) ? null : cellNumber(value));

/** The columns a table must have, by header; a missing one means the workbook is not one of ours. */
function required(table: PlacedTable, headers: readonly string[]): number[] {
  return headers.map((header) => {
    const c = columnOf(table, header);
    if (c < 0) throw new WorkbookFormatError(`nel foglio «${table.sheet}» manca la colonna «${header}».`);
    return c;
  });
}

/** Each body cell of a column of a table, with its sheet-qualified address. */
function cellsOf(table: PlacedTable, column: number): { at: string; value: Cell | CellError; row: number }[] {
  return table.rows.map((row, r) => ({
    at: `${table.sheet}!${cellAddress(table.topLeft.row + 1 + r, table.topLeft.column + column)}`,
    value: row[column] ?? null,
    row: r,
  }));
}

/** Objective numbers and weights on AS that are no numbers; the numbers the Obiettivi sheet holds. */
function objectiveProblems(objectives: PlacedTable, problems: CellProblem[]): Set<number> {
  const [n, , , weight] = required(objectives, [HEADERS.objective, HEADERS.title, HEADERS.area, HEADERS.weightOnArea]);
  const numbers = new Set<number>();
  const weights = cellsOf(objectives, weight);
  for (const { at, value, row } of cellsOf(objectives, n)) {
    const number = numberIn(value);
    if (number === null) {
      problems.push({ cell: at, message: "numero di obiettivo non valido." });
      continue;
    }
    numbers.add(number);
    if (numberIn(weights[row].value) === null) {
      problems.push({ cell: weights[row].at, message: `obiettivo ${number}: il peso su AS non è un numero.` });
    }
  }
  return numbers;
}

/** Indicator weights and objective numbers that are no numbers, and objectives the Obiettivi sheet lacks. */
function indicatorProblems(indicators: PlacedTable, objectives: Set<number>, problems: CellProblem[]): void {
  const [id, weight, objective] = required(indicators, [
    HEADERS.indicatorId,
    HEADERS.weight,
    HEADERS.objective,
    HEADERS.indicatorName,
  ]);
  const weights = cellsOf(indicators, weight);
  const numbers = cellsOf(indicators, objective);
  indicators.rows.forEach((row, r) => {
    const indicatorId = cellText(row[id]);
    if (indicatorId === "") return;
    if (numberIn(weights[r].value) === null) {
      problems.push({ cell: weights[r].at, message: `${indicatorId}: il peso non è un numero.` });
    }
    const number = numberIn(numbers[r].value);
    if (number === null) {
      problems.push({ cell: numbers[r].at, message: `${indicatorId}: il numero dell'obiettivo non è valido.` });
    } else if (!objectives.has(number)) {
      problems.push({
        cell: SHEETS.indicators,
        message: `${indicatorId}: l'obiettivo ${number} non è nel foglio «${SHEETS.objectives}».`,
      });
    }
  });
}

/**
 * The settings readWorkbook read, checked cell by cell. The thresholds' named cells are formulas
 * over the band profiles (saved without results by `pira build`): then the profile chosen and the
 * custom row say what they compute; a number typed over such a cell is what the workbook uses.
 */
function checkedSettings(
  tables: XlsxTables,
  plan: Plan,
  read: { settings: Partial<Settings>; areaWeights: Record<string, number> },
  problems: CellProblem[],
): Settings {
  const defaults = defaultSettings(plan);
  const settings: Settings = {
    ...defaults,
    ...read.settings,
    areaWeights: { ...defaults.areaWeights, ...read.areaWeights },
  };
  const cell = (name: (typeof SETTING_NAMES)[number]): SettingCell => {
    const found = tables.settingCells[name];
    if (found === undefined) throw new WorkbookFormatError(`manca il nome «${name}» delle impostazioni.`);
    return found;
  };
  const year = cell(NAMES.year);
  const yearValue = numberIn(year.value) ?? Number(cellText(year.value));
  if (!Number.isInteger(yearValue) || yearValue <= 0) {
    problems.push({ cell: year.cell, message: "l'anno in vista non è un anno." });
  }
  const profile = cellText(cell(NAMES.profile).value);
  const fromProfile = profile === "" ? null : profileInForce(profile, tables, problems);
  if (fromProfile) settings.profile = fromProfile.name;
  for (const [name, label] of [
    [NAMES.green, "soglia verde"],
    [NAMES.amber, "soglia gialla"],
  ] as const) {
    const { cell: at, value } = cell(name);
    if (numberIn(value) !== null) continue;
    // A formula (here an error: no value saved) over an unusable profile is already the profile's problem.
    if (!isError(value) || profile === "") problems.push({ cell: at, message: `la ${label} non è un numero.` });
  }
  const mode = cell(NAMES.mode);
  try {
    settings.mode = scoringModeOf(cellText(mode.value));
  } catch (e) {
    if (!(e instanceof ScoreError)) throw e;
    problems.push({ cell: mode.cell, message: e.message });
  }
  // tblPesiAmbiti: a blank weight counts 0, as the Cruscotto's formula reads it.
  const areaTable = tables.areaWeights;
  if (areaTable === null) {
    throw new WorkbookFormatError(`nel foglio «${SHEETS.settings}» manca la tabella dei pesi degli ambiti.`);
  }
  const [code, weight] = required(areaTable, [HEADERS.area, HEADERS.weight]);
  for (const { at, value, row } of cellsOf(areaTable, weight)) {
    const area = cellText(areaTable.rows[row][code]);
    if (area === "") continue;
    if (value === null || (typeof value === "string" && value.trim() === "")) settings.areaWeights[area] = 0;
    else if (numberIn(value) === null) problems.push({ cell: at, message: `ambito ${area}: il peso non è un numero.` });
  }
  return settings;
}

/** The profile chosen, by its canonical name, and its thresholds; null when it is unusable (a problem is listed). */
function profileInForce(
  name: string,
  tables: XlsxTables,
  problems: CellProblem[],
): { name: string; greenFrom: number; amberFrom: number } | null {
  const green = tables.settingCells[NAMES.customGreen];
  const amber = tables.settingCells[NAMES.customAmber];
  const customGreen = numberIn(green?.value);
  const customAmber = numberIn(amber?.value);
  const custom =
    customGreen !== null && customAmber !== null ? { greenFrom: customGreen, amberFrom: customAmber } : null;
  const canonical = profileNames().find((p) => p.toLocaleLowerCase("it") === name.toLocaleLowerCase("it"));
  const thresholds = profileThresholds(name, custom ?? DEFAULT_THRESHOLDS);
  if (thresholds === null || canonical === undefined) {
    problems.push({
      cell: tables.settingCells[NAMES.profile]?.cell ?? SHEETS.settings,
      message: `profilo delle soglie sconosciuto «${name}» (${profileNames().join(", ")}).`,
    });
    return null;
  }
  if (custom === null && canonical === CUSTOM_PROFILE) {
    problems.push({
      cell: (customGreen === null ? green : amber)?.cell ?? SHEETS.settings,
      message: "le soglie personalizzate non sono numeri.",
    });
    return null;
  }
  return { ...thresholds, name: canonical };
}

/**
 * The plan, consuntivi, settings and notes of a workbook of ours. Throws WorkbookFormatError
 * (Italian) when the file is not such a workbook; cells it cannot use are in `problems`.
 */
export async function readWorkbookReport(data: Buffer): Promise<WorkbookReportInput> {
  const tables = await readWorkbookTables(data);
  if (tables.objectives === null) {
    throw new WorkbookFormatError(
      `manca il foglio «${SHEETS.objectives}»: non è un cruscotto creato da pira build o dal componente aggiuntivo.`,
    );
  }
  const contents = readWorkbook(tables);
  const problems = [...contents.problems];
  const objectives = objectiveProblems(tables.objectives, problems);
  indicatorProblems(tables.indicators, objectives, problems);
  const settings = checkedSettings(tables, contents.plan, contents, problems);
  return { plan: contents.plan, actuals: contents.actuals, settings, notes: contents.notes, problems };
}
