// The layout contract of the workbook the import makes: every sheet, table and workbook name,
// every column header and where each column sits. The sheet builders (sheets/*), both adapters
// and the reader (read.ts) agree through this file (and the history sheets' layoutHistory.ts, the
// Rendicontazione's layoutReport.ts) only; no header is spelled anywhere else.
import { FORMAT } from "./format";
import type { ColumnSpec } from "./types";

export const SHEETS = {
  dashboard: "Cruscotto",
  indicators: "Indicatori",
  objectives: "Obiettivi",
  settings: "Impostazioni",
  diagnostics: "Diagnostica",
  archive: "Archivio",
  register: "Registro",
  report: "Rendicontazione",
} as const;

export const TABLES = {
  indicators: "tblIndicatori",
  objectives: "tblObiettivi",
  dashboardAreas: "tblCruscottoAmbiti",
  dashboardObjectives: "tblCruscottoObiettivi",
  areaWeights: "tblPesiAmbiti",
  diagnostics: "tblDiagnostica",
  archive: "tblArchivio",
  register: "tblRegistro",
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
  scoredWeight: (year: number) => `PIRA_Ind_PesoValido_${year}`,
  weightedScore: (year: number) => `PIRA_Ind_PunteggioPesato_${year}`,
  /** The Obiettivi columns the area roll-ups of the Cruscotto read. */
  objectiveArea: "PIRA_Ob_Ambito",
  objectiveWeight: "PIRA_Ob_Peso",
  objectiveScoredWeight: (year: number) => `PIRA_Ob_PesoValido_${year}`,
  objectiveWeightedScore: (year: number) => `PIRA_Ob_PunteggioPesato_${year}`,
  objectiveWeightedCoverage: (year: number) => `PIRA_Ob_CoperturaPesata_${year}`,
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
  // Helper columns (hidden): what the native formulas read, under headers an auditor can follow.
  kind: (year: number) => `${STEMS.kind} target ${year}`,
  value: (year: number) => `${STEMS.value} target ${year} (scala Excel; SI e scadenze 1)`,
  deadline: (year: number) => `${STEMS.deadline} ${year}`,
  note: (year: number) => `${STEMS.note} ${year}`,
  /** The previous year's consuntivo beside the first year of a revised plan (read-only). */
  baseline: (year: number) => `${STEMS.actual} ${year} (base)`,
  actualLimit: (year: number) => `Limite consuntivo ${year} (percentuali, scala Excel)`,
  scoredWeight: (year: number) => `Peso valido ${year}`,
  weightedScore: (year: number) => `Punteggio pesato ${year}`,
  indicatorsInPlace: "Indicatori nelle righe dell'importazione",
  indicatorWeight: "Peso degli indicatori",
  indicatorsScoredWeight: (year: number) => `Peso degli indicatori con punteggio ${year}`,
  indicatorsWeightedScore: (year: number) => `Somma dei punteggi pesati ${year}`,
  areaWeight: "Peso su AS valido",
  areaScoredWeight: (year: number) => `Peso su AS con punteggio ${year}`,
  areaWeightedScore: (year: number) => `Punteggio pesato su AS ${year}`,
  areaWeightedCoverage: (year: number) => `Copertura pesata su AS ${year}`,
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
  helpers: Map<number, IndicatorHelpers>;
  /**
   * The column of each year's note di scostamento, after every other column (after the hidden
   * helpers), so columns other work adds to a year's group do not move them.
   */
  notes: Map<number, number>;
  /** «Consuntivo AAAA (base)», the last column, when the workbook continues an earlier plan. */
  baseline: { year: number; column: number } | null;
}

/** The hidden columns of one year: target parts (import-time values) and the roll-up terms (formulas). */
export interface IndicatorHelpers {
  kind: number;
  value: number;
  deadline: number;
  limit: number;
  scoredWeight: number;
  weightedScore: number;
}

