// How the sheets print: A4 landscape, the plan's title and the sheet in the header, "Pagina n di
// m" in the footer, and for the sheets meant for print a zoom that fits one page width, computed
// here from the column widths so both adapters (and every host) print the same pages.
import type { HeaderFooterSpec, PrintSpec } from "./types";

/** Excel's paper size code for A4. */
export const A4 = 9;

/** A4 landscape in points, and the margins both adapters set (inches, as the file stores them). */
export const PAGE = { width: 842, height: 595 } as const;
export const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

/** The smallest zoom a sheet meant for print may take: 10 pt text stays ≥ 8 pt on paper. */
export const MIN_READABLE_SCALE = 80;

/** Column width in characters (the description's unit) → points: 7 px per character plus 5 px padding. */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Width available for the columns on an A4 landscape page, in points. */
export function printableWidth(): number {
  return PAGE.width - (MARGINS.left + MARGINS.right) * 72;
}

/**
 * Pixels per character when a column is printed: Excel draws Arial 10's digit in 7 px, LibreOffice
 * in 7.4 (it does not round); fitting to the wider keeps the columns on one page width in both.
 */
const PRINT_DIGIT_PX = 7.5;

/** The zoom (percent, ≤ 100) at which columns of these widths fit one page width. */
export function fitScale(widthsInChars: readonly number[]): number {
  const total = widthsInChars.reduce((sum, w) => sum + (w * PRINT_DIGIT_PX + 5) * 0.75, 0);
  return Math.max(10, Math.min(100, Math.floor((printableWidth() / total) * 100)));
}

/** Text for a header or footer: "&" starts a code there, so a literal one is doubled. */
export function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

export interface PrintOptions {
  /** The plan's title, shown at the left of every page's header. */
  title: string;
  /** Rows repeated on every page (1-based, e.g. "$1:$1"). */
  titleRows?: string;
  titleColumns?: string;
  printArea?: string;
  pageBreaks?: number[];
  /** Widths (characters) of the columns that must fit one page width; absent: print at 100 %. */
  fitColumns?: readonly number[];
}

export function printSpec(options: PrintOptions): PrintSpec {
  const header: HeaderFooterSpec = { left: headerText(options.title), center: "", right: "&A" };
  const footer: HeaderFooterSpec = { left: "Cruscotto PIRA", center: "", right: "Pagina &P di &N" };
  return {
    orientation: "landscape",
    paperSize: A4,
    ...(options.fitColumns ? { scale: fitScale(options.fitColumns) } : {}),
    ...(options.titleRows ? { titleRows: options.titleRows } : {}),
    ...(options.titleColumns ? { titleColumns: options.titleColumns } : {}),
    ...(options.printArea ? { printArea: options.printArea } : {}),
    ...(options.pageBreaks ? { pageBreaks: options.pageBreaks } : {}),
    header,
    footer,
  };
}
