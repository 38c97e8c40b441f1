// The reader's checks: what an indicator row, an objective or the whole plan lacks or gets wrong
// (missing or unreadable targets, missing fields, weights not summing to 100). Each returns its
// findings; the assembler places them in the plan.

import type { Diagnostic, Indicator, Objective, Target } from "../model";
import { diagnostic } from "./messages";
import { excerpt, REQUIRED_FIELDS, type FieldKey } from "./rules";

/** Tolerance on weight sums: 14,28/14,29 rounding in the documents. */
export const WEIGHT_TOLERANCE = 0.05;

/** Weight sums as the messages show them (two decimals), so params and message agree. */
function roundedSum(weights: number[]): number {
  return Number(weights.reduce((s, w) => s + w, 0).toFixed(2));
}

function isOff100(weights: number[]): boolean {
  return Math.abs(weights.reduce((s, w) => s + w, 0) - 100) > WEIGHT_TOLERANCE;
}

/** An indicator row as read, before wrapped lines complete its name. */
export interface IndicatorRowReading {
  line: number;
  objective: number;
  indicator: Indicator;
  /** Its table's columns, in order, with the target each cell gave. */
  columns: { year: number; target: Target | null }[];
  planYears: number[];
}

export function indicatorRowChecks(r: IndicatorRowReading): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { indicator, line, objective } = r;
  const id = indicator.id;
  const name = excerpt(indicator.name);
  const place = (severity: Diagnostic["severity"]) => ({ line, severity, objective, indicator: id });
  for (const { year, target } of r.columns) {
    if (target === null) out.push(diagnostic("target-missing", { year, indicator: id, name }, place("warning")));
    else if (target.kind === "unreadable")
      out.push(diagnostic("target-unreadable", { year, indicator: id, text: target.text }, place("error")));
    // «Entro 31-12-2025» under Target 2024: most likely a column shifted or a year mistyped.
    else if (target.kind === "deadline" && Number(target.deadline.slice(0, 4)) > year)
      out.push(diagnostic("deadline-after-year", { year, indicator: id, text: target.text }, place("warning")));
  }
  for (const year of r.planYears) {
    if (!r.columns.some((c) => c.year === year))
      out.push(diagnostic("target-column-missing", { year, indicator: id, objective }, place("warning")));
  }
  if (indicator.weight === 0) out.push(diagnostic("indicator-weight-zero", { indicator: id, name }, place("info")));
  return out;
}

/** An objective as read, with the lines its fields came from. */
export interface ObjectiveReading {
  objective: Objective;
  line: number;
  fieldLines: Partial<Record<FieldKey, number>>;
}

export function objectiveChecks(r: ObjectiveReading): Diagnostic[] {
  const out: Diagnostic[] = [];
  const o = r.objective;
  for (const field of REQUIRED_FIELDS) {
    if (r.fieldLines[field] === undefined) {
      const severity = field === "area" || field === "weight" ? "error" : "warning";
      out.push(
        diagnostic("field-missing", { field, objective: o.number }, { line: r.line, severity, objective: o.number }),
      );
    }
  }
  const place = { line: r.line, severity: "error" as const, objective: o.number };
  if (o.indicators.length === 0) {
    out.push(diagnostic("objective-without-indicators", { objective: o.number }, place));
  } else {
    const weights = o.indicators.map((i) => i.weight);
    if (isOff100(weights))
      out.push(diagnostic("weights-not-100", { objective: o.number, sum: roundedSum(weights) }, place));
  }
  return out;
}

/** Each area's "Peso su AS" must sum to 100 over its objectives. */
export function areaWeightChecks(readings: ObjectiveReading[]): Diagnostic[] {
  const byArea = new Map<string, ObjectiveReading[]>();
  for (const r of readings) {
    if (r.objective.areaCode === "") continue;
    const list = byArea.get(r.objective.areaCode) ?? [];
    list.push(r);
    byArea.set(r.objective.areaCode, list);
  }
  const out: Diagnostic[] = [];
  for (const [area, list] of byArea) {
    const weights = list.map((r) => r.objective.weightOnArea);
    if (isOff100(weights)) {
      const objectives = list.map((r) => r.objective.number).join(", ");
      const line = list[0].fieldLines.weight ?? list[0].line;
      out.push(
        diagnostic("area-weights-not-100", { area, objectives, sum: roundedSum(weights) }, { line, severity: "error" }),
      );
    }
  }
  return out;
}

/** The plan as a whole: no objective at all, or no year to set targets for. */
export function planChecks(objectives: number, years: number): Diagnostic[] {
  if (objectives === 0) return [diagnostic("no-objectives", {}, { line: 0, severity: "error" })];
  if (years === 0) return [diagnostic("no-years", {}, { line: 0, severity: "error" })];
  return [];
}
