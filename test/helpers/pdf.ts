// What a PDF shows, for tests of files LibreOffice printed: its text (pdftotext) and the pixels of
// a page (pdftoppm, as a binary PPM, which needs no image library to read).
import { spawnSync } from "node:child_process";

function run(program: string, args: string[]): Buffer {
  const result = spawnSync(program, args, { timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(
      `${program} non riuscito (${result.error?.message ?? `uscita ${result.status}`}): ${result.stderr}`,
    );
  }
  return result.stdout;
}

/** The text of the PDF, or of pages first..last (1-based), in reading order. */
export function pdfText(file: string, pages?: { first: number; last: number }): string {
  const range = pages === undefined ? [] : ["-f", String(pages.first), "-l", String(pages.last)];
  return run("pdftotext", [...range, file, "-"]).toString("utf8");
}

export function pdfPageCount(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(run("pdfinfo", [file]).toString("utf8"));
  if (!m) throw new Error(`pdfinfo non indica le pagine di ${file}`);
  return Number(m[1]);
}

export interface Raster {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row by row. */
  rgb: Buffer;
}

/** One page (1-based) rendered at `dpi`. */
export function pdfPageRaster(file: string, page: number, dpi: number): Raster {
  const ppm = run("pdftoppm", ["-f", String(page), "-l", String(page), "-r", String(dpi), file]);
  // Binary PPM: "P6", width, height, maxval (255), one whitespace, then the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"));
  if (!header || header[3] !== "255") throw new Error("pdftoppm non ha prodotto un PPM a 8 bit");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, rgb: ppm.subarray(header[0].length, header[0].length + width * height * 3) };
}

/** How many pixels are within `tolerance` of the colour (each channel), e.g. "#548235". */
export function countColour(raster: Raster, hex: string, tolerance = 24): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < raster.rgb.length; i += 3) {
    if (
      Math.abs(raster.rgb[i] - r) <= tolerance &&
      Math.abs(raster.rgb[i + 1] - g) <= tolerance &&
      Math.abs(raster.rgb[i + 2] - b) <= tolerance
    ) {
      n++;
    }
  }
  return n;
}

/** A word pdftotext found, with its box in points (origin top-left). */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Every page of the PDF with its size and its words' boxes (pdftotext -bbox). */
export function pdfPages(file: string): PdfPage[] {
  const html = run("pdftotext", ["-bbox", file, "-"]).toString("utf8");
  const pages: PdfPage[] = [];
  for (const page of html.split(/<page /).slice(1)) {
    const size = /^width="([\d.]+)" height="([\d.]+)"/.exec(page);
    if (!size) throw new Error("pdftotext -bbox: pagina senza dimensioni");
    const words = [
      ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: unescapeXml(m[5]),
    }));
    pages.push({ width: Number(size[1]), height: Number(size[2]), words });
  }
  return pages;
}
