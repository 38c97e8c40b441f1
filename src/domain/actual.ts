// Actuals typed as text (CLI arguments, CSV imports) turned into what a cell would hold:
// numbers on Excel's scale, dates as Excel serials, SI/NO and booleans.

import { dateToSerial } from "./dates";
import type { Actual } from "./model";
import { parseItalianNumber, percentToFraction } from "./numbers";
import { ScoreError } from "./score";
import { yesNoWord } from "./yesno";

const PERCENT_RE = /^(.*\d)\s*%$/;
const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ITALIAN_DATE_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

function dateSerial(day: string, month: string, year: string, text: string): number {
  const serial = dateToSerial(Number(day), Number(month), Number(year));
  if (serial === null) throw new ScoreError(`Data inesistente o precedente al 1900: "${text}".`, text);
  return serial;
}

/**
 * Reads an actual typed as text: "" → null; "3,5" or "3.5" → 3.5 ("1.600" is 1600);
 * "80%" → 0.8; "2023-12-15" or "15/12/2023" → Excel serial; SI/NO → "SI"/"NO";
 * TRUE/FALSE/VERO/FALSO → boolean. Throws ScoreError, in Italian, on anything else.
 */
export function parseActualText(raw: string): Actual {
  const text = raw.replace(/[\u00a0\u202f]/g, " ").trim();
  if (text === "") return null;
  const word = yesNoWord(text);
  if (word !== null) return word.isBoolean ? word.yes : word.yes ? "SI" : "NO";

  const iso = ISO_DATE_RE.exec(text);
  if (iso) return dateSerial(iso[3], iso[2], iso[1], text);
  const it = ITALIAN_DATE_RE.exec(text);
  if (it) return dateSerial(it[1], it[3], it[4], text);

  const percent = PERCENT_RE.exec(text);
  if (percent) {
    const n = parseItalianNumber(percent[1]);
    if (n !== null) return percentToFraction(n);
  } else {
    const n = parseItalianNumber(text);
    if (n !== null) return n;
  }
  throw new ScoreError(
    `Consuntivo non leggibile: "${text}" (scrivi un numero come 3,5 o 80%, una data come 15/12/2023, oppure SI/NO).`,
    text,
  );
}
