// The Obiettivi sheet: one row per objective with its data, and per year the roll-up of its
// indicators' scores (score, coverage, status) through the Indicatori range names.
import type { Plan } from "../../domain/model";
import { percentToFraction } from "../../domain/numbers";
import { cellAddress, columnLetter } from "../address";
import { rollupCoverageFormula, rollupScoreFormula, statusExpression } from "../formulas";
import { RANGE_NAMES, SHEETS, TABLES, objectiveLayout } from "../layout";
import type { CellSpec, ConditionalFormatSpec, SheetSpec } from "../types";
import { printSpec } from "../print";
import { complianceFormats, sheet } from "./common";

export function buildObjectives(plan: Plan): SheetSpec {
  const layout = objectiveLayout(plan.years);
  const keys = RANGE_NAMES.objective;
  const weights = RANGE_NAMES.weight;
  const key = (r: number) => `$${columnLetter(layout.fixed.number)}${r + 1}`;
  const areaName = new Map(plan.areas.map((a) => [a.code, a.name]));
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
    for (const year of plan.years) {
      const c = layout.perYear.get(year)!;
      const scores = RANGE_NAMES.score(year);
      row[c.score] = { formula: rollupScoreFormula(keys, key(r), weights, scores) };
      row[c.coverage] = { formula: rollupCoverageFormula(keys, key(r), weights, scores) };
      row[c.status] = { formula: `=${statusExpression(cellAddress(r, c.score))}` };
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
