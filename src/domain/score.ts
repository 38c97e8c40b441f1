// The scoring method (grado di raggiungimento): one indicator, one year, target against actual.
// The single source of truth for the custom functions, the native formulas, the CLI and the
// task pane; the arithmetic uses the same operation order as the native Excel formulas, so both
// faces give identical doubles.

import { isoToSerial } from "./dates";
import type { Actual, DeadlineTarget, Target, YesNoTarget } from "./model";
import { parseItalianNumber, percentToFraction } from "./numbers";
import { DEFAULT_THRESHOLDS, type ScoringMode, type Thresholds } from "./settings";
import { assertNever } from "./assertNever";
import { parseTarget } from "./targets";
import { yesNoWord } from "./yesno";

/** The spellings of yes and no an actual may take (the workbook lists them for its formulas). */
export { NO_WORDS, YES_WORDS } from "./yesno";

export type Status = "Raggiunto" | "Parzialmente raggiunto" | "Non raggiunto" | "n.d.";

/** Input the method cannot score (unreadable target, non-numeric actual): #VALUE! in Excel. */
export class ScoreError extends Error {
  /** The offending text as given. */
  readonly text: string;
  constructor(message: string, text: string) {
    super(message);
    this.name = "ScoreError";
    this.text = text;
  }
}

const TARGET_EXAMPLES = '">= 13 N.", "<= 18 gg", ">= 82,00 %", "Entro 31-12-2023", "SI"';

// A workbook holds a few hundred distinct target texts; the cap only guards a long-lived
// shared runtime against unbounded growth.
const TARGET_CACHE_LIMIT = 10_000;
const targetCache = new Map<string | number, Target>();
const deadlineSerials = new Map<string, number>();

function isWellFormed(target: Target): boolean {
  switch (target.kind) {
    case "atLeast":
    case "atMost":
    case "equal":
      return target.value !== null && Number.isFinite(target.value);
    case "deadline":
      return target.deadline !== null;
    case "yesno":
      return target.value === 1 || target.value === 0;
    case "unreadable":
      return false;
    default:
      // A target from outside the types (a JSON file): not one the method can score.
      return assertNever(target, (outside) => unreadableTargetError(outside as Target));
  }
}

function unreadableTargetError(target: { text: string }): ScoreError {
  return new ScoreError(`Target non leggibile: "${target.text}". Esempi validi: ${TARGET_EXAMPLES}.`, target.text);
}

function checkedTarget(target: Target): Target {
  if (!isWellFormed(target)) throw unreadableTargetError(target);
  return target;
}

function emptyTargetError(text: string): ScoreError {
  return new ScoreError(`Target vuoto: scrivi un target come ${TARGET_EXAMPLES}.`, text);
}

/**
 * The target a cell holds: text as written (">= 82,00 %") or a number, which is a bare "equal"
 * target already on Excel's scale. Parsed once per distinct input. Throws ScoreError when the
 * target is empty or unreadable.
 */
export function targetOf(input: string | number): Target {
  const cached = targetCache.get(input);
  if (cached !== undefined) return checkedTarget(cached);
  let target: Target | null;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new ScoreError(`Target non valido: ${String(input)}.`, String(input));
    target = { text: String(input), kind: "equal", value: input, unit: "", deadline: null };
  } else {
    target = parseTarget(input);
    if (target === null) throw emptyTargetError(input);
  }
  if (targetCache.size >= TARGET_CACHE_LIMIT) targetCache.clear();
  targetCache.set(input, Object.freeze(target));
  return checkedTarget(target);
}

/** True for what counts as "no actual": null, undefined, an empty or blank text. */
export function isEmptyActual(actual: Actual | undefined): boolean {
  return actual === null || actual === undefined || (typeof actual === "string" && actual.trim() === "");
}

/** SI/NO in any accepted spelling, as a boolean; null when the text is not one. */
export function yesNoOf(actual: Actual): boolean | null {
  if (typeof actual === "boolean") return actual;
  if (typeof actual !== "string") return null;
  return yesNoWord(actual.trim())?.yes ?? null;
}

