// The Impostazioni sheet: the named settings (year in view, thresholds, scoring and formula
// mode), the area weights, and the yes/no spellings a consuntivo may take.
import type { Plan } from "../../domain/model";
import type { Settings } from "../../domain/settings";
import { BAND_PROFILES, CUSTOM_PROFILE, SCORING_MODES, profileInForce, profileNames } from "../../domain/settings";
import { NO_WORDS, YES_WORDS } from "../../domain/score";
import { absolute, cellAddress, columnLetter } from "../address";
import { FORMAT } from "../format";
import {
  AREA_WEIGHT_COLUMN,
  AREA_WEIGHT_COLUMNS,
  NAMES,
  PROFILE_COLUMN,
  SETTINGS_SHEET,
  SHEETS,
  TABLES,
  WORD_NAMES,
} from "../layout";
import { printSpec } from "../print";
import type { CellSpec, NameSpec, RangeSpec, SheetSpec, TableSpec, ValidationSpec } from "../types";
import { sheet } from "./common";

const { rows: ROWS, labels: LABELS, areaWeightsTop: AREA_WEIGHTS_TOP, wordsTop: WORDS_TOP } = SETTINGS_SHEET;

/** The cell of a setting's value, e.g. "B3". */
function valueCell(row: number): string {
  return cellAddress(row, SETTINGS_SHEET.valueColumn);
}

