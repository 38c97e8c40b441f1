// The patterns of a cruscotto's lines: field labels, objective headers, area codes, indicator
// rows and table headers. Pure functions of one line's text or cells; no reading state.

import {
  DEADLINE_SOURCE,
  isoDate,
  NUMBER_TOKEN_SOURCE,
  OPERATOR_SOURCES,
  parseTarget,
  UNIT_SOURCE,
  YES_NO_SOURCE,
} from "../targets";
import { parseItalianNumber } from "../numbers";

export type FieldKey = "area" | "weight" | "resources" | "perspective" | "mission" | "programme";

/** The fields every objective must have, in the order the document gives them. */
export const REQUIRED_FIELDS: readonly FieldKey[] = [
  "area",
  "weight",
  "resources",
  "perspective",
  "mission",
  "programme",
];

const FIELD_LABELS: ReadonlyArray<[FieldKey, RegExp]> = [
  ["area", /Ambito strategico(?:\s*\(AS\))?\s*:/i],
  ["weight", /Peso su AS\s*:/i],
  ["resources", /Risorse economiche\s*:/i],
  ["perspective", /Prospettiva BSC\s*:/i],
  ["mission", /Missione\s*:(?:\s*\(ex D\.\s?M\.[^)]*\))?/i],
  ["programme", /Programma\s*:(?:\s*\(ex D\.\s?M\.[^)]*\))?/i],
];

/**
 * "1 Semplificazione…", "2. «Camera digitale»", "3) (PNRR) …", "4 5G e reti": a number, then a
 * title that starts with a letter, a digit, a quote or a bracket and holds a letter somewhere (so a
 * row of years or figures, "2023 2024", is no objective).
 */
