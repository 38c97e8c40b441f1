// applyWorkbook against the recording fake: what ends up in the workbook, in how many round
// trips, with how large requests, and how it fails.
import { applyWorkbook } from "../../src/excel/applyWorkbook";
import { jsonBytes, MAX_REQUEST_BYTES } from "../../src/excel/batch";
import { charsToPoints } from "../../src/excel/writeQueue";
import type { WorkbookDescription } from "../../src/workbook/types";
import { createRecordingExcel, parseAddress, type RecordingExcel } from "../fakes/recordingExcel";
import { generatedDescription, indicatorColumns, smallDescription, YEARS } from "./descriptions";

let fake: RecordingExcel;

function useFake(options?: Parameters<typeof createRecordingExcel>[0]): RecordingExcel {
  fake = createRecordingExcel(options);
  (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
  return fake;
}

beforeEach(() => useFake());

describe("applyWorkbook on an empty workbook (small description)", () => {
  let wb: WorkbookDescription;
  beforeEach(async () => {
    wb = smallDescription();
    await applyWorkbook(fake.context, wb, { replace: false });
  });

  it("adds every sheet, with its tab colour, and activates the first", () => {
    expect(fake.workbook.sheetNames()).toEqual(["Foglio1", "Indicatori", "Impostazioni", "Cruscotto"]);
    expect(fake.workbook.sheet("Indicatori").tabColor).toBe("#1F4E79");
    expect(fake.workbook.activeSheet?.name).toBe("Indicatori");
  });

  it("creates the table with its name, address, headers and style", () => {
    const table = fake.workbook.table("tblIndicatori");
    expect(table).toBeDefined();
    expect(table?.sheet.name).toBe("Indicatori");
    expect(table?.rect).toEqual({ row: 2, column: 0, rows: 4, columns: 6 });
    expect(table?.headers()).toEqual(["Codice", "Indicatore", "Target", "Valore target", "Consuntivo", "Punteggio"]);
    expect(table?.style).toBe("TableStyleMedium2");
    expect(table?.showTotals).toBe(false);
  });

  it("writes literals as values and formulas as formulas", () => {
    const s = fake.workbook.sheet("Indicatori");
    expect(s.cell("B4")).toMatchObject({ kind: "text", value: "Tasso di riscossione del diritto annuale" });
    expect(s.cell("D4")).toMatchObject({ kind: "number", value: 0.82 });
    expect(s.cell("E4").kind).toBe("empty");
    expect(s.cell("E6")).toMatchObject({ kind: "number", value: 12.5 });
    for (const row of [4, 5, 6]) {
      expect(s.cell(`F${row}`).formula).toBe('=IF([@Consuntivo]="","",MIN(1,[@Consuntivo]/[@[Valore target]]))');
    }
  });

  it("keeps text that looks like a formula, a number or a date as that exact text", () => {
    const s = fake.workbook.sheet("Indicatori");
    expect(s.cell("A4")).toMatchObject({ kind: "text", value: "1.1" });
    expect(s.cell("B5")).toMatchObject({ kind: "text", value: "=SOMMA(A1:A3) resta testo", formula: null });
    expect(s.cell("C5")).toMatchObject({ kind: "text", value: "+5% rispetto al 2022" });
    expect(s.cell("B6")).toMatchObject({ kind: "text", value: "-10 giorni sui tempi medi" });
    expect(s.cell("C6")).toMatchObject({ kind: "text", value: "@entro 30/06" });
    expect(s.cell("C4")).toMatchObject({ kind: "text", value: "≥ 82,00 %" });
  });

  it("writes a table body as 2-D blocks and each uniform formula column as one R1C1 formula, after the header and the table", () => {
    const writes = fake.log.writes.filter((w) => w.sheet === "Indicatori" && w.op === "formulas");
    // Header, the body's literal columns, then the two ranges above the table.
    expect(writes.map((w) => w.address)).toEqual(["A3:F3", "A4:E6", "A1", "D1:E1"]);
    // The score column (one formula shape) travels as one formula for its three cells.
    const r1c1 = fake.log.writes.filter((w) => w.sheet === "Indicatori" && w.op === "formulasR1C1");
    expect(r1c1.map((w) => w.address)).toEqual(["F4:F6"]);
    const header = fake.log.writes.findIndex((w) => w.op === "formulas" && w.address === "A3:F3");
    const table = fake.log.writes.findIndex((w) => w.op === "tables.add");
    const body = fake.log.writes.findIndex((w) => w.op === "formulas" && w.address === "A4:E6");
    const scores = fake.log.writes.findIndex((w) => w.op === "formulasR1C1" && w.address === "F4:F6");
    expect(header).toBeLessThan(table);
    expect(table).toBeLessThan(body);
    expect(table).toBeLessThan(scores);
  });

  it("sets number formats per column, and per cell for ranges", () => {
    const s = fake.workbook.sheet("Indicatori");
    expect(["A4", "B5", "C6", "D4", "E5", "F6"].map((a) => s.cell(a).numberFormat)).toEqual([
      "@",
      "@",
      "@",
      "General",
      "0.00",
      "0.00%",
    ]);
    expect(s.cell("E1")).toMatchObject({ kind: "number", value: 45230, numberFormat: "dd/mm/yyyy" });
    expect(s.cell("D1")).toMatchObject({ value: "Aggiornato al", numberFormat: "@" });
    expect(fake.workbook.sheet("Impostazioni").cell("B2")).toMatchObject({ value: 0.7, numberFormat: "0%" });
  });

  it("writes each column's number format once, after the table's content", () => {
    const formats = fake.log.writes.filter((w) => w.sheet === "Indicatori" && w.op === "numberFormat");
    expect(formats.map((w) => w.address)).toEqual(["A4:A6", "B4:B6", "C4:C6", "E4:E6", "F4:F6", "D1:E1"]);
    // A 2-D array, one format per cell (never a single string: office-js-docs-reference#578).
    const columnFormats = ["@", "@", "@", "0.00", "0.00%"];
    expect(formats.slice(0, 5).map((w) => w.payloadBytes)).toEqual(
      columnFormats.map((f) => jsonBytes([[f], [f], [f]])),
    );
    const body = fake.log.writes.findIndex((w) => w.op === "formulas" && w.address === "A4:F6");
    expect(fake.log.writes.indexOf(formats[0])).toBeGreaterThan(body);
  });

  it("sets widths in points, wraps long text and hides helper columns", () => {
    const s = fake.workbook.sheet("Indicatori");
    expect(s.columnWidth("B")).toBe(charsToPoints(40));
    expect(s.columnWidth("E")).toBe(charsToPoints(12));
    expect(s.cell("B5").wrapText).toBe(true);
    expect(s.cell("B3").wrapText).toBe(true);
    expect(s.cell("C5").wrapText).toBe(false);
    expect(s.isColumnHidden("D")).toBe(true);
    expect(s.isColumnHidden("E")).toBe(false);
    expect(fake.workbook.sheet("Impostazioni").columnWidth("A")).toBe(charsToPoints(24));
  });

  it("formats ranges (bold, size)", () => {
    expect(fake.workbook.sheet("Indicatori").cell("A1")).toMatchObject({
      value: "Cruscotto PIRA 2023",
      bold: true,
      fontSize: 14,
    });
  });

  it("adds the conditional formats as custom rules in priority order", () => {
    const cfs = fake.workbook.sheet("Indicatori").conditionalFormats;
    expect(cfs).toEqual(
      wb.sheets[0].conditionalFormats.map((spec) => ({
        type: "Custom",
        rect: { row: 3, column: 5, rows: 3, columns: 1 },
        formula: spec.formula,
        fillColor: spec.style.fill,
        fontColor: spec.style.font,
        stopIfTrue: spec.stopIfTrue,
      })),
    );
  });

  it("adds data validation with Italian prompt and error", () => {
    const [validation] = fake.workbook.sheet("Indicatori").validations;
    expect(validation).toEqual({
      rect: { row: 3, column: 4, rows: 3, columns: 1 },
      rule: { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
      prompt: { showPrompt: true, title: "Consuntivo", message: "Scrivi il valore raggiunto nel 2023." },
      errorAlert: {
        showAlert: true,
        style: "Stop",
        title: "Valore non valido",
        message: "Il consuntivo deve essere un numero maggiore o uguale a zero.",
      },
    });
    expect(fake.workbook.sheet("Impostazioni").validations[0].rule).toEqual({
      decimal: { formula1: 0, formula2: 1, operator: "Between" },
    });
  });

  it("adds the workbook names", () => {
    expect(fake.workbook.names).toEqual([
      { name: "PIRA_SogliaVerde", formula: "=Impostazioni!$B$1", comment: "Da questo punteggio: raggiunto" },
      { name: "PIRA_SogliaGialla", formula: "=Impostazioni!$B$2", comment: "" },
    ]);
  });

  it("protects the sheets last, with the input cells unlocked", () => {
    const s = fake.workbook.sheet("Indicatori");
    expect(s.protection).toEqual({
      protected: true,
      options: { allowAutoFilter: true, allowSort: true, allowFormatColumns: true },
      password: undefined,
    });
    expect(["E4", "E5", "E6"].map((a) => s.cell(a).locked)).toEqual([false, false, false]);
    expect(["E3", "F4", "A4", "D6"].map((a) => s.cell(a).locked)).toEqual([true, true, true, true]);
    expect(fake.workbook.sheet("Impostazioni").cell("B1").locked).toBe(false);
    expect(fake.workbook.sheet("Impostazioni").cell("A1").locked).toBe(true);
    expect(fake.workbook.sheet("Cruscotto").protection.protected).toBe(false);
    const protects = fake.log.writes
      .filter((w) => w.op === "protection.protect")
      .map((w) => fake.log.writes.indexOf(w));
    const lastOther = Math.max(
      ...fake.log.writes.map((w, i) => (["protection.protect", "worksheet.activate"].includes(w.op) ? -1 : i)),
    );
    expect(Math.min(...protects)).toBeGreaterThan(lastOther);
  });

  it("lets users type actuals but not overwrite formulas", () => {
    const s = fake.workbook.sheet("Indicatori");
    s.type("E4", 0.9);
    expect(s.cell("E4").value).toBe(0.9);
    expect(() => s.type("F4", 1)).toThrow(/protetta/);
  });

  it("adds the chart with title, series, categories and position", () => {
    expect(fake.workbook.sheet("Cruscotto").charts).toEqual([
      {
        type: "BarClustered",
        title: "Punteggio medio",
        legendVisible: false,
        series: [
          {
            name: "Punteggio",
            values: { sheet: "Cruscotto", address: "B2" },
            xValues: { sheet: "Cruscotto", address: "A2" },
          },
        ],
        from: "D2",
        to: "L18",
      },
    ]);
  });

  it("freezes the panes", () => {
    expect(fake.workbook.sheet("Indicatori").freeze).toEqual({ rows: 3, columns: 2 });
    expect(fake.workbook.sheet("Impostazioni").freeze).toEqual({ rows: 0, columns: 0 });
  });
});

describe("round trips and request sizes", () => {
  it("uses 2 syncs for the small and the sample-sized description, with calculation suspended", async () => {
    for (const wb of [smallDescription(), generatedDescription(1)]) {
      useFake();
      const report = await applyWorkbook(fake.context, wb, { replace: false });
      expect(report.syncs).toBe(2);
      expect(fake.log.syncs).toBe(2);
      expect(fake.log.calculationSuspendedIn).toEqual([2]);
      expect(fake.log.screenUpdatingSuspendedIn).toEqual([2]);
      expect(fake.log.calculations).toEqual([{ sync: 2, type: "Recalculate" }]);
    }
  });

  it("the fake refuses a number format given as one string, as the typings and reference do", async () => {
    useFake();
    const range = fake.context.workbook.worksheets.getItem("Foglio1").getRange("A1:A3");
    range.numberFormat = "0.00%" as unknown as string[][];
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("stays within 6 syncs and 4 MB per request for the ×100 description (5,800 indicators)", async () => {
    const wb = generatedDescription(100);
    expect(wb.sheets[0].tables[0].rows).toHaveLength(5800);
    const report = await applyWorkbook(fake.context, wb, { replace: false });
    expect(report.syncs).toBeLessThanOrEqual(6);
    expect(fake.log.syncs).toBe(report.syncs);
    expect(Math.max(...fake.log.requestBytes)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(report.largestRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    // Our estimate never undercounts what the requests carry.
    fake.log.requestBytes.forEach((bytes, i) => expect(report.requestBytes[i]).toBeGreaterThanOrEqual(bytes));
    expect(fake.log.calculationSuspendedIn).toEqual(Array.from({ length: report.syncs - 1 }, (_, i) => i + 2));
    // Screen updating suspended once in each write request (the fake refuses a second call), and
    // one recalculation asked for, in the last request, since calculation was suspended.
    expect(fake.log.screenUpdatingSuspendedIn).toEqual(fake.log.calculationSuspendedIn);
    expect(fake.log.calculations).toEqual([{ sync: report.syncs, type: "Recalculate" }]);
    // The body's writes (2-D blocks, cut between rows where a request fills up, and one R1C1
    // formula per uniform column) tile the body A2:AN5801 exactly: every cell written once.
    const bodyWrites = fake.log.writes
      .filter((w) => w.sheet === "Indicatori" && (w.op === "formulas" || w.op === "formulasR1C1"))
      .slice(1);
    const written = new Map<string, number>();
    for (const w of bodyWrites) {
      const rect = parseAddress(w.address);
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.column; c < rect.column + rect.columns; c++) {
          const key = `${r},${c}`;
          written.set(key, (written.get(key) ?? 0) + 1);
        }
    }
    expect(written.size).toBe(5800 * 40);
    expect([...written.values()].every((n) => n === 1)).toBe(true);
    const outside = [...written.keys()].filter((key) => {
      const [r, c] = key.split(",").map(Number);
      return r < 1 || r > 5800 || c < 0 || c >= 40;
    });
    expect(outside).toEqual([]);
    expect(bodyWrites.some((w) => w.op === "formulasR1C1")).toBe(true);
    const s = fake.workbook.sheet("Indicatori");
    expect(s.cell("E5801").value).toMatch(/^Indicatore di performance n\. 5800/);
    expect(s.cell("AN5801").value).toBe(5800);
  }, 30_000);

  it("writes the same cells whatever the number of chunks", async () => {
    const wb = generatedDescription(1);
    await applyWorkbook(fake.context, wb, { replace: false });
    const s = fake.workbook.sheet("Indicatori");
    const columns = indicatorColumns();
    const score = columns.findIndex((c) => c.header === `Punteggio ${YEARS[0]}`);
    const outcome = columns.findIndex((c) => c.header === `Esito ${YEARS[0]}`);
    const letter = (n: number) => (n < 26 ? String.fromCharCode(65 + n) : "A" + String.fromCharCode(65 + n - 26));
    expect(s.cell(`${letter(score)}2`).formula).toMatch(/^=IF\(OR\(\[@\[Consuntivo 2023\]\]=""/);
    // A "@" (text) format on a formula column does not turn its formulas into text.
    expect(s.cell(`${letter(outcome)}2`)).toMatchObject({ kind: "formula", numberFormat: "@" });
    expect(s.cell("E2")).toMatchObject({ kind: "text", value: expect.stringMatching(/^=Grado di riscossione/) });
  });

  it("reports what it sent", async () => {
    const report = await applyWorkbook(fake.context, generatedDescription(1), { replace: false });
    expect(report).toMatchObject({
      syncs: 2,
      sheets: ["Indicatori", "Obiettivi", "Cruscotto", "Impostazioni", "Diagnostica"],
      replacedSheets: [],
    });
    expect(report.requestBytes[0]).toBe(0);
    expect(report.largestRequestBytes).toBe(report.requestBytes[1]);
    expect(report.totalPayloadBytes).toBe(report.requestBytes[1]);
    expect(report.commands).toBeGreaterThan(50);
  });
});

describe("existing workbooks", () => {
  it("refuses to overwrite without replace, before writing anything", async () => {
    await applyWorkbook(fake.context, smallDescription(), { replace: false });
    const writes = fake.log.writes.length;
    await expect(applyWorkbook(fake.context, smallDescription(), { replace: false })).rejects.toThrow(
      /contiene già fogli «Indicatori», «Impostazioni», «Cruscotto», tabelle «tblIndicatori», nomi «PIRA_SogliaVerde», «PIRA_SogliaGialla»/,
    );
    expect(fake.log.writes.length).toBe(writes);
  });

  it("refuses when only a name of the description exists", async () => {
    fake.workbook.names.push({ name: "PIRA_SogliaGialla", formula: "=0.7", comment: "" });
    await expect(applyWorkbook(fake.context, smallDescription(), { replace: false })).rejects.toThrow(
      /nomi «PIRA_SogliaGialla»/,
    );
  });

  it("replaces sheets, tables and names, losing what was typed", async () => {
    await applyWorkbook(fake.context, smallDescription(), { replace: false });
    fake.workbook.sheet("Indicatori").type("E4", 0.5);
    const report = await applyWorkbook(fake.context, smallDescription(), { replace: true });
    expect(report.replacedSheets).toEqual(["Indicatori", "Impostazioni", "Cruscotto"]);
    expect(report.syncs).toBe(2);
    expect(fake.workbook.sheetNames()).toEqual(["Foglio1", "Indicatori", "Impostazioni", "Cruscotto"]);
    expect(fake.workbook.tables.map((t) => `${t.sheet.name}!${t.name}`)).toEqual(["Indicatori!tblIndicatori"]);
    expect(fake.workbook.sheet("Indicatori").cell("E4").kind).toBe("empty");
    expect(fake.workbook.names.map((n) => n.formula)).toEqual(["=Impostazioni!$B$1", "=Impostazioni!$B$2"]);
    expect(fake.workbook.sheet("Indicatori").protection.protected).toBe(true);
  });

  it("replaces when the description's sheets are all the workbook has", async () => {
    useFake({ sheets: ["Indicatori"] });
    await applyWorkbook(fake.context, smallDescription(), { replace: true });
    expect(fake.workbook.sheetNames()).toEqual(["Indicatori", "Impostazioni", "Cruscotto"]);
  });

  it("refuses a table of the description on a sheet it does not manage", async () => {
    const s = fake.workbook.sheet("Foglio1");
    s.type("A1", "x");
    fake.context.workbook.worksheets.getItem("Foglio1").tables.add("A1:A2", true).name = "tblIndicatori";
    await fake.context.sync();
    await expect(applyWorkbook(fake.context, smallDescription(), { replace: true })).rejects.toThrow(
      /Foglio1!tblIndicatori/,
    );
  });
});

describe("errors", () => {
  it("lets host errors through unchanged", async () => {
    const wb = smallDescription();
    wb.sheets[0].tables[0].style = "StileInesistente";
    await expect(applyWorkbook(fake.context, wb, { replace: false })).rejects.toMatchObject({
      name: "RichApi.Error",
      code: "InvalidArgument",
    });
  });

  it("lets a formula Excel refuses fail the import", async () => {
    const wb = smallDescription();
    wb.sheets[0].tables[0].rows[0][5] = { formula: "=[@Inesistente]*2" };
    await expect(applyWorkbook(fake.context, wb, { replace: false })).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  it("refuses a malformed description before any round trip", async () => {
    const wb = smallDescription();
    wb.sheets[0].tables[0].rows[1].pop();
    await expect(applyWorkbook(fake.context, wb, { replace: false })).rejects.toThrow(
      /la riga 2 di «tblIndicatori» ha 5 celle invece di 6/,
    );
    expect(fake.log.syncs).toBe(0);
  });

  it("refuses validation texts longer than Excel accepts, before any round trip", async () => {
    const wb = smallDescription();
    wb.sheets[0].validations[0].prompt.title = "Un titolo decisamente troppo lungo per Excel";
    await expect(applyWorkbook(fake.context, wb, { replace: false })).rejects.toThrow(/troppo lungo/);
    expect(fake.log.syncs).toBe(0);
  });
});
