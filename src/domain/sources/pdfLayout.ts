// Layout-aware reading of a PDF's text, pure: the positioned text items a PDF library returns (pdf.js
// getTextContent(), or a layout text turned into items by layoutText.ts) → rows of cells → the
// reader's text. Nothing here knows this one document's coordinates: lines come from baselines,
// cells from horizontal gaps and overlaps, the indicator table's columns from its header row
// ("Indicatori (100%)", "Target 2023"…), and only the standard labels and the target grammar are named.
import { isIndicatorHeader, isWeight, rowsToReaderText, startsWithLabel, type Row } from "./rows";

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
interface Span {
  text: string;
  x: number;
  end: number;
}

interface Line {
  page: number;
  y: number;
  em: number;
  /** Runs of text separated by gaps wider than a word space: cells or parts of cells. */
  fragments: Span[];
  text: string;
}

interface Band {
  lines: Line[];
}

export interface LayoutReading {
  rows: Row[];
  text: string;
  pages: number;
  /** Items with text on them: 0 means no text layer (a scan). */
  textItems: number;
}

/** A gap narrower than this (in em) joins two runs into one fragment; a column gap is wider. */
const WORD_GAP_EM = 0.42;
/** Wider than this gap, two runs are joined with a space. */
const GLUE_GAP_EM = 0.12;
/** Baselines further apart than this (in em) are two rows; closer, one cell's wrapped lines. */
const ROW_GAP_EM = 1.45;
const TARGET_START = /^(?:>=|=>|<=|=<|≥|≤|=|<|>|Entro|SI|NO)$|^(?:>=|=>|<=|=<|≥|≤|<|>)\S/i;
const TARGET_HEADER_IN_TEXT = /\b(?:Target|Anno)(?:\s+\d{4})?/gi;
const HEADER_WORDS = /^(?:\s*(?:Target|Anno|\d{4}|\(?100\s?%\)?|Indicatori)\s*)+$/i;
const OBJECTIVE_NUMBER = /^\d{1,4}[.)]?$/;
const PAGE_NUMBER = /^(?:(?:pag(?:ina|\.)?|page)\s*)?\d{1,4}(?:\s*(?:di|\/|of|su)\s*\d{1,4})?$/i;