function actualText(actual: Actual): string {
  if (typeof actual === "number") return String(actual).replace(".", ","); // as an Italian user types it
  return typeof actual === "string" ? actual.trim() : String(actual);
}

function numericActual(actual: Actual, target: Target): number {
  let n: number | null = null;
  if (typeof actual === "number") n = actual;
  else if (typeof actual === "string") n = parseItalianNumber(actual);
  if (n === null || !Number.isFinite(n)) {
    const text = actualText(actual);
    throw new ScoreError(`Consuntivo non numerico: "${text}" (il target "${target.text}" richiede un numero).`, text);
  }
  return n;
}

function deadlineSerial(iso: string): number {
  let serial = deadlineSerials.get(iso);
  if (serial === undefined) {
    serial = isoToSerial(iso);
    deadlineSerials.set(iso, serial);
  }
  return serial;
}

/**
 * The earliest completion date a deadline's actual may be (1 January 2000, Excel serial 36526):
 * below it a number in a deadline's cell is a count or a percent typed in the wrong place.
 */
export const EARLIEST_COMPLETION_SERIAL = 36526;

/**
 * The largest |actual| on Excel's scale a percent target takes: 100 %, or twice the target when
 * the target is above 50 %. In a cell the percent sign is lost, so only the range can tell
 * 82 typed for 82 % (Excel's 8200 %) from a real percent.
 */
export function percentActualLimit(t: number): number {
  return Math.max(1, 2 * Math.abs(t));
}

function checkedPercent(t: number, a: number, target: Target): number {
  if (Math.abs(a) > percentActualLimit(t)) {
    const points = formatPoints(a);
    throw new ScoreError(
      `Consuntivo fuori scala per il target in percentuale "${target.text}": ${points} % (scrivi ${formatPoints(a / 100)}%).`,
      String(a),
    );
  }
  return a;
}

/** A fraction as percent points in Italian notation (0.825 → "82,5"). */
function formatPoints(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12))).replace(".", ",");
}

function deadlineMet(target: DeadlineTarget, actual: Actual): boolean {
  const yes = yesNoOf(actual);
  if (yes !== null) return yes;
  const completed = typeof actual === "string" ? parseItalianNumber(actual) : actual;
  if (typeof completed !== "number" || !Number.isFinite(completed)) {
    const text = actualText(actual);
    throw new ScoreError(
      `Consuntivo non valido per la scadenza "${target.text}": "${text}" (scrivi la data di completamento o SI/NO).`,
      text,
    );
  }
  // 1 and 0 are the spreadsheet shorthand for SI and NO (no task was completed on 1 January 1900).
  if (completed === 1 || completed === 0) return completed === 1;
  // Any other number must be a completion date: 2 or 0.82 (82 %) is no date a plan can mean.
  if (completed < EARLIEST_COMPLETION_SERIAL) {
    const text = actualText(actual);
    throw new ScoreError(
      `Consuntivo non valido per la scadenza "${target.text}": "${text}" non è una data (scrivi la data di completamento, ad es. 15/12/2023, oppure SI/NO).`,
      text,
    );
  }
  // A completion date-time on the deadline day still counts as on time.
  return Math.floor(completed) <= deadlineSerial(target.deadline);
}

function yesNoMet(target: YesNoTarget, actual: Actual): boolean {
  let yes = yesNoOf(actual);
  // A 1/0 typed for a SI/NO target is the usual spreadsheet shorthand.
  if (yes === null && (actual === 1 || actual === 0)) yes = actual === 1;
  if (yes === null) {
    const text = actualText(actual);
    throw new ScoreError(`Consuntivo non valido per il target "${target.text}": "${text}" (scrivi SI o NO).`, text);
  }
  return yes === (target.value === 1);
}

