// Row heights for wrapped text, estimated from the text, the font and the column width: Excel
// autofits rows when it opens a file, LibreOffice and print previews do not, and a row left at
// one line lets a long indicator name run over the rows below it. Pure: the .xlsx writer writes
// these heights; the Office.js adapter asks Excel to autofit the same rows.
import { columnLetter, parseCell } from "./address";
import { FONT } from "./format";
import type { CellSpec, SheetSpec } from "./types";

// Advance widths of Arial (= Liberation Sans) in 1/1000 em; anything else counts as 556 (a digit).
const WIDTHS: Record<string, number> = {};
function widths(chars: string, width: number): void {
  for (const c of chars) WIDTHS[c] = width;
}
widths(" ijlIíìf't.,;:!|/·", 278);
widths("r()-[]°", 333);
widths('ckszvxyJ"«»', 500);
widths("FTZL", 611);
widths("ABEKPSVXY&", 667);
widths("CDHNRUwÈÉ", 722);
widths("GOQ", 778);
widths("mM%", 833);
widths("W", 944);
widths("i", 222);
widths("jl", 222);

/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 8.43;
/** Points per line for a font size (Arial 10 → 12.75, Excel's default row). */
export function lineHeight(fontSize: number): number {
  return Math.round(fontSize * 1.275 * 100) / 100;
}
/** Space above and below the text, in points. */
const ROW_PADDING = 2.25;
/** Bold text is about 8 % wider. */
const BOLD_FACTOR = 1.08;
/** Cell padding (both sides) in pixels, and an indent level in pixels. */
const CELL_PADDING_PX = 7;
const INDENT_PX = 10;

function textPixels(text: string, fontSize: number, bold: boolean): number {
  let em = 0;
  for (const c of text) em += WIDTHS[c] ?? 556;
  return (em / 1000) * fontSize * (96 / 72) * (bold ? BOLD_FACTOR : 1);
}

/**
 * The lines `text` takes in a column `widthChars` wide, wrapping at spaces as the spreadsheet
 * does (a word longer than the line is cut). Estimates err long: a row a little too tall reads
 * well, a row too short hides text.
 */
export function wrappedLines(
  text: string,
  widthChars: number,
  fontSize: number = FONT.size,
  bold = false,
  indent = 0,
): number {
  const available = Math.max(10, Math.trunc(widthChars * 7 + 5) - CELL_PADDING_PX - indent * INDENT_PX) * 0.95;
  const space = textPixels(" ", fontSize, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/ +/).filter((w) => w !== "")) {
      const w = textPixels(word, fontSize, bold);
      if (used > 0 && used + space + w <= available) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the line breaks across lines.
      const extra = Math.max(0, Math.ceil(w / available) - 1);
      lines += extra;
      used = w - extra * available;
    }
  }
  return lines;
}

/** The height in points of `lines` lines of text of this size. */
export function heightOfLines(lines: number, fontSize: number = FONT.size): number {
  return Math.ceil((lines * lineHeight(fontSize) + ROW_PADDING) * 4) / 4;
}

function textOf(cell: CellSpec): string | null {
  return typeof cell === "string" && cell !== "" ? cell : null;
}

/**
 * The height of every row that holds wrapped text or a larger font (0-based row → points), over the sheet's
 * tables (a wrapped column's header and body) and wrapped ranges. Column widths are the sheet's
 * own when it sets them (they are applied last), else the table column's.
 */
export function estimateRowHeights(sheet: SheetSpec): Record<number, number> {
  const heights: Record<number, number> = {};
  const widthOf = (column: number, tableWidth?: number) =>
    sheet.columnWidths?.[columnLetter(column)] ?? tableWidth ?? DEFAULT_WIDTH;
  const need = (row: number, text: string, width: number, fontSize: number, bold: boolean, indent = 0) => {
    const height = heightOfLines(wrappedLines(text, width, fontSize, bold, indent), fontSize);
    heights[row] = Math.max(heights[row] ?? 0, height);
  };
  for (const table of sheet.tables) {
    const top = parseCell(table.topLeft);
    table.columns.forEach((column, c) => {
      if (!column.wrap) return;
      const width = widthOf(top.column + c, column.width);
      // Table styles show the header in bold.
      need(top.row, column.header, width, FONT.size, true);
      table.rows.forEach((row, r) => {
        const text = textOf(row[c] ?? null);
        if (text !== null) need(top.row + 1 + r, text, width, FONT.size, false);
      });
    });
  }
  for (const range of sheet.ranges) {
    const top = parseCell(range.topLeft);
    const size = range.fontSize ?? FONT.size;
    // A title in a larger font needs a taller row even on one line.
    if (size > FONT.size)
      range.rows.forEach(
        (_, r) => (heights[top.row + r] = Math.max(heights[top.row + r] ?? 0, heightOfLines(1, size))),
      );
    if (!range.wrap) continue;
    range.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const text = textOf(cell);
        if (text !== null) {
          const indent = c === 0 ? (range.indent ?? 0) : 0;
          need(top.row + r, text, widthOf(top.column + c), size, range.bold === true, indent);
        }
      }),
    );
  }
  return heights;
}