export const OBJECTIVE_HEADER = /^(\d{1,4})[.)]?\s+((?=[^\p{L}]*\p{L})[\p{L}\d"'«“‘„‹([].*)$/u;
export const AREA_LINE = /^(\d{2,4})\s*[-–—]\s*(\S.*)$/;
export const WEIGHT_CELL = /^([+-]?\d{1,3}(?:[.,]\d+)?)\s*%(?:\s+(.*))?$/;
const TARGET_HEADER_CELL = /^(?:Target|Anno)(?:\s+(\d{4}))?$/i;
export const INDICATOR_HEADER = /^Indicatori\b/i;
export const UNDERLINE = /^[\s\-=_]+$/;
export const OC_MARK = /\s*\(OC\)\s*/gi;
/** Markdown or <b> bold: headers are bold, values are not. */
export const BOLD = /\*\*|<b>/i;

/**
 * One target at the end of a space-separated row, for rows that lost their tabs: built from the
 * target grammar's own pieces (operators, number, units as the model writes them, deadline, SI/NO).
 */
const TRAILING_TARGET = new RegExp(
  `(?:^|\\s)((?:(?:${OPERATOR_SOURCES.map(([source]) => source).join("|")})\\s*)?${NUMBER_TOKEN_SOURCE}\\s*(?:${UNIT_SOURCE})?` +
    `|${DEADLINE_SOURCE.replace(/ /g, "\\s+")}|${YES_NO_SOURCE})\\s*$`,
  "i",
);
const BARE_NUMBER = new RegExp(`^${NUMBER_TOKEN_SOURCE}$`);

export interface LabelHit {
  key: FieldKey;
  value: string;
}

/** The field labels of a line with the text after each, up to the next label. */
export function findLabels(text: string): LabelHit[] {
  const hits: { key: FieldKey; start: number; end: number }[] = [];
  for (const [key, re] of FIELD_LABELS) {
    const m = re.exec(text);
    if (m) hits.push({ key, start: m.index, end: m.index + m[0].length });
  }
  hits.sort((a, b) => a.start - b.start);
  return hits.map((h, i) => ({
    key: h.key,
    value: text.slice(h.end, i + 1 < hits.length ? hits[i + 1].start : text.length).trim(),
  }));
}

/**
 * The target column headers of a row: cells such as "Target 2024", or, where the conversion lost
 * the tabs, the "Target …" words inside one cell ("Indicatori (100%) Target 2023 Target 2024").
 */
export function targetHeaderCells(cells: string[]): string[] {
  return cells.flatMap((c) =>
    TARGET_HEADER_CELL.test(c) ? [c] : /\bTarget\b/i.test(c) ? (c.match(/\bTarget(?:\s+\d{4})?\b/gi) ?? []) : [],
  );
}

export function isTargetHeaderRow(cells: string[]): boolean {
  return targetHeaderCells(cells).some((c) => /^Target/i.test(c));
}

/** Years of a target header row; a bare "Target" takes its year from its neighbours. */
export function headerYears(cells: string[], fallbackYears: number[]): number[] | null {
  const targetCells = targetHeaderCells(cells);
  if (targetCells.length === 0) return null;
  const explicit = targetCells.map((c) => {
    const m = TARGET_HEADER_CELL.exec(c);
    return m && m[1] ? Number(m[1]) : null;
  });
  const anchor = explicit.findIndex((y) => y !== null);
  if (anchor >= 0) {
    const base = (explicit[anchor] as number) - anchor;
    return explicit.map((y, i) => y ?? base + i);
  }
  if (fallbackYears.length >= targetCells.length) return fallbackYears.slice(0, targetCells.length);
  return null;
}

export function parsePercent(text: string): number | null {
  const m = /^([+-]?[\d.,]+)\s*%$/.exec(text.trim());
  return m ? parseItalianNumber(m[1]) : null;
}

export function parseEuro(text: string): number | null {
  const stripped = text.replace(/€|\bEUR\b|\beuro\b/gi, "").trim();
  return stripped === "" ? null : parseItalianNumber(stripped);
}

export function titleAndDate(text: string): { title: string; date: string } {
  const title = text.replace(/^#+\s*/, "").trim();
  const m = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/.exec(title);
  const date = m ? (isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? "") : "";
  return { title, date };
}

/** A value line may carry a table header merged into it ("Made in Italy  Target 2024 …"). */
export function stripHeaderCells(text: string, cells?: string[]): string {
  const parts = cells ?? [text];
  const cut = parts.findIndex((c) => /^(?:Target|Anno)\b/i.test(c) || INDICATOR_HEADER.test(c));
  const kept = cut >= 0 ? parts.slice(0, cut) : parts;
  const joined = kept.filter((c) => c !== "").join(" ");
  return joined.replace(/(?:\s+Target(?:\s+\d{4})?)+\s*$/i, "").trim();
}

/** "Made in Italy" in a diagnostic: long texts cut with an ellipsis. */
export function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/** An indicator's name without its "(OC)" mark, spaces collapsed. */
export function indicatorName(text: string): string {
  return text.replace(OC_MARK, " ").replace(/\s+/g, " ").trim();
}

export interface IndicatorRow {
  weight: number;
  name: string;
  targets: string[];
}

/** Splits an indicator row into weight, name and target cells; null when its first cell is no weight. */
export function splitIndicatorRow(rawCells: string[], expectedTargets: number): IndicatorRow | null {
  const first = WEIGHT_CELL.exec(rawCells[0] ?? "");
  if (!first) return null;
  const weight = parseItalianNumber(first[1]);
  if (weight === null) return null;
  let rest = rawCells.slice(1);
  let name = first[2] ?? "";
  if (name === "") {
    // Weight in a cell of its own; a blank cell may stand between weight and name.
    while (rest.length > expectedTargets + 1 && rest[0] === "") rest = rest.slice(1);
    name = rest[0] ?? "";
    rest = rest.slice(1);
  }
  // Trailing empty cells past the year columns are layout noise.
  while (rest.length > expectedTargets && rest[rest.length - 1] === "") rest = rest.slice(0, -1);
  if (rest.length === expectedTargets) return { weight, name, targets: rest };
  if (
    rest.some((c) => c !== "") &&
    rest.length < expectedTargets &&
    rest.every((c) => parseTarget(c)?.kind !== "unreadable")
  ) {
    // Cells kept but blank trailing ones lost (space-separated layout): the later years are missing.
    return { weight, name, targets: [...rest, ...Array<string>(expectedTargets - rest.length).fill("")] };
  }

  // Tabs lost or merged: peel targets off the end of the joined text.
  let joined = [name, ...rest].filter((c) => c !== "").join(" ");
  const peeled: string[] = [];
  const bare = (t: string) => BARE_NUMBER.test(t);
  while (peeled.length < expectedTargets) {
    const m = TRAILING_TARGET.exec(joined);
    if (!m) break;
    const before = joined.slice(0, m.index).trim();
    if (before === "") break;
    const target = m[1].trim();
    // A bare number after targets with an operator or unit belongs to the name ("DFP 3.3").
    if (bare(target) && peeled.some((p) => !bare(p))) break;
    peeled.unshift(target);
    joined = before;
  }
  return { weight, name: joined, targets: peeled };
}
