// The page phase of reading a PDF's layout, pure: positioned text items → lines (baselines, and
// fragments split at gaps wider than a word space), running headers and footers dropped, and the
// tests on a line that the row phase (pdfLayout.ts) and the table's columns (pdfTable.ts) share.
import { isIndicatorHeader, isWeight, startsWithLabel } from "./rows";

/** A run of text on a page. x grows rightwards, y downwards (baseline from the top); height ≈ font size. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** 1-based page number. */
  page: number;
}

/** A piece of text with its horizontal extent, on one line. */
export interface Span {
  text: string;
  x: number;
  end: number;
}

export interface Line {
  page: number;
  y: number;
  em: number;
  /** Runs of text separated by gaps wider than a word space: cells or parts of cells. */
  fragments: Span[];
  text: string;
}

export interface Band {
  lines: Line[];
}

/** A gap narrower than this (in em) joins two runs into one fragment; a column gap is wider. */
export const WORD_GAP_EM = 0.42;
/** Wider than this gap, two runs are joined with a space. */
export const GLUE_GAP_EM = 0.12;
export const TARGET_HEADER_IN_TEXT = /\b(?:Target|Anno)(?:\s+\d{4})?/gi;
export const OBJECTIVE_NUMBER = /^\d{1,4}[.)]?$/;
export const PAGE_NUMBER = /^(?:(?:pag(?:ina|\.)?|page)\s*)?\d{1,4}(?:\s*(?:di|\/|of|su)\s*\d{1,4})?$/i;

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};

/** Joins the lines of one cell: "31-12-" + "2023" and "digitaliz-" + "zazione" without a space. */
export function joinWrapped(parts: readonly string[]): string {
  let out = "";
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    out = out === "" ? part : /\S-$/.test(out) ? out + part : `${out} ${part}`;
  }
  return out;
}

export function lineText(fragments: Span[]): string {
  return fragments.map((f) => f.text).join("  ");
}

/** Items of one page → lines by baseline, each with its fragments left to right. */
export function pageLines(items: TextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== "").sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    const em = Math.max(item.height, 1e-6);
    if (group && Math.abs(item.y - group[0].y) <= 0.4 * Math.max(em, group[0].height)) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const em = median(group.map((i) => i.height)) || 1;
    const fragments: Span[] = [];
    let lastEndsInSpace = false;
    for (const item of group) {
      const text = item.str.replace(/[\u00a0\u2007\u202f]/g, " ");
      // The width covers the spaces around the text too: the text's own extent is its share.
      const perChar = item.width / Math.max(1, text.length);
      const start = item.x + (text.length - text.trimStart().length) * perChar;
      const span = { text: text.trim(), x: start, end: start + text.trim().length * perChar };
      const last = fragments[fragments.length - 1];
      const gap = last ? span.x - last.end : Infinity;
      if (last && gap < WORD_GAP_EM * em) {
        // Runs split inside a word (ligatures: "Sempli" "fi" "cazione") touch; words are a space apart.
        const spaced = gap > GLUE_GAP_EM * em || /^\s/.test(text) || lastEndsInSpace;
        last.text += spaced ? ` ${span.text}` : span.text;
        last.end = Math.max(last.end, span.end);
      } else fragments.push(span);
      lastEndsInSpace = /\s$/.test(text);
    }
    return { page: group[0].page, y: median(group.map((i) => i.y)), em, fragments, text: lineText(fragments) };
  });
}

/** Furniture key: a running header or footer repeats with only its numbers changed ("Pagina 3 di 7"). */
export const furnitureKey = (line: Line): string => line.text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");

/**
 * Drops running headers and footers (the same line, numbers aside, at the same height on most
 * pages) and page numbers alone on the first or last line of a page. When that leaves the first
 * page starting straight with an objective, its first running line was the document's title and
 * stays.
 */
export function dropFurniture(pages: Line[][]): Line[][] {
  const seen = new Map<string, { pages: Set<number>; ys: number[] }>();
  // Headers and footers sit above or below the body: only the first and last lines of a page count.
  const edges = pages.flatMap((lines) => [...lines.slice(0, 2), ...lines.slice(Math.max(2, lines.length - 2))]);
  const atEdge = new Set(edges);
  for (const line of edges) {
    const key = furnitureKey(line);
    const entry = seen.get(key) ?? { pages: new Set<number>(), ys: [] };
    entry.pages.add(line.page);
    entry.ys.push(line.y);
    seen.set(key, entry);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const running = (line: Line): boolean => {
    const entry = seen.get(furnitureKey(line));
    // A plan's own lines repeat on every page when each page holds one objective: never furniture.
    if (!entry || !atEdge.has(line) || startsTableOrLabel(line) || lineHasWeight(line, null) || /%/.test(line.text)) {
      return false;
    }
    return (
      pages.length >= 2 && entry.pages.size >= threshold && entry.ys.every((y) => Math.abs(y - line.y) <= 2 * line.em)
    );
  };
  const pageNumber = (line: Line): boolean =>
    PAGE_NUMBER.test(line.text.replace(/\s+/g, " ").replace(/^[-–—\s]+|[-–—\s]+$/g, ""));
  const kept = pages.map((lines) =>
    lines.filter((line, i) => !running(line) && !((i === 0 || i === lines.length - 1) && pageNumber(line))),
  );
  const first = pages[0]?.[0];
  if (first && kept[0][0] !== first && (kept[0].length === 0 || startsBlock(kept[0][0])) && !pageNumber(first)) {
    kept[0].unshift(first);
  }
  return kept;
}

/** Splits a fragment into words with their estimated extents (characters share the width evenly). */
export function words(fragment: Span): Span[] {
  const out: Span[] = [];
  const perChar = (fragment.end - fragment.x) / Math.max(1, fragment.text.length);
  for (const m of fragment.text.matchAll(/\S+/g)) {
    const x = fragment.x + m.index * perChar;
    const word = { text: m[0], x, end: x + m[0].length * perChar };
    const last = out[out.length - 1];
    // "14,28 %" is one weight, "82,00 %" one target: a lone unit sticks to its number.
    if (last && /^(%|€)$/.test(word.text) && /\d$/.test(last.text)) {
      last.text += ` ${word.text}`;
      last.end = word.end;
    } else out.push(word);
  }
  return out;
}

export function lineHasWeight(line: Line, columns: { targetsFrom: number } | null): boolean {
  if (!columns) return false;
  const first = line.fragments[0];
  if (!first || first.x >= columns.targetsFrom) return false;
  const word = words(first)[0];
  return word !== undefined && isWeight(word.text);
}

export function startsTableOrLabel(line: Line): boolean {
  const first = line.fragments[0]?.text ?? "";
  return (
    startsWithLabel(first) ||
    isIndicatorHeader(line.fragments.map((f) => f.text)) ||
    (line.text.match(TARGET_HEADER_IN_TEXT) ?? []).length >= 2
  );
}

export function startsBlock(line: Line): boolean {
  const first = line.fragments[0]?.text ?? "";
  if (startsWithLabel(first)) return true;
  if (
    isIndicatorHeader(line.fragments.map((f) => f.text)) ||
    (line.text.match(TARGET_HEADER_IN_TEXT) ?? []).length >= 2
  )
    return true;
  return OBJECTIVE_NUMBER.test(first) && /^\p{L}/u.test(line.fragments[1]?.text ?? "");
}
