// The typed model of a cruscotto obiettivi strategici (PIRA). The JSON names are a public
// contract: the CLI prints them, the workbook description and the task pane read them.

import type { DiagnosticCode } from "./reader/messages";

export type Unit = "%" | "N." | "gg" | "h" | "€" | "";

/** ">= 13 N.", "<= 18 gg", "= 6", "0 N.": a number with an operator and a unit. */
export interface NumericTarget {
  /** Cleaned text, as written in the document (markup and extra spaces removed). */
  text: string;
  kind: "atLeast" | "atMost" | "equal";
  /** Number as written (82 for "82,00 %"). */
  value: number;
  unit: Unit;
  deadline: null;
}

/** "Entro 31-12-2023". */
export interface DeadlineTarget {
  text: string;
  kind: "deadline";
  value: null;
  unit: "";
  /** ISO date "YYYY-MM-DD". */
  deadline: string;
}

/** "SI" (value 1) or "NO" (value 0). */
export interface YesNoTarget {
  text: string;
  kind: "yesno";
  value: 1 | 0;
  unit: "";
  deadline: null;
}

/** Text no grammar rule reads, kept as written. */
export interface UnreadableTarget {
  text: string;
  kind: "unreadable";
  value: null;
  unit: "";
  deadline: null;
}

/**
 * A target as the document writes it. Every kind carries the same five fields (the JSON shape is
 * public); the union lets the compiler check each switch over `kind` handles every kind.
 */
export type Target = NumericTarget | DeadlineTarget | YesNoTarget | UnreadableTarget;

export type TargetKind = Target["kind"];

export interface Indicator {
  /** "<objective number>.<position>", e.g. "1.3". */
  id: string;
  name: string;
  /** Marked "(OC)": an Unioncamere common indicator. */
  common: boolean;
  /** Percent as written: 14.28 for "14,28%". */
  weight: number;
  /** One entry per plan year, keyed by the year as a string; null when the document has no target. */
  targets: Record<string, Target | null>;
}

export interface Objective {
  number: number;
  title: string;
  areaCode: string;
  /** "Peso su AS", percent as written. */
  weightOnArea: number;
  /** "Risorse economiche" in euro, null when the document gives none. */
  resources: number | null;
  perspective: string;
  mission: string;
  programme: string;
  indicators: Indicator[];
}

/** An objective with nothing read yet but its number and title. */
export function emptyObjective(number: number, title: string, indicators: Indicator[] = []): Objective {
  return {
    number,
    title,
    areaCode: "",
    weightOnArea: 0,
    resources: null,
    perspective: "",
    mission: "",
    programme: "",
    indicators,
  };
}

export interface Area {
  code: string;
  name: string;
}

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** 1-based line of the source text (0 when the finding is about the plan as a whole). */
  line: number;
  severity: Severity;
  /** Plain Italian. */
  message: string;
  /** What kind of finding, stable across releases ("weights-not-100"); messages.ts has its texts. */
  code: DiagnosticCode;
  /** The values the message interpolates (texts from the document cut to an excerpt). */
  params?: Readonly<Record<string, string | number>>;
  objective?: number;
  indicator?: string;
}

export interface Plan {
  title: string;
  /** ISO date of approval when the title carries one ("31.10.2023" → "2023-10-31"), else "". */
  date: string;
  years: number[];
  areas: Area[];
  objectives: Objective[];
  diagnostics: Diagnostic[];
}

/**
 * An actual (consuntivo) as a cell holds it: a number on Excel's scale (82 % is 0.82; a date is
 * an Excel serial number), a boolean, a text such as "SI"/"NO", or null when nothing was typed.
 */
export type Actual = number | boolean | string | null;

/** Actuals by indicator id, then by year ("2023"). */
export type Actuals = Record<string, Record<string, Actual>>;
