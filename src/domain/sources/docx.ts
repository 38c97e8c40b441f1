// Word (.docx) source, pure: the HTML mammoth's convertToHtml gives (tables with every cell, empty
// ones included; headings and paragraphs outside them) → rows of cells → the reader's text. A small
// tolerant scanner over that regular HTML, no DOM: this module runs in Node, workers and tests alike.
import { rowsToReaderText, type Row } from "./rows";

export interface HtmlRows {
  rows: Row[];
  /** How many tables the document holds (the preview says "Word, 14 tabelle"). */
  tables: number;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g;
const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br"]);

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
    return named[name.toLowerCase()] ?? whole;
  });
}

/**
 * Rows of every table in document order (a cell spanning n columns followed by n−1 blank cells, so
 * columns stay aligned with the header), and each paragraph outside a table as a row of one cell.
 */
export function htmlToRows(html: string): HtmlRows {
  const rows: Row[] = [];
  let tables = 0;
  let depth = 0; // table nesting: a table inside a cell is read as that cell's text
  let row: Row | null = null;
  let cell: string | null = null;
  let span = 1;
  let paragraph = "";
  let last = 0;

  const text = (chunk: string): void => {
    const decoded = decodeEntities(chunk);
    if (cell !== null) cell += decoded;
    else if (depth === 0) paragraph += decoded;
  };
  const endParagraph = (): void => {
    if (paragraph.trim()) rows.push([paragraph.trim()]);
    paragraph = "";
  };
  const endCell = (): void => {
    if (row && cell !== null)
      row.push(cell.replace(/\s+/g, " ").trim(), ...Array<string>(Math.max(0, span - 1)).fill(""));
    cell = null;
  };
  const endRow = (): void => {
    endCell();
    if (row) rows.push(row);
    row = null;
  };

  for (const m of html.matchAll(TAG)) {
    text(html.slice(last, m.index));
    last = m.index + m[0].length;
    const closing = m[1] === "/";
    const name = m[2].toLowerCase();
    if (name === "table") {
      if (!closing) {
        if (depth === 0) {
          endParagraph();
          tables++;
        }
        depth++;
      } else if (depth > 0) {
        depth--;
        if (depth === 0) {
          endRow();
          rows.push([]);
        }
      }
    } else if (depth === 1 && name === "tr") {
      endRow();
      if (!closing) row = [];
    } else if (depth === 1 && (name === "td" || name === "th")) {
      endCell();
      if (!closing) {
        row ??= [];
        cell = "";
        const colspan = /\bcolspan\s*=\s*["']?(\d+)/i.exec(m[3]);
        span = colspan ? Math.min(50, Math.max(1, Number(colspan[1]))) : 1;
      }
    } else if (BLOCK.has(name)) {
      // A paragraph break inside a cell is a space; outside, it ends the paragraph.
      if (cell !== null) cell += " ";
      else if (depth === 0) endParagraph();
    }
  }
  text(html.slice(last));
  endRow();
  endParagraph();
  return { rows, tables };
}

/** The reader's text of a Word document converted to HTML. */
export function docxHtmlToReaderText(html: string): { text: string; tables: number } {
  const { rows, tables } = htmlToRows(html);
  return { text: rowsToReaderText(rows), tables };
}
