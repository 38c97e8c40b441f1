// `pira report` in-process: a workbook built from the sample becomes a .docx whose text holds the
// report; bad inputs (not a workbook, not one of ours, a year outside the plan, unusable cells,
// bad options) give one Italian line each and exit 2 without writing; `pira demo` writes the
// Relazione too.
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { writeXlsx } from "../../src/xlsx";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import { readCruscotto } from "../../src/domain/reader";
import { buildReport, percentText } from "../../src/domain/report";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { captureIO, type CapturedIO } from "../helpers/cliIO";
import { sampleText } from "../helpers/sample";

// Building and reading whole workbooks takes seconds on a loaded machine.
jest.setTimeout(30_000);

const ACTUALS_PATH = path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv");
const plan = readCruscotto(sampleText());
const actuals = parseActualsCsv(fs.readFileSync(ACTUALS_PATH, "utf8"), plan).actuals;
const settings = { ...defaultSettings(plan), formulaMode: "native" as const };
let workbook: Buffer;

beforeAll(async () => {
  workbook = await writeXlsx(buildWorkbook(plan, settings, actuals));
});

async function run(
  args: string[],
  files: Record<string, string | Buffer> = {},
): Promise<CapturedIO & { code: number }> {
  const io = captureIO({ "cruscotto.xlsx": workbook, ...files });
  const code = await main(args, io);
  return Object.assign(io, { code });
}

