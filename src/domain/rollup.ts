// Roll-ups: indicator scores into objectives, objectives into strategic areas, areas into the
// chamber. Each level is a weighted mean over what has a score, with its coverage, so a
// half-filled objective shows as such instead of as a low score.

import type { Actual, Actuals, Plan, Target } from "./model";
import { ScoreError, scoreTarget, statusOf, type Status } from "./score";
import type { Settings } from "./settings";

export interface WeightedItem {
  weight: number;
  score: number | null;
}

export interface WeightedResult {
  /** Σ w·s / Σ w over the items with weight > 0 and a score; null when none has a score. */
  score: number | null;
  /** Scored weight / total weight of the items with weight > 0; null when that total is 0. */
  coverage: number | null;
}

export interface IndicatorScore {
  id: string;
  score: number | null;
  status: Status;
}

export interface ObjectiveScore extends WeightedResult {
  number: number;
  status: Status;
}

export interface AreaScore extends WeightedResult {
  code: string;
  status: Status;
}

export interface ChamberScore extends WeightedResult {
  status: Status;
}

export interface PlanScore {
  indicators: IndicatorScore[];
  objectives: ObjectiveScore[];
  areas: AreaScore[];
  chamber: ChamberScore;
}

/** Weighted mean and coverage; sums in the given order (num += w·s; den += w), as the native formulas do. */
export function weightedMean(items: readonly WeightedItem[]): WeightedResult {
  let num = 0;
  let den = 0;
  let total = 0;
  for (const { weight: w, score: s } of items) {
    if (!(w > 0)) continue;
    total += w;
    if (s === null) continue;
    num += w * s;
    den += w;
  }
  return { score: den > 0 ? num / den : null, coverage: total > 0 ? den / total : null };
}

/** Score of one indicator for a year; an absent or unreadable target or a bad actual gives no score. */
function indicatorScore(target: Target | null, actual: Actual, settings: Settings): number | null {
  if (target === null) return null;
  try {
    return scoreTarget(target, actual, settings.mode);
  } catch (e) {
    if (e instanceof ScoreError) return null;
    throw e;
  }
}

/** Scores every indicator, objective and strategic area of the plan for one year, and the chamber. */
export function scorePlan(plan: Plan, actuals: Actuals, year: number, settings: Settings): PlanScore {
  const key = String(year);
  const indicators: IndicatorScore[] = [];
  const objectives: ObjectiveScore[] = [];
  const objectivesByArea = new Map<string, WeightedItem[]>();
  for (const area of plan.areas) objectivesByArea.set(area.code, []);

  for (const objective of plan.objectives) {
    const items: WeightedItem[] = [];
    for (const indicator of objective.indicators) {
      const score = indicatorScore(indicator.targets[key] ?? null, actuals[indicator.id]?.[key] ?? null, settings);
      indicators.push({ id: indicator.id, score, status: statusOf(score, settings) });
      items.push({ weight: indicator.weight, score });
    }
    const result = weightedMean(items);
    objectives.push({ number: objective.number, ...result, status: statusOf(result.score, settings) });
    // An objective whose area could not be read (an error in the diagnostics) has its own score
    // but enters no area and so not the chamber, as in the workbook, which has a row per area.
    objectivesByArea.get(objective.areaCode)?.push({ weight: objective.weightOnArea, score: result.score });
  }

  const areas: AreaScore[] = [];
  const chamberItems: WeightedItem[] = [];
  for (const [code, items] of objectivesByArea) {
    const result = weightedMean(items);
    areas.push({ code, ...result, status: statusOf(result.score, settings) });
    chamberItems.push({ weight: settings.areaWeights[code] ?? 1, score: result.score });
  }
  const chamber = weightedMean(chamberItems);
  return { indicators, objectives, areas, chamber: { ...chamber, status: statusOf(chamber.score, settings) } };
}
