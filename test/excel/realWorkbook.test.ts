// The adapter with the real builder: buildWorkbook(readCruscotto(sample)) and a plan 100× its
// size, through the recording fake (which refuses what Office.js refuses).
import { MIN_READABLE_SCALE, headerText } from "../../src/workbook/print";
import { applyWorkbook } from "../../src/excel/applyWorkbook";
import { MAX_REQUEST_BYTES, MAX_WRITE_SYNCS } from "../../src/excel/batch";
import { inspectWorkbook } from "../../src/excel/inspectWorkbook";
import { readTable } from "../../src/excel/navigation";
import { rewriteFormulas } from "../../src/excel/rewriteFormulas";
import type { Plan } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings, type Settings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { HEADERS, SHEETS, TABLES } from "../../src/workbook/layout";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { isFormula, type WorkbookDescription } from "../../src/workbook/types";
import { createRecordingExcel, type RecordingExcel } from "../fakes/recordingExcel";
import { sampleText } from "../helpers/sample";
import { syntheticCruscotto } from "../helpers/synthetic";

let fake: RecordingExcel;

beforeEach(() => {
  fake = createRecordingExcel();
  (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
});

const plan: Plan = readCruscotto(sampleText());
const settings: Settings = defaultSettings(plan);

function columnOf(headers: string[], header: string): string {
  const index = headers.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return String.fromCharCode(65 + index); // the columns looked up here are within A–Z
}

describe("the sample's workbook", () => {
  it("is written in 2 syncs, one request of a few hundred kB", async () => {
    const report = await applyWorkbook(fake.context, buildWorkbook(plan, settings), { replace: false });
    expect(report.syncs).toBe(2);
    // 269 kB since each uniform formula column travels as one R1C1 formula (was 531 kB with one
    // A1 formula per cell); the real bound is the 4 MB a request.
    expect(report.largestRequestBytes).toBeLessThan(320_000);
    expect(fake.workbook.sheetNames()).toEqual(["Foglio1", ...Object.values(SHEETS)]);
    expect(fake.workbook.tables.map((t) => t.name).sort()).toEqual(Object.values(TABLES).sort());
    const indicators = fake.workbook.table(TABLES.indicators);
    expect(indicators?.rect.rows).toBe(1 + plan.objectives.reduce((n, o) => n + o.indicators.length, 0));
    expectFormulasAsDescribed(buildWorkbook(plan, settings));
  });

  it("keeps typed actuals through a switch to PIRA formulas and back", async () => {
    await applyWorkbook(fake.context, buildWorkbook(plan, settings), { replace: false });
    const table = fake.workbook.table(TABLES.indicators);
    const headers = table?.headers() ?? [];
    const actual = columnOf(headers, HEADERS.actual(plan.years[0]));
    const score = columnOf(headers, HEADERS.score(plan.years[0]));
    const sheet = fake.workbook.sheet(SHEETS.indicators);
    sheet.type(`${actual}2`, 0.5);
    sheet.type(`${actual}3`, "SI");

    await rewriteFormulas(fake.context, buildWorkbook(plan, { ...settings, formulaMode: "pira" }));
    expect(sheet.cell(`${score}2`).formula).toMatch(/PIRA\.SCORE/);
    expectFormulasAsDescribed(buildWorkbook(plan, { ...settings, formulaMode: "pira" }));
    expect(sheet.cell(`${actual}2`).value).toBe(0.5);
    expect(sheet.cell(`${actual}3`).value).toBe("SI");

    await rewriteFormulas(fake.context, buildWorkbook(plan, settings));
    expect(sheet.cell(`${score}2`).formula).not.toMatch(/PIRA\.SCORE/);
    expectFormulasAsDescribed(buildWorkbook(plan, settings));
    expect(sheet.cell(`${actual}2`).value).toBe(0.5);
    expect(sheet.protection.protected).toBe(true);

    const found = await inspectWorkbook(fake.context, buildWorkbook(plan, settings));
    expect(found.existingSheets).toEqual(Object.values(SHEETS));
    // The two actuals only: the area weights are settings every import writes, not actuals.
    expect(fake.workbook.table(TABLES.areaWeights)?.bodyRect().rows).toBe(plan.areas.length);
    expect(found.typedActuals).toBe(2);

    const read = await readTable(fake.context, SHEETS.indicators, TABLES.indicators);
    expect(read.headers).toEqual(headers);
    expect(read.rows[0][headers.indexOf(HEADERS.actual(plan.years[0]))]).toBe(0.5);
  });
});

/** Every formula cell of every table reads back as the description's A1 formula. */
function expectFormulasAsDescribed(wb: WorkbookDescription): void {
  const wrong: string[] = [];
  for (const spec of wb.sheets) {
    const sheet = fake.workbook.sheet(spec.name);
    for (const table of spec.tables) {
      const top = parseCell(table.topLeft);
      table.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!isFormula(cell)) return;
          const address = cellAddress(top.row + 1 + r, top.column + c);
          if (sheet.cell(address).formula !== cell.formula) wrong.push(`${spec.name}!${address}`);
        }),
      );
    }
  }
  expect(wrong.slice(0, 5)).toEqual([]);
}

