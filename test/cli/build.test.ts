// `pira build`, `pira export-actuals` and `pira demo` in-process on the bundled sample: what they
// write, what they print, and that a bad input stops them with exit 2 before anything is written.
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readWorkbookActuals } from "../../src/xlsx";
import { formatActualsCsv, parseActualsCsv } from "../../src/domain/actualsCsv";
import type { Actuals } from "../../src/domain/model";
import { formatItalianNumber } from "../../src/domain/numbers";
import { readCruscotto } from "../../src/domain/reader";
import { scorePlan } from "../../src/domain/rollup";
import { defaultSettings } from "../../src/domain/settings";
import { captureIO, type CapturedIO } from "../helpers/cliIO";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const plan = readCruscotto(sampleText());
const ACTUALS_PATH = path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv");
const exampleActuals = parseActualsCsv(fs.readFileSync(ACTUALS_PATH, "utf8"), plan).actuals;

async function run(
  args: string[],
  files: Record<string, string | Buffer> = {},
): Promise<CapturedIO & { code: number }> {
  const io = captureIO(files);
  const code = await main(args, io);
  return Object.assign(io, { code });
}

function writtenBuffer(io: CapturedIO, file: string): Buffer {
  const data = io.written.get(file);
  if (data === undefined) throw new Error(`${file} non scritto`);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

/** The value right of a label in the Impostazioni sheet. */
function setting(wb: ExcelJS.Workbook, label: string): ExcelJS.CellValue {
  const ws = wb.getWorksheet("Impostazioni")!;
  for (let r = 1; r <= 20; r++) if (ws.getCell(r, 1).value === label) return ws.getCell(r, 2).value;
  throw new Error(`Etichetta «${label}» assente`);
}

const SAMPLE_WARNINGS =
  "pira build: 0 errori e 3 avvisi nel documento (anche nel foglio Diagnostica):\n" +
  "  riga 35: avviso: Manca il target 2025 dell'indicatore 1.4 («DFP 3.3»).\n" +
  "  riga 35: avviso: Manca il target 2026 dell'indicatore 1.4 («DFP 3.3»).\n" +
  '  riga 244: avviso: Manca il valore di "Risorse economiche" nell\'obiettivo 9.\n';

describe("pira build", () => {
  it("writes the workbook with the CSV's actuals and says so on one line", async () => {
    const io = await run(["build", SAMPLE_PATH, "-o", "out.xlsx", "--actuals", ACTUALS_PATH]);
    // The document's own warnings come first, on stderr, with their lines.
    expect(io.stderr()).toBe(SAMPLE_WARNINGS);
    expect(io.code).toBe(0);
    expect(io.stdout()).toBe(
      "Scritto out.xlsx: 58 indicatori, 55 consuntivi, anno 2023, modalità proporzionale, formule native, " +
        "grafici nel Cruscotto.\n",
    );
    const buffer = writtenBuffer(io, "out.xlsx");
    expect((await readWorkbookActuals(buffer)).actuals).toEqual(exampleActuals);
    const wb = await load(buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Cruscotto",
      "Indicatori",
      "Obiettivi",
      "Impostazioni",
      "Diagnostica",
      "Archivio",
      "Registro",
      "Rendicontazione",
    ]);
    expect(setting(wb, "Formule")).toBe("native");
    // Native formulas only: nothing the add-in's functions would have to compute.
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula ?? "").not.toMatch(/PIRA\./))));
  });

  const settings: [string[], number, string][] = [
    [[], 2023, "proporzionale"],
    [["--year", "2025"], 2025, "proporzionale"],
    [["--year=2026", "--mode=lineare"], 2026, "lineare"],
    [["--mode", "BINARIO", "--year", " 2024 "], 2024, "binario"],
    [["-m", "binario"], 2023, "binario"],
  ];
  it.each(settings)("with %j sets the year in view %i and the mode %s in Impostazioni", async (extra, year, mode) => {
    const io = await run(["build", SAMPLE_PATH, ...extra, "-o", "out.xlsx"]);
    expect(io.code).toBe(0);
    expect(io.stdout()).toMatch(new RegExp(`0 consuntivi, anno ${year}, modalità ${mode},`));
    const wb = await load(writtenBuffer(io, "out.xlsx"));
    expect(setting(wb, "Anno in vista")).toBe(year);
    expect(setting(wb, "Modalità di punteggio")).toBe(mode);
  });

  it("reads an English CSV with commas, and prints warnings without stopping", async () => {
    const csv = 'indicator,year,actual\r\n1.1,2023,6.5\r\n2.2,2024,"82,5%"\r\n1.4,2025,80%\r\n';
    const io = await run(["build", SAMPLE_PATH, "-o", "out.xlsx", "--actuals", "c.csv"], { "c.csv": csv });
    expect(io.code).toBe(0);
    expect(io.stderr()).toBe(
      SAMPLE_WARNINGS +
        "pira build: c.csv, riga 4: avviso: l'indicatore 1.4 non ha un target per il 2025: il consuntivo non avrà punteggio.\n",
    );
    expect((await readWorkbookActuals(writtenBuffer(io, "out.xlsx"))).actuals).toEqual({
      "1.1": { "2023": 6.5 },
      "2.2": { "2024": 0.825 },
      "1.4": { "2025": 0.8 },
    });
  });

  it("prints every CSV problem with its line, exits 2 and writes nothing", async () => {
    const csv = [
      "indicatore;anno;consuntivo",
      "1.1;2023;tanti",
      "99.9;2023;5",
      "1.1;2031;5",
      "1.2;2023;2,5",
      "1.1;2023;5;6",
      "1.3;2023;700",
      "1.3;2023;710",
      "2.2;2023;85",
    ].join("\n");
    const io = await run(["build", SAMPLE_PATH, "-o", "out.xlsx", "--actuals", "c.csv"], { "c.csv": csv });
    expect(io.code).toBe(2);
    expect(io.written.size).toBe(0);
    expect(io.stdout()).toBe("");
    expect(io.stderr().startsWith(SAMPLE_WARNINGS)).toBe(true);
    const lines = io.stderr().slice(SAMPLE_WARNINGS.length).trimEnd().split("\n");
    expect(lines.map((l) => /riga (\d+)/.exec(l)?.[1] ?? "fine")).toEqual(["2", "3", "4", "5", "6", "8", "9", "fine"]);
    expect(lines[0]).toMatch(/^pira build: c\.csv, riga 2: Consuntivo non leggibile: "tanti"/);
    expect(lines[1]).toMatch(/indicatore «99\.9» non presente nel piano\.$/);
    expect(lines[2]).toMatch(/anno «2031» fuori dal piano \(anni: 2023, 2024, 2025, 2026\)\.$/);
    // An actual that does not fit its target stops the build too: 2,5 is no completion date, 85 no percent.
    expect(lines[3]).toMatch(/riga 5: .*"2,5" non è una data/);
    expect(lines[4]).toMatch(/4 colonne invece di 3/);
    expect(lines[5]).toMatch(/consuntivo di 1\.3 per il 2023 già indicato alla riga 7\.$/);
    expect(lines[6]).toMatch(/riga 9: .*"85" senza il simbolo % \(scrivi 85%\)/);
    expect(lines[7]).toBe("pira build: 7 problemi nei consuntivi: nessun file scritto.");
  });

  const refusals: [string, string[], Record<string, string>, RegExp][] = [
    ["no file", ["-o", "out.xlsx"], {}, /manca il file del cruscotto\. Uso: pira build FILE -o OUT\.xlsx/],
    ["two files", [SAMPLE_PATH, SAMPLE_PATH, "-o", "out.xlsx"], {}, /un solo file del cruscotto \(ricevuti 2\)/],
    ["no -o", [SAMPLE_PATH], {}, /manca il file da scrivere \(-o OUT\.xlsx\)/],
    ["-o without a value", [SAMPLE_PATH, "-o"], {}, /manca il valore di -o/],
    ["-o twice", [SAMPLE_PATH, "-o", "a.xlsx", "-o", "b.xlsx"], {}, /-o indicato due volte/],
    [
      "an output that is not .xlsx",
      [SAMPLE_PATH, "-o", "out.csv"],
      {},
      /deve avere estensione \.xlsx \(ricevuto "out\.csv"\)/,
    ],
    ["an unknown option", [SAMPLE_PATH, "-o", "out.xlsx", "--colori"], {}, /opzione sconosciuta "--colori"/],
    [
      "a year outside the plan",
      [SAMPLE_PATH, "-o", "o.xlsx", "--year", "2030"],
      {},
      /anno "2030" non nel piano: scegli tra 2023, 2024, 2025, 2026\./,
    ],
    ["a year that is not one", [SAMPLE_PATH, "-o", "o.xlsx", "--year", "23"], {}, /anno "23" non nel piano/],
    ["an unknown mode", [SAMPLE_PATH, "-o", "o.xlsx", "--mode", "media"], {}, /Metodo di calcolo sconosciuto: "media"/],
    ["a missing cruscotto", ["nessuno.txt", "-o", "o.xlsx"], {}, /il file "nessuno\.txt" non esiste\./],
    ["a text that is not a cruscotto", ["x.txt", "-o", "o.xlsx"], { "x.txt": "ciao\n" }, /nessun obiettivo trovato/],
    [
      "a cruscotto whose tables name no year",
      ["y.txt", "-o", "o.xlsx"],
      { "y.txt": "**1 Obiettivo**\nIndicatori (100%)\n100,00%\tAzione\t>= 1 N.\n" },
      /Nessun anno di target trovato: .* Nessuna cartella scritta\./,
    ],
    [
      "a missing CSV",
      [SAMPLE_PATH, "-o", "o.xlsx", "--actuals", "nessuno.csv"],
      {},
      /il file dei consuntivi "nessuno\.csv" non esiste\./,
    ],
    [
      "a CSV without header",
      [SAMPLE_PATH, "-o", "o.xlsx", "--actuals", "c.csv"],
      { "c.csv": "1.1;2023;5\n" },
      /riga 1: intestazione non riconosciuta/,
    ],
  ];
  it.each(refusals)("refuses %s: exit 2, Italian message, nothing written", async (_name, args, files, message) => {
    const io = await run(["build", ...args], files);
    expect(io.code).toBe(2);
    expect(io.written.size).toBe(0);
    expect(io.stdout()).toBe("");
    expect(io.stderr()).toMatch(message);
    expect(io.stderr()).toMatch(/^pira build: /);
    expect(io.stderr()).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it("is listed in pira --help", async () => {
    const io = await run(["--help"]);
    expect(io.stdout()).toMatch(/pira build FILE -o OUT\.xlsx/);
    expect(io.stdout()).toMatch(/pira export-actuals CARTELLA\.xlsx/);
  });
});

