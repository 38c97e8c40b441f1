// Matching a revised plan to the workbook's plan: which old objective and indicator each revised
// one continues. Never by position: "14.1" may become "14.7" when the Giunta reorders a table, so
// ids only name things, names identify them. Every match is one-to-one.

import type { Indicator, Objective, Plan } from "../model";
import { planChanges, type Change } from "./changes";
import { normaliseName } from "./normalise";
import { bigramsOf, diceOf, diceUpperBound, similarity } from "./similarity";

/**
 * Dice similarity from which two unmatched indicators are proposed as one. Measured on the sample:
 * distinct indicators of one plan reach 0.79 (the "Valutazioni positive … (area)" family), while a
 * corrected typo scores ≥ 0.95 and the rewordings tried ("dei canali", "dell'efficienza e
 * dell'efficacia", "entro 30 giorni") 0.83–0.90. Proposals are confirmed by the user anyway.
 */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.8;

/** An objective matched by number only needs its title at least this alike (or a shared indicator). */
export const OBJECTIVE_NUMBER_TITLE_MIN = 0.5;

/**
 * Beyond this many unmatched old × new pairs (200 × 200: far more than a yearly revision leaves),
 * similarity is sought only between objectives matched to each other, which keeps it linear.
 */
export const DEFAULT_MAX_SIMILARITY_PAIRS = 40_000;

export type MatchStatus = "exact" | "moved" | "proposed";

export interface IndicatorMatch {
  oldId: string;
  newId: string;
  /** exact: same name in the matched objective; moved: same name, another objective; proposed: confirmed by the user. */
  status: MatchStatus;
  /** 1 for a name match; the Dice similarity for a proposal; 1/k when k indicators share one name. */
  confidence: number;
}

export interface Proposal extends IndicatorMatch {
  status: "proposed";
  /** similar: a name alike above the threshold; ambiguous: one name on several unmatched indicators. */
  reason: "similar" | "ambiguous";
}

export interface ObjectiveMatch {
  oldNumber: number;
  newNumber: number;
  by: "title" | "number";
}

export interface MatchOptions {
  /** See DEFAULT_SIMILARITY_THRESHOLD. */
  threshold?: number;
  /** Accept every proposal (as `acceptProposals` with all of them). */
  acceptProposed?: boolean;
  /** See DEFAULT_MAX_SIMILARITY_PAIRS. */
  maxSimilarityPairs?: number;
}

export interface PlanMatch {
  objectives: ObjectiveMatch[];
  /** Accepted matches: exact, moved, and the proposals the user accepted. */
  indicators: IndicatorMatch[];
  /** Proposals not (yet) accepted: their indicators count as removed and added. */
  proposals: Proposal[];
  /** Old indicator id → revised id, accepted matches only. */
  idMap: Record<string, string>;
  /** Old objective number → revised number. */
  objectiveMap: Record<number, number>;
  changes: Change[];
}

interface Entry<T> {
  item: T;
  key: string;
  order: number;
}

function entries<T>(items: readonly T[], keyOf: (t: T) => string): Entry<T>[] {
  return items.map((item, order) => ({ item, key: keyOf(item), order }));
}

/** Groups by key, keeping document order inside a group. */
function groupByKey<T>(items: readonly Entry<T>[]): Map<string, Entry<T>[]> {
  const groups = new Map<string, Entry<T>[]>();
  for (const e of items) {
    const g = groups.get(e.key);
    if (g) g.push(e);
    else groups.set(e.key, [e]);
  }
  return groups;
}

