// Workbook settings: what the Impostazioni sheet holds and the scoring reads.
import type { Plan } from "./model";

export type ScoringMode = "proporzionale" | "binario" | "lineare";
export const SCORING_MODES: readonly ScoringMode[] = ["proporzionale", "binario", "lineare"];

/** "pira": score cells call =PIRA.SCORE(); "native": ordinary Excel formulas over helper columns. */
export type FormulaMode = "pira" | "native";
export const FORMULA_MODES: readonly FormulaMode[] = ["pira", "native"];

export interface Thresholds {
  /** Score from which an indicator counts as "Raggiunto" (default 1 = 100 %). */
  greenFrom: number;
  /** Score from which it is "Parzialmente raggiunto" (default 0.7 = 70 %). */
  amberFrom: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { greenFrom: 1, amberFrom: 0.7 };

export interface Settings extends Thresholds {
  /** The year the Cruscotto sheet shows. */
  year: number;
  mode: ScoringMode;
  formulaMode: FormulaMode;
  /** Weight of each strategic area in the chamber score, by area code; equal by default. */
  areaWeights: Record<string, number>;
}

export function defaultSettings(plan: Plan): Settings {
  const areaWeights: Record<string, number> = {};
  for (const area of plan.areas) areaWeights[area.code] = 1;
  return {
    year: plan.years[0] ?? new Date().getFullYear(),
    ...DEFAULT_THRESHOLDS,
    mode: "proporzionale",
    formulaMode: "native",
    areaWeights,
  };
}
