// The Indicatori sheet: one row per indicator, per year target, consuntivo (typed by users),
// score and status, and the hidden helper columns the native formulas read.
import type { Actual, Actuals, Plan, Target } from "../../domain/model";
import { isoToSerial } from "../../domain/dates";
import { percentToFraction } from "../../domain/numbers";
import type { Notes } from "../../domain/match";
import type { Settings } from "../../domain/settings";
import { excelScaleValue } from "../../domain/targets";
import { absolute, cellAddress, columnLetter } from "../address";
import { COMPLIANCE_STYLES, FORMAT } from "../format";
import {
  actualValidationFormula,
  nativeIndicatorStatusFormula,
  nativeScoreFormula,
  noteMissingRule,
  piraScoreFormula,
  piraStatusFormula,
  scoredWeightFormula,
  weightedScoreFormula,
} from "../formulas";
import { percentActualLimit } from "../../domain/score";
import { HEADERS, RANGE_NAMES, SHEETS, STEMS, TABLES, indicatorLayout } from "../layout";
import type { CellSpec, ConditionalFormatSpec, NameSpec, SheetSpec, TableSpec, ValidationSpec } from "../types";
import { printSpec } from "../print";
import { complianceFormats, sheet } from "./common";

function actualFormat(target: Target | null): string {
  if (target?.unit === "%") return FORMAT.percent;
  if (target?.kind === "deadline") return FORMAT.date;
  return FORMAT.general;
}

function actualPrompt(year: number): string {
  return (
    `${HEADERS.actual(year)}: un numero; le percentuali come 82% (non 82); per le scadenze la data di ` +
    `completamento (gg/mm/aaaa) o SI/NO; per i target SI/NO, SI o NO. Lascia vuoto se non ancora disponibile.`
  );
}

