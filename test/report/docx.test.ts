// The Relazione as LibreOffice Writer prints it: the .docx of the sample with the example actuals
// and some notes converts to PDF, A4 landscape, with the plan's title in every page header and
// "Pagina N di M" in the footers; its text shows every objective's title and score (as the report
// writes it, "98,06 %"), every area and the chamber, every note, the rules; and the area chart is
// drawn (its bars' colours fill a visible area of the first page, which no other page has).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import { readCruscotto } from "../../src/domain/reader";
import { buildReport, percentText, type Notes } from "../../src/domain/report";
import { defaultSettings } from "../../src/domain/settings";
import { STATUS_COLOURS } from "../../src/report/barChart";
import { reportDocx } from "../../src/report/docx";
import { convertWithLibreOffice } from "../helpers/libreoffice";
import { countColour, pdfPageCount, pdfPageRaster, pdfText } from "../helpers/pdf";
import { sampleText } from "../helpers/sample";
import { spawnSync } from "node:child_process";

const ACTUALS_PATH = path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv");
const plan = readCruscotto(sampleText());
const actuals = parseActualsCsv(fs.readFileSync(ACTUALS_PATH, "utf8"), plan).actuals;
const settings = { ...defaultSettings(plan), formulaMode: "native" as const };
const indicators = plan.objectives.flatMap((o) => o.indicators);
// Notes on a few indicators spread over the plan, with characters XML and Word care about.
const notes: Notes = Object.fromEntries(
  indicators
    .filter((_i, n) => n % 9 === 0)
    .map((i, n) => [
      i.id,
      { "2023": `Motivazione ${n + 1} per ${i.id}: scostamento dovuto a «cause esterne» & <ritardi>.` },
    ]),
);
const report = buildReport(plan, actuals, settings, 2023, notes);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pira-report-"));
let pdf: string;
let words: string;

/** Whitespace-insensitive: table cells and long headings wrap. */
const flat = (text: string) => text.replace(/\s+/g, " ");

beforeAll(async () => {
  const docx = path.join(work, "relazione.docx");
  fs.writeFileSync(docx, await reportDocx(report));
  [pdf] = convertWithLibreOffice([docx], path.join(work, "pdf"), "pdf");
  words = flat(pdfText(pdf));
}, 300_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("the Relazione printed by LibreOffice Writer", () => {
  it("is A4 landscape", () => {
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.round(Number(w))).toBe(842);
    expect(Math.round(Number(h))).toBe(595);
  });

  it("has the plan's title in every header and the page numbers in every footer", () => {
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page <= pages; page++) {
      const text = flat(pdfText(pdf, { first: page, last: page }));
      expect(text).toContain(`${plan.title} · Relazione sulla performance 2023`);
      expect(text).toContain(`Pagina ${page} di ${pages}`);
    }
  });

  it("shows every objective's title and score", () => {
    for (const o of [...report.areas.flatMap((a) => a.objectives), ...report.unassigned]) {
      expect(words).toContain(`Obiettivo ${o.number} · ${flat(o.title)}`);
      expect(words).toContain(
        `Grado di raggiungimento ${percentText(o.score)} · copertura ${percentText(o.coverage, 0)} · ${o.status}`,
      );
    }
    // A score as the report writes it: Italian decimals and a spaced percent sign.
    expect(words).toMatch(/\b\d{1,3},\d\d %/);
  });

  it("shows the chamber and every area with score, coverage and status", () => {
    expect(words).toContain(`Ente (tutti gli ambiti): Grado di raggiungimento ${percentText(report.chamber.score)}`);
    for (const a of report.areas) {
      expect(words).toContain(`Ambito strategico ${a.code} · ${flat(a.name)}`);
      expect(words).toContain(
        `Grado di raggiungimento ${percentText(a.score)} · copertura ${percentText(a.coverage, 0)} · ${a.status}`,
      );
    }
  });

  it("shows every note and every indicator id", () => {
    expect(Object.keys(notes).length).toBeGreaterThan(3);
    for (const [, byYear] of Object.entries(notes)) expect(words).toContain(flat(byYear["2023"]));
    for (const i of indicators) expect(words).toMatch(new RegExp(`(^| )${i.id.replace(".", "\\.")} `));
  });

  it("shows the scostamento of every scored indicator", () => {
    const deviations = new Set(
      report.areas
        .flatMap((a) => a.objectives.flatMap((o) => o.indicators.map((i) => i.deviation)))
        .filter((d) => d !== null),
    );
    expect(deviations.size).toBeGreaterThan(5);
    for (const deviation of deviations) expect(words).toContain(` ${deviation} `);
  });

  it("states the rules in force", () => {
    for (const line of report.rules.lines) expect(words).toContain(flat(line));
  });

  it("draws the area chart on the first page", () => {
    const colour = STATUS_COLOURS["Parzialmente raggiunto"];
    const first = countColour(pdfPageRaster(pdf, 1, 60), colour, 16);
    const second = countColour(pdfPageRaster(pdf, 2, 60), colour, 16);
    // Status texts in that colour give a few hundred pixels a page; three amber bars give thousands.
    expect(first).toBeGreaterThan(1500);
    expect(first).toBeGreaterThan(5 * second);
  });
});
