// Text laid out in columns of spaces (what `pdftotext -layout` gives, or a viewer's copy that kept the
// layout) read as positioned items: a character's column is its x, a line's number its y, so the
// same layout engine as for a PDF rebuilds rows, columns, wrapped cells and blank cells.
import type { TextItem } from "./pdfLayout";

/** One character is one unit wide; a line is two units high, i.e. a character is half an em, as in print. */
const LINE_HEIGHT = 2;

export function layoutTextItems(text: string): TextItem[] {
  const items: TextItem[] = [];
  const pages = text.replace(/\r\n?/g, "\n").split("\f");
  pages.forEach((pageText, p) => {
    pageText.split("\n").forEach((raw, lineNo) => {
      const line = raw.replace(/\t/g, "        ").replace(/[\u00a0\u2007\u202f]/g, " ");
      // Runs separated by two or more spaces are separate items, as a PDF's cells are separate runs.
      for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
        items.push({
          str: m[0],
          x: m.index,
          y: lineNo * LINE_HEIGHT,
          width: m[0].length,
          height: LINE_HEIGHT,
          page: p + 1,
        });
      }
    });
  });
  return items;
}

/**
 * A text whose table is laid out with spaces rather than tabs: an indicator header with its target
 * columns several spaces apart, or many lines of wide space runs, and no tab-separated rows.
 */
export function looksLikeLayoutText(text: string): boolean {
  if (/\S\t+\S/.test(text)) return false;
  if (/\bTarget\b(?:\s+\d{4})? {2,}Target\b/i.test(text)) return true;
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const spaced = lines.filter((l) => / {3,}\S.* {3,}\S/.test(l.trim())).length;
  return lines.length > 0 && spaced / lines.length > 0.2;
}
