// The target grammar of a cruscotto: ">= 13 N.", "<= 18 gg", ">=95,00 %", "≥1", "0 N.",
// "Entro 31-12-2023", "SI". One parser for the reader, the scoring engine and the functions.

import type { Target, TargetKind, Unit } from "./model";
import { parseItalianNumber, percentToFraction } from "./numbers";
import { cleanText } from "./text";

const OPERATORS: ReadonlyArray<[RegExp, TargetKind]> = [
  [/^(?:>=|=>|≥|⩾)/, "atLeast"],
  [/^(?:<=|=<|≤|⩽)/, "atMost"],
  [/^=(?!=)/, "equal"],
];

const UNITS: ReadonlyArray<[RegExp, Unit]> = [
  [/^%$/, "%"],
  [/^(?:n\.?|nr\.?|num\.?|numero)$/i, "N."],
  [/^(?:gg\.?|giorni|giorno|gg\.? ?lav\.?)$/i, "gg"],
  [/^(?:h|ore|ora)$/i, "h"],
  [/^(?:€|euro|eur)$/i, "€"],
];

const DEADLINE_RE = /^entro(?: il)? (\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/i;
const YES_RE = /^(?:si|sì|sí|yes)$/i;
const NO_RE = /^no$/i;

/** Turns a day, month and year into "YYYY-MM-DD", or null when that date does not exist. */
export function isoDate(day: number, month: number, year: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function unreadable(text: string): Target {
  return { text, kind: "unreadable", value: null, unit: "", deadline: null };
}

function matchUnit(token: string): Unit | null {
  for (const [re, unit] of UNITS) if (re.test(token)) return unit;
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
  if (YES_RE.test(text)) return { text, kind: "yesno", value: 1, unit: "", deadline: null };
  if (NO_RE.test(text)) return { text, kind: "yesno", value: 0, unit: "", deadline: null };

  let rest = text;
  let kind: TargetKind = "equal";
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
  const m = /^([+\-\u2212]?[\d.,]*\d)\s*(.*)$/.exec(rest);
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
  if (target.value === null) return null;
  return target.unit === "%" ? percentToFraction(target.value) : target.value;
}