/** The text of a .docx body (w:t runs), whitespace-insensitive. */
async function docxText(data: Buffer | string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(data));
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join(" ")
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function workbookWith(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(workbook as unknown as ExcelJS.Buffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("pira report", () => {
  it("writes the Relazione of the workbook's year and says so on one line", async () => {
    const io = await run(["report", "cruscotto.xlsx", "-o", "relazione.docx"]);
    expect(io.stderr()).toBe("");
    expect(io.code).toBe(0);
    expect(io.stdout()).toBe("Scritto relazione.docx: relazione 2023, 14 obiettivi, da cruscotto.xlsx.\n");
    const text = await docxText(io.written.get("relazione.docx")!);
    const report = buildReport(plan, actuals, settings, 2023);
    for (const o of report.areas.flatMap((a) => a.objectives)) {
      expect(text).toContain(`Obiettivo ${o.number} · ${o.title}`);
      expect(text).toContain(`Grado di raggiungimento ${percentText(o.score)}`);
    }
  });

  it("writes another year with --year (no consuntivi there: every score n.d.)", async () => {
    const io = await run(["report", "cruscotto.xlsx", "--year", "2025", "-o", "r.docx"]);
    expect(io.code).toBe(0);
    const text = await docxText(io.written.get("r.docx")!);
    expect(text).toContain("Relazione sulla performance 2025");
    expect(text).toContain("Ente (tutti gli ambiti): Grado di raggiungimento n.d. · copertura 0 % · n.d.");
  });

  const bad: [string, string[], Record<string, string | Buffer>, string][] = [
    ["a year not in the plan", ["--year", "2030"], {}, 'anno "2030" non nel piano: scegli tra 2023, 2024, 2025, 2026.'],
    [
      "a year that is no year",
      ["--year", "duemila"],
      {},
      'anno "duemila" non nel piano: scegli tra 2023, 2024, 2025, 2026.',
    ],
    [
      "a file that is no workbook",
      [],
      { "cruscotto.xlsx": "indicatore;anno;consuntivo\n" },
      '"cruscotto.xlsx": non è una cartella di lavoro Excel (.xlsx) leggibile.',
    ],
  ];
  it.each(bad)("refuses %s with one line, exit 2, nothing written", async (_name, extra, files, message) => {
    const io = await run(["report", "cruscotto.xlsx", "-o", "r.docx", ...extra], files);
    expect(io.code).toBe(2);
    expect(io.stderr()).toBe(`pira report: ${message}\n`);
    expect(io.written.size).toBe(0);
  });

  it("refuses a workbook that is not one of ours", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Foglio1").getCell("A1").value = "Indicatore";
    const io = await run(["report", "altro.xlsx", "-o", "r.docx"], {
      "altro.xlsx": Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(io.code).toBe(2);
    expect(io.stderr()).toBe(
      'pira report: "altro.xlsx": manca il foglio «Indicatori»: non è un cruscotto creato da pira build o dal componente aggiuntivo.\n',
    );
    expect(io.written.size).toBe(0);
  });

  it("lists the cells it cannot use, one line each, and writes nothing", async () => {
    const edited = await workbookWith((wb) => {
      wb.getWorksheet("Impostazioni")!.getCell("B4").value = "tanto";
      wb.getWorksheet("Indicatori")!.getCell("D3").value = "pesante";
    });
    const io = await run(["report", "x.xlsx", "-o", "r.docx"], { "x.xlsx": edited });
    expect(io.code).toBe(2);
    expect(io.stderr()).toBe(
      "pira report: Indicatori!D3: 1.2: il peso non è un numero.\n" +
        "pira report: Impostazioni!B4: la soglia verde non è un numero.\n" +
        "pira report: 2 celle con errori: nessun file scritto.\n",
    );
    expect(io.written.size).toBe(0);
  });

  it("carries the notes of a «Nota AAAA» column of the Indicatori sheet into the document", async () => {
    const notes = ["Scostamento per il cambio del fornitore & «gara» deserta.", "Dato provvisorio <da confermare>."];
    const edited = await workbookWith((wb) => {
      const ws = wb.getWorksheet("Indicatori")!;
      // The workbook's own «Nota 2023» column (the notes of the yearly cycle).
      let column = 0;
      ws.getRow(1).eachCell((cell, c) => {
        if (cell.value === "Nota 2023") column = c;
      });
      expect(column).toBeGreaterThan(0);
      ws.getRow(4).getCell(column).value = notes[0];
      ws.getRow(20).getCell(column).value = notes[1];
    });
    const io = await run(["report", "x.xlsx", "-o", "r.docx"], { "x.xlsx": edited });
    expect(io.stderr()).toBe("");
    const text = await docxText(io.written.get("r.docx")!);
    for (const note of notes) expect(text).toContain(note);
  });

  const options: [string, string[], RegExp][] = [
    [
      "no output file",
      ["report", "cruscotto.xlsx"],
      /^pira report: manca il file da scrivere \(-o RELAZIONE\.docx\)\. Uso: /,
    ],
    [
      "an output that is no .docx",
      ["report", "cruscotto.xlsx", "-o", "r.pdf"],
      /^pira report: il file da scrivere deve avere estensione \.docx \(ricevuto "r\.pdf"\)\.\n$/,
    ],
    [
      "no workbook",
      ["report", "-o", "r.docx"],
      /^pira report: serve una cartella di lavoro \.xlsx \(ricevuti 0 file\)\. Uso: /,
    ],
    [
      "a missing workbook",
      ["report", "manca.xlsx", "-o", "r.docx"],
      /^pira report: il file "manca\.xlsx" non esiste\.\n$/,
    ],
    [
      "an unknown option",
      ["report", "cruscotto.xlsx", "-o", "r.docx", "--pdf"],
      /^pira report: opzione sconosciuta "--pdf"\. Uso: /,
    ],
  ];
  it.each(options)("refuses %s with one line", async (_name, args, message) => {
    const io = await run(args);
    expect(io.code).toBe(2);
    expect(io.stderr()).toMatch(message);
    expect(io.stderr().split("\n")).toHaveLength(2);
    expect(io.written.size).toBe(0);
  });

  it("is listed in pira --help", async () => {
    const io = await run(["--help"]);
    expect(io.stdout()).toMatch(/pira report CARTELLA\.xlsx -o RELAZIONE\.docx \[--year AAAA\]/);
  });
});

describe("pira demo", () => {
  it("also writes demo/relazione-2023.docx, the Relazione of the example actuals", async () => {
    const io = await run(["demo"]);
    expect(io.code).toBe(0);
    expect(io.stdout()).toContain(
      `Relazione sulla performance 2023 per l'OIV: ${path.join("demo", "relazione-2023.docx")}\n`,
    );
    const text = await docxText(io.written.get(path.join("demo", "relazione-2023.docx"))!);
    const report = buildReport(plan, actuals, settings, 2023);
    expect(text).toContain(`Ente (tutti gli ambiti): Grado di raggiungimento ${percentText(report.chamber.score)}`);
  });
});
