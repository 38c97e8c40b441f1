// The indicator table's columns, pure: from its header row's cells, moved where a page's rows put
// their targets after a page break, and a band of the table read through them into weight, name
// and targets (the row phase, pdfLayout.ts, decides which bands are table rows).
import { isWeight } from "./rows";
import {
  joinWrapped,
  lineHasWeight,
  median,
  startsBlock,
  TARGET_HEADER_IN_TEXT,
  WORD_GAP_EM,
  words,
  type Band,
  type Line,
  type Span,
} from "./pdfLines";

export const TARGET_START = /^(?:>=|=>|<=|=<|≥|≤|=|<|>|Entro|SI|NO)$|^(?:>=|=>|<=|=<|≥|≤|<|>)\S/i;

/** The indicator table's columns, from the extents of its header cells. */
export interface Columns {
  nameX: number;
  nameHeader: string;
  /** Left edge of the first target column. */
  targetsFrom: number;
  targets: { header: string; x: number; end: number }[];
  /** Boundaries between target columns (targets.length - 1 of them). */
  bounds: number[];
}

export function headerColumns(cells: Span[], em: number): Columns | null {
  const targets: { header: string; x: number; end: number }[] = [];
  let nameX = Infinity;
  let nameHeader = "Indicatori";
  for (const cell of cells) {
    if (/^Indicatori\b/i.test(cell.text)) {
      nameX = Math.min(nameX, cell.x);
      nameHeader = cell.text.replace(TARGET_HEADER_IN_TEXT, "").trim() || nameHeader;
    }
    // Several headers in one cell (a layout text with single spaces): each takes its share of the extent.
    const perChar = (cell.end - cell.x) / Math.max(1, cell.text.length);
    for (const m of cell.text.matchAll(TARGET_HEADER_IN_TEXT)) {
      targets.push({
        header: m[0].replace(/\s+/g, " "),
        x: cell.x + m.index * perChar,
        end: cell.x + (m.index + m[0].length) * perChar,
      });
    }
  }
  if (targets.length === 0) return null;
  targets.sort((a, b) => a.x - b.x);
  if (!Number.isFinite(nameX)) nameX = cells[0].x;
  const bounds = targets.slice(1).map((t, i) => (targets[i].end + t.x) / 2);
  const gap = targets.length > 1 ? targets[1].x - targets[0].end : 2 * em;
  return { nameX, nameHeader, targetsFrom: targets[0].x - Math.max(gap / 2, 0.5 * em), targets, bounds };
}

export function targetColumn(columns: Columns, span: Span): number {
  // The column the chunk overlaps most; a chunk wider than its column (centred text) still lands right.
  let best = 0;
  let bestOverlap = -Infinity;
  columns.targets.forEach((_t, i) => {
    const from = i === 0 ? columns.targetsFrom : columns.bounds[i - 1];
    const to = i === columns.targets.length - 1 ? Infinity : columns.bounds[i];
    const overlap = Math.min(to, span.end) - Math.max(from, span.x);
    if (overlap > bestOverlap) [best, bestOverlap] = [i, overlap];
  });
  return best;
}

export interface TableRow {
  weight: string;
  name: string;
  targets: string[];
}

/**
 * Column boundaries from a row's own target pieces, for a layout text, whose columns of spaces drift
 * from row to row: the pieces' x positions fall into as many groups as there are target columns, split
 * at the widest gaps. Null when they do not (blank cells), and the header's columns decide.
 */
export function ownColumns(chunks: Span[], n: number, em: number): number[] | null {
  const xs = [...new Set(chunks.map((c) => Math.round(c.x)))].sort((a, b) => a - b);
  if (n < 2 || xs.length < n) return null;
  const gaps = xs.slice(1).map((x, i) => ({ gap: x - xs[i], at: i + 1 }));
  const cuts = [...gaps].sort((a, b) => b.gap - a.gap).slice(0, n - 1);
  const inside = gaps.filter((g) => !cuts.includes(g)).reduce((m, g) => Math.max(m, g.gap), 0);
  // Groups clearly apart: pieces of one cell start within a few characters of each other.
  if (Math.min(...cuts.map((c) => c.gap)) < Math.max(2 * inside, 2 * em)) return null;
  return cuts.map((c) => (xs[c.at - 1] + xs[c.at]) / 2).sort((a, b) => a - b);
}

