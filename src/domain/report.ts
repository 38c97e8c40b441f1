// The tables of the Relazione sulla Performance the OIV validates, as a pure model: for one year,
// the chamber, each strategic area, each objective and each indicator with target, consuntivo,
// grado di raggiungimento, stato and nota, and the rules in force. Scores come from the domain's
// scoring and roll-ups (scorePlan): the report never computes a score of its own.
import { formatActual } from "./actualsCsv";
import type { Actual, Actuals, Plan, Target } from "./model";
import { isoToSerial } from "./dates";
import { formatItalianNumber, parseItalianNumber } from "./numbers";
import { scorePlan, type WeightedResult } from "./rollup";
import type { IndicatorStatus } from "./rollup";
import { isEmptyActual, ScoreError, scoreTarget, type Status } from "./score";
import { profileInForce, type ScoringMode, type Settings } from "./settings";

/** Notes (motivazione dello scostamento) by indicator id, then by year ("2023"). */
export type Notes = Record<string, Record<string, string>>;

export interface ScoredLine extends WeightedResult {
  status: Status;
}

export interface ReportIndicator {
  id: string;
  name: string;
  common: boolean;
  /** Percent as written (14.28). */
  weight: number;
  /** The target as written, or null when the plan has none for the year. */
  target: string | null;
  /** The consuntivo as typed, in Italian notation (dates dd/mm/yyyy, percents "82,5%"); null when blank. */
  actual: string | null;
  score: number | null;
  status: IndicatorStatus;
  /**
   * Scostamento: consuntivo minus target in the target's unit ("-60 N.", "+3 gg", "-2,50 punti %"),
   * days late for a deadline ("+5 gg di ritardo", "nei termini"); null when there is no score or
   * nothing to subtract (SI/NO).
   */
  deviation: string | null;
  /** Why a typed consuntivo has no score (unreadable target, wrong kind of value), else null. */
  problem: string | null;
  note: string | null;
}

export interface ReportObjective extends ScoredLine {
  number: number;
  title: string;
  areaCode: string;
  /** "Peso su AS", percent as written. */
  weightOnArea: number;
  indicators: ReportIndicator[];
}

export interface ReportArea extends ScoredLine {
  code: string;
  name: string;
  /** Relative weight of the area in the chamber score (Impostazioni). */
  weight: number;
  objectives: ReportObjective[];
}

export interface ReportRules {
  greenFrom: number;
  amberFrom: number;
  mode: ScoringMode;
  /** The rules as Italian sentences, for the report's closing section. */
  lines: string[];
}

export interface Report {
  title: string;
  year: number;
  chamber: ScoredLine;
  areas: ReportArea[];
  /** Objectives whose area the plan does not list: scored, but in no area and not in the chamber. */
  unassigned: ReportObjective[];
  counts: { indicators: number; withActual: number; scored: number };
  rules: ReportRules;
}

/** The year is not one of the plan's. */
export class ReportYearError extends Error {}

/** 0.85 → "85,00 %"; null → "n.d.". The report's one way of writing a score or a coverage. */
export function percentText(fraction: number | null, decimals = 2): string {
  return fraction === null ? "n.d." : `${formatItalianNumber(fraction * 100, decimals)} %`;
}

/** 14.28 (percent as written) → "14,28 %". */
export function weightText(percent: number): string {
  return `${formatItalianNumber(percent, 2)} %`;
}

const MODE_RULE: Record<ScoringMode, string> = {
  proporzionale:
    "proporzionale: per «>= t» il rapporto consuntivo/target, per «<= t» il rapporto target/consuntivo, " +
    "con un massimo di 100 %; scadenze e SI/NO valgono 100 % o 0 %",
  binario: "binario: 100 % se il target è raggiunto, altrimenti 0 %",
  lineare: "lineare: 1 − (t − a)/|t| per «>= t» e 1 − (a − t)/|t| per «<= t», tra 0 % e 100 %",
};

/** How objective, area and chamber scores are made (the report and the Rendicontazione sheet say it alike). */
export const AGGREGATION_RULE =
  "Obiettivo, ambito ed ente: media pesata dei punteggi disponibili (pesi degli indicatori, " +
  "peso su AS degli obiettivi, peso degli ambiti); un consuntivo mancante non conta come 0.";

/** How coverage is counted. */
export const COVERAGE_RULE =
  "Copertura: peso di ciò che ha un punteggio diviso il peso totale dello stesso livello " +
  "(100 % quando tutti i consuntivi sono inseriti).";

