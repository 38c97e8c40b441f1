// Actuals (consuntivi) as a CSV file: indicator id, year, actual, and optionally the note di
// scostamento. The format Italian Excel saves ("indicatore;anno;consuntivo[;nota]", semicolons,
// decimal comma) and the English one ("indicator,year,actual[,note]", commas, values with a
// decimal comma in quotes), read and written.

import { parseActualFor, parseActualText } from "./actual";
import { serialToIso } from "./dates";
import type { Notes } from "./match/carryOver";
import type { Actual, Actuals, Indicator, Plan, Target } from "./model";
import { ScoreError, scoreTarget } from "./score";
import { FALSE_WORDS, TRUE_WORDS } from "./yesno";

export type CsvSeparator = ";" | ",";

export interface CsvProblem {
  /** 1-based line of the file where the record starts. */
  line: number;
  /** Plain Italian. */
  message: string;
}

export interface ActualsCsvResult {
  /** Only the filled values: a blank actual is no entry. Empty when the header is wrong. */
  actuals: Actuals;
  /** The notes of the optional fourth column; a blank note is no entry. */
  notes: Notes;
  /** What stops the file from being used: the CLI prints them all and writes nothing. */
  problems: CsvProblem[];
  /** Likely mistakes that still give a valid file (a percent written without "%"). */
  warnings: CsvProblem[];
}

const HEADERS: readonly (readonly string[])[] = [
  ["indicatore", "anno", "consuntivo"],
  ["indicator", "year", "actual"],
];
/** The optional fourth column of each header: the note di scostamento. */
const NOTE_HEADERS = ["nota", "note"] as const;
const HEADER_HINT = "indicatore;anno;consuntivo[;nota] (oppure indicator,year,actual[,note])";
const YEAR_RE = /^\d{4}$/;
const MAX_SERIAL = 2958465;

interface CsvRecord {
  line: number;
  fields: string[];
}

/** The separator of the header (the first non-blank line): ";" when it has one, else ",". */
function detectSeparator(text: string): CsvSeparator {
  const header = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== "") ?? "";
  return header.includes(";") || !header.includes(",") ? ";" : ",";
}

/**
 * RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks. Lenient
 * where spreadsheets are: a quote inside an unquoted field is literal, CR, LF and CRLF all end lines.
 */
function splitRecords(text: string, separator: CsvSeparator): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStart = true;
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    fieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === separator) {
      fields.push(field);
      field = "";
      fieldStart = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (field !== "" || fields.length > 0 || quoted) endRecord();
  return records;
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === "");
}

/** Trailing empty fields, as spreadsheets add when some other row is wider, are not columns. */
function meaningfulFields(fields: string[]): string[] {
  let end = fields.length;
  while (end > 3 && fields[end - 1].trim() === "") end--;
  return fields.slice(0, end);
}

/** The header's column count (3, or 4 with the note column); null when it is no header. */
function headerColumns(fields: string[]): 3 | 4 | null {
  const names = meaningfulFields(fields).map((f) => f.trim().toLowerCase());
  for (const [i, h] of HEADERS.entries()) {
    if (!h.every((name, c) => name === names[c])) continue;
    if (names.length === 3) return 3;
    if (names.length === 4 && names[3] === NOTE_HEADERS[i]) return 4;
  }
  return null;
}

function indicatorIndex(plan: Plan): Map<string, Indicator> {
  const byId = new Map<string, Indicator>();
  for (const objective of plan.objectives)
    for (const indicator of objective.indicators) byId.set(indicator.id, indicator);
  return byId;
}

function columnCountMessage(count: number, expected: 3 | 4, separator: CsvSeparator): string {
  const hint =
    separator === ","
      ? ' Con la virgola come separatore, i decimali con la virgola vanno tra virgolette ("3,5") o scritti con il punto (3.5).'
      : "";
  const names = expected === 3 ? "3 (indicatore, anno, consuntivo)" : "4 (indicatore, anno, consuntivo, nota)";
  return `${count} colonne invece di ${names}.${hint}`;
}