describe("a plan 100× the sample", () => {
  it("is written within the write budget, no request over 4 MB", async () => {
    const big = readCruscotto(syntheticCruscotto(100));
    const wb = buildWorkbook(big, defaultSettings(big));
    expect(wb.sheets.find((s) => s.name === SHEETS.indicators)?.tables[0].rows).toHaveLength(5800);
    const progress: { fraction: number; syncs: number }[] = [];
    const report = await applyWorkbook(fake.context, wb, {
      replace: false,
      onProgress: (fraction) => progress.push({ fraction, syncs: fake.log.syncs }),
    });
    expect(report.syncs).toBeLessThanOrEqual(MAX_WRITE_SYNCS + 1);
    // The progress: one step per sheet prepared (to a fifth), then one per request sent, by size, to 1.
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.filter((f) => f <= 0.2)).toHaveLength(wb.sheets.length);
    expect(fractions.at(-1)).toBe(1);
    const requests = progress.filter((p) => p.fraction > 0.2);
    expect(requests.map((p) => p.syncs)).toEqual(requests.map((_, i) => 2 + i));
    expect(requests.length).toBe(report.syncs - 1);
    expect(requests[0].fraction).toBeLessThan(1);
    expect(Math.max(...fake.log.requestBytes)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    // 9.8 MB in 4 syncs since uniform formula columns travel as one R1C1 formula each (was
    // 40 MB in 12): what is left is the per-key roll-up columns, the literals and the formats.
    expect(report.syncs).toBeLessThanOrEqual(4);
    expect(fake.log.requestBytes.reduce((a, b) => a + b, 0)).toBeLessThan(11_000_000);
    expect(fake.workbook.table(TABLES.indicators)?.rect.rows).toBe(5801);
    expectFormulasAsDescribed(wb);
  }, 60_000);
});

describe("page setup for printing", () => {
  it("prints every sheet landscape A4 with header and footer, the sheets for print at their computed zoom", async () => {
    const wb = buildWorkbook(plan, settings);
    await applyWorkbook(fake.context, wb, { replace: false });
    const margins = {
      leftMargin: 36,
      rightMargin: 36,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: 21.6,
      footerMargin: 21.6,
    };
    for (const name of Object.values(SHEETS)) {
      const spec = wb.sheets.find((s) => s.name === name)!.print!;
      expect({ name, print: fake.workbook.sheet(name).print }).toEqual({
        name,
        print: {
          orientation: "Landscape",
          paperSize: "A4",
          zoom: { scale: spec.scale ?? 100 },
          margins,
          ...(spec.titleRows ? { titleRows: spec.titleRows } : {}),
          ...(spec.titleColumns ? { titleColumns: spec.titleColumns } : {}),
          ...(spec.printArea ? { printArea: spec.printArea } : {}),
          ...(spec.pageBreaks ? { pageBreaks: spec.pageBreaks } : {}),
          header: { left: headerText(plan.title), center: "", right: "&A" },
          footer: { left: "Cruscotto PIRA", center: "", right: "Pagina &P di &N" },
        },
      });
    }
    // The sheets meant for print fit one page width at a readable size; the wide ones repeat titles.
    const scale = (name: string) => fake.workbook.sheet(name).print.zoom?.scale ?? 100;
    expect(scale(SHEETS.report)).toBeGreaterThanOrEqual(MIN_READABLE_SCALE);
    expect(scale(SHEETS.dashboard)).toBeGreaterThanOrEqual(MIN_READABLE_SCALE);
    expect(fake.workbook.sheet(SHEETS.report).print.titleRows).toBe("$5:$5");
    expect(fake.workbook.sheet(SHEETS.indicators).print.titleColumns).toBe("$A:$B");
  });

  it("leaves page setup alone on hosts without ExcelApi 1.9", async () => {
    await applyWorkbook(fake.context, buildWorkbook(plan, settings), { replace: false, printLayout: false });
    for (const name of Object.values(SHEETS))
      expect(fake.workbook.sheet(name).print).toEqual({ orientation: "Portrait", margins: {}, header: {}, footer: {} });
    expect(fake.log.writes.some((w) => w.op.startsWith("pageLayout."))).toBe(false);
  });
});

