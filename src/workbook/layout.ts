// The layout contract of the workbook the import makes: every sheet, table and workbook name,
// every column header and where each column sits. The sheet builders (sheets/*), both adapters
// and the reader (read.ts) agree through this file only; no header is spelled anywhere else.
import { FORMAT } from "./format";
import type { ColumnSpec } from "./types";

export const SHEETS = {
  dashboard: "Cruscotto",
  indicators: "Indicatori",
  objectives: "Obiettivi",
  settings: "Impostazioni",
  diagnostics: "Diagnostica",
  report: "Rendicontazione",
} as const;

export const TABLES = {
  indicators: "tblIndicatori",
  objectives: "tblObiettivi",
  dashboardAreas: "tblCruscottoAmbiti",
  dashboardObjectives: "tblCruscottoObiettivi",
  areaWeights: "tblPesiAmbiti",
  diagnostics: "tblDiagnostica",
} as const;

/** Workbook names the formulas and conditional formats read (cells of the Impostazioni sheet). */
export const NAMES = {
  year: "PIRA_Anno",
  yearIndex: "PIRA_AnnoIndice",
  green: "PIRA_SogliaVerde",
  amber: "PIRA_SogliaGialla",
  mode: "PIRA_Modalita",
  formulaMode: "PIRA_Formule",
  profile: "PIRA_Profilo",
  /** The custom profile's thresholds (its row of the profile block). */
  customGreen: "PIRA_SogliaVerdePersonalizzata",
  customAmber: "PIRA_SogliaGiallaPersonalizzata",
} as const;

/** The names that hold the settings a reader asks for, in that order. */
export const SETTING_NAMES = [
  NAMES.year,
  NAMES.green,
  NAMES.amber,
  NAMES.mode,
  NAMES.formulaMode,
  NAMES.profile,
  NAMES.customGreen,
  NAMES.customAmber,
] as const;

/**
 * Names of the Impostazioni cells listing the yes and no spellings the domain accepts
 * (YES_WORDS, NO_WORDS): formulas look them up instead of spelling each one out, which keeps the
 * data-validation formula within Excel's 255 characters.
 */
export const WORD_NAMES = { yes: "PIRA_Si", no: "PIRA_No", any: "PIRA_SiNo" } as const;

/**
 * Names for the Indicatori columns the objective roll-ups read: shorter formulas (the payload of
 * a large import is mostly formula text) that an OIV reviewer can also read.
 */
export const RANGE_NAMES = {
  objective: "PIRA_Ind_Obiettivo",
  weight: "PIRA_Ind_Peso",
  score: (year: number) => `PIRA_Ind_Punteggio_${year}`,
} as const;

/** The word before the year of a per-year header ("Consuntivo 2023"); alone, a summary header. */
export const STEMS = {
  target: "Target",
  actual: "Consuntivo",
  score: "Punteggio",
  status: "Stato",
  coverage: "Copertura",
  kind: "Tipo",
  value: "Valore",
  deadline: "Scadenza",
  note: "Nota",
} as const;

/** Every column header of the workbook's tables. */
export const HEADERS = {
  indicatorId: "Indicatore",
  indicatorName: "Nome indicatore",
  common: "OC",
  weight: "Peso",
  objective: "Obiettivo",
  objectiveTitle: "Titolo obiettivo",
  area: "Ambito",
  title: "Titolo",
  areaName: "Nome ambito",
  weightOnArea: "Peso su AS",
  resources: "Risorse (€)",
  perspective: "Prospettiva BSC",
  mission: "Missione",
  programme: "Programma",
  name: "Nome",
  strategicArea: "Ambito strategico",
  weightInChamber: "Peso nell'ente",
  code: "Codice",
  strategicObjective: "Obiettivo strategico",
  line: "Riga",
  severity: "Gravità",
  message: "Messaggio",
  target: (year: number) => `${STEMS.target} ${year}`,
  actual: (year: number) => `${STEMS.actual} ${year}`,
  score: (year: number) => `${STEMS.score} ${year}`,
  status: (year: number) => `${STEMS.status} ${year}`,
  coverage: (year: number) => `${STEMS.coverage} ${year}`,
  kind: (year: number) => `${STEMS.kind} ${year}`,
  value: (year: number) => `${STEMS.value} ${year}`,
  deadline: (year: number) => `${STEMS.deadline} ${year}`,
  note: (year: number) => `${STEMS.note} ${year}`,
} as const;

/** A header and the year it ends with ("Consuntivo 2022" → "Consuntivo", 2022); null without a year. */
export function splitYearlyHeader(header: string): { stem: string; year: number } | null {
  const m = /^(.*?)\s*(\d{4})\s*$/.exec(header);
  return m ? { stem: m[1].trim(), year: Number(m[2]) } : null;
}

/** The year of a per-year header with this stem ("Consuntivo 2023" → 2023), case-insensitive; else null. */
export function yearOfHeader(header: string, stem: string): number | null {
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`^\\s*${escaped}\\s+(\\d{4})\\s*$`, "i").exec(header);
  return m ? Number(m[1]) : null;
}

