// The demo workbook as LibreOffice prints it (the acceptance): A4 landscape pages, the
// Rendicontazione and the Cruscotto on one page width with the header row on every page, no text
// running over other text, row heights written for every wrapped cell, and the Rendicontazione's
// lookups computing the same values as the tables they read.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { nodeIO } from "../../src/cli/files";
import { main } from "../../src/cli/main";
import { readCruscotto } from "../../src/domain/reader";
import { cellAddress } from "../../src/workbook/address";
import { SHEETS, indicatorLayout, objectiveLayout } from "../../src/workbook/layout";
import { REPORT_COLUMN, REPORT_SHEET } from "../../src/workbook/layoutReport";
import { lineHeight } from "../../src/workbook/rowHeights";
import { convertWithLibreOffice, readComputed, recalculate, type ComputedWorkbook } from "../helpers/libreoffice";
import { pdfPages, type PdfPage, type PdfWord } from "../helpers/pdf";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const ACTUALS_PATH = path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv");
const plan = readCruscotto(sampleText());
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pira-lo-print-"));
const xlsx = path.join(work, "demo.xlsx");
let pages: PdfPage[];
let computed: ComputedWorkbook;

beforeAll(async () => {
  const io = { ...nodeIO(), out: () => undefined, err: () => undefined, cwd: process.cwd() };
  expect(await main(["build", SAMPLE_PATH, "-o", xlsx, "--actuals", ACTUALS_PATH], io)).toBe(0);
  const [pdf] = convertWithLibreOffice([xlsx], path.join(work, "pdf"), "pdf");
  pages = pdfPages(pdf);
  computed = await readComputed(recalculate([xlsx], path.join(work, "recalc"))[0]);
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The sheet a page belongs to: the header's right-hand text (&A). */
function sheetOf(page: PdfPage): string {
  const header = page.words.filter((w) => w.yMin < 35 && w.xMin > page.width / 2);
  return header.map((w) => w.text).join(" ");
}

function pagesOf(sheet: string): PdfPage[] {
  return pages.filter((p) => sheetOf(p) === sheet);
}

function text(page: PdfPage): string {
  return page.words.map((w) => w.text).join(" ");
}

/**
 * Whether two words are drawn over each other: their boxes (which pdftotext takes from the font's
 * full height, so consecutive lines touch) share more than a third of the lower one's height.
 */
function overlaps(a: PdfWord, b: PdfWord): boolean {
  const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  return x > 1 && y > Math.min(a.yMax - a.yMin, b.yMax - b.yMin) / 3;
}

describe("the demo workbook printed by LibreOffice", () => {
  it("prints every page A4 landscape, each sheet's pages named in the header", () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
      expect(Object.values(SHEETS)).toContain(sheetOf(page));
    }
  });

  it("prints the Cruscotto on one page width, and the Rendicontazione with its header row on every page", () => {
    const dashboard = pagesOf(SHEETS.dashboard);
    const report = pagesOf(SHEETS.report);
    // Tables and legend on the first pages, then each chart whole on a page of its own.
    expect(dashboard.length).toBeGreaterThanOrEqual(3);
    expect(dashboard.length).toBeLessThanOrEqual(4);
    expect(text(dashboard[0])).toContain("Codice"); // the last column is on the first page
    const chartPages = dashboard.filter((p) => /Punteggio per (ambito strategico|obiettivo)/.test(text(p)));
    expect(chartPages.map((p) => text(p).match(/Punteggio per (ambito strategico|obiettivo)/g))).toEqual([
      ["Punteggio per ambito strategico"],
      ["Punteggio per obiettivo"],
    ]);
    // 58 indicators, 14 objectives, 4 areas: a few pages, never a column on a page of its own.
    expect(report.length).toBeGreaterThanOrEqual(2);
    expect(report.length).toBeLessThanOrEqual(8);
    report.forEach((page, i) => {
      const words = text(page);
      for (const header of ["Codice", "Descrizione", "Peso", "Consuntivo", "Copertura", "Stato", "Nota di scostamento"])
        expect({ page: i + 1, header, found: words.includes(header) }).toEqual({ page: i + 1, header, found: true });
      expect(words).toMatch(new RegExp(`Pagina \\d+ di ${pages.length}`));
    });
    expect(text(report[report.length - 1])).toContain("Legenda");
  });

  it("lets no text run over other text on any page", () => {
    const found: string[] = [];
    pages.forEach((page, p) => {
      // Rotated text (a chart's axis title) has boxes taller than wide: left out.
      const words = page.words.filter((w) => w.yMax - w.yMin < 2 * (w.xMax - w.xMin) || w.text.length < 2);
      for (let i = 0; i < words.length; i++)
        for (let j = i + 1; j < words.length; j++)
          if (overlaps(words[i], words[j])) found.push(`p. ${p + 1}: «${words[i].text}» / «${words[j].text}»`);
    });
    expect(found).toEqual([]);
  });

  it("writes a row height for every row with wrapped text, at least its lines", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const xfs = [
      ...styles
        .split("<cellXfs")[1]
        .split("</cellXfs>")[0]
        .matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g),
    ];
    const wraps = xfs.map((m) => m[0].includes('wrapText="1"'));
    const shared = await zip.file("xl/sharedStrings.xml")!.async("string");
    const strings = [...shared.matchAll(/<si>(.*?)<\/si>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));
    let checked = 0;
    for (const [index, name] of names.entries()) {
      const xml = await zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.async("string");
      const widths = new Map<number, number>();
      for (const m of xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g))
        for (let c = Number(m[1]); c <= Number(m[2]); c++) widths.set(c, Number(m[3]));
      for (const row of xml.matchAll(/<row r="(\d+)"([^>]*)>(.*?)<\/row>/g)) {
        const ht = /ht="([\d.]+)"/.exec(row[2]);
        for (const cell of row[3].matchAll(/<c r="([A-Z]+)\d+" s="(\d+)" t="s"><v>(\d+)<\/v><\/c>/g)) {
          if (!wraps[Number(cell[2])]) continue;
          const value = strings[Number(cell[3])];
          const column = [...cell[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          const width = widths.get(column) ?? 8.43;
          // A lower bound independent of the estimate: no line holds more than 1.6 characters per
          // digit width of the column (Arial's narrowest text), so the text needs at least that many lines.
          const lines = Math.ceil(value.length / (width * 1.6));
          expect({ sheet: name, row: row[1], ht: ht !== null }).toEqual({ sheet: name, row: row[1], ht: true });
          expect(Number(ht![1])).toBeGreaterThanOrEqual(lines * lineHeight(10));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("computes in the Rendicontazione the scores and statuses of the tables it looks up, by key", () => {
    const report = computed.get(SHEETS.report)!;
    const indicators = computed.get(SHEETS.indicators)!;
    const objectives = computed.get(SHEETS.objectives)!;
    const ind = indicatorLayout(plan.years);
    const obj = objectiveLayout(plan.years);
    const rowOf = (sheet: Map<string, unknown>, column: number, key: unknown) => {
      for (let r = 1; r < 500; r++) if (sheet.get(cellAddress(r, column)) === key) return r;
      return -1;
    };
    let indicatorRows = 0;
    let objectiveRows = 0;
    for (let r = REPORT_SHEET.headerRow + 1; r < REPORT_SHEET.headerRow + 200; r++) {
      const key = report.get(cellAddress(r, REPORT_COLUMN.code));
      const score = report.get(cellAddress(r, REPORT_COLUMN.score)) ?? "";
      const status = report.get(cellAddress(r, REPORT_COLUMN.status));
      if (typeof key === "string" && /^\d+\.\d+$/.test(key)) {
        const row = rowOf(indicators, ind.fixed.id, key);
        const year = ind.perYear.get(2023)!;
        expect([key, score, status]).toEqual([
          key,
          indicators.get(cellAddress(row, year.score)) ?? "",
          indicators.get(cellAddress(row, year.status)),
        ]);
        indicatorRows++;
      } else if (typeof key === "number") {
        const row = rowOf(objectives, obj.fixed.number, key);
        const year = obj.perYear.get(2023)!;
        expect([key, score, status]).toEqual([
          key,
          objectives.get(cellAddress(row, year.score)) ?? "",
          objectives.get(cellAddress(row, year.status)),
        ]);
        objectiveRows++;
      }
    }
    expect(indicatorRows).toBe(58);
    expect(objectiveRows).toBe(plan.objectives.length);
  });
});
