// rewriteFormulas switches formula mode in place and must never touch what users typed.
import { applyWorkbook } from "../../src/excel/applyWorkbook";
import { rewriteFormulas } from "../../src/excel/rewriteFormulas";
import { isFormula, type WorkbookDescription } from "../../src/workbook/types";
import { createRecordingExcel, parseAddress, type RecordingExcel } from "../fakes/recordingExcel";
import { generatedDescription, indicatorColumns, YEARS } from "./descriptions";

let fake: RecordingExcel;

beforeEach(() => {
  fake = createRecordingExcel();
  (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
});

const COLUMNS = indicatorColumns();

function letter(index: number): string {
  let s = "";
  for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function col(header: string): string {
  return letter(COLUMNS.findIndex((c) => c.header === header));
}

/** The same workbook in "pira" mode: scores from =PIRA.SCORE, other helper values, another chamber formula. */
function piraMode(wb: WorkbookDescription): WorkbookDescription {
  const copy = structuredClone(wb);
  const table = copy.sheets[0].tables[0];
  table.rows.forEach((row) => {
    table.columns.forEach((column, j) => {
      const year = /(\d{4})$/.exec(column.header)?.[1];
      if (column.header.startsWith("Punteggio ") && !column.header.startsWith("Punteggio pesato")) {
        row[j] = { formula: `=PIRA.SCORE([@[Consuntivo ${year}]],[@[Target ${year}]])` };
      }
      if (column.header.startsWith("Valore target")) row[j] = 0.5;
    });
  });
  const cruscotto = copy.sheets.find((s) => s.name === "Cruscotto");
  const chamber = cruscotto?.ranges[2].rows.at(-1);
  if (chamber) chamber[1] = { formula: "=PIRA.ROLLUP(B5:B8)" };
  return copy;
}

describe("rewriteFormulas", () => {
  it("rewrites formula and helper columns and keeps typed actuals, notes and settings", async () => {
    const native = generatedDescription(1);
    await applyWorkbook(fake.context, native, { replace: false });
    const indicatori = fake.workbook.sheet("Indicatori");
    indicatori.type(`${col("Consuntivo 2023")}2`, 0.91);
    indicatori.type(`${col("Consuntivo 2024")}10`, "SI");
    indicatori.type(`${col("Note")}3`, "=verificato con l'ufficio");
    fake.workbook.sheet("Impostazioni").type("B4", 0.95);
    fake.log.writes.length = 0;

    const report = await rewriteFormulas(fake.context, piraMode(native));

    expect(report.syncs).toBeLessThanOrEqual(6);
    expect(indicatori.cell(`${col("Punteggio 2023")}2`).formula).toBe(
      "=PIRA.SCORE([@[Consuntivo 2023]],[@[Target 2023]])",
    );
    expect(indicatori.cell(`${col("Valore target 2025")}59`).value).toBe(0.5);
    expect(indicatori.cell(`${col("Esito 2024")}7`).formula).toMatch(/^=IF\(\[@\[Punteggio 2024\]\]=""/);
    expect(indicatori.cell(`${col("Consuntivo 2023")}2`).value).toBe(0.91);
    expect(indicatori.cell(`${col("Consuntivo 2024")}10`).value).toBe("SI");
    expect(indicatori.cell(`${col("Note")}3`).value).toBe("=verificato con l'ufficio");
    expect(fake.workbook.sheet("Impostazioni").cell("B4").value).toBe(0.95);
    expect(fake.workbook.sheet("Cruscotto").cell("B9").formula).toBe("=PIRA.ROLLUP(B5:B8)");
    expect(fake.workbook.sheet("Cruscotto").cell("A9").value).toBe("Camera");

    // No write landed on an input column or on a literal cell of the settings.
    const inputColumns = COLUMNS.map((c, i) => ({ c, i })).filter(({ c }) => c.role === "input");
    for (const w of fake.log.writes.filter((w) => w.sheet === "Indicatori" && w.address !== "")) {
      const rect = parseAddress(w.address);
      for (const { i } of inputColumns) {
        expect(i >= rect.column && i < rect.column + rect.columns).toBe(false);
      }
    }
    expect(fake.log.writes.filter((w) => w.sheet === "Impostazioni")).toEqual([]);
  });

  it("unprotects and re-protects with the same options, input cells still unlocked", async () => {
    const native = generatedDescription(1);
    await applyWorkbook(fake.context, native, { replace: false });
    await rewriteFormulas(fake.context, piraMode(native));
    const s = fake.workbook.sheet("Indicatori");
    expect(s.protection).toEqual({
      protected: true,
      options: { allowAutoFilter: true, allowSort: true, allowFormatColumns: true },
      password: undefined,
    });
    expect(s.cell(`${col("Consuntivo 2025")}30`).locked).toBe(false);
    expect(s.cell(`${col("Punteggio 2025")}30`).locked).toBe(true);
    expect(s.isColumnHidden(col("Tipo target 2023"))).toBe(true);
  });

  it("uses the same few syncs for the ×100 workbook, under 4 MB each", async () => {
    const native = generatedDescription(100);
    await applyWorkbook(fake.context, native, { replace: false });
    const before = fake.log.syncs;
    const report = await rewriteFormulas(fake.context, piraMode(native));
    expect(fake.log.syncs - before).toBe(report.syncs);
    expect(report.syncs).toBeLessThanOrEqual(6);
    expect(Math.max(...fake.log.requestBytes.slice(before))).toBeLessThanOrEqual(4_000_000);
    expect(fake.workbook.sheet("Indicatori").cell(`${col("Punteggio 2024")}5801`).formula).toBe(
      "=PIRA.SCORE([@[Consuntivo 2024]],[@[Target 2024]])",
    );
  }, 30_000);

  it("refuses when the workbook was not imported", async () => {
    await expect(rewriteFormulas(fake.context, generatedDescription(1))).rejects.toThrow(
      /Mancano foglio «Indicatori», foglio «Obiettivi», foglio «Cruscotto», tabella «tblIndicatori», tabella «tblObiettivi»/,
    );
    expect(fake.log.writes).toEqual([]);
  });

  it("refuses when the table's rows no longer match the plan, before any write", async () => {
    const native = generatedDescription(1);
    await applyWorkbook(fake.context, native, { replace: false });
    const writes = fake.log.writes.length;
    const longer = structuredClone(native);
    const rows = longer.sheets[0].tables[0].rows;
    rows.push(structuredClone(rows[0]));
    await expect(rewriteFormulas(fake.context, longer)).rejects.toThrow(
      /La tabella «tblIndicatori» ha 58 righe, il cruscotto ne prevede 59/,
    );
    expect(fake.log.writes.length).toBe(writes);
  });

  it("refuses when a rewritten column is missing from the table", async () => {
    const native = generatedDescription(1);
    await applyWorkbook(fake.context, native, { replace: false });
    const renamed = structuredClone(native);
    const column = renamed.sheets[0].tables[0].columns.find((c) => c.header === `Esito ${YEARS[1]}`);
    if (column) column.header = "Esito nuovo";
    await expect(rewriteFormulas(fake.context, renamed)).rejects.toThrow(/mancano le colonne «Esito nuovo»/);
  });

  it("only writes formula cells of ranges", async () => {
    const native = generatedDescription(1);
    await applyWorkbook(fake.context, native, { replace: false });
    fake.log.writes.length = 0;
    await rewriteFormulas(fake.context, native);
    const cruscotto = fake.log.writes.filter((w) => w.sheet === "Cruscotto" && w.op === "formulas");
    const formulaCells = native.sheets[2].ranges.flatMap((r) => r.rows.flat().filter(isFormula));
    expect(cruscotto.map((w) => w.address)).toEqual(["B2", "B5", "B6", "B7", "B8", "B9"]);
    expect(cruscotto).toHaveLength(formulaCells.length);
  });
});