/** Where each column of the Indicatori table is, by year. */
export interface IndicatorLayout {
  years: number[];
  columns: ColumnSpec[];
  fixed: { id: number; name: number; common: number; weight: number; objective: number; title: number; area: number };
  perYear: Map<number, { target: number; actual: number; score: number; status: number }>;
  helpers: Map<number, { kind: number; value: number; deadline: number }>;
}

export function indicatorLayout(years: number[]): IndicatorLayout {
  const columns: ColumnSpec[] = [
    { header: HEADERS.indicatorId, role: "data", numberFormat: FORMAT.text, width: 11 },
    { header: HEADERS.indicatorName, role: "data", numberFormat: FORMAT.text, width: 60, wrap: true },
    { header: HEADERS.common, role: "data", numberFormat: FORMAT.text, width: 5 },
    { header: HEADERS.weight, role: "data", numberFormat: FORMAT.percent, width: 9 },
    { header: HEADERS.objective, role: "data", numberFormat: FORMAT.integer, width: 11 },
    { header: HEADERS.objectiveTitle, role: "data", numberFormat: FORMAT.text, width: 40, wrap: true },
    { header: HEADERS.area, role: "data", numberFormat: FORMAT.text, width: 9 },
  ];
  const fixed = { id: 0, name: 1, common: 2, weight: 3, objective: 4, title: 5, area: 6 };
  const perYear = new Map<number, { target: number; actual: number; score: number; status: number }>();
  for (const year of years) {
    const target = columns.length;
    columns.push(
      { header: HEADERS.target(year), role: "data", numberFormat: FORMAT.text, width: 16 },
      { header: HEADERS.actual(year), role: "input", numberFormat: FORMAT.general, width: 14 },
      { header: HEADERS.score(year), role: "formula", numberFormat: FORMAT.percent, width: 13 },
      { header: HEADERS.status(year), role: "formula", numberFormat: FORMAT.general, width: 22 },
    );
    perYear.set(year, { target, actual: target + 1, score: target + 2, status: target + 3 });
  }
  const helpers = new Map<number, { kind: number; value: number; deadline: number }>();
  for (const year of years) {
    const kind = columns.length;
    columns.push(
      { header: HEADERS.kind(year), role: "helper", numberFormat: FORMAT.text, width: 10, hidden: true },
      { header: HEADERS.value(year), role: "helper", numberFormat: FORMAT.general, width: 10, hidden: true },
      { header: HEADERS.deadline(year), role: "helper", numberFormat: FORMAT.date, width: 11, hidden: true },
    );
    helpers.set(year, { kind, value: kind + 1, deadline: kind + 2 });
  }
  return { years, columns, fixed, perYear, helpers };
}

/** Where each column of the Obiettivi table is, by year. */
export interface ObjectiveLayout {
  columns: ColumnSpec[];
  fixed: {
    number: number;
    title: number;
    area: number;
    areaName: number;
    weight: number;
    resources: number;
    perspective: number;
    mission: number;
    programme: number;
  };
  perYear: Map<number, { score: number; coverage: number; status: number }>;
}

export function objectiveLayout(years: number[]): ObjectiveLayout {
  const columns: ColumnSpec[] = [
    { header: HEADERS.objective, role: "data", numberFormat: FORMAT.integer, width: 11 },
    { header: HEADERS.title, role: "data", numberFormat: FORMAT.text, width: 50, wrap: true },
    { header: HEADERS.area, role: "data", numberFormat: FORMAT.text, width: 9 },
    { header: HEADERS.areaName, role: "data", numberFormat: FORMAT.text, width: 28, wrap: true },
    { header: HEADERS.weightOnArea, role: "data", numberFormat: FORMAT.percent, width: 11 },
    { header: HEADERS.resources, role: "data", numberFormat: FORMAT.euro, width: 16 },
    { header: HEADERS.perspective, role: "data", numberFormat: FORMAT.text, width: 24, wrap: true },
    { header: HEADERS.mission, role: "data", numberFormat: FORMAT.text, width: 30, wrap: true },
    { header: HEADERS.programme, role: "data", numberFormat: FORMAT.text, width: 30, wrap: true },
  ];
  const fixed = {
    number: 0,
    title: 1,
    area: 2,
    areaName: 3,
    weight: 4,
    resources: 5,
    perspective: 6,
    mission: 7,
    programme: 8,
  };
  const perYear = new Map<number, { score: number; coverage: number; status: number }>();
  for (const year of years) {
    const score = columns.length;
    columns.push(
      { header: HEADERS.score(year), role: "formula", numberFormat: FORMAT.percent, width: 13 },
      { header: HEADERS.coverage(year), role: "formula", numberFormat: FORMAT.coverage, width: 13 },
      { header: HEADERS.status(year), role: "formula", numberFormat: FORMAT.general, width: 22 },
    );
    perYear.set(year, { score, coverage: score + 1, status: score + 2 });
  }
  return { columns, fixed, perYear };
}

