// Plan + settings (+ actuals) → the description of the workbook the import makes. Pure: the
// Excel adapter (src/excel) and the .xlsx writer (src/cli) apply the same description.

import type { Actual, Actuals, Diagnostic, Plan, Target } from "../domain/model";
import { isoToSerial } from "../domain/dates";
import { NO_YEARS_MESSAGE } from "../domain/reader";
import { percentToFraction } from "../domain/numbers";
import type { Settings } from "../domain/settings";
import { SCORING_MODES } from "../domain/settings";
import { NO_WORDS, YES_WORDS } from "../domain/score";
import { excelScaleValue } from "../domain/targets";
import { absolute, cellAddress, columnLetter } from "./address";
import {
  NAMES,
  WORD_NAMES,
  actualValidationFormula,
  complianceRules,
  nativeIndicatorStatusFormula,
  nativeScoreFormula,
  piraScoreFormula,
  piraStatusFormula,
  rollupCoverageFormula,
  rollupScoreFormula,
  statusExpression,
  weightedCoverageFormula,
  weightedScoreFormula,
} from "./formulas";
import type {
  CellSpec,
  ColumnSpec,
  ConditionalFormatSpec,
  FillStyle,
  NameSpec,
  ProtectionSpec,
  RangeSpec,
  SheetSpec,
  TableSpec,
  ValidationSpec,
  WorkbookDescription,
} from "./types";

export { NAMES };

export const SHEETS = {
  dashboard: "Cruscotto",
  indicators: "Indicatori",
  objectives: "Obiettivi",
  settings: "Impostazioni",
  diagnostics: "Diagnostica",
} as const;

export const TABLES = {
  indicators: "tblIndicatori",
  objectives: "tblObiettivi",
  dashboardAreas: "tblCruscottoAmbiti",
  dashboardObjectives: "tblCruscottoObiettivi",
  areaWeights: "tblPesiAmbiti",
  diagnostics: "tblDiagnostica",
} as const;

/** Headers the task pane and the CSV export look for. */
export const HEADERS = {
  indicatorId: "Indicatore",
  indicatorName: "Nome indicatore",
  objective: "Obiettivo",
  target: (year: number) => `Target ${year}`,
  actual: (year: number) => `Consuntivo ${year}`,
  score: (year: number) => `Punteggio ${year}`,
  status: (year: number) => `Stato ${year}`,
  coverage: (year: number) => `Copertura ${year}`,
  kind: (year: number) => `Tipo ${year}`,
  value: (year: number) => `Valore ${year}`,
  deadline: (year: number) => `Scadenza ${year}`,
} as const;

export const COMPLIANCE_STYLES: Record<"green" | "amber" | "red", FillStyle> = {
  green: { fill: "#C6EFCE", font: "#006100" },
  amber: { fill: "#FFEB9C", font: "#9C5700" },
  red: { fill: "#FFC7CE", font: "#9C0006" },
};

const FORMAT = {
  text: "@",
  percent: "0.00%",
  coverage: "0%",
  integer: "0",
  general: "General",
  date: "dd/mm/yyyy",
  euro: '#,##0.00 "€"',
} as const;

const SEVERITY_LABEL: Record<Diagnostic["severity"], string> = { error: "Errore", warning: "Avviso", info: "Nota" };

function protection(): ProtectionSpec {
  // No password by default: protection guards against slips, it is not a secret.
  return { protect: true, password: "", allowAutoFilter: true, allowSort: false, allowFormatColumns: true };
}

function sheet(name: string, parts: Partial<SheetSpec>): SheetSpec {
  return {
    name,
    tables: [],
    ranges: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    protection: protection(),
    ...parts,
  };
}