export function buildIndicators(
  plan: Plan,
  settings: Settings,
  actuals: Actuals,
  notes: Notes = {},
  baseline?: { year: number; actuals: Readonly<Record<string, Actual>> },
): SheetSpec {
  const layout = indicatorLayout(plan.years, baseline?.year ?? null);
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
    if (layout.baseline) {
      row[layout.baseline.column] = baseline?.actuals[indicator.id] ?? null;
      // Shown as the first year's consuntivo is (the same indicator keeps its unit).
      formats[layout.baseline.column][i] = actualFormat(indicator.targets[String(plan.years[0])] ?? null);
    }
    for (const year of plan.years) {
      const col = layout.perYear.get(year)!;
      const help = layout.helpers.get(year)!;
      const target = indicator.targets[String(year)] ?? null;
      const a = cellAddress(r, col.actual);
      const kindCell = cellAddress(r, help.kind);
      const scoreCell = cellAddress(r, col.score);
      const targetCell = cellAddress(r, col.target);
      const weightCell = cellAddress(r, layout.fixed.weight);
      const actual: Actual = actuals[indicator.id]?.[String(year)] ?? null;

      row[col.target] = target?.text ?? null;
      row[col.actual] = actual;
      if (settings.formulaMode === "pira") {
        row[col.score] = { formula: piraScoreFormula(targetCell, a) };
        row[col.status] = { formula: piraStatusFormula(scoreCell, targetCell, a) };
      } else {
        row[col.score] = {
          formula: nativeScoreFormula({
            actual: a,
            kind: kindCell,
            value: cellAddress(r, help.value),
            deadline: cellAddress(r, help.deadline),
            limit: cellAddress(r, help.limit),
          }),
        };
        row[col.status] = { formula: nativeIndicatorStatusFormula(scoreCell, a, kindCell) };
      }
      row[help.kind] = target?.kind ?? null;
      const value = target ? excelScaleValue(target) : null;
      // A deadline is met by SI: its value is 1, as a "SI" target's (the formulas read answers alike).
      row[help.value] = target?.kind === "deadline" ? 1 : value;
      row[help.deadline] = target?.deadline ? isoToSerial(target.deadline) : null;
      row[help.limit] = target?.unit === "%" && value !== null ? percentActualLimit(value) : null;
      row[help.scoredWeight] = { formula: scoredWeightFormula(scoreCell, weightCell) };
      row[help.weightedScore] = { formula: weightedScoreFormula(scoreCell, weightCell) };
      formats[col.actual][i] = actualFormat(target);
      // A note is user text: a plain string cell, so a note starting with "=" stays text.
      row[layout.notes.get(year)!] = notes[indicator.id]?.[String(year)] ?? null;
    }
    rows.push(row);
  });

  const columns = layout.columns.map((c, ci) =>
    formats[ci].length > 0 ? { ...c, cellNumberFormats: formats[ci] } : c,
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
      formula: actualValidationFormula(
        cellAddress(1, col.actual),
        `$${columnLetter(help.kind)}2`,
        `$${columnLetter(help.limit)}2`,
      ),
      prompt: { title: HEADERS.actual(year), message: actualPrompt(year) },
      error: {
        title: `${STEMS.actual} non valido`,
        message:
          `Il valore non va bene per il target di questa riga: serve un numero (per i target in ` +
          `percentuale scrivi 82%, non 82), una data di completamento dal 2000 o SI/NO per le scadenze, ` +
          `SI o NO per i target SI/NO.`,
      },
    });
  });
  // Notes after every compliance rule: a missing note di scostamento shows on the note cell only.
  plan.years.forEach((year, yi) => {
    const note = layout.notes.get(year)!;
    const col = layout.perYear.get(year)!;
    conditionalFormats.push({
      range: `${columnLetter(note)}2:${columnLetter(note)}${last + 1}`,
      formula: noteMissingRule(`$${columnLetter(col.actual)}2`, `$${columnLetter(col.status)}2`, cellAddress(1, note)),
      style: COMPLIANCE_STYLES.amber,
      priority: plan.years.length * 3 + yi + 1,
      stopIfTrue: true,
      meaning: "amber",
    });
  });

  return sheet(SHEETS.indicators, {
    tabColor: "#1F4E79",
    // Wide (four columns a year): not the sheet meant for print (that is the Rendicontazione), but
    // every page repeats the header row and the indicator's id and name.
    print: printSpec({ title: plan.title, titleRows: "$1:$1", titleColumns: "$A:$B" }),
    tables: [table],
    conditionalFormats,
    validations,
    freeze: { rows: 1, columns: 2 },
  });
}

/** The names of the Indicatori columns the objective roll-ups read. */
export function indicatorRangeNames(plan: Plan): NameSpec[] {
  const layout = indicatorLayout(plan.years);
  const rows = Math.max(
    plan.objectives.reduce((n, o) => n + o.indicators.length, 0),
    1,
  );
  const ref = (column: number) => `=${absolute(SHEETS.indicators, { row: 1, column }, { row: rows, column })}`;
  return [
    {
      name: RANGE_NAMES.objective,
      refersTo: ref(layout.fixed.objective),
      comment: `${HEADERS.objective} di ogni indicatore`,
    },
    { name: RANGE_NAMES.weight, refersTo: ref(layout.fixed.weight), comment: `${HEADERS.weight} di ogni indicatore` },
    ...plan.years.flatMap((year) => [
      {
        name: RANGE_NAMES.score(year),
        refersTo: ref(layout.perYear.get(year)!.score),
        comment: `${HEADERS.score(year)} di ogni indicatore`,
      },
      {
        name: RANGE_NAMES.scoredWeight(year),
        refersTo: ref(layout.helpers.get(year)!.scoredWeight),
        comment: `${HEADERS.scoredWeight(year)}: il peso di ogni indicatore con un punteggio, altrimenti 0`,
      },
      {
        name: RANGE_NAMES.weightedScore(year),
        refersTo: ref(layout.helpers.get(year)!.weightedScore),
        comment: `${HEADERS.weightedScore(year)}: peso × punteggio di ogni indicatore, altrimenti 0`,
      },
    ]),
  ];
}