function scoreAtLeast(t: number, a: number, mode: ScoringMode): number {
  if (a >= t) return 1;
  if (mode === "binario") return 0;
  if (mode === "lineare") return t === 0 ? 0 : Math.max(0, 1 - (t - a) / Math.abs(t));
  // A ratio against a zero or negative target is meaningless: missed is 0.
  return t > 0 ? Math.max(0, a / t) : 0;
}

function scoreAtMost(t: number, a: number, mode: ScoringMode): number {
  if (a <= t) return 1;
  if (mode === "binario") return 0;
  if (mode === "lineare") return t === 0 ? 0 : Math.max(0, 1 - (a - t) / Math.abs(t));
  return t > 0 ? t / a : 0;
}

function scoreEqual(t: number, a: number, mode: ScoringMode): number {
  // "= 6" counts up to its value like ">= 6"; "0 N." is zero tolerance; a negative exact value is all or nothing.
  if (t > 0) return scoreAtLeast(t, a, mode);
  if (t === 0) return a <= 0 ? 1 : 0;
  return a === t ? 1 : 0;
}

/**
 * Score of one indicator, 0..1, or null when there is no actual. Numbers are on Excel's scale
 * (82 % is 0.82, a date is a serial). Throws ScoreError for an empty or unreadable target and
 * for an actual of the wrong type.
 */
export function scoreTarget(
  target: Target | null,
  actual: Actual | undefined,
  mode: ScoringMode = "proporzionale",
): number | null {
  if (target === null || target === undefined) throw emptyTargetError("");
  checkedTarget(target);
  if (isEmptyActual(actual)) return null;
  const a = actual as Actual;
  switch (target.kind) {
    case "atLeast":
    case "atMost":
    case "equal": {
      const t = target.unit === "%" ? percentToFraction(target.value) : target.value;
      const n = target.unit === "%" ? checkedPercent(t, numericActual(a, target), target) : numericActual(a, target);
      if (target.kind === "atLeast") return scoreAtLeast(t, n, mode);
      if (target.kind === "atMost") return scoreAtMost(t, n, mode);
      return scoreEqual(t, n, mode);
    }
    case "deadline":
      return deadlineMet(target, a) ? 1 : 0;
    case "yesno":
      return yesNoMet(target, a) ? 1 : 0;
    case "unreadable":
      throw unreadableTargetError(target);
    default:
      // checkedTarget refused every target outside the types.
      return assertNever(target);
  }
}

/** Whether the target is met (the binary score is 1); null when there is no actual. */
export function isMet(target: Target | null, actual: Actual | undefined): boolean | null {
  const s = scoreTarget(target, actual, "binario");
  return s === null ? null : s === 1;
}

/** The status band of a score; null (no actual) is "n.d.". */
/**
 * Statuses compare the score rounded to this many decimals: 56,7 % against 81 % is 0.7 less
 * 2e-16, and weighted means with percent or fraction weights differ in their last bits; a score
 * shown as 70,00 % must be "Parzialmente raggiunto" everywhere. The workbook's formulas use ROUND.
 */
export const STATUS_DECIMALS = 9;

export function statusOf(score: number | null, thresholds: Thresholds = DEFAULT_THRESHOLDS): Status {
  if (score === null) return "n.d.";
  const s = Math.round(score * 10 ** STATUS_DECIMALS) / 10 ** STATUS_DECIMALS;
  if (s >= thresholds.greenFrom) return "Raggiunto";
  if (s >= thresholds.amberFrom) return "Parzialmente raggiunto";
  return "Non raggiunto";
}

/** Reads a mode name (case-insensitive); empty gives the default. Throws ScoreError otherwise. */
export function scoringModeOf(input: unknown): ScoringMode {
  if (input === null || input === undefined) return "proporzionale";
  const s = String(input).trim().toLowerCase();
  if (s === "") return "proporzionale";
  if (s === "proporzionale" || s === "binario" || s === "lineare") return s;
  const text = String(input);
  throw new ScoreError(`Metodo di calcolo sconosciuto: "${text}" (usa proporzionale, binario o lineare).`, text);
}
