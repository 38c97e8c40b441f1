// The change list between the workbook's plan and a revised one, from an accepted match. One
// typed entry per change, in the revised document's order, each with the old and new ids or
// numbers and a before/after text ready for the Registro sheet and `pira diff`.

import type { Indicator, Objective, Plan, Target } from "../model";
import { formatItalianNumber } from "../numbers";
import { sameDisplayText } from "./normalise";

interface ObjectiveRef {
  oldNumber: number;
  newNumber: number;
  before: string;
  after: string;
}

interface IndicatorRef {
  oldId: string;
  newId: string;
  oldObjective: number;
  newObjective: number;
  before: string;
  after: string;
}

export type Change =
  | { kind: "yearAdded"; year: number; before: ""; after: string }
  | { kind: "yearDropped"; year: number; before: string; after: "" }
  | { kind: "areaAdded"; code: string; before: ""; after: string }
  | { kind: "areaRemoved"; code: string; before: string; after: "" }
  | { kind: "areaRenamed"; code: string; before: string; after: string }
  | { kind: "objectiveAdded"; oldNumber: null; newNumber: number; before: ""; after: string }
  | { kind: "objectiveRemoved"; oldNumber: number; newNumber: null; before: string; after: "" }
  | ({ kind: "objectiveRenamed" } & ObjectiveRef)
  | ({ kind: "objectiveRenumbered" } & ObjectiveRef)
  | ({ kind: "areaChanged" } & ObjectiveRef)
  | ({ kind: "weightOnAreaChanged" } & ObjectiveRef)
  | ({ kind: "resourcesChanged" } & ObjectiveRef)
  | ({ kind: "perspectiveChanged" } & ObjectiveRef)
  | ({ kind: "missionChanged" } & ObjectiveRef)
  | ({ kind: "programmeChanged" } & ObjectiveRef)
  | {
      kind: "indicatorAdded";
      oldId: null;
      newId: string;
      oldObjective: null;
      newObjective: number;
      before: "";
      after: string;
    }
  | {
      kind: "indicatorRemoved";
      oldId: string;
      newId: null;
      oldObjective: number;
      newObjective: null;
      before: string;
      after: "";
    }
  | ({ kind: "indicatorRenamed" } & IndicatorRef)
  | ({ kind: "indicatorMoved" } & IndicatorRef)
  | ({ kind: "indicatorRenumbered" } & IndicatorRef)
  | ({ kind: "indicatorWeightChanged" } & IndicatorRef)
  | ({ kind: "indicatorCommonChanged" } & IndicatorRef)
  | ({ kind: "targetChanged"; year: number } & IndicatorRef);

export type ChangeKind = Change["kind"];

/** What planChanges needs of a match (a PlanMatch has it). */
export interface AcceptedMatch {
  idMap: Readonly<Record<string, string>>;
  objectiveMap: Readonly<Record<number, number>>;
}

/** Shown for an absent value (no target, no resources). */
export const NOTHING = "—";

export function formatPercent(n: number): string {
  return `${formatItalianNumber(n)}%`;
}

function formatResources(n: number | null): string {
  return n === null ? NOTHING : `${formatItalianNumber(n)} €`;
}

function formatTarget(t: Target | null): string {
  return t === null ? NOTHING : String(targetField(t, "text") ?? NOTHING);
}

/** Whitespace in a target's text is layout ("≥1" vs ">= 1"), not a revision. */
function compactText(text: string): string {
  return text.replace(/\s+/g, "");
}

/** The JSON fields compared besides the text; absent and null are the same. */
const TARGET_FIELDS = ["kind", "value", "unit", "deadline"] as const;

/** Read as JSON, so the comparison holds whatever class or union the Target type becomes. */
function targetField(t: Target, field: string): unknown {
  return (t as unknown as Record<string, unknown>)[field] ?? null;
}

/** Targets compared by their JSON fields (kind, value, unit, deadline, text), the text without its spaces. */
export function sameTarget(a: Target | null, b: Target | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    TARGET_FIELDS.every((f) => targetField(a, f) === targetField(b, f)) &&
    compactText(String(targetField(a, "text") ?? "")) === compactText(String(targetField(b, "text") ?? ""))
  );
}

/** Weights and resources are read from two-decimal text: equal at a cent. */
function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 0.005;
}

function objectiveChanges(o: Objective, n: Objective): Change[] {
  const ref = { oldNumber: o.number, newNumber: n.number };
  const out: Change[] = [];
  if (o.number !== n.number)
    out.push({ kind: "objectiveRenumbered", ...ref, before: String(o.number), after: String(n.number) });
  if (!sameDisplayText(o.title, n.title))
    out.push({ kind: "objectiveRenamed", ...ref, before: o.title, after: n.title });
  if (o.areaCode !== n.areaCode) out.push({ kind: "areaChanged", ...ref, before: o.areaCode, after: n.areaCode });
  if (!sameNumber(o.weightOnArea, n.weightOnArea))
    out.push({
      kind: "weightOnAreaChanged",
      ...ref,
      before: formatPercent(o.weightOnArea),
      after: formatPercent(n.weightOnArea),
    });
  if (!sameNumber(o.resources, n.resources))
    out.push({
      kind: "resourcesChanged",
      ...ref,
      before: formatResources(o.resources),
      after: formatResources(n.resources),
    });
  const texts = [
    ["perspectiveChanged", o.perspective, n.perspective],
    ["missionChanged", o.mission, n.mission],
    ["programmeChanged", o.programme, n.programme],
  ] as const;
  for (const [kind, before, after] of texts)
    if (!sameDisplayText(before, after)) out.push({ kind, ...ref, before, after });
  return out;
}