/** A band of the indicator table read through its columns. */
export function tableRow(band: Band, columns: Columns, grid: boolean): TableRow {
  const weightLines: string[] = [];
  const nameLines: Span[] = [];
  const lineChunks: Span[][] = [];
  const lineNames: Span[][] = [];
  for (const line of band.lines) {
    const weightWords: string[] = [];
    const nameWords: Span[] = [];
    const chunks: (Span & { fragment: number })[] = [];
    let nameFragment = -1;
    line.fragments.forEach((fragment, f) => {
      // A fragment that starts left of the targets is name (or weight) text to its end, estimated
      // word positions notwithstanding, unless a target starts in it further right (a run of cells).
      // In a layout text, a run after the name's own run is a target's, wherever it drifted.
      const inNames = fragment.x < columns.targetsFrom && !(grid && nameFragment >= 0 && f > nameFragment);
      let split = false;
      // A line's first run that is a weight or a piece of one ("14,28" / "%"), set apart from the name
      // by a column gap: the weight cell, wherever the header put the names' column.
      const weightFragment =
        f === 0 && WEIGHT_PART.test(fragment.text) && (line.fragments.length > 1 || isWeight(fragment.text));
      words(fragment).forEach((word, w) => {
        // A later run of its own opening with a comparison sign or "Entro" is a target, however far left
        // a layout text put it.
        split ||=
          inNames &&
          ((word.x >= columns.targetsFrom && TARGET_LIKE.test(word.text)) ||
            (f > 0 && w === 0 && TARGET_OPENING.test(word.text)));
        // A weight opening a line, a space away from the name (one header over both columns).
        const leadingWeight = f === 0 && w === 0 && isWeight(word.text) && weightLines.length === 0;
        if (inNames && !split) {
          // Left of the names' column: the weight's own cell (which may wrap: "14,28" / "%").
          if (
            (word.end <= columns.nameX + 0.3 * line.em && WEIGHT_PART.test(word.text)) ||
            weightFragment ||
            leadingWeight
          )
            weightWords.push(word.text);
          else {
            nameWords.push(word);
            nameFragment = f;
          }
          return;
        }
        const last = chunks[chunks.length - 1];
        // Two targets run together in one fragment split where the second starts (">= 13 N. >= 20 N.").
        const startsTarget = last !== undefined && TARGET_START.test(word.text) && /\d|^(SI|NO)$/i.test(last.text);
        const sameCell = last !== undefined && (last.fragment === f || word.x - last.end < WORD_GAP_EM * line.em);
        if (last && sameCell && !startsTarget) {
          last.text += ` ${word.text}`;
          last.end = word.end;
        } else chunks.push({ ...word, fragment: f });
      });
    });
    if (weightWords.length) weightLines.push(weightWords.join(" "));
    lineChunks.push(chunks);
    lineNames.push(nameWords);
  }
  const bounds = grid ? ownColumns(lineChunks.flat(), columns.targets.length, band.lines[0]?.em ?? 1) : null;
  const columnOf = (chunk: Span): number =>
    bounds ? bounds.filter((b) => b < chunk.x).length : targetColumn(columns, chunk);
  const targetLines: string[][] = columns.targets.map(() => []);
  lineChunks.forEach((chunks, k) => {
    const nameWords = lineNames[k];
    const perColumn: string[][] = columns.targets.map(() => []);
    for (const chunk of chunks) perColumn[columnOf(chunk)].push(chunk.text);
    // A unit wrapped alone under the first target ("≥ 100,00" / "%"), which a layout text ran into
    // the name's line while the other columns show theirs: it belongs to the first target.
    const lastName = nameWords[nameWords.length - 1];
    if (lastName && /^(%|N\.|gg|h|€)$/.test(lastName.text) && chunks.length > 0 && perColumn[0].length === 0) {
      perColumn[0].push(nameWords.pop()!.text);
    }
    if (nameWords.length)
      nameLines.push({
        text: nameWords.map((w) => w.text).join(" "),
        x: nameWords[0].x,
        end: nameWords[nameWords.length - 1].end,
      });
    perColumn.forEach((parts, i) => parts.length && targetLines[i].push(parts.join(" ")));
  });
  let weight = joinWrapped(weightLines);
  let name = joinWrapped(nameLines.map((l) => l.text));
  if (!isWeight(weight)) {
    // No weight column of its own (one header over weight and name): the weight opens the name.
    const joined = /^([+-]?\d{1,3}(?:[.,]\d+)?\s?%)\s+(.*)$/.exec(joinWrapped([weight, name]));
    if (joined) [weight, name] = [joined[1], joined[2]];
    else if (weight) [weight, name] = ["", joinWrapped([weight, name])];
  }
  return { weight, name, targets: targetLines.map(joinWrapped) };
}

