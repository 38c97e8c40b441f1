// Coverage is compounded down the tree, with one definition everywhere: an indicator is covered
// when it has a score; an objective's coverage is the covered share of its indicators' weight; an
// area's is Σ wₒ·covₒ / Σ wₒ over its objectives (Peso su AS); the chamber's the same over areas
// (area weights of Impostazioni). On random partial fills of the sample, the definition computed
// here from the plan, the domain (which the follow view and `pira demo` print), and the
// Cruscotto's formulas in both formula modes (blanks as null and as 0) all agree.
import { scoreSummary } from "../../src/cli/commands/demo";
import type { Actuals, Plan } from "../../src/domain/model";
import { formatItalianNumber } from "../../src/domain/numbers";
import { readCruscotto } from "../../src/domain/reader";
import { scorePlan } from "../../src/domain/rollup";
import { isEmptyActual, scoreTarget } from "../../src/domain/score";
import { defaultSettings, FORMULA_MODES, type Settings } from "../../src/domain/settings";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { buildWorkbook } from "../../src/workbook/build";
import { DASHBOARD_CHAMBER, SHEETS, TABLES } from "../../src/workbook/layout";
import type { WorkbookDescription } from "../../src/workbook/types";
import { BLANK_SEMANTICS, WorkbookEvaluator } from "../helpers/formulaEvaluator";
import { seededRandom } from "../helpers/random";
import { sampleText } from "../helpers/sample";

const plan: Plan = readCruscotto(sampleText());
const TOLERANCE = 1e-9;

/** Consuntivi for a share of the indicators, each one its target value (a score for sure). */
function partialFill(rng: () => number, typedShare: number, year: number): Actuals {
  const actuals: Actuals = {};
  for (const indicator of plan.objectives.flatMap((o) => o.indicators)) {
    const target = indicator.targets[String(year)];
    if (!target || rng() >= typedShare) continue;
    const actual = target.kind === "deadline" ? "SI" : target.kind === "yesno" ? "SI" : target.unit === "%" ? 0.5 : 1;
    actuals[indicator.id] = { [String(year)]: actual };
  }
  return actuals;
}

/** The definition, from the plan and which indicators have a score: no code of the roll-ups. */
function definedCoverage(actuals: Actuals, settings: Settings): { chamber: number; areas: Map<string, number> } {
  const key = String(settings.year);
  const scored = (id: string, target: Parameters<typeof scoreTarget>[0]) => {
    const a = actuals[id]?.[key];
    if (target === null || isEmptyActual(a)) return false;
    try {
      return scoreTarget(target, a ?? null, settings.mode) !== null;
    } catch {
      return false;
    }
  };
  const objective = new Map<number, number>();
  for (const o of plan.objectives) {
    const weighed = o.indicators.filter((i) => i.weight > 0);
    const total = weighed.reduce((s, i) => s + i.weight, 0);
    const covered = weighed.filter((i) => scored(i.id, i.targets[key] ?? null)).reduce((s, i) => s + i.weight, 0);
    objective.set(o.number, total > 0 ? covered / total : 0);
  }
  const areas = new Map<string, number>();
  for (const area of plan.areas) {
    const objectives = plan.objectives.filter((o) => o.areaCode === area.code && o.weightOnArea > 0);
    const w = objectives.reduce((s, o) => s + o.weightOnArea, 0);
    areas.set(area.code, w > 0 ? objectives.reduce((s, o) => s + o.weightOnArea * objective.get(o.number)!, 0) / w : 0);
  }
  const weights = plan.areas.map((a) => settings.areaWeights[a.code] ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const chamber = plan.areas.reduce((s, a, i) => s + weights[i] * areas.get(a.code)!, 0) / total;
  return { chamber, areas };
}

function areaCoverageCell(wb: WorkbookDescription, i: number): string {
  const table = wb.sheets.flatMap((s) => s.tables).find((t) => t.name === TABLES.dashboardAreas)!;
  const top = parseCell(table.topLeft);
  const column = table.columns.findIndex((c) => c.header === "Copertura");
  return cellAddress(top.row + 1 + i, top.column + column);
}

describe("coverage compounds down the tree, the same in the domain, `pira demo` and the Cruscotto", () => {
  const rng = seededRandom(20231201);
  const year = plan.years[0];
  const fills = [0.15, 0.15, 0.3, 0.5, 0.8].map((share) => partialFill(rng, share, year));
  const settings: Settings = { ...defaultSettings(plan), year, areaWeights: { ...defaultSettings(plan).areaWeights } };
  // Unequal area weights, so the chamber's mean is weighted.
  settings.areaWeights[plan.areas[0].code] = 3;

  it.each(fills.map((f, i) => [i, Object.keys(f).length, f] as const))(
    "fill %i (%i consuntivi typed)",
    (_i, _typed, actuals) => {
      const defined = definedCoverage(actuals, settings);
      const domain = scorePlan(plan, actuals, year, settings);
      expect(Math.abs(domain.chamber.coverage! - defined.chamber)).toBeLessThan(TOLERANCE);
      domain.areas.forEach((a) => expect(Math.abs(a.coverage! - defined.areas.get(a.code)!)).toBeLessThan(TOLERANCE));

      // `pira demo` (and the follow view, through the same scorePlan) print the compounded figure.
      const summary = scoreSummary(plan, domain, settings);
      expect(summary).toContain(`Ente: `);
      expect(summary).toContain(`copertura ${formatItalianNumber(defined.chamber * 100, 0)}%`);

      for (const formulaMode of FORMULA_MODES) {
        const wb = buildWorkbook(plan, { ...settings, formulaMode }, actuals);
        for (const blanks of BLANK_SEMANTICS) {
          const ev = new WorkbookEvaluator(wb, { blanks });
          const chamber = ev.value(SHEETS.dashboard, DASHBOARD_CHAMBER.coverage) as number;
          expect({ formulaMode, blanks, ok: Math.abs(chamber - defined.chamber) < TOLERANCE }).toEqual({
            formulaMode,
            blanks,
            ok: true,
          });
          plan.areas.forEach((a, i) => {
            const cell = ev.value(SHEETS.dashboard, areaCoverageCell(wb, i)) as number;
            expect({ area: a.code, ok: Math.abs(cell - defined.areas.get(a.code)!) < TOLERANCE }).toEqual({
              area: a.code,
              ok: true,
            });
          });
        }
      }
    },
  );

  it("a few consuntivi give a low chamber coverage, not the share of areas with a score", () => {
    const actuals = fills[0];
    const domain = scorePlan(plan, actuals, year, settings);
    const areasWithScore = domain.areas.filter((a) => a.score !== null).length / domain.areas.length;
    expect(domain.chamber.coverage!).toBeLessThan(0.35);
    expect(domain.chamber.coverage!).toBeLessThan(areasWithScore);
  });
});
