// The exceljs reader: the actuals typed into a workbook made by `pira build`, read back.
import ExcelJS from "exceljs";
import { readWorkbookActuals, writeXlsx } from "../../src/xlsx";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { sampleText } from "../helpers/sample";

describe("readWorkbookActuals", () => {
  const plan = readCruscotto(sampleText());
  it("reads back what was written: numbers, percents, dates, SI/NO, by indicator and year", async () => {
    const actuals = {
      "1.1": { "2023": 6.5, "2026": -3 },
      "1.2": { "2023": 45275, "2024": "SI", "2025": "NO" },
      "2.2": { "2023": 0.825 },
      "9.10": { "2024": 0 },
      "1.4": { "2025": 0.8 },
    };
    const buffer = await writeXlsx(buildWorkbook(plan, defaultSettings(plan), actuals));
    const read = await readWorkbookActuals(buffer);
    expect(read.problems).toEqual([]);
    expect(read.actuals).toEqual(actuals);
    expect(read.plan.years).toEqual(plan.years);
    const ids = read.plan.objectives[0].indicators.map((i) => i.id);
    expect(ids).toEqual(plan.objectives.flatMap((o) => o.indicators.map((i) => i.id)));
    const target = read.plan.objectives[0].indicators.find((i) => i.id === "2.2")!.targets["2023"];
    expect(target).toMatchObject({ kind: "atLeast", value: 82, unit: "%" });
  });

  it("reads what formulas typed into consuntivo cells computed, zero included", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(buildWorkbook(plan, defaultSettings(plan)))) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Indicatori")!;
    ws.getCell("I2").value = { formula: "3*2", result: 6 } as ExcelJS.CellFormulaValue;
    ws.getCell("I3").value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("I4").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("I5").value = { richText: [{ text: "1" }, { text: "2" }] };
    const read = await readWorkbookActuals(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.actuals).toEqual({ "1.1": { "2023": 6 }, "1.2": { "2023": 0 }, "1.4": { "2023": "12" } });
    expect(read.problems).toEqual([{ cell: "Indicatori!I4", message: "1.3, 2023: #DIV/0!." }]);
  });

  const bad: [string, () => Promise<Buffer>, RegExp][] = [
    [
      "a file that is not a zip",
      async () => Buffer.from("indicatore;anno;consuntivo\n"),
      /non è una cartella di lavoro/,
    ],
    [
      "a workbook without Indicatori",
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Foglio1").getCell("A1").value = "x";
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
      /manca il foglio «Indicatori»/,
    ],
    [
      "an Indicatori sheet without the Indicatore column",
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Indicatori").getCell("A1").value = "Codice";
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
      /manca la colonna «Indicatore»/,
    ],
    [
      "an Indicatori sheet without Consuntivo columns",
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Indicatori").getCell("A1").value = "Indicatore";
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
      /non ci sono colonne «Consuntivo AAAA»/,
    ],
  ];
  it.each(bad)("refuses %s", async (_name, make, message) => {
    await expect(readWorkbookActuals(await make())).rejects.toThrow(message);
  });
});