/** The area-weight table of the Impostazioni sheet (users edit the weights). */
export const AREA_WEIGHT_COLUMNS: ColumnSpec[] = [
  { header: HEADERS.area, role: "data", numberFormat: FORMAT.text, width: 34 },
  { header: HEADERS.name, role: "data", numberFormat: FORMAT.text, width: 40 },
  { header: HEADERS.weight, role: "setting", numberFormat: FORMAT.general, width: 60 },
];
export const AREA_WEIGHT_COLUMN = { code: 0, name: 1, weight: 2 } as const;

/** The Impostazioni sheet: rows (0-based) of the named settings, their labels, and the blocks below. */
export const SETTINGS_SHEET = {
  rows: { year: 2, green: 3, amber: 4, mode: 5, formulaMode: 6, yearIndex: 7 },
  labels: {
    year: "Anno in vista",
    green: "Soglia verde (Raggiunto da)",
    amber: "Soglia gialla (Parzialmente da)",
    mode: "Modalità di punteggio",
    formulaMode: "Formule",
    yearIndex: "Indice dell'anno (calcolato)",
  },
  /** Label and value columns of the settings. */
  labelColumn: 0,
  valueColumn: 1,
  /** The band profile chosen (a validated list), below the computed year index. */
  profileRow: 8,
  profileLabel: "Profilo delle soglie",
  /** Header row (0-based) of tblPesiAmbiti; its title is in the row above. */
  areaWeightsTop: 11,
  /** The yes/no spellings: first row (0-based), column, and the headers of the block. */
  wordsTop: 2,
  wordsColumn: 4,
  wordsHeaders: ["Risposte accettate", "Valgono"],
  /**
   * The band profiles: header row (0-based) and first column; one row per profile (BAND_PROFILES,
   * then the custom one, whose thresholds users edit), the thresholds of the one chosen are what
   * PIRA_SogliaVerde and PIRA_SogliaGialla hold.
   */
  profilesTop: 1,
  profilesColumn: 7,
  profilesHeaders: ["Profilo", "Soglia verde", "Soglia gialla", "Descrizione"],
} as const;

/** Where each column of the band-profile block is, from SETTINGS_SHEET.profilesColumn. */
export const PROFILE_COLUMN = { name: 0, green: 1, amber: 2, description: 3 } as const;

/** The Cruscotto summary tables (areas, objectives): where each column is. */
export const SUMMARY_COLUMN = { label: 0, weight: 1, score: 2, coverage: 3, status: 4, key: 5 } as const;

/** Headers of the two summary tables: label, weight, score, coverage, status, and the key the roll-ups match on. */
export function summaryHeaders(which: "areas" | "objectives"): string[] {
  const [label, weight, key] =
    which === "areas"
      ? [HEADERS.strategicArea, HEADERS.weightInChamber, HEADERS.code]
      : [HEADERS.strategicObjective, HEADERS.weightOnArea, HEADERS.area];
  return [label, weight, STEMS.score, STEMS.coverage, STEMS.status, key];
}

/** Header row (0-based) of the Cruscotto's area table (tblCruscottoAmbiti). */
export const DASHBOARD_AREA_TOP = 7;

/** The chamber row of the Cruscotto sheet: label, score, coverage, status (headers above, in row 5). */
export const DASHBOARD_CHAMBER = { label: "A6", score: "C6", coverage: "D6", status: "E6" } as const;
export const DASHBOARD_CHAMBER_HEADERS = [STEMS.score, STEMS.coverage, STEMS.status];

/** The Diagnostica table. */
export const DIAGNOSTIC_COLUMNS: ColumnSpec[] = [
  { header: HEADERS.line, role: "data", numberFormat: FORMAT.integer, width: 8 },
  { header: HEADERS.severity, role: "data", numberFormat: FORMAT.text, width: 10 },
  { header: HEADERS.objective, role: "data", numberFormat: FORMAT.integer, width: 11 },
  { header: HEADERS.indicatorId, role: "data", numberFormat: FORMAT.text, width: 12 },
  { header: HEADERS.message, role: "data", numberFormat: FORMAT.text, width: 100, wrap: true },
];

/** The Rendicontazione sheet: its columns (header, width) and the row of its header. */
export const REPORT_SHEET = {
  headerRow: 4,
  columns: [
    { header: HEADERS.code, width: 9 },
    { header: "Descrizione", width: 41 },
    { header: HEADERS.weight, width: 10 },
    { header: STEMS.target, width: 16 },
    { header: STEMS.actual, width: 13 },
    { header: "Grado di raggiungimento", width: 14 },
    { header: STEMS.coverage, width: 10 },
    // "Parzialmente raggiunto" in bold on one line: the status is a formula, no height can guess it.
    { header: STEMS.status, width: 21 },
    { header: "Nota di scostamento", width: 28 },
  ],
} as const;
export const REPORT_COLUMN = {
  code: 0,
  description: 1,
  weight: 2,
  target: 3,
  actual: 4,
  score: 5,
  coverage: 6,
  status: 7,
  note: 8,
} as const;

/** Prefixes of the workbook names over the tables the Rendicontazione looks values up in. */
export const REPORT_NAMES = {
  indicators: "PIRA_Rend_Ind",
  objectives: "PIRA_Rend_Obj",
  areas: "PIRA_Rend_Ambiti",
} as const;
