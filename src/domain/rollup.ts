// Roll-ups: indicator scores into objectives, objectives into strategic areas, areas into the
// chamber. Each level is a weighted mean over what has a score, with its coverage, so a
// half-filled objective shows as such instead of as a low score. Coverage is compounded down the
// tree: an objective's is the scored share of its indicators' weight, an area's the weighted mean
// of its objectives' coverages (weights "Peso su AS"), the chamber's that of its areas'.

import type { Actual, Actuals, Plan, Target } from "./model";
import { isEmptyActual, ScoreError, scoreTarget, statusOf, type Status } from "./score";
import type { Settings } from "./settings";

export interface WeightedItem {
  weight: number;
  score: number | null;
  /**
   * How much of the item is covered, 0..1: an objective's or area's own coverage. Absent for an
   * indicator, which is covered when it has a score.
   */
  coverage?: number | null;
}

export interface WeightedResult {
  /** Σ w·s / Σ w over the items with weight > 0 and a score; null when none has a score. */
  score: number | null;
  /**
   * Σ w·cov / Σ w over the items with weight > 0, where an indicator's cov is 1 with a score and 0
   * without, and an objective's or area's is its own coverage (compounded down the tree); null
   * when that total is 0.
   */
  coverage: number | null;
}

/** An indicator's status: a score's band, or why a typed actual has no score (as the workbook says). */
export type IndicatorStatus = Status | "Target non leggibile" | "Consuntivo non valido";

export interface IndicatorScore {
  id: string;
  score: number | null;
  status: IndicatorStatus;
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

/** An item's covered share: its own coverage when it has one, else 1 with a score and 0 without. */
function coveredShare(item: WeightedItem): number {
  if (item.coverage !== undefined) return item.coverage ?? 0;
  return item.score === null ? 0 : 1;
}

/**
 * Weighted mean and coverage; sums in the given order (num += w·s; den += w; covered += w·cov),
 * as the native formulas do.
 */
export function weightedMean(items: readonly WeightedItem[]): WeightedResult {
  let num = 0;
  let den = 0;
  let covered = 0;
  let total = 0;
  for (const item of items) {
    const { weight: w, score: s } = item;
    if (!(w > 0)) continue;
    total += w;
    const share = coveredShare(item);
    // An indicator's share is 1 or 0: w·1 keeps the sum bit for bit the scored weight.
    if (share !== 0) covered += share === 1 ? w : w * share;
    if (s === null) continue;
    num += w * s;
    den += w;
  }
  return { score: den > 0 ? num / den : null, coverage: total > 0 ? covered / total : null };
}

/**
 * Score and status of one indicator for a year; an absent or unreadable target or an actual that
 * does not fit the target gives no score, and the status says which.
 */
function indicatorScore(
  target: Target | null,
  actual: Actual,
  settings: Settings,
): { score: number | null; status: IndicatorStatus } {
  if (target === null || isEmptyActual(actual)) return { score: null, status: "n.d." };
  try {
    const score = scoreTarget(target, actual, settings.mode);
    return { score, status: statusOf(score, settings) };
  } catch (e) {
    if (!(e instanceof ScoreError)) throw e;
    return { score: null, status: target.kind === "unreadable" ? "Target non leggibile" : "Consuntivo non valido" };
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
      const { score, status } = indicatorScore(
        indicator.targets[key] ?? null,
        actuals[indicator.id]?.[key] ?? null,
        settings,
      );
      indicators.push({ id: indicator.id, score, status });
      items.push({ weight: indicator.weight, score });
    }
    const result = weightedMean(items);
    objectives.push({ number: objective.number, ...result, status: statusOf(result.score, settings) });
    // An objective whose area could not be read (an error in the diagnostics) has its own score
    // but enters no area and so not the chamber, as in the workbook, which has a row per area.
    objectivesByArea
      .get(objective.areaCode)
      ?.push({ weight: objective.weightOnArea, score: result.score, coverage: result.coverage });
  }

  const areas: AreaScore[] = [];
  const chamberItems: WeightedItem[] = [];
  for (const [code, items] of objectivesByArea) {
    const result = weightedMean(items);
    areas.push({ code, ...result, status: statusOf(result.score, settings) });
    chamberItems.push({ weight: settings.areaWeights[code] ?? 1, score: result.score, coverage: result.coverage });
  }
  const chamber = weightedMean(chamberItems);
  return { indicators, objectives, areas, chamber: { ...chamber, status: statusOf(chamber.score, settings) } };
}
