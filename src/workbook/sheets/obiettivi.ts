// The Obiettivi sheet: one row per objective with its data, and per year the roll-up of its
// indicators' scores (score, coverage, status). Each sum is computed once, in a hidden column, by
// SUMIFS on the objective's number over the Indicatori columns "Peso valido" and "Punteggio
// pesato": over the objective's own block of rows while the rows are where the import put them
// (linear), over the whole column once they have been sorted, inserted or deleted (still right,
// whatever the order). The last hidden columns are each objective's terms for its area's roll-up
// on the Cruscotto.
import type { Plan } from "../../domain/model";
import { percentToFraction } from "../../domain/numbers";
import { absolute, cellAddress, columnLetter } from "../address";
import {
  blockIntactFormula,
  ratioFormula,
  statusExpression,
  sumByKey,
  termFormulas,
  type KeyedRows,
} from "../formulas";
import { HEADERS, RANGE_NAMES, SHEETS, TABLES, indicatorLayout, objectiveLayout } from "../layout";
import type { CellSpec, ConditionalFormatSpec, NameSpec, SheetSpec } from "../types";
import { printSpec } from "../print";
import { complianceFormats, sheet } from "./common";

export function buildObjectives(plan: Plan): SheetSpec {
  const layout = objectiveLayout(plan.years);
  const keys = RANGE_NAMES.objective;
  const key = (r: number) => `$${columnLetter(layout.fixed.number)}${r + 1}`;
  const areaName = new Map(plan.areas.map((a) => [a.code, a.name]));
  const h = layout.helpers;
  const ind = indicatorLayout(plan.years);
  const totalIndicators = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
  // Each objective's indicators sit in one block of Indicatori rows, in plan order.
  let nextRow = 1;
  const blocks = plan.objectives.map((o): KeyedRows => {
    const first = nextRow;
    nextRow += o.indicators.length;
    const last = nextRow - 1;
    return {
      keys,
      rows: Math.max(totalIndicators, 1),
      block:
        o.indicators.length === 0
          ? null
          : (column) => absolute(SHEETS.indicators, { row: first, column }, { row: last, column }),
      keyColumn: ind.fixed.objective,
      count: o.indicators.length,
    };
  });
  const rows: CellSpec[][] = plan.objectives.map((o, i) => {
    const r = i + 1;
    const row: CellSpec[] = new Array<CellSpec>(layout.columns.length).fill(null);
    const f = layout.fixed;
    row[f.number] = o.number;
    row[f.title] = o.title;
    row[f.area] = o.areaCode;
    row[f.areaName] = areaName.get(o.areaCode) ?? "";
    row[f.weight] = percentToFraction(o.weightOnArea);
    row[f.resources] = o.resources;
    row[f.perspective] = o.perspective;
    row[f.mission] = o.mission;
    row[f.programme] = o.programme;
    const total = cellAddress(r, h.indicatorWeight);
    const weight = cellAddress(r, f.weight);
    const k = blocks[i];
    const intact = cellAddress(r, h.indicatorsInPlace);
    row[h.indicatorsInPlace] = { formula: blockIntactFormula(k, key(r)) };
    row[h.indicatorWeight] = {
      formula: `=${sumByKey({ name: RANGE_NAMES.weight, column: ind.fixed.weight }, k, key(r), intact, true)}`,
    };
    row[h.areaWeight] = { formula: `=IF(${weight}>0,${weight},0)` };
    for (const year of plan.years) {
      const c = layout.perYear.get(year)!;
      const y = h.perYear.get(year)!;
      const scored = cellAddress(r, y.scoredWeight);
      const weighted = cellAddress(r, y.weightedScore);
      const score = cellAddress(r, c.score);
      const iy = ind.helpers.get(year)!;
      row[y.scoredWeight] = {
        formula: `=${sumByKey({ name: RANGE_NAMES.scoredWeight(year), column: iy.scoredWeight }, k, key(r), intact)}`,
      };
      row[y.weightedScore] = {
        formula: `=${sumByKey({ name: RANGE_NAMES.weightedScore(year), column: iy.weightedScore }, k, key(r), intact)}`,
      };
      row[c.score] = { formula: ratioFormula(weighted, scored) };
      row[c.coverage] = { formula: ratioFormula(scored, total) };
      row[c.status] = { formula: `=${statusExpression(score)}` };
      const terms = termFormulas(weight, score, cellAddress(r, c.coverage));
      row[y.areaScored] = { formula: terms.scored };
      row[y.areaWeighted] = { formula: terms.weighted };
      row[y.areaCoverage] = { formula: terms.coverage };
    }
    return row;
  });
  const last = Math.max(plan.objectives.length, 1);
  const conditionalFormats: ConditionalFormatSpec[] = [];
  plan.years.forEach((year, yi) => {
    const c = layout.perYear.get(year)!;
    const range = `${columnLetter(c.score)}2:${columnLetter(c.status)}${last + 1}`;
    conditionalFormats.push(...complianceFormats(range, `$${columnLetter(c.score)}2`, yi * 3 + 1));
  });
  return sheet(SHEETS.objectives, {
    tabColor: "#2E75B6",
    // Too wide for one page width at a readable size: pages repeat the header row, number and title.
    print: printSpec({ title: plan.title, titleRows: "$1:$1", titleColumns: "$A:$B" }),
    tables: [{ name: TABLES.objectives, topLeft: "A1", columns: layout.columns, rows, style: "TableStyleMedium2" }],
    conditionalFormats,
    freeze: { rows: 1, columns: 2 },
  });
}

/** The names of the Obiettivi columns the area roll-ups of the Cruscotto read. */
export function objectiveRangeNames(plan: Plan): NameSpec[] {
  const layout = objectiveLayout(plan.years);
  const rows = Math.max(plan.objectives.length, 1);
  const ref = (column: number) => `=${absolute(SHEETS.objectives, { row: 1, column }, { row: rows, column })}`;
  const h = layout.helpers;
  return [
    { name: RANGE_NAMES.objectiveArea, refersTo: ref(layout.fixed.area), comment: `${HEADERS.area} di ogni obiettivo` },
    { name: RANGE_NAMES.objectiveWeight, refersTo: ref(h.areaWeight), comment: HEADERS.areaWeight },
    ...plan.years.flatMap((year) => {
      const y = h.perYear.get(year)!;
      return [
        {
          name: RANGE_NAMES.objectiveScoredWeight(year),
          refersTo: ref(y.areaScored),
          comment: HEADERS.areaScoredWeight(year),
        },
        {
          name: RANGE_NAMES.objectiveWeightedScore(year),
          refersTo: ref(y.areaWeighted),
          comment: HEADERS.areaWeightedScore(year),
        },
        {
          name: RANGE_NAMES.objectiveWeightedCoverage(year),
          refersTo: ref(y.areaCoverage),
          comment: HEADERS.areaWeightedCoverage(year),
        },
      ];
    }),
  ];
}