export function buildSettings(plan: Plan, settings: Settings): SheetSpec {
  const yearList = `{${plan.years.join(",")}}`;
  const profile = profileInForce(settings);
  const profileRows = [
    ...BAND_PROFILES,
    {
      name: CUSTOM_PROFILE,
      // The custom pair is the settings' own when they are custom, else a starting point to edit.
      greenFrom: settings.greenFrom,
      amberFrom: settings.amberFrom,
      description: "Soglie scelte dall'ente: si modificano in questa riga.",
    },
  ];
  const P = SETTINGS_SHEET.profilesColumn;
  const profileCell = (row: number, column: number) =>
    absolute(SHEETS.settings, { row: SETTINGS_SHEET.profilesTop + 1 + row, column: P + column });
  const profileColumn = (column: number) =>
    `${profileCell(0, column)}:${profileCell(profileRows.length - 1, column).split("!")[1]}`;
  // The thresholds in force are the chosen profile's: choosing it in B9 recolours everything.
  const threshold = (column: number): CellSpec => ({
    formula: `=INDEX(${profileColumn(column)},MATCH(${NAMES.profile},${profileColumn(PROFILE_COLUMN.name)},0))`,
  });
  const valueRows: CellSpec[][] = [
    [LABELS.year, settings.year, "L'anno che il foglio Cruscotto mostra."],
    [
      LABELS.green,
      threshold(PROFILE_COLUMN.green),
      "Punteggio da cui un indicatore è «Raggiunto»: dal profilo delle soglie scelto (riga 9).",
    ],
    [
      LABELS.amber,
      threshold(PROFILE_COLUMN.amber),
      "Punteggio da cui è «Parzialmente raggiunto»; sotto è «Non raggiunto».",
    ],
    [LABELS.mode, settings.mode, "proporzionale, binario o lineare."],
    [
      LABELS.formulaMode,
      settings.formulaMode === "pira" ? "PIRA" : "native",
      "PIRA: funzioni del componente aggiuntivo; native: formule di Excel, leggibili anche senza il componente. Si cambia dal riquadro.",
    ],
    [LABELS.yearIndex, { formula: `=MATCH(${NAMES.year},${yearList},0)` }, "Colonna dell'anno in vista."],
    [SETTINGS_SHEET.profileLabel, profile, `Le soglie in vigore: ${profileNames().join(", ")} (tabella a destra).`],
  ];
  const wordsTopLeft = cellAddress(WORDS_TOP, SETTINGS_SHEET.wordsColumn);
  const ranges: RangeSpec[] = [
    { topLeft: "A1", rows: [["Impostazioni del cruscotto PIRA"]], bold: true, fontSize: 14 },
    { topLeft: cellAddress(ROWS.year, SETTINGS_SHEET.labelColumn), rows: valueRows.map((r) => [r[0]]), bold: true },
    {
      topLeft: valueCell(ROWS.year),
      rows: [[valueRows[0][1]]],
      numberFormat: FORMAT.integer,
      unlocked: true,
      input: true,
    },
    { topLeft: valueCell(ROWS.green), rows: valueRows.slice(1, 3).map((r) => [r[1]]), numberFormat: FORMAT.percent },
    {
      topLeft: valueCell(ROWS.mode),
      rows: [[valueRows[3][1]]],
      numberFormat: FORMAT.text,
      unlocked: true,
      input: true,
    },
    {
      topLeft: valueCell(ROWS.formulaMode),
      rows: valueRows.slice(4, 6).map((r) => [r[1]]),
      numberFormat: FORMAT.general,
    },
    {
      topLeft: valueCell(SETTINGS_SHEET.profileRow),
      rows: [[profile]],
      numberFormat: FORMAT.text,
      unlocked: true,
      input: true,
    },
    { topLeft: cellAddress(ROWS.year, SETTINGS_SHEET.valueColumn + 1), rows: valueRows.map((r) => [r[2]]), wrap: true },
    // The band profiles: the named ones are fixed, the custom row is edited by users.
    {
      topLeft: cellAddress(SETTINGS_SHEET.profilesTop, P),
      rows: [[...SETTINGS_SHEET.profilesHeaders]],
      bold: true,
      border: true,
    },
    {
      topLeft: cellAddress(SETTINGS_SHEET.profilesTop + 1, P),
      rows: BAND_PROFILES.map((p) => [p.name, p.greenFrom, p.amberFrom, p.description]),
      numberFormat: [...BAND_PROFILES.map(() => [FORMAT.text, FORMAT.percent, FORMAT.percent, FORMAT.text])],
      border: true,
      wrap: true,
    },
    {
      topLeft: cellAddress(SETTINGS_SHEET.profilesTop + profileRows.length, P),
      rows: [[CUSTOM_PROFILE]],
      numberFormat: FORMAT.text,
      border: true,
    },
    {
      topLeft: cellAddress(SETTINGS_SHEET.profilesTop + profileRows.length, P + PROFILE_COLUMN.green),
      rows: [[settings.greenFrom, settings.amberFrom]],
      numberFormat: FORMAT.percent,
      unlocked: true,
      input: true,
    },
    {
      topLeft: cellAddress(SETTINGS_SHEET.profilesTop + profileRows.length, P + PROFILE_COLUMN.description),
      rows: [[profileRows[profileRows.length - 1].description]],
      border: true,
      wrap: true,
    },
    {
      topLeft: `A${AREA_WEIGHTS_TOP}`,
      rows: [["Peso di ogni ambito nel punteggio dell'ente (pesi relativi)"]],
      bold: true,
    },
    // The yes/no spellings a consuntivo may take; formulas and validations look them up by name.
    {
      topLeft: cellAddress(WORDS_TOP - 1, SETTINGS_SHEET.wordsColumn),
      rows: [[...SETTINGS_SHEET.wordsHeaders]],
      bold: true,
    },
    {
      topLeft: wordsTopLeft,
      rows: [...YES_WORDS.map((w) => [w, "sì"]), ...NO_WORDS.map((w) => [w, "no"])],
      numberFormat: FORMAT.text,
    },
  ];
  const areaRows: CellSpec[][] = plan.areas.map((a) => [a.code, a.name, settings.areaWeights[a.code] ?? 1]);
  const areaTable: TableSpec = {
    name: TABLES.areaWeights,
    topLeft: `A${AREA_WEIGHTS_TOP + 1}`,
    columns: AREA_WEIGHT_COLUMNS,
    rows: areaRows.length > 0 ? areaRows : [["", "", null]],
    style: "TableStyleLight9",
  };
  const weightLetter = columnLetter(AREA_WEIGHT_COLUMN.weight);
  const validations: ValidationSpec[] = [
    {
      range: valueCell(ROWS.year),
      type: "list",
      values: plan.years.map(String),
      prompt: { title: LABELS.year, message: "Scegli l'anno del piano da mostrare nel Cruscotto." },
      error: { title: "Anno non valido", message: `Scegli uno degli anni del piano: ${plan.years.join(", ")}.` },
    },
    {
      range: valueCell(SETTINGS_SHEET.profileRow),
      type: "list",
      values: profileNames(),
      prompt: { title: SETTINGS_SHEET.profileLabel, message: `Scegli le soglie: ${profileNames().join(", ")}.` },
      error: { title: "Profilo non valido", message: `Scegli uno dei profili: ${profileNames().join(", ")}.` },
    },
    {
      range: `${cellAddress(SETTINGS_SHEET.profilesTop + profileRows.length, P + PROFILE_COLUMN.green)}:${cellAddress(SETTINGS_SHEET.profilesTop + profileRows.length, P + PROFILE_COLUMN.amber)}`,
      type: "decimal",
      min: 0,
      max: 1,
      prompt: { title: "Soglia", message: "Un punteggio tra 0% e 100%." },
      error: { title: "Soglia non valida", message: "La soglia è un punteggio tra 0% e 100%." },
    },
    {
      range: valueCell(ROWS.mode),
      type: "list",
      values: [...SCORING_MODES],
      prompt: { title: LABELS.mode, message: "proporzionale (predefinita), binario o lineare." },
      error: { title: "Modalità non valida", message: "Scegli proporzionale, binario o lineare." },
    },
    {
      range: `${weightLetter}${AREA_WEIGHTS_TOP + 2}:${weightLetter}${AREA_WEIGHTS_TOP + 1 + Math.max(plan.areas.length, 1)}`,
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
    columnWidths: { A: 34, B: 40, C: 60, E: 18, F: 9, H: 18, I: 12, J: 12, K: 40 },
    print: printSpec({ title: plan.title }),
  });
}