// A weight or the piece of one its cell wrapped: "14,28 %", "14,28", "%" (a bare "33" is no weight).
export const WEIGHT_PART = /^(?:\d{1,3}[.,]\d+\s*%?|\d{1,3}\s*%|%)$/;
export const TARGET_OPENING = /^(?:>=|=>|<=|=<|≥|≤|Entro$)/i;
export const TARGET_LIKE = /^(?:>=|=>|<=|=<|≥|≤|=|<|>|Entro\b|SI$|NO$|[+\-\u2212]?\d)/i;

/**
 * A table going on over a page break without its header may sit at other x positions (a layout
 * text lays out each page on its own): the columns move to where that page's full rows put their
 * targets, the last fragments of lines with one target-like fragment per column.
 */
export function reanchored(columns: Columns, lines: Line[]): Columns {
  const n = columns.targets.length;
  const starts: number[][] = columns.targets.map(() => []);
  for (const line of lines) {
    if (startsBlock(line)) break;
    const tail = line.fragments.slice(-n);
    if (line.fragments.length <= n || !tail.every((f) => TARGET_LIKE.test(f.text))) continue;
    tail.forEach((f, i) => starts[i].push(f.x));
  }
  if (starts[0].length === 0) return columns;
  const shift = median(starts[0]) - columns.targets[0].x;
  if (Math.abs(shift) < 1e-6) return columns;
  const targets = columns.targets.map((t, i) => {
    const x = median(starts[i]);
    return { header: t.header, x, end: x + (t.end - t.x) };
  });
  // Left-aligned cells start where their header did, so the new starts are the new columns.
  const bounds = targets.slice(1).map((t, i) => (targets[i].end + t.x) / 2);
  const gap = columns.targets[0].x - columns.targetsFrom;
  return { ...columns, nameX: columns.nameX + shift, targetsFrom: targets[0].x - gap, targets, bounds };
}

/**
 * Whether a table's rows are centred vertically (a layout text shows it): the first row starts with
 * a name line that has no weight, or a weight stands on a line without any name text.
 */
export function isCentred(lines: Line[], from: number, columns: Columns): boolean {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (startsBlock(line) || (i > from && lines[i - 1].page !== line.page)) break;
    const names = line.fragments.filter((f) => f.x < columns.targetsFrom);
    const weighted = lineHasWeight(line, columns);
    if (i === from && !weighted && names.length > 0) return true;
    if (weighted && names.length === 1 && isWeight(names[0].text)) return true;
    // A target's first line just above a weight that has none beside it: the targets sit higher
    // than the weight, centred over a taller row (a wrapped deadline's "2023" is no first line).
    const next = lines[i + 1];
    const opensTarget = line.fragments.some((f) => f.x >= columns.targetsFrom && TARGET_OPENING.test(f.text));
    if (!weighted && opensTarget && next && lineHasWeight(next, columns)) {
      if (!next.fragments.some((f) => f.x >= columns.targetsFrom && TARGET_LIKE.test(f.text))) return true;
    }
  }
  return false;
}
