// Reads back from a workbook made by `pira build` or the add-in what the Relazione needs: the plan
// (areas, objectives with peso su AS, indicators with weights and targets), the consuntivi, the
// settings of the Impostazioni sheet and any notes. The workbook's formulas are not read: the
// report scores with the domain, which the formulas mirror.
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   exceljs objects, not Office.js proxies. */
import ExcelJS from "exceljs";
import { WorkbookFormatError, type CellProblem } from "../workbook/read";
import { readWorkbookActuals } from "./read";
import type { Actuals, Area, Indicator, Objective, Plan } from "../domain/model";
import type { Notes } from "../domain/report";
import { ScoreError, scoringModeOf } from "../domain/score";
import {
  CUSTOM_PROFILE,
  DEFAULT_THRESHOLDS,
  defaultSettings,
  profileNames,
  profileThresholds,
  type Settings,
  type Thresholds,
} from "../domain/settings";
import { splitSheetAddress } from "../workbook/address";
import { HEADERS, NAMES, PROFILE_COLUMN, SETTINGS_SHEET, SHEETS, indicatorLayout } from "../workbook/layout";

export interface WorkbookReportInput {
  plan: Plan;
  actuals: Actuals;
  settings: Settings;
  notes: Notes;
  /** Cells the report cannot use (a weight that is no number, an unknown objective…). */
  problems: CellProblem[];
}

/** Headers of the Obiettivi table the report reads (src/workbook/build.ts writes them). */
const OBJECTIVE_HEADERS = {
  number: HEADERS.objective,
  title: "Titolo",
  area: "Ambito",
  weight: "Peso su AS",
  resources: "Risorse (€)",
  perspective: "Prospettiva BSC",
  mission: "Missione",
  programme: "Programma",
} as const;

/** A notes column of the Indicatori sheet: "Nota 2023" (also "Note 2023"). */
export const NOTE_HEADER_RE = /^Not[ae] (\d{4})$/;

const HEADER_SCAN_ROWS = 40;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if (typeof value === "object" && "result" in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === "object" && "text" in value) return String(value.text).trim();
  return "";
}

function cellNumber(value: ExcelJS.CellValue): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (value !== null && typeof value === "object" && "result" in value)
    return cellNumber(value.result as ExcelJS.CellValue);
  return null;
}

/** A fraction the workbook stores (0.1428) as the percent the plan writes (14.28). */
function percentOf(fraction: number): number {
  return Number((fraction * 100).toPrecision(15));
}

interface HeaderRow {
  row: number;
  columns: Map<string, number>;
}

/** The first row (within the first rows) whose first cell is `first`, with its headers by column. */
function headerRow(ws: ExcelJS.Worksheet, first: string, column = 1): HeaderRow | null {
  for (let r = 1; r <= HEADER_SCAN_ROWS; r++) {
    if (cellText(ws.getRow(r).getCell(column).value) !== first) continue;
    const columns = new Map<string, number>();
    ws.getRow(r).eachCell((cell, c) => {
      const header = cellText(cell.value);
      if (header !== "" && !columns.has(header)) columns.set(header, c);
    });
    return { row: r, columns };
  }
  return null;
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) {
    throw new WorkbookFormatError(
      `manca il foglio «${name}»: non è un cruscotto creato da pira build o dal componente aggiuntivo.`,
    );
  }
  return ws;
}

function required(header: HeaderRow | null, sheet: string, names: readonly string[]): Map<string, number> {
  const missing = header === null ? names : names.filter((n) => !header.columns.has(n));
  if (header === null || missing.length > 0) {
    throw new WorkbookFormatError(`nel foglio «${sheet}» manca la colonna «${missing[0]}».`);
  }
  return header.columns;
}