/** The workbook names of the settings cells and of the yes/no spellings. */
export function settingsNames(): NameSpec[] {
  const cell = (row: number) => `=${absolute(SHEETS.settings, { row, column: SETTINGS_SHEET.valueColumn })}`;
  const words = (from: number, count: number) => {
    const column = SETTINGS_SHEET.wordsColumn;
    return `=${absolute(SHEETS.settings, { row: from, column }, { row: from + count - 1, column })}`;
  };
  return [
    { name: NAMES.year, refersTo: cell(ROWS.year), comment: "Anno mostrato nel Cruscotto" },
    { name: NAMES.green, refersTo: cell(ROWS.green), comment: "Soglia di Raggiunto" },
    { name: NAMES.amber, refersTo: cell(ROWS.amber), comment: "Soglia di Parzialmente raggiunto" },
    { name: NAMES.mode, refersTo: cell(ROWS.mode), comment: "Modalità di punteggio" },
    { name: NAMES.formulaMode, refersTo: cell(ROWS.formulaMode), comment: "Formule PIRA o native" },
    { name: NAMES.profile, refersTo: cell(SETTINGS_SHEET.profileRow), comment: "Profilo delle soglie" },
    ...(
      [
        [NAMES.customGreen, PROFILE_COLUMN.green, "Soglia verde personalizzata"],
        [NAMES.customAmber, PROFILE_COLUMN.amber, "Soglia gialla personalizzata"],
      ] as const
    ).map(([name, column, comment]) => ({
      name,
      refersTo: `=${absolute(SHEETS.settings, {
        row: SETTINGS_SHEET.profilesTop + BAND_PROFILES.length + 1,
        column: SETTINGS_SHEET.profilesColumn + column,
      })}`,
      comment,
    })),
    { name: NAMES.yearIndex, refersTo: cell(ROWS.yearIndex), comment: "Posizione dell'anno in vista" },
    { name: WORD_NAMES.yes, refersTo: words(WORDS_TOP, YES_WORDS.length), comment: "Risposte che valgono sì" },
    {
      name: WORD_NAMES.no,
      refersTo: words(WORDS_TOP + YES_WORDS.length, NO_WORDS.length),
      comment: "Risposte che valgono no",
    },
    {
      name: WORD_NAMES.any,
      refersTo: words(WORDS_TOP, YES_WORDS.length + NO_WORDS.length),
      comment: "Risposte sì o no",
    },
  ];
}