/** `baselineYear`: the year before the plan's first, whose consuntivi a revised workbook shows read-only. */
export function indicatorLayout(years: number[], baselineYear: number | null = null): IndicatorLayout {
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
  const helpers = new Map<number, IndicatorHelpers>();
  for (const year of years) {
    const kind = columns.length;
    columns.push(
      { header: HEADERS.kind(year), role: "helper", numberFormat: FORMAT.text, width: 10, hidden: true },
      { header: HEADERS.value(year), role: "helper", numberFormat: FORMAT.general, width: 10, hidden: true },
      { header: HEADERS.deadline(year), role: "helper", numberFormat: FORMAT.date, width: 11, hidden: true },
      { header: HEADERS.actualLimit(year), role: "helper", numberFormat: FORMAT.general, width: 10, hidden: true },
      // weight when scored, else 0; weight × score: what the objective's SUMIFS add up.
      { header: HEADERS.scoredWeight(year), role: "formula", numberFormat: FORMAT.percent, width: 10, hidden: true },
      { header: HEADERS.weightedScore(year), role: "formula", numberFormat: FORMAT.general, width: 10, hidden: true },
    );
    helpers.set(year, {
      kind,
      value: kind + 1,
      deadline: kind + 2,
      limit: kind + 3,
      scoredWeight: kind + 4,
      weightedScore: kind + 5,
    });
  }
  const notes = new Map<number, number>();
  for (const year of years) {
    notes.set(year, columns.length);
    // Typed by users like the consuntivi (role "input": unlocked, never deleted without asking).
    columns.push({ header: HEADERS.note(year), role: "input", numberFormat: FORMAT.text, width: 40, wrap: true });
  }
  let baseline: IndicatorLayout["baseline"] = null;
  if (baselineYear !== null) {
    baseline = { year: baselineYear, column: columns.length };
    columns.push({ header: HEADERS.baseline(baselineYear), role: "data", numberFormat: FORMAT.general, width: 16 });
  }
  return { years, columns, fixed, perYear, helpers, notes, baseline };
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
  /** Hidden sums (SUMIFS by objective over Indicatori) and the terms the area roll-ups add up. */
  helpers: {
    indicatorsInPlace: number;
    indicatorWeight: number;
    areaWeight: number;
    perYear: Map<
      number,
      { scoredWeight: number; weightedScore: number; areaScored: number; areaWeighted: number; areaCoverage: number }
    >;
  };
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
  const hidden = (header: string, numberFormat: string): ColumnSpec => ({
    header,
    role: "formula",
    numberFormat,
    width: 12,
    hidden: true,
  });
  const indicatorsInPlace = columns.length;
  columns.push(
    hidden(HEADERS.indicatorsInPlace, FORMAT.general),
    hidden(HEADERS.indicatorWeight, FORMAT.percent),
    hidden(HEADERS.areaWeight, FORMAT.percent),
  );
  const helperYears = new Map<
    number,
    { scoredWeight: number; weightedScore: number; areaScored: number; areaWeighted: number; areaCoverage: number }
  >();
  for (const year of years) {
    const first = columns.length;
    columns.push(
      hidden(HEADERS.indicatorsScoredWeight(year), FORMAT.percent),
      hidden(HEADERS.indicatorsWeightedScore(year), FORMAT.general),
      hidden(HEADERS.areaScoredWeight(year), FORMAT.percent),
      hidden(HEADERS.areaWeightedScore(year), FORMAT.general),
      hidden(HEADERS.areaWeightedCoverage(year), FORMAT.general),
    );
    helperYears.set(year, {
      scoredWeight: first,
      weightedScore: first + 1,
      areaScored: first + 2,
      areaWeighted: first + 3,
      areaCoverage: first + 4,
    });
  }
  return {
    columns,
    fixed,
    perYear,
    helpers: {
      indicatorsInPlace,
      indicatorWeight: indicatorsInPlace + 1,
      areaWeight: indicatorsInPlace + 2,
      perYear: helperYears,
    },
  };
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

/**
 * Beside the Diagnostica table: per plan year, how many consuntivi short of «Raggiunto» lack
 * their note di scostamento in the Indicatori sheet. Header row at `topLeft`.
 */
export const DIAGNOSTIC_NOTES = {
  topLeft: "G1",
  column: 6,
  headers: ["Anno", "Note di scostamento mancanti"],
  widths: { G: 8, H: 30 },
} as const;