function rules(settings: Settings, plan: Plan): ReportRules {
  const weights = plan.areas.map((a) => settings.areaWeights[a.code] ?? 1);
  const equal = weights.every((w) => w === weights[0]);
  return {
    greenFrom: settings.greenFrom,
    amberFrom: settings.amberFrom,
    mode: settings.mode,
    lines: [
      `Profilo delle soglie «${profileInForce(settings)}». Stato: «Raggiunto» da ${percentText(settings.greenFrom)}, «Parzialmente raggiunto» da ` +
        `${percentText(settings.amberFrom)}, «Non raggiunto» sotto; senza consuntivo «n.d.».`,
      `Grado di raggiungimento dell'indicatore, metodo ${MODE_RULE[settings.mode]}.`,
      AGGREGATION_RULE,
      COVERAGE_RULE,
      equal
        ? "Ambiti: stesso peso nel punteggio dell'ente."
        : `Ambiti, pesi relativi nel punteggio dell'ente: ${plan.areas
            .map((a, i) => `${a.code} ${formatItalianNumber(weights[i], 2)}`)
            .join("; ")}.`,
      "Gli stati confrontano il punteggio arrotondato a 9 decimali, come le formule della cartella di lavoro.",
    ],
  };
}

function signed(n: number, unit: string): string {
  // Whole numbers stay whole ("-60 N."); others keep two decimals ("-2,50 punti %").
  const rounded = Math.round(n * 100) / 100;
  const text = formatItalianNumber(rounded, Number.isInteger(rounded) ? 0 : 2);
  return `${rounded > 0 ? "+" : ""}${text}${unit === "" ? "" : ` ${unit}`}`;
}

/** Consuntivo minus target, as the report writes it; null when they cannot be subtracted. */
export function deviationText(target: Target | null, actual: Actual): string | null {
  if (target === null || actual === null || typeof actual === "boolean" || isEmptyActual(actual)) return null;
  const a = typeof actual === "number" ? actual : parseItalianNumber(actual);
  if (a === null || !Number.isFinite(a)) return null;
  switch (target.kind) {
    case "atLeast":
    case "atMost":
    case "equal":
      if (target.value === null) return null;
      // Percent targets are written as 82,00 % and typed on Excel's scale (0.795).
      return target.unit === "%" ? signed(a * 100 - target.value, "punti %") : signed(a - target.value, target.unit);
    case "deadline": {
      // 1 and 0 are SI and NO, not dates (as the scoring reads them).
      if (target.deadline === null || a === 1 || a === 0) return null;
      const late = Math.floor(a) - isoToSerial(target.deadline);
      return late > 0 ? `+${late} gg di ritardo` : "nei termini";
    }
    default:
      return null;
  }
}

/** Why a typed actual has no score, in the scoring's own words; null when it has one or none was typed. */
function scoreProblem(target: Target | null, actual: Actual, settings: Settings): string | null {
  if (isEmptyActual(actual)) return null;
  if (target === null) return "nessun target per l'anno";
  try {
    scoreTarget(target, actual, settings.mode);
    return null;
  } catch (e) {
    if (e instanceof ScoreError) return e.message;
    throw e;
  }
}

/**
 * The report of one year: every area in plan order with its objectives and their indicators.
 * Throws ReportYearError when the year is not one of the plan's.
 */
export function buildReport(plan: Plan, actuals: Actuals, settings: Settings, year: number, notes: Notes = {}): Report {
  if (!plan.years.includes(year)) {
    throw new ReportYearError(`anno ${year} non nel piano: scegli tra ${plan.years.join(", ")}.`);
  }
  const key = String(year);
  const scores = scorePlan(plan, actuals, year, settings);
  const byIndicator = new Map(scores.indicators.map((s) => [s.id, s]));
  let withActual = 0;
  let scored = 0;
  const objectives: ReportObjective[] = plan.objectives.map((o, i) => ({
    number: o.number,
    title: o.title,
    areaCode: o.areaCode,
    weightOnArea: o.weightOnArea,
    score: scores.objectives[i].score,
    coverage: scores.objectives[i].coverage,
    status: scores.objectives[i].status,
    indicators: o.indicators.map((indicator) => {
      const target = indicator.targets[key] ?? null;
      const typed = actuals[indicator.id]?.[key] ?? null;
      const actual = formatActual(typed, target);
      const score = byIndicator.get(indicator.id)!;
      if (actual !== null) withActual++;
      if (score.score !== null) scored++;
      const note = notes[indicator.id]?.[key]?.trim();
      return {
        id: indicator.id,
        name: indicator.name,
        common: indicator.common,
        weight: indicator.weight,
        target: target?.text ?? null,
        actual,
        score: score.score,
        status: score.status,
        deviation: score.score === null ? null : deviationText(target, typed),
        problem: scoreProblem(target, typed, settings),
        note: note ? note : null,
      };
    }),
  }));
  const areaScore = new Map(scores.areas.map((a) => [a.code, a]));
  const areas: ReportArea[] = plan.areas.map((a) => {
    const s = areaScore.get(a.code)!;
    return {
      code: a.code,
      name: a.name,
      weight: settings.areaWeights[a.code] ?? 1,
      score: s.score,
      coverage: s.coverage,
      status: s.status,
      objectives: objectives.filter((o) => o.areaCode === a.code),
    };
  });
  const listed = new Set(plan.areas.map((a) => a.code));
  return {
    title: plan.title,
    year,
    chamber: { ...scores.chamber },
    areas,
    unassigned: objectives.filter((o) => !listed.has(o.areaCode)),
    counts: { indicators: scores.indicators.length, withActual, scored },
    rules: rules(settings, plan),
  };
}