const median = (values: number[]): number => {
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

function lineText(fragments: Span[]): string {
  return fragments.map((f) => f.text).join("  ");
}

/** Items of one page → lines by baseline, each with its fragments left to right. */
function pageLines(items: TextItem[]): Line[] {
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
const furnitureKey = (line: Line): string => line.text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");

/**
 * Drops running headers and footers (the same line, numbers aside, at the same height on most
 * pages) and page numbers alone on the first or last line of a page. When that leaves the first
 * page starting straight with an objective, its first running line was the document's title and
 * stays.
 */
function dropFurniture(pages: Line[][]): Line[][] {
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
function words(fragment: Span): Span[] {
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

/** A standard label opening a run, with the start of "(ex D.M. 27/03/13)" however it wrapped. */
const LABEL_RUN =
  /^(?:Ambito strategico(?:\s*\(AS\))?|Peso su AS|Risorse economiche|Prospettiva BSC|Missione|Programma)\s*:(?:\s*\(ex\s+D\.\s?M\.(?:\s*[\d/]+\))?)?/i;

/** "Missione: (ex D.M. Servizi istituzionali…" as one run (a single space apart): label and value. */
function splitLabel(fragment: Span): Span[] {
  const m = LABEL_RUN.exec(fragment.text);
  const rest = m ? fragment.text.slice(m[0].length) : "";
  if (!m || rest.trim() === "") return [fragment];
  const perChar = (fragment.end - fragment.x) / Math.max(1, fragment.text.length);
  const at = fragment.x + (m[0].length + rest.length - rest.trimStart().length) * perChar;
  return [
    { text: m[0], x: fragment.x, end: fragment.x + m[0].length * perChar },
    { text: rest.trim(), x: at, end: fragment.end },
  ];
}

/** Fragments of a band that overlap horizontally are one cell; cells come left to right. */
function bandCells(band: Band): Span[] {
  const spans = band.lines.flatMap((line, order) => line.fragments.flatMap(splitLabel).map((f) => ({ ...f, order })));
  const clusters: { x: number; end: number; parts: { order: number; x: number; text: string }[] }[] = [];
  for (const span of [...spans].sort((a, b) => a.x - b.x)) {
    const em = band.lines[span.order].em;
    const hit = clusters.find((c) => span.x < c.end + 0.3 * em && span.end > c.x - 0.3 * em);
    if (hit) {
      hit.x = Math.min(hit.x, span.x);
      hit.end = Math.max(hit.end, span.end);
      hit.parts.push(span);
    } else clusters.push({ x: span.x, end: span.end, parts: [span] });
  }
  return clusters
    .sort((a, b) => a.x - b.x)
    .map((c) => {
      const parts = [...c.parts].sort((a, b) => a.order - b.order || a.x - b.x);
      const byLine: string[] = [];
      let order = -1;
      for (const part of parts) {
        if (part.order !== order) byLine.push(part.text);
        else byLine[byLine.length - 1] += ` ${part.text}`;
        order = part.order;
      }
      return { text: joinWrapped(byLine), x: c.x, end: c.end };
    });
}

/** The indicator table's columns, from the extents of its header cells. */
interface Columns {
  nameX: number;
  nameHeader: string;
  /** Left edge of the first target column. */
  targetsFrom: number;
  targets: { header: string; x: number; end: number }[];
  /** Boundaries between target columns (targets.length - 1 of them). */
  bounds: number[];
}

function headerColumns(cells: Span[], em: number): Columns | null {
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

function targetColumn(columns: Columns, span: Span): number {
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

interface TableRow {
  weight: string;
  name: string;
  targets: string[];
}

/** A band of the indicator table read through its columns. */
/**
 * Column boundaries from a row's own target pieces, for a layout text, whose columns of spaces drift
 * from row to row: the pieces' x positions fall into as many groups as there are target columns, split
 * at the widest gaps. Null when they do not (blank cells), and the header's columns decide.
 */
function ownColumns(chunks: Span[], n: number, em: number): number[] | null {
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
function tableRow(band: Band, columns: Columns, grid: boolean): TableRow {
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
const WEIGHT_PART = /^(?:\d{1,3}[.,]\d+\s*%?|\d{1,3}\s*%|%)$/;
const TARGET_OPENING = /^(?:>=|=>|<=|=<|≥|≤|Entro$)/i;
const TARGET_LIKE = /^(?:>=|=>|<=|=<|≥|≤|=|<|>|Entro\b|SI$|NO$|[+\-\u2212]?\d)/i;

/**
 * A table going on over a page break without its header may sit at other x positions (a layout
 * text lays out each page on its own): the columns move to where that page's full rows put their
 * targets, the last fragments of lines with one target-like fragment per column.
 */
function reanchored(columns: Columns, lines: Line[]): Columns {
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
function isCentred(lines: Line[], from: number, columns: Columns): boolean {
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

function lineHasWeight(line: Line, columns: Columns | null): boolean {
  if (!columns) return false;
  const first = line.fragments[0];
  if (!first || first.x >= columns.targetsFrom) return false;
  const word = words(first)[0];
  return word !== undefined && isWeight(word.text);
}

function startsTableOrLabel(line: Line): boolean {
  const first = line.fragments[0]?.text ?? "";
  return (
    startsWithLabel(first) ||
    isIndicatorHeader(line.fragments.map((f) => f.text)) ||
    (line.text.match(TARGET_HEADER_IN_TEXT) ?? []).length >= 2
  );
}

function startsBlock(line: Line): boolean {
  const first = line.fragments[0]?.text ?? "";
  if (startsWithLabel(first)) return true;
  if (
    isIndicatorHeader(line.fragments.map((f) => f.text)) ||
    (line.text.match(TARGET_HEADER_IN_TEXT) ?? []).length >= 2
  )
    return true;
  return OBJECTIVE_NUMBER.test(first) && /^\p{L}/u.test(line.fragments[1]?.text ?? "");
}

function isHeaderBand(cells: Span[]): boolean {
  const texts = cells.map((c) => c.text);
  const inText = texts.join("  ").match(TARGET_HEADER_IN_TEXT) ?? [];
  return isIndicatorHeader(texts) || (inText.length >= 2 && texts.some((t) => /^(Indicatori|Target)\b/i.test(t)));
}

/**
 * The rows of a document from its lines: bands of lines (rows of the layout) split where the
 * baselines jump, where a label or an objective header starts, and, inside the indicator table,
 * where a second weight appears; each band becomes one row of cells.
 */
function layoutRows(lines: Line[], evenLines: boolean, grid: boolean): Row[] {
  const rows: Row[] = [];
  let columns: Columns | null = null;
  let band: Band | null = null;
  let bandHasWeight = false;
  /** The last indicator row written, which a row broken over a page break goes on in. */
  let lastRow: Row | null = null;
  let firstOnPage = false;
  /** The last row outside a table, which a label row broken over a page break goes on in. */
  let lastPlain: { band: Band; index: number } | null = null;

  const leaveTable = (): void => {
    if (columns) rows.push([]);
    columns = null;
    lastRow = null;
  };

  const flush = (): void => {
    if (!band) return;
    const cells = bandCells(band);
    const objectiveHeader =
      cells.length >= 2 &&
      OBJECTIVE_NUMBER.test(cells[0].text) &&
      /^\p{L}/u.test(cells[1].text) &&
      !band.lines.some((l) => lineHasWeight(l, columns));
    if (isHeaderBand(cells)) {
      columns = headerColumns(cells, band.lines[0].em);
      lastRow = null;
      if (columns) rows.push(["", columns.nameHeader, ...columns.targets.map((t) => t.header)]);
    } else if (columns && !objectiveHeader && !band.lines.some((l) => startsWithLabel(l.fragments[0]?.text ?? ""))) {
      const row = tableRow(band, columns, grid);
      const hasTargets = row.targets.some((t) => t);
      if (!row.weight && firstOnPage && lastRow) {
        // The rest of a row the page broke: its cells go on in the row above.
        const continued = lastRow;
        continued[1] = joinWrapped([continued[1], row.name]);
        row.targets.forEach((t, i) => (continued[2 + i] = joinWrapped([continued[2 + i], t])));
      } else if (row.weight || hasTargets) {
        lastRow = [row.weight, row.name, ...row.targets];
        rows.push(lastRow);
      } else {
        // Neither weight nor target: a note after the table, not a part of it.
        leaveTable();
        rows.push(cells.map((c) => c.text));
      }
    } else if (firstOnPage && lastPlain && !startsBlock(band.lines[0])) {
      // A label row the page broke ("Missione: (ex D.M." / "27/03/13)"): read both parts as one row.
      lastPlain.band = { lines: [...lastPlain.band.lines, ...band.lines] };
      rows[lastPlain.index] = bandCells(lastPlain.band).map((c) => c.text);
    } else {
      leaveTable();
      lastPlain = startsWithLabel(cells[0]?.text ?? "") ? { band, index: rows.length } : null;
      rows.push(cells.map((c) => c.text));
    }
    if (columns) lastPlain = null;
    band = null;
    bandHasWeight = false;
    firstOnPage = false;
  };

  let previous: Line | null = null;
  let centred = false;
  lines.forEach((line, index) => {
    const newPage = previous !== null && previous.page !== line.page;
    if (newPage) {
      flush();
      firstOnPage = true;
      // flush() may have closed the table (a note at the foot of the page).
      const open = columns as Columns | null;
      if (open)
        columns = reanchored(
          open,
          lines.filter((l) => l.page === line.page),
        );
    }
    const jump = !previous || newPage || line.y - previous.y > ROW_GAP_EM * Math.max(line.em, previous.em);
    // A header band takes in only its own wrapped words ("Target" / "2023"), never the first row.
    const afterHeader = band !== null && isHeaderBand(band.lines[0].fragments) && !HEADER_WORDS.test(line.text);
    // In a PDF the gaps between baselines tell rows apart, so an objective's number centred beside a
    // two-line title stays in its row; a layout text has even lines, so its content must tell.
    // An objective's number beside the second line of its title (a title wrapped around its centred
    // number) stays in the band of the title's first line.
    const titleGoesOn =
      band !== null && !bandHasWeight && !band.lines.some((l) => startsTableOrLabel(l) || isHeaderBand(l.fragments));
    const starts = evenLines
      ? startsTableOrLabel(line) || (startsBlock(line) && !titleGoesOn)
      : startsTableOrLabel(line);
    // The document's first line is its title, a row of its own however close the next line is.
    const afterTitle = previous !== null && previous === lines[0];
    const secondWeight = bandHasWeight && lineHasWeight(line, columns);
    if (secondWeight && evenLines && centred && band) {
      // Rows centred vertically in a layout text: a row has as many lines below its weight as above
      // it, so the lines between two weights are split that way between the two rows.
      const first = band.lines.findIndex((l) => lineHasWeight(l, columns));
      const moved = band.lines.splice(2 * first + 1);
      flush();
      band = { lines: moved };
    } else if (!band || jump || afterHeader || afterTitle || starts || secondWeight) {
      flush();
      band = { lines: [] };
      // The first line after a header: how this table's rows sit in their cells.
      if (afterHeader && evenLines && columns) centred = isCentred(lines, index, columns);
    }
    // After the flush: a header just read gives the columns this line is weighed with.
    const weighted = lineHasWeight(line, columns);
    band.lines.push(line);
    bandHasWeight ||= weighted;
    previous = line;
  });
  flush();
  return rows;
}

/** Reads positioned text items (every page of a document) into rows and the reader's text. */
export function readLayout(
  items: readonly TextItem[],
  /** evenLines: rows on consecutive lines (content tells them apart); grid: a layout text's character grid. */
  options: { evenLines?: boolean; grid?: boolean } = {},
): LayoutReading {
  const byPage = new Map<number, TextItem[]>();
  let textItems = 0;
  for (const item of items) {
    if (item.str.trim() === "") continue;
    textItems++;
    const list = byPage.get(item.page) ?? [];
    list.push(item);
    byPage.set(item.page, list);
  }
  const pageNumbers = [...byPage.keys()].sort((a, b) => a - b);
  const pages = dropFurniture(pageNumbers.map((p) => pageLines(byPage.get(p)!)));
  const rows = layoutRows(pages.flat(), options.evenLines ?? false, options.grid ?? false);
  const pageCount = items.reduce((n, i) => Math.max(n, i.page), 0);
  return { rows, text: rowsToReaderText(rows), pages: pageCount, textItems };
}