function complianceFormats(range: string, scoreCell: string, basePriority: number): ConditionalFormatSpec[] {
  const rules = complianceRules(scoreCell);
  return (["green", "amber", "red"] as const).map((meaning, i) => ({
    range,
    formula: rules[meaning],
    style: COMPLIANCE_STYLES[meaning],
    priority: basePriority + i,
    stopIfTrue: true,
    meaning,
  }));
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
    { header: "OC", role: "data", numberFormat: FORMAT.text, width: 5 },
    { header: "Peso", role: "data", numberFormat: FORMAT.percent, width: 9 },
    { header: HEADERS.objective, role: "data", numberFormat: FORMAT.integer, width: 11 },
    { header: "Titolo obiettivo", role: "data", numberFormat: FORMAT.text, width: 40, wrap: true },
    { header: "Ambito", role: "data", numberFormat: FORMAT.text, width: 9 },
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

function actualFormat(target: Target | null): string {
  if (target?.unit === "%") return FORMAT.percent;
  if (target?.kind === "deadline") return FORMAT.date;
  return FORMAT.general;
}

function actualPrompt(year: number): string {
  return (
    `Consuntivo ${year}: un numero; le percentuali come 82%; per le scadenze la data di completamento ` +
    `(gg/mm/aaaa) o SI/NO; per i target SI/NO, SI o NO. Lascia vuoto se non ancora disponibile.`
  );
}

function buildIndicators(plan: Plan, settings: Settings, actuals: Actuals): SheetSpec {
  const layout = indicatorLayout(plan.years);
  const indicators = plan.objectives.flatMap((o) => o.indicators.map((i) => ({ objective: o, indicator: i })));
  const rows: CellSpec[][] = [];
  const formats: string[][] = layout.columns.map(() => []);

  indicators.forEach(({ objective, indicator }, i) => {
    const r = i + 1; // 0-based sheet row; the header is row 0
    const row: CellSpec[] = new Array<CellSpec>(layout.columns.length).fill(null);
    row[layout.fixed.id] = indicator.id;
    row[layout.fixed.name] = indicator.name;
    row[layout.fixed.common] = indicator.common ? "SI" : null;
    row[layout.fixed.weight] = percentToFraction(indicator.weight);
    row[layout.fixed.objective] = objective.number;
    row[layout.fixed.title] = objective.title;
    row[layout.fixed.area] = objective.areaCode;
    for (const year of plan.years) {
      const col = layout.perYear.get(year)!;
      const help = layout.helpers.get(year)!;
      const target = indicator.targets[String(year)] ?? null;
      const a = cellAddress(r, col.actual);
      const t = cellAddress(r, help.value);
      const d = cellAddress(r, help.deadline);
      const kindCell = cellAddress(r, help.kind);
      const scoreCell = cellAddress(r, col.score);
      const targetCell = cellAddress(r, col.target);
      const actual: Actual = actuals[indicator.id]?.[String(year)] ?? null;

      row[col.target] = target?.text ?? null;
      row[col.actual] = actual;
      if (settings.formulaMode === "pira") {
        row[col.score] = { formula: piraScoreFormula(targetCell, a) };
        row[col.status] = { formula: piraStatusFormula(targetCell, a) };
      } else {
        row[col.score] = { formula: nativeScoreFormula(target?.kind ?? null, a, t, d) };
        row[col.status] = { formula: nativeIndicatorStatusFormula(scoreCell, a, kindCell) };
      }
      row[help.kind] = target?.kind ?? null;
      row[help.value] = target ? excelScaleValue(target) : null;
      row[help.deadline] = target?.deadline ? isoToSerial(target.deadline) : null;
      formats[col.actual][i] = actualFormat(target);
    }
    rows.push(row);
  });

  const columns = layout.columns.map((c, ci) =>
    c.role === "input" && indicators.length > 0 ? { ...c, cellNumberFormats: formats[ci] } : c,
  );
  const table: TableSpec = {
    name: TABLES.indicators,
    topLeft: "A1",
    columns,
    rows: rows.length > 0 ? rows : [new Array<CellSpec>(columns.length).fill(null)],
    style: "TableStyleMedium2",
  };

  const last = Math.max(indicators.length, 1);
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const validations: ValidationSpec[] = [];
  plan.years.forEach((year, yi) => {
    const col = layout.perYear.get(year)!;
    const help = layout.helpers.get(year)!;
    const range = `${columnLetter(col.actual)}2:${columnLetter(col.status)}${last + 1}`;
    conditionalFormats.push(...complianceFormats(range, `$${columnLetter(col.score)}2`, yi * 3 + 1));
    validations.push({
      range: `${columnLetter(col.actual)}2:${columnLetter(col.actual)}${last + 1}`,
      type: "custom",
      formula: actualValidationFormula(cellAddress(1, col.actual), `$${columnLetter(help.kind)}2`),
      prompt: { title: `Consuntivo ${year}`, message: actualPrompt(year) },
      error: {
        title: "Consuntivo non valido",
        message:
          `Il valore non va bene per il target di questa riga: serve un numero (percentuali come 82%), ` +
          `una data di completamento o SI/NO per le scadenze, SI o NO per i target SI/NO.`,
      },
    });
  });

  return sheet(SHEETS.indicators, {
    tabColor: "#1F4E79",
    print: { orientation: "landscape", fitToWidth: false },
    tables: [table],
    conditionalFormats,
    validations,
    freeze: { rows: 1, columns: 2 },
  });
}

interface Ref {
  sheet: string;
  column: number;
  rows: number;
}

function columnRange(ref: Ref): string {
  return absolute(ref.sheet, { row: 1, column: ref.column }, { row: Math.max(ref.rows, 1), column: ref.column });
}

/**
 * Names for the Indicatori columns the objective roll-ups read: shorter formulas (the payload of
 * a large import is mostly formula text) that an OIV reviewer can also read.
 */
export const RANGE_NAMES = {
  objective: "PIRA_Ind_Obiettivo",
  weight: "PIRA_Ind_Peso",
  score: (year: number) => `PIRA_Ind_Punteggio_${year}`,
} as const;

function indicatorRangeNames(plan: Plan): NameSpec[] {
  const layout = indicatorLayout(plan.years);
  const rows = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
  const ref = (column: number) => `=${columnRange({ sheet: SHEETS.indicators, column, rows })}`;
  return [
    { name: RANGE_NAMES.objective, refersTo: ref(layout.fixed.objective), comment: "Obiettivo di ogni indicatore" },
    { name: RANGE_NAMES.weight, refersTo: ref(layout.fixed.weight), comment: "Peso di ogni indicatore" },
    ...plan.years.map((year) => ({
      name: RANGE_NAMES.score(year),
      refersTo: ref(layout.perYear.get(year)!.score),
      comment: `Punteggio ${year} di ogni indicatore`,
    })),
  ];
}

function buildObjectives(plan: Plan): {
  spec: SheetSpec;
  scoreColumn: (year: number) => number;
  coverageColumn: (year: number) => number;
} {
  const keys = RANGE_NAMES.objective;
  const weights = RANGE_NAMES.weight;

  const columns: ColumnSpec[] = [
    { header: HEADERS.objective, role: "data", numberFormat: FORMAT.integer, width: 11 },
    { header: "Titolo", role: "data", numberFormat: FORMAT.text, width: 50, wrap: true },
    { header: "Ambito", role: "data", numberFormat: FORMAT.text, width: 9 },
    { header: "Nome ambito", role: "data", numberFormat: FORMAT.text, width: 28, wrap: true },
    { header: "Peso su AS", role: "data", numberFormat: FORMAT.percent, width: 11 },
    { header: "Risorse (€)", role: "data", numberFormat: FORMAT.euro, width: 16 },
    { header: "Prospettiva BSC", role: "data", numberFormat: FORMAT.text, width: 24, wrap: true },
    { header: "Missione", role: "data", numberFormat: FORMAT.text, width: 30, wrap: true },
    { header: "Programma", role: "data", numberFormat: FORMAT.text, width: 30, wrap: true },
  ];
  const perYear = new Map<number, { score: number; coverage: number; status: number }>();
  for (const year of plan.years) {
    const score = columns.length;
    columns.push(
      { header: HEADERS.score(year), role: "formula", numberFormat: FORMAT.percent, width: 13 },
      { header: HEADERS.coverage(year), role: "formula", numberFormat: FORMAT.coverage, width: 13 },
      { header: HEADERS.status(year), role: "formula", numberFormat: FORMAT.general, width: 22 },
    );
    perYear.set(year, { score, coverage: score + 1, status: score + 2 });
  }
  const areaName = new Map(plan.areas.map((a) => [a.code, a.name]));
  const rows: CellSpec[][] = plan.objectives.map((o, i) => {
    const r = i + 1;
    const key = `$A${r + 1}`;
    const row: CellSpec[] = [
      o.number,
      o.title,
      o.areaCode,
      areaName.get(o.areaCode) ?? "",
      percentToFraction(o.weightOnArea),
      o.resources,
      o.perspective,
      o.mission,
      o.programme,
    ];
    for (const year of plan.years) {
      const c = perYear.get(year)!;
      const scores = RANGE_NAMES.score(year);
      row[c.score] = { formula: rollupScoreFormula(keys, key, weights, scores) };
      row[c.coverage] = { formula: rollupCoverageFormula(keys, key, weights, scores) };
      row[c.status] = { formula: `=${statusExpression(cellAddress(r, c.score))}` };
    }
    return row;
  });
  const last = Math.max(plan.objectives.length, 1);
  const conditionalFormats: ConditionalFormatSpec[] = [];
  plan.years.forEach((year, yi) => {
    const c = perYear.get(year)!;
    const range = `${columnLetter(c.score)}2:${columnLetter(c.status)}${last + 1}`;
    conditionalFormats.push(...complianceFormats(range, `$${columnLetter(c.score)}2`, yi * 3 + 1));
  });
  return {
    spec: sheet(SHEETS.objectives, {
      tabColor: "#2E75B6",
      print: { orientation: "landscape", fitToWidth: true },
      tables: [{ name: TABLES.objectives, topLeft: "A1", columns, rows, style: "TableStyleMedium2" }],
      conditionalFormats,
      freeze: { rows: 1, columns: 2 },
    }),
    scoreColumn: (year) => perYear.get(year)!.score,
    coverageColumn: (year) => perYear.get(year)!.coverage,
  };
}

/** Rows of the Impostazioni sheet (0-based) that hold the named settings. */
const SETTINGS_ROWS = { year: 2, green: 3, amber: 4, mode: 5, formulaMode: 6, yearIndex: 7 } as const;
const AREA_WEIGHTS_TOP = 11; // header row of tblPesiAmbiti
const WORDS_TOP = 2; // first row of the yes/no spellings, column E

function wordNames(): NameSpec[] {
  const column = (from: number, count: number) =>
    `=${absolute(SHEETS.settings, { row: from, column: 4 }, { row: from + count - 1, column: 4 })}`;
  return [
    { name: WORD_NAMES.yes, refersTo: column(WORDS_TOP, YES_WORDS.length), comment: "Risposte che valgono sì" },
    {
      name: WORD_NAMES.no,
      refersTo: column(WORDS_TOP + YES_WORDS.length, NO_WORDS.length),
      comment: "Risposte che valgono no",
    },
    {
      name: WORD_NAMES.any,
      refersTo: column(WORDS_TOP, YES_WORDS.length + NO_WORDS.length),
      comment: "Risposte sì o no",
    },
  ];
}

function buildSettings(plan: Plan, settings: Settings): SheetSpec {
  const yearList = `{${plan.years.join(",")}}`;
  const valueRows: CellSpec[][] = [
    ["Anno in vista", settings.year, "L'anno che il foglio Cruscotto mostra."],
    ["Soglia verde (Raggiunto da)", settings.greenFrom, "Punteggio da cui un indicatore è «Raggiunto»."],
    [
      "Soglia gialla (Parzialmente da)",
      settings.amberFrom,
      "Punteggio da cui è «Parzialmente raggiunto»; sotto è «Non raggiunto».",
    ],
    ["Modalità di punteggio", settings.mode, "proporzionale, binario o lineare."],
    [
      "Formule",
      settings.formulaMode === "pira" ? "PIRA" : "native",
      "PIRA: funzioni del componente aggiuntivo; native: formule di Excel, leggibili anche senza il componente. Si cambia dal riquadro.",
    ],
    ["Indice dell'anno (calcolato)", { formula: `=MATCH(${NAMES.year},${yearList},0)` }, "Colonna dell'anno in vista."],
  ];
  const ranges: RangeSpec[] = [
    { topLeft: "A1", rows: [["Impostazioni del cruscotto PIRA"]], bold: true, fontSize: 14 },
    { topLeft: "A3", rows: valueRows.map((r) => [r[0]]), bold: true },
    {
      topLeft: "B3",
      rows: valueRows.slice(0, 4).map((r) => [r[1]]),
      numberFormat: [[FORMAT.integer], [FORMAT.percent], [FORMAT.percent], [FORMAT.text]],
      unlocked: true,
    },
    { topLeft: "B7", rows: valueRows.slice(4).map((r) => [r[1]]), numberFormat: FORMAT.general },
    { topLeft: "C3", rows: valueRows.map((r) => [r[2]]), wrap: true },
    {
      topLeft: `A${AREA_WEIGHTS_TOP}`,
      rows: [["Peso di ogni ambito nel punteggio dell'ente (pesi relativi)"]],
      bold: true,
    },
    // The yes/no spellings a consuntivo may take; formulas and validations look them up by name.
    { topLeft: "E2", rows: [["Risposte accettate", "Valgono"]], bold: true },
    {
      topLeft: cellAddress(WORDS_TOP, 4),
      rows: [...YES_WORDS.map((w) => [w, "sì"]), ...NO_WORDS.map((w) => [w, "no"])],
      numberFormat: FORMAT.text,
    },
  ];
  const areaRows: CellSpec[][] = plan.areas.map((a) => [a.code, a.name, settings.areaWeights[a.code] ?? 1]);
  const areaTable: TableSpec = {
    name: TABLES.areaWeights,
    topLeft: `A${AREA_WEIGHTS_TOP + 1}`,
    columns: [
      { header: "Ambito", role: "data", numberFormat: FORMAT.text, width: 34 },
      { header: "Nome", role: "data", numberFormat: FORMAT.text, width: 40 },
      { header: "Peso", role: "setting", numberFormat: FORMAT.general, width: 60 },
    ],
    rows: areaRows.length > 0 ? areaRows : [["", "", null]],
    style: "TableStyleLight9",
  };
  const cell = (row: number) => `B${row + 1}`;
  const validations: ValidationSpec[] = [
    {
      range: cell(SETTINGS_ROWS.year),
      type: "list",
      values: plan.years.map(String),
      prompt: { title: "Anno in vista", message: "Scegli l'anno del piano da mostrare nel Cruscotto." },
      error: { title: "Anno non valido", message: `Scegli uno degli anni del piano: ${plan.years.join(", ")}.` },
    },
    {
      range: `${cell(SETTINGS_ROWS.green)}:${cell(SETTINGS_ROWS.amber)}`,
      type: "decimal",
      min: 0,
      max: 1,
      prompt: { title: "Soglia", message: "Un punteggio tra 0% e 100%." },
      error: { title: "Soglia non valida", message: "La soglia è un punteggio tra 0% e 100%." },
    },
    {
      range: cell(SETTINGS_ROWS.mode),
      type: "list",
      values: [...SCORING_MODES],
      prompt: { title: "Modalità di punteggio", message: "proporzionale (predefinita), binario o lineare." },
      error: { title: "Modalità non valida", message: "Scegli proporzionale, binario o lineare." },
    },
    {
      range: `C${AREA_WEIGHTS_TOP + 2}:C${AREA_WEIGHTS_TOP + 1 + Math.max(plan.areas.length, 1)}`,
      type: "decimal",
      min: 0,
      max: 1000000,
      prompt: {
        title: "Peso dell'ambito",
        message: "Peso relativo dell'ambito nel punteggio dell'ente (0 lo esclude).",
      },
      error: { title: "Peso non valido", message: "Il peso è un numero non negativo." },
    },
  ];
  return sheet(SHEETS.settings, {
    tabColor: "#7F7F7F",
    ranges,
    tables: [areaTable],
    validations,
    columnWidths: { A: 34, B: 40, C: 60, E: 18, F: 9 },
  });
}

/** The chamber row of the Cruscotto sheet: label, score, coverage, status. */
export const DASHBOARD_CHAMBER = { label: "A6", score: "C6", coverage: "D6", status: "E6" } as const;

function buildDashboard(
  plan: Plan,
  objectives: { scoreColumn: (year: number) => number; coverageColumn: (year: number) => number },
): SheetSpec {
  const chooseAcross = (column: (year: number) => number, row: number) =>
    `=CHOOSE(${NAMES.yearIndex},${plan.years.map((y) => absolute(SHEETS.objectives, { row, column: column(y) })).join(",")})`;

  // Both tables put score, coverage and status in columns C:E, under the chamber row; each row is
  // labelled "code · name", which the charts show too.
  const areaTop = 7; // 0-based header row of tblCruscottoAmbiti
  const nAreas = Math.max(plan.areas.length, 1);
  const objTop = areaTop + nAreas + 3;
  const nObj = Math.max(plan.objectives.length, 1);
  const objRange = (column: number) =>
    absolute(SHEETS.dashboard, { row: objTop + 1, column }, { row: objTop + nObj, column });
  const areaRange = (column: number) =>
    absolute(SHEETS.dashboard, { row: areaTop + 1, column }, { row: areaTop + nAreas, column });

  const label = (code: string | number, name: string) =>
    `${code} · ${name.length > 70 ? name.slice(0, 69) + "…" : name}`;
  const areaRows: CellSpec[][] = plan.areas.map((a, i) => {
    const r = areaTop + 1 + i;
    const key = `$F${r + 1}`;
    return [
      label(a.code, a.name),
      { formula: `=${absolute(SHEETS.settings, { row: AREA_WEIGHTS_TOP + 1 + i, column: 2 })}` },
      { formula: rollupScoreFormula(objRange(5), key, objRange(1), objRange(2)) },
      { formula: rollupCoverageFormula(objRange(5), key, objRange(1), objRange(2)) },
      { formula: `=${statusExpression(cellAddress(r, 2))}` },
      a.code,
    ];
  });
  const objectiveRows: CellSpec[][] = plan.objectives.map((o, i) => {
    const r = objTop + 1 + i;
    return [
      label(o.number, o.title),
      { formula: `=${absolute(SHEETS.objectives, { row: 1 + i, column: 4 })}` },
      { formula: chooseAcross(objectives.scoreColumn, 1 + i) },
      { formula: chooseAcross(objectives.coverageColumn, 1 + i) },
      { formula: `=${statusExpression(cellAddress(r, 2))}` },
      o.areaCode,
    ];
  });

  const c = DASHBOARD_CHAMBER;
  const ranges: RangeSpec[] = [
    { topLeft: "A1", rows: [["Cruscotto obiettivi strategici PIRA"]], bold: true, fontSize: 16 },
    { topLeft: "A2", rows: [[plan.title || "Piano degli indicatori e dei risultati attesi"]] },
    {
      topLeft: "A3",
      rows: [["Anno", { formula: `=${NAMES.year}` }]],
      bold: true,
      numberFormat: [[FORMAT.text, FORMAT.integer]],
    },
    { topLeft: "C5", rows: [["Punteggio", "Copertura", "Stato"]], bold: true },
    {
      topLeft: c.label,
      rows: [
        [
          "Ente (tutti gli ambiti)",
          null,
          { formula: weightedScoreFormula(areaRange(1), areaRange(2)) },
          { formula: weightedCoverageFormula(areaRange(1), areaRange(2)) },
          { formula: `=${statusExpression(c.score)}` },
        ],
      ],
      numberFormat: [[FORMAT.text, FORMAT.general, FORMAT.percent, FORMAT.coverage, FORMAT.general]],
      bold: true,
    },
  ];

  // Both tables: label, weight, score, coverage, status, then the key the roll-ups match on.
  const summaryTable = (
    name: string,
    top: number,
    headers: { label: string; weight: string; key: string },
    weightFormat: string,
    rows: CellSpec[][],
    style: string,
  ): TableSpec => ({
    name,
    topLeft: cellAddress(top, 0),
    columns: [
      { header: headers.label, role: "data", numberFormat: FORMAT.text, width: 64, wrap: true },
      { header: headers.weight, role: "formula", numberFormat: weightFormat, width: 13 },
      { header: "Punteggio", role: "formula", numberFormat: FORMAT.percent, width: 12 },
      { header: "Copertura", role: "formula", numberFormat: FORMAT.coverage, width: 11 },
      { header: "Stato", role: "formula", numberFormat: FORMAT.general, width: 24 },
      { header: headers.key, role: "data", numberFormat: FORMAT.text, width: 9 },
    ],
    rows: rows.length > 0 ? rows : [["", null, null, null, null, ""]],
    style,
  });
  const tables: TableSpec[] = [
    summaryTable(
      TABLES.dashboardAreas,
      areaTop,
      { label: "Ambito strategico", weight: "Peso nell'ente", key: "Codice" },
      FORMAT.general,
      areaRows,
      "TableStyleMedium9",
    ),
    summaryTable(
      TABLES.dashboardObjectives,
      objTop,
      { label: "Obiettivo strategico", weight: "Peso su AS", key: "Ambito" },
      FORMAT.percent,
      objectiveRows,
      "TableStyleMedium2",
    ),
  ];

  const conditionalFormats: ConditionalFormatSpec[] = [
    ...complianceFormats(`${c.score}:${c.status}`, `$${c.score}`, 1),
    ...complianceFormats(`C${areaTop + 2}:E${areaTop + 1 + nAreas}`, `$C${areaTop + 2}`, 4),
    ...complianceFormats(`C${objTop + 2}:E${objTop + 1 + nObj}`, `$C${objTop + 2}`, 7),
  ];
  const chartTop = Math.max(areaTop + nAreas + 3, 18);
  return sheet(SHEETS.dashboard, {
    tabColor: "#548235",
    // Printed for reports: status text stands beside every colour, on one page width.
    print: { orientation: "landscape", fitToWidth: true },
    ranges,
    tables,
    conditionalFormats,
    charts: [
      {
        type: "barClustered",
        title: "Punteggio per ambito strategico",
        categories: areaRange(0),
        values: areaRange(2),
        seriesName: "Punteggio",
        from: "H2",
        to: `O${Math.max(areaTop + nAreas + 1, 16)}`,
      },
      {
        type: "barClustered",
        title: "Punteggio per obiettivo",
        categories: objRange(0),
        values: objRange(2),
        seriesName: "Punteggio",
        from: `H${chartTop}`,
        to: `O${chartTop + Math.max(nObj + 4, 16)}`,
      },
    ],
    columnWidths: { A: 64, B: 13, C: 12, D: 11, E: 24, F: 9 },
  });
}

function buildDiagnostics(plan: Plan): SheetSpec {
  const rows: CellSpec[][] = plan.diagnostics.map((d) => [
    d.line,
    SEVERITY_LABEL[d.severity],
    d.objective ?? null,
    d.indicator ?? null,
    d.message,
  ]);
  return sheet(SHEETS.diagnostics, {
    tabColor: "#C00000",
    print: { orientation: "landscape", fitToWidth: true },
    tables: [
      {
        name: TABLES.diagnostics,
        topLeft: "A1",
        columns: [
          { header: "Riga", role: "data", numberFormat: FORMAT.integer, width: 8 },
          { header: "Gravità", role: "data", numberFormat: FORMAT.text, width: 10 },
          { header: HEADERS.objective, role: "data", numberFormat: FORMAT.integer, width: 11 },
          { header: HEADERS.indicatorId, role: "data", numberFormat: FORMAT.text, width: 12 },
          { header: "Messaggio", role: "data", numberFormat: FORMAT.text, width: 100, wrap: true },
        ],
        rows: rows.length > 0 ? rows : [[null, "", null, null, "Nessun problema rilevato nel documento."]],
        style: "TableStyleLight10",
      },
    ],
    freeze: { rows: 1, columns: 0 },
  });
}

/** The workbook the import makes, for a plan, its settings and any actuals already typed. */
export function buildWorkbook(plan: Plan, settings: Settings, actuals: Actuals = {}): WorkbookDescription {
  // Every score, roll-up and the year in view are per year: there is nothing to build without one.
  if (plan.years.length === 0) throw new Error(`${NO_YEARS_MESSAGE} Impossibile costruire i fogli.`);
  const objectives = buildObjectives(plan);
  const settingsSheet = buildSettings(plan, settings);
  const cell = (row: number) => absolute(SHEETS.settings, { row, column: 1 });
  return {
    sheets: [
      buildDashboard(plan, objectives),
      buildIndicators(plan, settings, actuals),
      objectives.spec,
      settingsSheet,
      buildDiagnostics(plan),
    ],
    names: [
      { name: NAMES.year, refersTo: `=${cell(SETTINGS_ROWS.year)}`, comment: "Anno mostrato nel Cruscotto" },
      { name: NAMES.green, refersTo: `=${cell(SETTINGS_ROWS.green)}`, comment: "Soglia di Raggiunto" },
      { name: NAMES.amber, refersTo: `=${cell(SETTINGS_ROWS.amber)}`, comment: "Soglia di Parzialmente raggiunto" },
      { name: NAMES.mode, refersTo: `=${cell(SETTINGS_ROWS.mode)}`, comment: "Modalità di punteggio" },
      { name: NAMES.formulaMode, refersTo: `=${cell(SETTINGS_ROWS.formulaMode)}`, comment: "Formule PIRA o native" },
      { name: NAMES.yearIndex, refersTo: `=${cell(SETTINGS_ROWS.yearIndex)}`, comment: "Posizione dell'anno in vista" },
      ...wordNames(),
      ...indicatorRangeNames(plan),
    ],
  };
}