describe("consuntivo cells take their indicator's number format", () => {
  it("percent targets get percent cells, deadlines date cells, the rest General", async () => {
    await applyWorkbook(fake.context, buildWorkbook(plan, settings), { replace: false });
    const sheet = fake.workbook.sheet(SHEETS.indicators);
    const table = fake.workbook.table(TABLES.indicators)!;
    const layout = buildWorkbook(plan, settings).sheets[1].tables[0].columns;
    const indicators = plan.objectives.flatMap((o) => o.indicators);
    for (const year of plan.years) {
      const column = table.rect.column + layout.findIndex((c) => c.header === HEADERS.actual(year));
      indicators.forEach((indicator, i) => {
        const target = indicator.targets[String(year)];
        const expected = target?.unit === "%" ? "0.00%" : target?.kind === "deadline" ? "dd/mm/yyyy" : "General";
        expect({ id: indicator.id, year, format: sheet.cellAt(table.rect.row + 1 + i, column).numberFormat }).toEqual({
          id: indicator.id,
          year,
          format: expected,
        });
      });
    }
  });
});

describe("a revised plan for later years", () => {
  it("still counts the actuals typed in the columns of years the new plan no longer has", async () => {
    await applyWorkbook(fake.context, buildWorkbook(plan, settings), { replace: false });
    const sheet = fake.workbook.sheet(SHEETS.indicators);
    const table = fake.workbook.table(TABLES.indicators)!;
    const headers = buildWorkbook(plan, settings).sheets[1].tables[0].columns.map((c) => c.header);
    const column = table.rect.column + headers.indexOf(HEADERS.actual(2023));
    sheet.type(`${String.fromCharCode(65 + column)}2`, 15);
    sheet.type(`${String.fromCharCode(65 + column)}3`, "SI");

    // The Council's next cruscotto covers 2024–2027: no "Consuntivo 2023" column any more.
    const next = readCruscotto(sampleText().replace(/\b(2023|2024|2025|2026)\b/g, (y) => String(Number(y) + 1)));
    expect(next.years).toEqual([2024, 2025, 2026, 2027]);
    const found = await inspectWorkbook(fake.context, buildWorkbook(next, defaultSettings(next)));
    expect(found.typedActuals).toBe(2);
  });
});

describe("switching formula mode after the rows were sorted", () => {
  it("refuses, naming the row, instead of giving rows another indicator's formulas", async () => {
    const wb = buildWorkbook(plan, settings);
    await applyWorkbook(fake.context, wb, { replace: false });
    const sheet = fake.workbook.sheet(SHEETS.indicators);
    const table = fake.workbook.table(TABLES.indicators)!;
    // As a sort would leave them (the sheet has no password): indicators 1.1 and 1.2 swapped.
    sheet.protection.protected = false;
    const key = (r: number) => `${String.fromCharCode(65 + table.rect.column)}${table.rect.row + 1 + r}`;
    sheet.type(key(1), "1.2");
    sheet.type(key(2), "1.1");
    const writes = fake.log.writes.length;
    await expect(
      rewriteFormulas(fake.context, buildWorkbook(plan, { ...settings, formulaMode: "pira" })),
    ).rejects.toThrow(
      "Le righe della tabella «tblIndicatori» non sono più nell'ordine dell'importazione (alla riga 1 c'è «1.2» " +
        "invece di «1.1»): riordinala per «Indicatore» come dopo l'importazione e riprova.",
    );
    expect(fake.log.writes.length).toBe(writes);
  });
});