function readObjectives(wb: ExcelJS.Workbook, problems: CellProblem[]): Objective[] {
  const ws = sheetOf(wb, SHEETS.objectives);
  const h = OBJECTIVE_HEADERS;
  const header = headerRow(ws, h.number);
  const columns = required(header, SHEETS.objectives, [h.number, h.title, h.area, h.weight]);
  const objectives: Objective[] = [];
  for (let r = header!.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const at = (name: string) => (columns.has(name) ? row.getCell(columns.get(name)!) : null);
    const numberCell = at(h.number)!;
    if (cellText(numberCell.value) === "") break;
    const number = cellNumber(numberCell.value);
    const weight = cellNumber(at(h.weight)!.value);
    if (number === null) {
      problems.push({ cell: `${SHEETS.objectives}!${numberCell.address}`, message: "numero di obiettivo non valido." });
      continue;
    }
    if (weight === null) {
      problems.push({
        cell: `${SHEETS.objectives}!${at(h.weight)!.address}`,
        message: `obiettivo ${number}: il peso su AS non è un numero.`,
      });
    }
    objectives.push({
      number,
      title: cellText(at(h.title)!.value),
      areaCode: cellText(at(h.area)!.value),
      weightOnArea: weight === null ? 0 : percentOf(weight),
      resources: at(h.resources) === null ? null : cellNumber(at(h.resources)!.value),
      perspective: at(h.perspective) === null ? "" : cellText(at(h.perspective)!.value),
      mission: at(h.mission) === null ? "" : cellText(at(h.mission)!.value),
      programme: at(h.programme) === null ? "" : cellText(at(h.programme)!.value),
      indicators: [],
    });
  }
  return objectives;
}

/** Names, weights and objectives of the indicators, and the notes columns; targets come from readWorkbookActuals. */
function readIndicators(
  wb: ExcelJS.Workbook,
  years: number[],
  targetsOf: Map<string, Indicator["targets"]>,
  problems: CellProblem[],
): { rows: { objective: number; indicator: Indicator }[]; notes: Notes } {
  const ws = sheetOf(wb, SHEETS.indicators);
  const layout = indicatorLayout(years);
  const header = (i: number) => layout.columns[i].header;
  const f = layout.fixed;
  const columns = required(headerRow(ws, header(f.id)), SHEETS.indicators, [
    header(f.id),
    header(f.name),
    header(f.weight),
    header(f.objective),
  ]);
  const top = headerRow(ws, header(f.id))!.row;
  const noteColumns: [string, number][] = [];
  for (const [name, column] of columns) {
    const m = NOTE_HEADER_RE.exec(name);
    if (m) noteColumns.push([m[1], column]);
  }
  const rows: { objective: number; indicator: Indicator }[] = [];
  const notes: Notes = {};
  for (let r = top + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = cellText(row.getCell(columns.get(header(f.id))!).value);
    if (id === "") break;
    const weightCell = row.getCell(columns.get(header(f.weight))!);
    const objectiveCell = row.getCell(columns.get(header(f.objective))!);
    const weight = cellNumber(weightCell.value);
    const objective = cellNumber(objectiveCell.value);
    if (weight === null) {
      problems.push({ cell: `${SHEETS.indicators}!${weightCell.address}`, message: `${id}: il peso non è un numero.` });
    }
    if (objective === null) {
      problems.push({
        cell: `${SHEETS.indicators}!${objectiveCell.address}`,
        message: `${id}: il numero dell'obiettivo non è valido.`,
      });
      continue;
    }
    const commonColumn = columns.get(header(f.common));
    rows.push({
      objective,
      indicator: {
        id,
        name: cellText(row.getCell(columns.get(header(f.name))!).value),
        common: commonColumn !== undefined && cellText(row.getCell(commonColumn).value) !== "",
        weight: weight === null ? 0 : percentOf(weight),
        targets: targetsOf.get(id) ?? {},
      },
    });
    for (const [year, column] of noteColumns) {
      const note = cellText(row.getCell(column).value);
      if (note !== "") (notes[id] ??= {})[year] = note;
    }
  }
  return { rows, notes };
}

