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

/** A named pair of thresholds, as chambers' measurement systems state them. */
export interface BandProfile extends Thresholds {
  name: string;
  /** One Italian line saying what the profile is for. */
  description: string;
}

/**
 * The named profiles: the default (100 % / 70 %) and a tolerance seen in chambers' systems
 * (an indicator at 90 % of its target counts as met). Any other pair is the custom profile.
 */
export const BAND_PROFILES: readonly BandProfile[] = [
  { name: "Standard", ...DEFAULT_THRESHOLDS, description: "Raggiunto solo a target pieno." },
  {
    name: "Tolleranza 90 %",
    greenFrom: 0.9,
    amberFrom: 0.7,
    description: "Raggiunto dal 90 % del target (tolleranza del 10 %).",
  },
];
export const CUSTOM_PROFILE = "Personalizzato";
export const DEFAULT_PROFILE = BAND_PROFILES[0].name;

/** Every profile name a settings cell may hold, the custom one last. */
export function profileNames(): string[] {
  return [...BAND_PROFILES.map((p) => p.name), CUSTOM_PROFILE];
}

function sameThresholds(a: Thresholds, b: Thresholds): boolean {
  return Math.abs(a.greenFrom - b.greenFrom) < 1e-9 && Math.abs(a.amberFrom - b.amberFrom) < 1e-9;
}

/**
 * The profile in force for these settings: the named one when its thresholds are the settings'
 * (the thresholds are what scores are coloured by, so they win over a stale name), else custom.
 */
export function profileInForce(settings: Thresholds & { profile?: string }): string {
  const named = BAND_PROFILES.find((p) => p.name === settings.profile);
  if (named && sameThresholds(named, settings)) return named.name;
  if (settings.profile === CUSTOM_PROFILE) return CUSTOM_PROFILE;
  return BAND_PROFILES.find((p) => sameThresholds(p, settings))?.name ?? CUSTOM_PROFILE;
}

/** The thresholds a profile sets; the custom profile keeps `custom`. Null for an unknown name. */
export function profileThresholds(name: string, custom: Thresholds): Thresholds | null {
  const wanted = name.trim().toLocaleLowerCase("it");
  if (wanted === CUSTOM_PROFILE.toLocaleLowerCase("it")) return { ...custom };
  const named = BAND_PROFILES.find((p) => p.name.toLocaleLowerCase("it") === wanted);
  return named ? { greenFrom: named.greenFrom, amberFrom: named.amberFrom } : null;
}

export interface Settings extends Thresholds {
  /** The band profile chosen (BAND_PROFILES or CUSTOM_PROFILE); see profileInForce. */
  profile: string;
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
    profile: DEFAULT_PROFILE,
    mode: "proporzionale",
    formulaMode: "native",
    areaWeights,
  };
}