/** Whether the actual fits the target (a number for "≥ 13 N.", a date or SI/NO for a deadline). */
function mismatch(target: Target | null, actual: Actual): string | null {
  if (target === null || target.kind === "unreadable") return null;
  try {
    scoreTarget(target, actual);
    return null;
  } catch (e) {
    if (e instanceof ScoreError) return e.message;
    throw e;
  }
}

/**
 * Reads a CSV of actuals against the plan. Every problem (unknown indicator, year outside the
 * plan, unreadable or unsuitable value, duplicate, wrong column count) comes with its line.
 */
export function parseActualsCsv(text: string, plan: Plan): ActualsCsvResult {
  const actuals: Actuals = {};
  const notes: Notes = {};
  const problems: CsvProblem[] = [];
  const warnings: CsvProblem[] = [];
  const body = text.replace(/^\uFEFF/, "");
  const separator = detectSeparator(body);
  const records = splitRecords(body, separator).filter((r) => !isBlank(r));
  const header = records[0];
  if (header === undefined) {
    problems.push({ line: 1, message: `il file è vuoto: la prima riga deve essere ${HEADER_HINT}.` });
    return { actuals, notes, problems, warnings };
  }
  const width = headerColumns(header.fields);
  if (width === null) {
    const found = header.fields.join(separator);
    problems.push({
      line: header.line,
      message: `intestazione non riconosciuta «${found}»: la prima riga deve essere ${HEADER_HINT}.`,
    });
    return { actuals, notes, problems, warnings };
  }

  const byId = indicatorIndex(plan);
  const years = new Set(plan.years.map(String));
  const seen = new Map<string, number>();
  for (const { line, fields: raw } of records.slice(1)) {
    const fields = meaningfulFields(raw);
    // With the note column, a row whose note is empty may end after the consuntivo.
    if (fields.length !== width && !(width === 4 && fields.length === 3)) {
      problems.push({ line, message: columnCountMessage(fields.length, width, separator) });
      continue;
    }
    const [id, year, value] = fields.slice(0, 3).map((f) => f.trim());
    // A note is user text, kept as written (less the apostrophe export put before a formula's
    // opening); only a blank one is no note.
    const note = fields[3] !== undefined && fields[3].trim() !== "" ? restoredNote(fields[3]) : null;
    const indicator = byId.get(id);
    if (indicator === undefined) {
      problems.push({ line, message: `indicatore «${id}» non presente nel piano.` });
      continue;
    }
    if (!YEAR_RE.test(year) || !years.has(year)) {
      problems.push({ line, message: `anno «${year}» fuori dal piano (anni: ${plan.years.join(", ")}).` });
      continue;
    }
    const key = `${id}\u0000${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line, message: `consuntivo di ${id} per il ${year} già indicato alla riga ${first}.` });
      continue;
    }
    seen.set(key, line);
    if (note !== null) (notes[id] ??= {})[year] = note;
    const target = indicator.targets[year] ?? null;
    let actual: Actual;
    try {
      // Read for its target: a date for a count or a bare 82 for a percent is refused here.
      actual = parseActualFor(target, value);
    } catch (e) {
      if (!(e instanceof ScoreError)) throw e;
      problems.push({ line, message: e.message });
      continue;
    }
    if (actual === null) continue;
    const wrong = mismatch(target, actual);
    if (wrong !== null) {
      problems.push({ line, message: wrong });
      continue;
    }
    // VERO/FALSO for a deadline or SI/NO target is SI/NO (the same score): LibreOffice has no
    // boolean type, and in a deadline's date-formatted cell it would read FALSE as 30/12/1899.
    if (typeof actual === "boolean" && (target?.kind === "deadline" || target?.kind === "yesno")) {
      actual = actual ? "SI" : "NO";
    }
    if (target === null) {
      warnings.push({
        line,
        message: `l'indicatore ${id} non ha un target per il ${year}: il consuntivo non avrà punteggio.`,
      });
    }
    (actuals[id] ??= {})[year] = actual;
  }
  return { actuals, notes, problems, warnings };
}

/** The shortest decimal that reads back as `n`, without exponent (parseActualText reads none). */
function plainDecimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, fraction = "", exp] = m;
  const digits = lead + fraction;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** "3,5" (a decimal comma, no thousands dots: unambiguous for parseActualText). */