/** The cell a workbook name points at, e.g. PIRA_SogliaVerde → Impostazioni!$B$4. */
function namedCell(wb: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const [range] = wb.definedNames.getRanges(name).ranges;
  if (range === undefined) throw new WorkbookFormatError(`manca il nome «${name}» delle impostazioni.`);
  const { sheet, address } = splitSheetAddress(range);
  return sheetOf(wb, sheet).getCell(address.replace(/\$/g, ""));
}

/** Whether a cell holds a formula (saved with or without its result). */
function isFormulaCell(value: ExcelJS.CellValue): boolean {
  return value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value);
}

/**
 * The thresholds in force. The named cells are formulas over the band profiles (saved without
 * results by `pira build`): then the profile chosen and the custom row say what they compute. A
 * number typed over such a cell (or a workbook made before profiles) is what the workbook uses.
 */
function readThresholds(wb: ExcelJS.Workbook, settings: Settings, problems: CellProblem[]): void {
  const where = (cell: ExcelJS.Cell) => `${cell.worksheet.name}!${cell.address}`;
  const hasProfile = wb.definedNames.getRanges(NAMES.profile).ranges.length > 0;
  const fromProfile = hasProfile ? readProfile(wb, problems) : null;
  for (const [name, key, label] of [
    [NAMES.green, "greenFrom", "soglia verde"],
    [NAMES.amber, "amberFrom", "soglia gialla"],
  ] as const) {
    const cell = namedCell(wb, name);
    const value = cellNumber(cell.value);
    if (value !== null) settings[key] = value;
    else if (isFormulaCell(cell.value) && fromProfile !== null) settings[key] = fromProfile[key];
    // A formula over an unusable profile is already listed as the profile's problem.
    else if (!isFormulaCell(cell.value) || !hasProfile)
      problems.push({ cell: where(cell), message: `la ${label} non è un numero.` });
  }
  if (fromProfile) settings.profile = fromProfile.name;
}

/** The profile chosen and its thresholds; null when it is unknown (a problem is listed). */
function readProfile(wb: ExcelJS.Workbook, problems: CellProblem[]): (Thresholds & { name: string }) | null {
  const cell = namedCell(wb, NAMES.profile);
  const name = cellText(cell.value);
  const ws = sheetOf(wb, SHEETS.settings);
  let custom: Thresholds | null = null;
  // The custom row: the one of the block named CUSTOM_PROFILE.
  for (let r = SETTINGS_SHEET.profilesTop + 1; r <= SETTINGS_SHEET.profilesTop + 20; r++) {
    const row = ws.getRow(r + 1);
    const column = SETTINGS_SHEET.profilesColumn + 1;
    if (cellText(row.getCell(column + PROFILE_COLUMN.name).value) !== CUSTOM_PROFILE) continue;
    const green = cellNumber(row.getCell(column + PROFILE_COLUMN.green).value);
    const amber = cellNumber(row.getCell(column + PROFILE_COLUMN.amber).value);
    if (green !== null && amber !== null) custom = { greenFrom: green, amberFrom: amber };
    else if (name === CUSTOM_PROFILE) {
      problems.push({
        cell: `${ws.name}!${row.getCell(column).address}`,
        message: "le soglie personalizzate non sono numeri.",
      });
      return null;
    }
  }
  const thresholds = profileThresholds(name, custom ?? DEFAULT_THRESHOLDS);
  if (thresholds === null) {
    problems.push({
      cell: `${cell.worksheet.name}!${cell.address}`,
      message: `profilo delle soglie sconosciuto «${name}» (${profileNames().join(", ")}).`,
    });
    return null;
  }
  const canonical = profileNames().find((p) => p.toLocaleLowerCase("it") === name.toLocaleLowerCase("it")) ?? name;
  return { ...thresholds, name: canonical };
}

