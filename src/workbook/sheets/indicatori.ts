// The Indicatori sheet: one row per indicator, per year target, consuntivo (typed by users),
// score and status, and the hidden helper columns the native formulas read.
import type { Actual, Actuals, Plan, Target } from "../../domain/model";
import { isoToSerial } from "../../domain/dates";
import { percentToFraction } from "../../domain/numbers";
import type { Settings } from "../../domain/settings";
import { excelScaleValue } from "../../domain/targets";
import { absolute, cellAddress, columnLetter } from "../address";
import { FORMAT } from "../format";
import {
  actualValidationFormula,
  nativeIndicatorStatusFormula,
  nativeScoreFormula,
  piraScoreFormula,
  piraStatusFormula,
} from "../formulas";
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
    `${HEADERS.actual(year)}: un numero; le percentuali come 82%; per le scadenze la data di completamento ` +
    `(gg/mm/aaaa) o SI/NO; per i target SI/NO, SI o NO. Lascia vuoto se non ancora disponibile.`
  );
}

export function buildIndicators(plan: Plan, settings: Settings, actuals: Actuals): SheetSpec {
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
      prompt: { title: HEADERS.actual(year), message: actualPrompt(year) },
      error: {
        title: `${STEMS.actual} non valido`,
        message:
          `Il valore non va bene per il target di questa riga: serve un numero (percentuali come 82%), ` +
          `una data di completamento o SI/NO per le scadenze, SI o NO per i target SI/NO.`,
      },
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
    ...plan.years.map((year) => ({
      name: RANGE_NAMES.score(year),
      refersTo: ref(layout.perYear.get(year)!.score),
      comment: `${HEADERS.score(year)} di ogni indicatore`,
    })),
  ];
}
