// The target grammar of a cruscotto: ">= 13 N.", "<= 18 gg", ">=95,00 %", "≥1", "0 N.",
// "Entro 31-12-2023", "SI". One grammar for the reader, the scoring engine and the functions:
// its pieces (operators, number, units, deadline, yes/no) are exported for the reader's
// pattern of a target at the end of a row, so the two cannot drift apart.

import { assertNever } from "./assertNever";
import type { NumericTarget, Target, UnreadableTarget, Unit } from "./model";
import { parseItalianNumber, percentToFraction } from "./numbers";
import { cleanText } from "./text";
import { NO_ANSWERS, wordsPattern, YES_ANSWERS, yesNoAnswer } from "./yesno";

/** Operator spellings, as regular-expression sources, longest first within each kind. */
export const OPERATOR_SOURCES: ReadonlyArray<[string, NumericTarget["kind"]]> = [
  [">=|=>|≥|⩾", "atLeast"],
  ["<=|=<|≤|⩽", "atMost"],
  ["=(?!=)", "equal"],
];

/** A number as targets write it ("13", "1.600", "-9,90"). */
export const NUMBER_SOURCE = "[+\\-\\u2212]?[\\d.,]*\\d";
/**
 * What looks like a number to a scanner of rows ("13", "1.600", or "4," cut short): it starts with
 * a digit and may end with a separator, so a damaged target is still found and kept as its text.
 */
export const NUMBER_TOKEN_SOURCE = "[+\\-\\u2212]?\\d[\\d.,]*";

/** Every spelling of each unit; the first is the unit as the model writes it. */
const UNIT_SPELLINGS: ReadonlyArray<[RegExp, Unit]> = [
  [/^%$/, "%"],
  [/^(?:n\.?|nr\.?|num\.?|numero)$/i, "N."],
  [/^(?:gg\.?|giorni|giorno|gg\.? ?lav\.?)$/i, "gg"],
  [/^(?:h|ore|ora)$/i, "h"],
  [/^(?:€|euro|eur)$/i, "€"],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The units as the model writes them ("%", "N.", "gg", "h", "€"), as a regular-expression source. */
export const UNIT_SOURCE = UNIT_SPELLINGS.map(([, unit]) => escapeRegExp(unit)).join("|");

/** "Entro 31-12-2023", "entro il 30/06/2024": day, month and year captured. */
export const DEADLINE_SOURCE = "entro(?: il)? (\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})";

/** The yes/no words a target may be. */
export const YES_NO_SOURCE = wordsPattern([...YES_ANSWERS, ...NO_ANSWERS]);

const OPERATORS = OPERATOR_SOURCES.map(([source, kind]) => [new RegExp(`^(?:${source})`), kind] as const);
const DEADLINE_RE = new RegExp(`^${DEADLINE_SOURCE}$`, "i");
const NUMBER_AND_TAIL_RE = new RegExp(`^(${NUMBER_SOURCE})\\s*(.*)$`);

/** Turns a day, month and year into "YYYY-MM-DD", or null when that date does not exist. */
export function isoDate(day: number, month: number, year: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function unreadable(text: string): UnreadableTarget {
  return { text, kind: "unreadable", value: null, unit: "", deadline: null };
}

function matchUnit(token: string): Unit | null {
  for (const [re, unit] of UNIT_SPELLINGS) if (re.test(token)) return unit;
  return null;
}

/**
 * Reads one target as written. Never throws: text it cannot read comes back with kind
 * "unreadable" and the cleaned text, so nothing is lost. Empty text gives null.
 */
export function parseTarget(raw: string): Target | null {
  const text = cleanText(raw);
  if (text === "") return null;

  const deadline = DEADLINE_RE.exec(text);
  if (deadline) {
    const year = Number(deadline[3]);
    // Excel dates start in 1900: "31-12-0224" is a typo, not a deadline.
    const iso = year >= 1900 ? isoDate(Number(deadline[1]), Number(deadline[2]), year) : null;
    return iso ? { text, kind: "deadline", value: null, unit: "", deadline: iso } : unreadable(text);
  }
  const yes = yesNoAnswer(text);
  if (yes !== null) return { text, kind: "yesno", value: yes ? 1 : 0, unit: "", deadline: null };

  let rest = text;
  let kind: NumericTarget["kind"] = "equal";
  for (const [re, k] of OPERATORS) {
    const m = re.exec(rest);
    if (m) {
      kind = k;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }

  let unit: Unit = "";
  // A leading euro sign ("€ 1.000") or a trailing unit ("13 N.", "82,00 %", "82,00%").
  const euroFirst = /^€\s*/.exec(rest);
  if (euroFirst) {
    unit = "€";
    rest = rest.slice(euroFirst[0].length);
  }
  const m = NUMBER_AND_TAIL_RE.exec(rest);
  if (!m) return unreadable(text);
  const value = parseItalianNumber(m[1]);
  if (value === null) return unreadable(text);
  const tail = m[2].trim();
  if (tail !== "") {
    const u = matchUnit(tail);
    if (u === null || unit !== "") return unreadable(text);
    unit = u;
  }
  return { text, kind, value, unit, deadline: null };
}

/** A target's value on Excel's scale: percents become fractions (82 % → 0.82). */
export function excelScaleValue(target: Target): number | null {
  switch (target.kind) {
    case "atLeast":
    case "atMost":
    case "equal":
      return target.unit === "%" ? percentToFraction(target.value) : target.value;
    case "yesno":
      return target.value;
    case "deadline":
    case "unreadable":
      return null;
    default:
      return assertNever(target);
  }
}