function readSettings(wb: ExcelJS.Workbook, plan: Plan, problems: CellProblem[]): Settings {
  const settings: Settings = defaultSettings(plan);
  const where = (cell: ExcelJS.Cell) => `${cell.worksheet.name}!${cell.address}`;
  const year = namedCell(wb, NAMES.year);
  const yearValue = cellNumber(year.value) ?? Number(cellText(year.value));
  if (Number.isInteger(yearValue) && yearValue > 0) settings.year = yearValue;
  else problems.push({ cell: where(year), message: "l'anno in vista non è un anno." });
  readThresholds(wb, settings, problems);
  const mode = namedCell(wb, NAMES.mode);
  try {
    settings.mode = scoringModeOf(cellText(mode.value));
  } catch (e) {
    if (!(e instanceof ScoreError)) throw e;
    problems.push({ cell: where(mode), message: e.message });
  }
  // Only recorded: the report scores with the domain whichever formulas the workbook uses.
  if (wb.definedNames.getRanges(NAMES.formulaMode).ranges.length > 0) {
    settings.formulaMode =
      cellText(namedCell(wb, NAMES.formulaMode).value).toLowerCase() === "pira" ? "pira" : "native";
  }
  // tblPesiAmbiti: code, name, weight; a blank weight counts 0, as the Cruscotto's formula reads it.
  const ws = sheetOf(wb, SHEETS.settings);
  const header = headerRow(ws, "Ambito");
  if (header !== null) {
    for (let r = header.row + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const code = cellText(row.getCell(1).value);
      if (code === "") break;
      const weightCell = row.getCell(3);
      const weight = cellText(weightCell.value) === "" ? 0 : cellNumber(weightCell.value);
      if (weight === null)
        problems.push({ cell: where(weightCell), message: `ambito ${code}: il peso non è un numero.` });
      else settings.areaWeights[code] = weight;
    }
  }
  return settings;
}

function readAreas(wb: ExcelJS.Workbook): Area[] {
  const ws = sheetOf(wb, SHEETS.settings);
  const header = headerRow(ws, "Ambito");
  if (header === null)
    throw new WorkbookFormatError(`nel foglio «${SHEETS.settings}» manca la tabella dei pesi degli ambiti.`);
  const areas: Area[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const code = cellText(ws.getRow(r).getCell(1).value);
    if (code === "") break;
    areas.push({ code, name: cellText(ws.getRow(r).getCell(2).value) });
  }
  return areas;
}

/**
 * The plan, consuntivi, settings and notes of a workbook of ours. Throws WorkbookFormatError
 * (Italian) when the file is not such a workbook; cells it cannot use are in `problems`.
 */
export async function readWorkbookReport(data: Buffer): Promise<WorkbookReportInput> {
  const read = await readWorkbookActuals(data);
  const problems: CellProblem[] = [...read.problems];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const years = read.plan.years;
  const targets = new Map(read.plan.objectives.flatMap((o) => o.indicators).map((i) => [i.id, i.targets]));
  const objectives = readObjectives(wb, problems);
  const { rows, notes } = readIndicators(wb, years, targets, problems);
  const byNumber = new Map(objectives.map((o) => [o.number, o]));
  for (const { objective, indicator } of rows) {
    const owner = byNumber.get(objective);
    if (owner === undefined) {
      problems.push({
        cell: SHEETS.indicators,
        message: `${indicator.id}: l'obiettivo ${objective} non è nel foglio «${SHEETS.objectives}».`,
      });
    } else {
      owner.indicators.push(indicator);
    }
  }
  const title = cellText(sheetOf(wb, SHEETS.dashboard).getCell("A2").value);
  const plan: Plan = { title, date: "", years, areas: readAreas(wb), objectives, diagnostics: [] };
  const settings = readSettings(wb, plan, problems);
  return { plan, actuals: read.actuals, settings, notes, problems };
}