function matchObjectives(old: Plan, revised: Plan): ObjectiveMatch[] {
  const matches: ObjectiveMatch[] = [];
  const usedNew = new Set<number>();
  const unmatchedOld: Objective[] = [];
  const byTitle = groupByKey(entries(revised.objectives, (o) => normaliseName(o.title)));
  for (const o of old.objectives) {
    const candidate = byTitle.get(normaliseName(o.title))?.shift();
    if (candidate) {
      matches.push({ oldNumber: o.number, newNumber: candidate.item.number, by: "title" });
      usedNew.add(candidate.order);
    } else unmatchedOld.push(o);
  }
  // A number alone is weak: a closed objective's number may be given to a new one.
  const byNumber = new Map<number, Entry<Objective>>();
  revised.objectives.forEach((item, order) => {
    if (!usedNew.has(order) && !byNumber.has(item.number)) byNumber.set(item.number, { item, key: "", order });
  });
  for (const o of unmatchedOld) {
    const candidate = byNumber.get(o.number);
    if (!candidate || !corroborated(o, candidate.item)) continue;
    byNumber.delete(o.number);
    matches.push({ oldNumber: o.number, newNumber: candidate.item.number, by: "number" });
  }
  return matches;
}

function corroborated(a: Objective, b: Objective): boolean {
  if (similarity(normaliseName(a.title), normaliseName(b.title)) >= OBJECTIVE_NUMBER_TITLE_MIN) return true;
  const names = new Set(a.indicators.map((i) => normaliseName(i.name)));
  return b.indicators.some((i) => names.has(normaliseName(i.name)));
}

interface Located {
  indicator: Indicator;
  objective: number;
  key: string;
  order: number;
}

function locate(plan: Plan): Located[] {
  const out: Located[] = [];
  for (const o of plan.objectives)
    for (const indicator of o.indicators)
      out.push({ indicator, objective: o.number, key: normaliseName(indicator.name), order: out.length });
  return out;
}

interface IndicatorOutcome {
  accepted: IndicatorMatch[];
  proposals: Proposal[];
}

function matchIndicators(
  oldAll: Located[],
  newAll: Located[],
  objectiveMap: ReadonlyMap<number, number>,
  options: MatchOptions,
): IndicatorOutcome {
  const accepted: IndicatorMatch[] = [];
  const proposals: Proposal[] = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const take = (o: Located, n: Located) => {
    usedOld.add(o.order);
    usedNew.add(n.order);
  };

  // 1. Same name inside the matched objective.
  const newByObjectiveAndName = groupByKey(entries(newAll, (n) => `${n.objective}\u0000${n.key}`));
  for (const o of oldAll) {
    const target = objectiveMap.get(o.objective);
    if (target === undefined) continue;
    const n = newByObjectiveAndName.get(`${target}\u0000${o.key}`)?.shift()?.item;
    if (!n) continue;
    take(o, n);
    accepted.push({ oldId: o.indicator.id, newId: n.indicator.id, status: "exact", confidence: 1 });
  }

  // 2. Same name anywhere in the plan: moved when the name is unique among the unmatched.
  const oldByName = groupByKey(
    entries(
      oldAll.filter((o) => !usedOld.has(o.order)),
      (o) => o.key,
    ),
  );
  const newByName = groupByKey(
    entries(
      newAll.filter((n) => !usedNew.has(n.order)),
      (n) => n.key,
    ),
  );
  for (const [key, olds] of oldByName) {
    const news = newByName.get(key);
    if (!news) continue;
    const pairs = Math.min(olds.length, news.length);
    const ambiguous = olds.length > 1 || news.length > 1;
    for (let k = 0; k < pairs; k++) {
      const o = olds[k].item;
      const n = news[k].item;
      take(o, n);
      if (ambiguous) {
        const confidence = 1 / Math.max(olds.length, news.length);
        proposals.push({
          oldId: o.indicator.id,
          newId: n.indicator.id,
          status: "proposed",
          confidence,
          reason: "ambiguous",
        });
      } else accepted.push({ oldId: o.indicator.id, newId: n.indicator.id, status: "moved", confidence: 1 });
    }
  }

  // 3. Alike names among what is left, best first.
  const threshold = options.threshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const restOld = oldAll.filter((o) => !usedOld.has(o.order));
  const restNew = newAll.filter((n) => !usedNew.has(n.order));
  const maxPairs = options.maxSimilarityPairs ?? DEFAULT_MAX_SIMILARITY_PAIRS;
  for (const c of similarPairs(restOld, restNew, objectiveMap, threshold, restOld.length * restNew.length > maxPairs)) {
    if (usedOld.has(c.old.order) || usedNew.has(c.new.order)) continue;
    take(c.old, c.new);
    proposals.push({
      oldId: c.old.indicator.id,
      newId: c.new.indicator.id,
      status: "proposed",
      confidence: Math.round(c.score * 1000) / 1000,
      reason: "similar",
    });
  }
  return { accepted, proposals };
}