function indicatorChanges(
  o: Indicator,
  oldObjective: number,
  n: Indicator,
  newObjective: number,
  moved: boolean,
  years: readonly number[],
): Change[] {
  const ref = { oldId: o.id, newId: n.id, oldObjective, newObjective };
  const out: Change[] = [];
  if (moved) out.push({ kind: "indicatorMoved", ...ref, before: String(oldObjective), after: String(newObjective) });
  else if (o.id !== n.id) out.push({ kind: "indicatorRenumbered", ...ref, before: o.id, after: n.id });
  if (!sameDisplayText(o.name, n.name)) out.push({ kind: "indicatorRenamed", ...ref, before: o.name, after: n.name });
  if (o.common !== n.common)
    out.push({ kind: "indicatorCommonChanged", ...ref, before: o.common ? "OC" : "", after: n.common ? "OC" : "" });
  if (!sameNumber(o.weight, n.weight))
    out.push({
      kind: "indicatorWeightChanged",
      ...ref,
      before: formatPercent(o.weight),
      after: formatPercent(n.weight),
    });
  for (const year of years) {
    const before = o.targets[String(year)] ?? null;
    const after = n.targets[String(year)] ?? null;
    if (!sameTarget(before, after))
      out.push({ kind: "targetChanged", ...ref, year, before: formatTarget(before), after: formatTarget(after) });
  }
  return out;
}

function removedIndicator(i: Indicator, objective: number): Change {
  return {
    kind: "indicatorRemoved",
    oldId: i.id,
    newId: null,
    oldObjective: objective,
    newObjective: null,
    before: i.name,
    after: "",
  };
}

/** The change list from `old` to `revised` under an accepted match. */
export function planChanges(old: Plan, revised: Plan, match: AcceptedMatch): Change[] {
  const out: Change[] = [];
  for (const year of old.years)
    if (!revised.years.includes(year)) out.push({ kind: "yearDropped", year, before: String(year), after: "" });
  for (const year of revised.years)
    if (!old.years.includes(year)) out.push({ kind: "yearAdded", year, before: "", after: String(year) });

  const newAreas = new Map(revised.areas.map((a) => [a.code, a]));
  const oldAreas = new Map(old.areas.map((a) => [a.code, a]));
  for (const a of old.areas) {
    const n = newAreas.get(a.code);
    if (!n) out.push({ kind: "areaRemoved", code: a.code, before: a.name, after: "" });
    else if (!sameDisplayText(a.name, n.name))
      out.push({ kind: "areaRenamed", code: a.code, before: a.name, after: n.name });
  }
  for (const a of revised.areas)
    if (!oldAreas.has(a.code)) out.push({ kind: "areaAdded", code: a.code, before: "", after: a.name });

  const commonYears = revised.years.filter((y) => old.years.includes(y));
  const oldIndicators = new Map<string, { indicator: Indicator; objective: number }>();
  for (const o of old.objectives)
    for (const i of o.indicators) oldIndicators.set(i.id, { indicator: i, objective: o.number });
  const idMap = new Map(Object.entries(match.idMap));
  const objectiveMap = new Map(Object.entries(match.objectiveMap).map(([o, n]) => [Number(o), n]));
  const newToOld = new Map([...idMap].map(([oldId, newId]) => [newId, oldId]));
  const newToOldObjective = new Map([...objectiveMap].map(([o, n]) => [n, o]));
  const oldObjectives = new Map(old.objectives.map((o) => [o.number, o]));

  for (const o of old.objectives) {
    if (objectiveMap.has(o.number)) continue;
    out.push({ kind: "objectiveRemoved", oldNumber: o.number, newNumber: null, before: o.title, after: "" });
    for (const i of o.indicators) if (!idMap.has(i.id)) out.push(removedIndicator(i, o.number));
  }
  for (const n of revised.objectives) {
    const oldNumber = newToOldObjective.get(n.number);
    const o = oldNumber === undefined ? undefined : oldObjectives.get(oldNumber);
    if (o) {
      out.push(...objectiveChanges(o, n));
      for (const i of o.indicators) if (!idMap.has(i.id)) out.push(removedIndicator(i, o.number));
    } else out.push({ kind: "objectiveAdded", oldNumber: null, newNumber: n.number, before: "", after: n.title });
    for (const i of n.indicators) {
      const oldId = newToOld.get(i.id);
      const source = oldId === undefined ? undefined : oldIndicators.get(oldId);
      if (!source) {
        out.push({
          kind: "indicatorAdded",
          oldId: null,
          newId: i.id,
          oldObjective: null,
          newObjective: n.number,
          before: "",
          after: i.name,
        });
        continue;
      }
      const moved = objectiveMap.get(source.objective) !== n.number;
      out.push(...indicatorChanges(source.indicator, source.objective, i, n.number, moved, commonYears));
    }
  }
  return out;
}