/** A reviewer types actuals into the workbook as a spreadsheet stores them. */
async function fill(buffer: Buffer, cells: Record<string, ExcelJS.CellValue>): Promise<Buffer> {
  const wb = await load(buffer);
  const ws = wb.getWorksheet("Indicatori")!;
  for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("pira export-actuals", () => {
  it("round trip: build → fill → export → build gives the same actuals", async () => {
    const built = await run(["build", SAMPLE_PATH, "-o", "a.xlsx", "--actuals", ACTUALS_PATH]);
    // Row 2 is 1.1, row 3 is 1.2 (a deadline), row 6 is 1.5 (a percent); I/M/Q are Consuntivo 2023/2024/2025.
    const filled = await fill(writtenBuffer(built, "a.xlsx"), {
      M2: 21,
      M3: new Date(Date.UTC(2024, 11, 20)),
      Q3: "NO",
      M6: 0.47,
      I2: null,
    });
    const exported = await run(["export-actuals", "filled.xlsx", "-o", "back.csv"], { "filled.xlsx": filled });
    expect(exported.code).toBe(0);
    expect(exported.stdout()).toBe("Scritto back.csv: 58 consuntivi da filled.xlsx.\n");
    const csv = String(exported.written.get("back.csv"));
    expect(csv).toMatch(
      /^indicatore;anno;consuntivo\r\n1\.1;2024;21\r\n1\.2;2023;18\/12\/2023\r\n1\.2;2024;20\/12\/2024\r\n1\.2;2025;NO\r\n/,
    );
    expect(csv).toContain("\r\n1.5;2024;47%\r\n");

    const expected: Actuals = JSON.parse(JSON.stringify(exampleActuals));
    delete expected["1.1"];
    expected["1.1"] = { "2024": 21 };
    expected["1.2"]["2024"] = 45646;
    expected["1.2"]["2025"] = "NO";
    expected["1.5"]["2024"] = 0.47;
    const rebuilt = await run(["build", SAMPLE_PATH, "-o", "b.xlsx", "--actuals", "back.csv"], { "back.csv": csv });
    expect(rebuilt.code).toBe(0);
    expect((await readWorkbookActuals(writtenBuffer(rebuilt, "b.xlsx"))).actuals).toEqual(expected);
    // And the CSV written is the one formatActualsCsv writes for the plan: same order, same notation.
    expect(csv).toBe(formatActualsCsv(plan, expected));
  });

  it("writes to stdout without -o, and with commas on request", async () => {
    const built = await run(["build", SAMPLE_PATH, "-o", "a.xlsx", "--actuals", ACTUALS_PATH]);
    const files = { "a.xlsx": writtenBuffer(built, "a.xlsx") };
    const semi = await run(["export-actuals", "a.xlsx"], files);
    expect(semi.code).toBe(0);
    expect(semi.stdout()).toBe(formatActualsCsv(plan, exampleActuals));
    const comma = await run(["export-actuals", "a.xlsx", "--separator", ","], files);
    expect(comma.stdout()).toBe(formatActualsCsv(plan, exampleActuals, ","));
    expect(comma.stdout()).toMatch(/^indicator,year,actual\r\n1\.1,2023,15\r\n/);
  });

  it("writes a note opening like a formula after an apostrophe, which build --actuals takes off again", async () => {
    const built = await run(["build", SAMPLE_PATH, "-o", "a.xlsx"]);
    const wb = await load(writtenBuffer(built, "a.xlsx"));
    const ws = wb.getWorksheet("Indicatori")!;
    const column = (header: string): number => {
      let found = 0;
      ws.getRow(1).eachCell((cell, c) => {
        if (cell.value === header) found = c;
      });
      expect(found).toBeGreaterThan(0);
      return found;
    };
    const rowOf = (id: string): number => {
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === id) return r;
      throw new Error(`${id} non trovato`);
    };
    const notes = {
      "1.1": "=troppi ritardi",
      "9.3": "-3 gg rispetto al target",
      "2.2": "@revisione",
      "1.3": "+2 rispetto al 2022",
    };
    for (const [id, note] of Object.entries(notes)) ws.getRow(rowOf(id)).getCell(column("Nota 2023")).value = note;
    // A negative consuntivo is a number, not a note: it stays as it is.
    ws.getRow(rowOf("9.3")).getCell(column("Consuntivo 2023")).value = -12;
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const exported = await run(["export-actuals", "f.xlsx", "-o", "back.csv"], { "f.xlsx": filled });
    expect(exported.code).toBe(0);
    const csv = String(exported.written.get("back.csv"));
    expect(csv).toContain("\r\n1.1;2023;;'=troppi ritardi\r\n");
    expect(csv).toContain("\r\n9.3;2023;-12;'-3 gg rispetto al target\r\n");
    expect(csv).toContain("\r\n2.2;2023;;'@revisione\r\n");
    expect(csv).toContain("\r\n1.3;2023;;'+2 rispetto al 2022\r\n");
    // No field of the file opens a formula in a spreadsheet but the negative number.
    const fields = csv.split("\r\n").flatMap((line) => line.split(";"));
    expect(fields.filter((f) => /^[=+\-@]/.test(f))).toEqual(["-12"]);

    const rebuilt = await run(["build", SAMPLE_PATH, "-o", "b.xlsx", "--actuals", "back.csv"], { "back.csv": csv });
    expect(rebuilt.code).toBe(0);
    const read = await readWorkbookActuals(writtenBuffer(rebuilt, "b.xlsx"));
    expect(read.notes).toEqual(Object.fromEntries(Object.entries(notes).map(([id, note]) => [id, { "2023": note }])));
    expect(read.actuals).toEqual({ "9.3": { "2023": -12 } });
  });

  it("stops at cells holding errors, naming each, and writes nothing", async () => {
    const built = await run(["build", SAMPLE_PATH, "-o", "a.xlsx"]);
    const filled = await fill(writtenBuffer(built, "a.xlsx"), {
      I2: { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue,
      M4: { error: "#N/A" } as ExcelJS.CellErrorValue,
    });
    const io = await run(["export-actuals", "f.xlsx", "-o", "x.csv"], { "f.xlsx": filled });
    expect(io.code).toBe(2);
    expect(io.written.size).toBe(0);
    expect(io.stderr()).toBe(
      "pira export-actuals: Indicatori!I2: 1.1, 2023: #DIV/0!.\n" +
        "pira export-actuals: Indicatori!M4: 1.3, 2024: #N/A.\n" +
        "pira export-actuals: 2 celle con errori: nessun file scritto.\n",
    );
  });

  const refusals: [string, string[], Record<string, string>, RegExp][] = [
    ["no workbook", [], {}, /serve una cartella di lavoro \.xlsx \(ricevuti 0 file\)/],
    ["a missing workbook", ["nessuno.xlsx"], {}, /il file "nessuno\.xlsx" non esiste\./],
    [
      "a file that is not a workbook",
      ["c.xlsx"],
      { "c.xlsx": "indicatore;anno\n" },
      /"c\.xlsx": non è una cartella di lavoro Excel/,
    ],
    ["an unknown separator", ["a.xlsx", "--separator", "|"], {}, /separatore "\|" non ammesso/],
    ["an unknown option", ["a.xlsx", "--tutto"], {}, /opzione sconosciuta "--tutto"/],
  ];
  it.each(refusals)("refuses %s with exit 2 and one line", async (_name, args, files, message) => {
    const io = await run(["export-actuals", ...args], files);
    expect(io.code).toBe(2);
    expect(io.written.size).toBe(0);
    expect(io.stderr()).toMatch(message);
    expect(io.stderr().trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("pira demo", () => {
  it("builds demo/cruscotto-pira-2023.xlsx with the example actuals and prints the scores of 2023", async () => {
    const io = await run(["demo"]);
    expect(io.code).toBe(0);
    expect(io.stderr()).toBe("");
    const buffer = writtenBuffer(io, path.join("demo", "cruscotto-pira-2023.xlsx"));
    expect((await readWorkbookActuals(buffer)).actuals).toEqual(exampleActuals);

    const settings = defaultSettings(plan);
    const scores = scorePlan(plan, exampleActuals, 2023, settings);
    const pct = (n: number | null, d: number) => (n === null ? "n.d." : `${formatItalianNumber(n * 100, d)}%`);
    const text = io.stdout();
    expect(text).toMatch(/14 obiettivi · 58 indicatori/);
    expect(text).toContain("Punteggi 2023 (modalità proporzionale)\n");
    expect(text).toContain(
      `Ente: ${pct(scores.chamber.score, 2)} · copertura ${pct(scores.chamber.coverage, 0)} · ${scores.chamber.status}\n`,
    );
    for (const area of scores.areas) {
      expect(text).toMatch(
        new RegExp(
          `^  ${area.code} .*: ${pct(area.score, 2)} · copertura ${pct(area.coverage, 0)} · ${area.status}$`,
          "m",
        ),
      );
    }
    for (const o of scores.objectives) {
      expect(text).toMatch(
        new RegExp(`^ +${o.number} .*: ${pct(o.score, 2)} · copertura ${pct(o.coverage, 0)} · ${o.status}$`, "m"),
      );
    }
    // The example leaves a few indicators without an actual: some coverage is below 100 %.
    expect(scores.objectives.some((o) => o.coverage !== null && o.coverage < 1)).toBe(true);
  });
});
