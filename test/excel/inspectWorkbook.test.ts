// inspectWorkbook tells the UI what an import would overwrite.
import { applyWorkbook } from "../../src/excel/applyWorkbook";
import { inspectWorkbook } from "../../src/excel/inspectWorkbook";
import { readTable, selectCell } from "../../src/excel/navigation";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { sampleText } from "../helpers/sample";
import { createRecordingExcel, type RecordingExcel } from "../fakes/recordingExcel";
import { generatedDescription, smallDescription } from "./descriptions";

let fake: RecordingExcel;

function useFake(options?: Parameters<typeof createRecordingExcel>[0]): void {
  fake = createRecordingExcel(options);
  (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
}

beforeEach(() => useFake());

describe("inspectWorkbook", () => {
  it("finds nothing in a new workbook, in one round trip", async () => {
    expect(await inspectWorkbook(fake.context, generatedDescription(1))).toEqual({
      existingSheets: [],
      typedActuals: 0,
      historyRows: 0,
    });
    expect(fake.log.syncs).toBe(1);
    expect(fake.log.writes).toEqual([]);
  });

  it("lists the existing sheets and counts what users typed in input columns only", async () => {
    const wb = generatedDescription(1);
    await applyWorkbook(fake.context, wb, { replace: false });
    expect(await inspectWorkbook(fake.context, wb)).toEqual({
      existingSheets: ["Indicatori", "Obiettivi", "Cruscotto", "Impostazioni", "Diagnostica"],
      typedActuals: 0,
      historyRows: 0,
    });
    const s = fake.workbook.sheet("Indicatori");
    s.type("M2", 0.9); // Consuntivo 2023
    s.type("V3", "SI"); // Consuntivo 2024
    s.type("AE59", "2025-06-30"); // Consuntivo 2025, a date
    s.type("AM4", "verificato"); // Note
    fake.workbook.sheet("Impostazioni").type("B4", 0.9); // a setting, not an actual
    expect((await inspectWorkbook(fake.context, wb)).typedActuals).toBe(4);
  });

  it("reads the same three round trips for the ×100 workbook", async () => {
    const wb = generatedDescription(100);
    await applyWorkbook(fake.context, wb, { replace: false });
    fake.workbook.sheet("Indicatori").type("M5801", 1);
    const before = fake.log.syncs;
    expect((await inspectWorkbook(fake.context, wb)).typedActuals).toBe(1);
    expect(fake.log.syncs - before).toBe(3);
  }, 30_000);

  it("counts the Archivio and Registro rows as history a replacement must keep", async () => {
    const plan = readCruscotto(sampleText());
    const wb = buildWorkbook(plan, defaultSettings(plan));
    await applyWorkbook(fake.context, wb, { replace: false });
    // A first import writes one Registro row («Importazione iniziale») and an empty Archivio.
    expect((await inspectWorkbook(fake.context, wb)).historyRows).toBe(1);
  });

  it("counts only the sheets that exist when part of the workbook is there", async () => {
    useFake({ sheets: ["Foglio1", "Impostazioni"] });
    expect(await inspectWorkbook(fake.context, smallDescription())).toEqual({
      existingSheets: ["Impostazioni"],
      typedActuals: 0,
      historyRows: 0,
    });
  });
});

describe("readTable and selectCell", () => {
  it("reads headers and rows, with empty cells as null and formula results as Excel gives them", async () => {
    useFake({ evaluate: (formula) => (formula.startsWith("=IF([@Consuntivo]") ? 0.5 : "") });
    await applyWorkbook(fake.context, smallDescription(), { replace: false });
    fake.workbook.sheet("Indicatori").type("E4", 0.41);
    const table = await readTable(fake.context, "Indicatori", "tblIndicatori");
    expect(table.headers).toEqual(["Codice", "Indicatore", "Target", "Valore target", "Consuntivo", "Punteggio"]);
    expect(table.rows).toEqual([
      ["1.1", "Tasso di riscossione del diritto annuale", "≥ 82,00 %", 0.82, 0.41, 0.5],
      ["1.2", "=SOMMA(A1:A3) resta testo", "+5% rispetto al 2022", 5, null, 0.5],
      ["2.1", "-10 giorni sui tempi medi", "@entro 30/06", 30, 12.5, 0.5],
    ]);
  });

  it("takes the user to a cell: activates the sheet and selects it", async () => {
    await applyWorkbook(fake.context, smallDescription(), { replace: false });
    await selectCell(fake.context, "Impostazioni", "B2");
    expect(fake.workbook.activeSheet?.name).toBe("Impostazioni");
    expect(fake.workbook.selection).toEqual({ sheet: "Impostazioni", address: "B2" });
  });

  it("rejects with the host's error when the sheet or table is missing", async () => {
    await expect(readTable(fake.context, "Indicatori", "tblIndicatori")).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    await expect(selectCell(fake.context, "Assente", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
