// Actuals typed as text (CLI arguments, CSV imports) turned into what a cell would hold:
// numbers on Excel's scale, dates as Excel serials, SI/NO and booleans.

import { dateToSerial } from "./dates";
import type { Actual, Target } from "./model";
import { parseItalianNumber, percentToFraction } from "./numbers";
import { ScoreError, scoreTarget } from "./score";
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
  return readActual(raw).value;
}

/** What an actual typed as text was written as: the cell value alone loses it. */
type ActualForm = "blank" | "word" | "boolean" | "date" | "percent" | "number";

function cleanActual(raw: string): string {
  return raw.replace(/[\u00a0\u202f]/g, " ").trim();
}

function readActual(raw: string): { value: Actual; form: ActualForm } {
  const text = cleanActual(raw);
  if (text === "") return { value: null, form: "blank" };
  const word = yesNoWord(text);
  if (word !== null) {
    return word.isBoolean ? { value: word.yes, form: "boolean" } : { value: word.yes ? "SI" : "NO", form: "word" };
  }

  const iso = ISO_DATE_RE.exec(text);
  if (iso) return { value: dateSerial(iso[3], iso[2], iso[1], text), form: "date" };
  const it = ITALIAN_DATE_RE.exec(text);
  if (it) return { value: dateSerial(it[1], it[3], it[4], text), form: "date" };

  const percent = PERCENT_RE.exec(text);
  if (percent) {
    const n = parseItalianNumber(percent[1]);
    if (n !== null) return { value: percentToFraction(n), form: "percent" };
  } else {
    const n = parseItalianNumber(text);
    if (n !== null) return { value: n, form: "number" };
  }
  throw new ScoreError(
    `Consuntivo non leggibile: "${text}" (scrivi un numero come 3,5 o 80%, una data come 15/12/2023, oppure SI/NO).`,
    text,
  );
}

const FORM_NAMES: Record<Exclude<ActualForm, "blank">, string> = {
  word: "una risposta SI/NO",
  boolean: "un valore VERO/FALSO",
  date: "una data",
  percent: "una percentuale",
  number: "un numero",
};

function unfit(target: Target, text: string, form: Exclude<ActualForm, "blank">, wanted: string): ScoreError {
  return new ScoreError(
    `Consuntivo non adatto al target "${target.text}": "${text}" è ${FORM_NAMES[form]}, serve ${wanted}.`,
    text,
  );
}

/**
 * Reads an actual typed as text for a given target (CLI, CSV import) and refuses what does not
 * fit it, in Italian: a date only for a deadline; for a deadline a date (or its Excel serial),
 * SI/NO, VERO/FALSO or 1/0; for a SI/NO target SI/NO, VERO/FALSO or 1/0; for a percent target a percent (82%) or a
 * fraction up to 1 (0,82), never a bare 82 ("scrivi 82%"); for counts, days, hours and euros a
 * plain number. Then the value must score (scoreTarget's checks). A null target takes anything
 * readable: it has no score anyway.
 */
export function parseActualFor(target: Target | null, raw: string): Actual {
  const { value, form } = readActual(raw);
  if (form === "blank" || target === null) return value;
  const text = cleanActual(raw);
  switch (target.kind) {
    case "deadline":
      // A bare number is 1/0 or an Excel date serial (a workbook's date-time exported): scoreTarget checks which.
      if (form === "percent")
        throw unfit(target, text, form, "la data di completamento (ad es. 15/12/2023) oppure SI/NO");
      break;
    case "yesno":
      // Other numbers and words get scoreTarget's own message.
      if (form === "date" || form === "percent") throw unfit(target, text, form, "SI oppure NO");
      break;
    case "atLeast":
    case "atMost":
    case "equal":
      if (target.unit === "%") {
        if (form === "number" && Math.abs(value as number) > 1) {
          throw new ScoreError(
            `Consuntivo non adatto al target in percentuale "${target.text}": "${text}" senza il simbolo % (scrivi ${text}%).`,
            text,
          );
        }
        if (form === "date") throw unfit(target, text, form, "una percentuale come 82%");
      } else if (form === "date" || form === "percent") {
        throw unfit(target, text, form, "un numero");
      }
      break;
    case "unreadable":
      break;
  }
  // The value's own checks (a percent out of scale, a number that is no date).
  if (target.kind !== "unreadable") scoreTarget(target, value);
  return value;
}