function italianDecimal(n: number): string {
  return plainDecimal(n).replace(".", ",");
}

/** 0.825 → "82,5%", when that text reads back as exactly `n`; else null. */
function percentText(n: number): string | null {
  if (!Number.isFinite(n * 100)) return null;
  for (let digits = 1; digits <= 17; digits++) {
    const text = `${italianDecimal(Number((n * 100).toPrecision(digits)))}%`;
    if (parseActualText(text) === n) return text;
  }
  return null;
}

function ddmmyyyy(serial: number): string {
  const [y, m, d] = serialToIso(serial).split("-");
  return `${d}/${m}/${y}`;
}

/** The text of one actual in the CSV; null for a blank actual. */
export function formatActual(actual: Actual, target: Target | null): string | null {
  if (actual === null) return null;
  // The Italian spelling first in the vocabulary: what Italian Excel shows for a boolean.
  if (typeof actual === "boolean") return actual ? TRUE_WORDS[0] : FALSE_WORDS[0];
  if (typeof actual === "string") return actual.trim() === "" ? null : actual;
  if (!Number.isFinite(actual)) return null;
  // Serial 60 is Excel's phantom 1900-02-29, which no date reader accepts; 2958465 is 9999-12-31.
  if (target?.kind === "deadline" && Number.isInteger(actual) && actual > 60 && actual <= MAX_SERIAL) {
    return ddmmyyyy(actual);
  }
  if (target?.unit === "%") {
    const percent = percentText(actual);
    if (percent !== null) return percent;
  }
  return italianDecimal(actual);
}

function csvField(text: string, separator: CsvSeparator): string {
  return text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/**
 * A note opening with = + - @ (or a tab or CR: OWASP's list) would be a formula to a spreadsheet
 * opening the CSV: it is written after an apostrophe (OWASP's remedy for CSV injection), which the
 * reader takes off again. A note already opening with apostrophes before such a character gets one
 * more, so every note reads back as it was typed.
 */
const FORMULA_NOTE = /^'*[=+\-@\t\r]/;

function neutralisedNote(note: string): string {
  return FORMULA_NOTE.test(note) ? `'${note}` : note;
}

function restoredNote(field: string): string {
  return field.startsWith("'") && FORMULA_NOTE.test(field) ? field.slice(1) : field;
}

function hasNotes(notes: Notes): boolean {
  return Object.values(notes).some((byYear) => Object.values(byYear).some((n) => n.trim() !== ""));
}

/**
 * Writes the filled actuals in plan order (objective, indicator, year): Italian notation, "82,5%"
 * for percent targets, dd/mm/yyyy for deadlines, SI/NO as typed. With "," the English header and
 * quoted decimal commas. With any note, a fourth column «nota» (a row may hold a note and no
 * consuntivo), a note opening like a formula after an apostrophe. Lines end with CRLF, as spreadsheets write them.
 */
export function formatActualsCsv(
  plan: Plan,
  actuals: Actuals,
  separator: CsvSeparator = ";",
  notes: Notes = {},
): string {
  const which = separator === ";" ? 0 : 1;
  const withNotes = hasNotes(notes);
  const header = withNotes ? [...HEADERS[which], NOTE_HEADERS[which]] : HEADERS[which];
  const lines = [header.join(separator)];
  for (const objective of plan.objectives) {
    for (const indicator of objective.indicators) {
      const byYear = actuals[indicator.id];
      const notesByYear = notes[indicator.id];
      if (byYear === undefined && notesByYear === undefined) continue;
      for (const year of plan.years) {
        const key = String(year);
        const text = formatActual(byYear?.[key] ?? null, indicator.targets[key] ?? null);
        const note = notesByYear?.[key] ?? "";
        const noted = withNotes && note.trim() !== "";
        if (text === null && !noted) continue;
        const fields = [indicator.id, key, text ?? ""];
        if (withNotes) fields.push(noted ? neutralisedNote(note) : "");
        lines.push(fields.map((f) => csvField(f, separator)).join(separator));
      }
    }
  }
  return lines.join("\r\n") + "\r\n";
}
