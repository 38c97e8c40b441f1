// Where each typed consuntivo and note of the old workbook goes in the revised plan. Every value
// ends in exactly one place: carried to its indicator's new id (same year), or archived with the
// reason it cannot be carried. Nothing typed is ever lost.

import type { Actual, Actuals, Plan } from "../model";
import { sameTarget } from "./changes";
import type { PlanMatch } from "./matchPlans";

/** Notes by indicator id, then by year ("2024"), as the workbook keeps them beside the consuntivi. */
export type Notes = Record<string, Record<string, string>>;

export type ArchiveReason =
  | "indicatorRemoved"
  | "objectiveClosed"
  | "yearDropped"
  | "proposalNotAccepted"
  /** An id the old plan does not have: a stale row of the old workbook. */
  | "unknownIndicator";

/** A consuntivo, or a note (always a string). */
export type ValueSource = "actual" | "note";

export interface CarriedValue {
  source: ValueSource;
  value: Actual;
  oldId: string;
  newId: string;
  year: string;
  /** The target of this year differs in the revised plan: the value should be checked. */
  targetChanged: boolean;
}

export interface ArchivedValue {
  source: ValueSource;
  value: Actual;
  oldId: string;
  year: string;
  reason: ArchiveReason;
  /** Plain Italian, for the Archivio sheet. */
  message: string;
}

export interface CarryOver {
  carried: CarriedValue[];
  archived: ArchivedValue[];
  /** The carried actuals keyed by revised ids: what the revised workbook's consuntivo cells hold. */
  actuals: Actuals;
  notes: Notes;
}

interface Value {
  source: ValueSource;
  value: Actual;
}

/** Nothing was typed: not a value to carry or archive. */
function isBlank(v: Actual | string | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

interface Where {
  objective: number;
}

/**
 * Splits the old workbook's actuals (and notes) into what moves to which revised id and year and
 * what is archived, under an accepted match. Pure: the inputs are not changed.
 */
export function planCarryOver(
  oldPlan: Plan,
  revisedPlan: Plan,
  match: Pick<PlanMatch, "idMap" | "objectiveMap" | "proposals">,
  actuals: Actuals,
  notes: Notes = {},
): CarryOver {
  const oldWhere = new Map<string, Where>();
  for (const o of oldPlan.objectives) for (const i of o.indicators) oldWhere.set(i.id, { objective: o.number });
  const oldTargets = new Map(oldPlan.objectives.flatMap((o) => o.indicators.map((i) => [i.id, i.targets] as const)));
  const newTargets = new Map(
    revisedPlan.objectives.flatMap((o) => o.indicators.map((i) => [i.id, i.targets] as const)),
  );
  const revisedYears = new Set(revisedPlan.years.map(String));
  const proposed = new Map(match.proposals.map((p) => [p.oldId, p.newId]));
  // Maps, not the records: a record of thousands of "12.3" keys is slow to look up in.
  const idMap = new Map(Object.entries(match.idMap));
  const openObjectives = new Set(Object.keys(match.objectiveMap).map(Number));

  const result: CarryOver = { carried: [], archived: [], actuals: {}, notes: {} };

  // Objects written out field by field: a spread per value costs more than the rest of the loop.
  const archive = (v: Value, oldId: string, year: string, reason: ArchiveReason, message: string): void => {
    result.archived.push({ source: v.source, value: v.value, oldId, year, reason, message });
  };

  const place = (value: Value, oldId: string, year: string): void => {
    const where = oldWhere.get(oldId);
    if (!where)
      return archive(value, oldId, year, "unknownIndicator", `Indicatore ${oldId} assente dal piano della cartella.`);
    const newId = idMap.get(oldId);
    if (newId === undefined) {
      const proposal = proposed.get(oldId);
      if (proposal !== undefined)
        return archive(
          value,
          oldId,
          year,
          "proposalNotAccepted",
          `Corrispondenza ${oldId} → ${proposal} proposta e non accettata.`,
        );
      if (!openObjectives.has(where.objective))
        return archive(value, oldId, year, "objectiveClosed", `Obiettivo ${where.objective} chiuso nel piano rivisto.`);
      return archive(value, oldId, year, "indicatorRemoved", `Indicatore ${oldId} eliminato nel piano rivisto.`);
    }
    if (!revisedYears.has(year))
      return archive(
        value,
        oldId,
        year,
        "yearDropped",
        `Anno ${year} non più nel piano rivisto (indicatore ${oldId} → ${newId}).`,
      );
    const before = oldTargets.get(oldId)?.[year] ?? null;
    const after = newTargets.get(newId)?.[year] ?? null;
    const targetChanged = !sameTarget(before, after);
    result.carried.push({ source: value.source, value: value.value, oldId, newId, year, targetChanged });
    if (value.source === "actual") (result.actuals[newId] ??= {})[year] = value.value;
    else (result.notes[newId] ??= {})[year] = String(value.value);
  };

  for (const [oldId, byYear] of Object.entries(actuals))
    for (const [year, value] of Object.entries(byYear))
      if (!isBlank(value)) place({ source: "actual", value }, oldId, year);
  for (const [oldId, byYear] of Object.entries(notes))
    for (const [year, value] of Object.entries(byYear))
      if (!isBlank(value)) place({ source: "note", value }, oldId, year);
  return result;
}
