// Layout-aware reading of a PDF's text, pure: the positioned text items a PDF library returns (pdf.js
// getTextContent(), or a layout text turned into items by layoutText.ts) → rows of cells → the
// reader's text. Nothing here knows this one document's coordinates: lines come from baselines,
// cells from horizontal gaps and overlaps, the indicator table's columns from its header row
// ("Indicatori (100%)", "Target 2023"…), and only the standard labels and the target grammar are named.
import { isIndicatorHeader, rowsToReaderText, startsWithLabel, type Row } from "./rows";
import {
  dropFurniture,
  joinWrapped,
  lineHasWeight,
  OBJECTIVE_NUMBER,
  pageLines,
  startsBlock,
  startsTableOrLabel,
  TARGET_HEADER_IN_TEXT,
  type Band,
  type Line,
  type Span,
  type TextItem,
} from "./pdfLines";
import { headerColumns, isCentred, reanchored, tableRow, type Columns } from "./pdfTable";

export type { TextItem } from "./pdfLines";

export interface LayoutReading {
  rows: Row[];
  text: string;
  pages: number;
  /** Items with text on them: 0 means no text layer (a scan). */
  textItems: number;
}

/** Baselines further apart than this (in em) are two rows; closer, one cell's wrapped lines. */
const ROW_GAP_EM = 1.45;
const HEADER_WORDS = /^(?:\s*(?:Target|Anno|\d{4}|\(?100\s?%\)?|Indicatori)\s*)+$/i;

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