interface Candidate {
  old: Located;
  new: Located;
  score: number;
  sameObjective: boolean;
}

function similarPairs(
  olds: Located[],
  news: Located[],
  objectiveMap: ReadonlyMap<number, number>,
  threshold: number,
  sameObjectiveOnly: boolean,
): Candidate[] {
  const newGrams = news.map((n) => bigramsOf(n.key));
  const everyNew = news.map((_n, k) => k);
  const newByObjective = new Map<number, number[]>();
  news.forEach((n, k) => {
    const list = newByObjective.get(n.objective);
    if (list) list.push(k);
    else newByObjective.set(n.objective, [k]);
  });
  const out: Candidate[] = [];
  for (const o of olds) {
    const og = bigramsOf(o.key);
    const mapped = objectiveMap.get(o.objective);
    const candidates = sameObjectiveOnly ? (mapped === undefined ? [] : (newByObjective.get(mapped) ?? [])) : everyNew;
    for (const k of candidates) {
      const n = news[k];
      const ng = newGrams[k];
      if (diceUpperBound(og.length, ng.length) < threshold) continue;
      const score = diceOf(og, ng);
      if (score >= threshold) out.push({ old: o, new: n, score, sameObjective: mapped === n.objective });
    }
  }
  // Best first; at equal scores the pair inside one objective, then document order.
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.sameObjective) - Number(a.sameObjective) ||
      a.old.order - b.old.order ||
      a.new.order - b.new.order,
  );
}

function assemble(
  old: Plan,
  revised: Plan,
  objectives: ObjectiveMatch[],
  indicators: IndicatorMatch[],
  proposals: Proposal[],
): PlanMatch {
  const idMap: Record<string, string> = {};
  for (const m of indicators) idMap[m.oldId] = m.newId;
  const objectiveMap: Record<number, number> = {};
  for (const m of objectives) objectiveMap[m.oldNumber] = m.newNumber;
  const match = { objectives, indicators, proposals, idMap, objectiveMap };
  return { ...match, changes: planChanges(old, revised, match) };
}

/** Matches a revised plan to the workbook's plan and lists what changed. */
export function matchPlans(old: Plan, revised: Plan, options: MatchOptions = {}): PlanMatch {
  const objectives = matchObjectives(old, revised);
  const objectiveMap = new Map(objectives.map((m) => [m.oldNumber, m.newNumber]));
  const { accepted, proposals } = matchIndicators(locate(old), locate(revised), objectiveMap, options);
  const result = assemble(old, revised, objectives, accepted, proposals);
  return options.acceptProposed ? acceptProposals(old, revised, result, proposals) : result;
}

/**
 * The match with these proposals accepted (compared by old and new id): they join the id map,
 * and the change list is made again. Proposals not listed stay proposals.
 */
export function acceptProposals(
  old: Plan,
  revised: Plan,
  match: PlanMatch,
  accepted: ReadonlyArray<Pick<Proposal, "oldId" | "newId">>,
): PlanMatch {
  const chosen = new Set(accepted.map((p) => `${p.oldId}\u0000${p.newId}`));
  const taken = match.proposals.filter((p) => chosen.has(`${p.oldId}\u0000${p.newId}`));
  const left = match.proposals.filter((p) => !chosen.has(`${p.oldId}\u0000${p.newId}`));
  const indicators = [
    ...match.indicators,
    ...taken.map(({ oldId, newId, status, confidence }) => ({ oldId, newId, status, confidence })),
  ];
  return assemble(old, revised, match.objectives, indicators, left);
}
