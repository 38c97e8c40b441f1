// Reading a workbook back, over plain cell values: the tables the import writes for the whole
// sample, as either adapter hands them to src/workbook/read.ts.
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { HEADERS, NAMES, SHEETS, TABLES } from "../../src/workbook/layout";
import {
  WorkbookFormatError,
  actualsFromTable,
  areaWeightsFromTable,
  planFromTables,
  settingsFromCells,
  workbookActuals,
  yearsOf,
  type Cell,
  type CellError,
  type PlacedTable,
  type Table,
} from "../../src/workbook/read";
import { isFormula, type WorkbookDescription } from "../../src/workbook/types";
import { sampleText } from "../helpers/sample";

const plan = readCruscotto(sampleText());
const actuals = { "1.1": { "2023": 6.5, "2026": -3 }, "1.2": { "2024": "SI" }, "2.2": { "2023": 0.825 } };
const description = buildWorkbook(plan, defaultSettings(plan), actuals);

/** A table of the description as a spreadsheet holds it before calculating: formulas show nothing. */
function plainTable(wb: WorkbookDescription, name: string): Table {
  const table = wb.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
  return {
    headers: table.columns.map((c) => c.header),
    rows: table.rows.map((row) => row.map((cell): Cell => (isFormula(cell) ? null : cell))),
  };
}

const indicators = plainTable(description, TABLES.indicators);

test("the plan read from the tables is the plan imported, minus title, date and diagnostics", () => {
  const read = planFromTables(
    indicators,
    plainTable(description, TABLES.objectives),
    plainTable(description, TABLES.areaWeights),
  );
  expect(read).toEqual({ ...plan, title: "", date: "", diagnostics: [] });
});

test("the actuals, area weights and settings read are the ones written", () => {
  const read = actualsFromTable(indicators, plan);
  expect(Object.keys(read)).toHaveLength(58);
  expect(read["1.1"]).toEqual({ "2023": 6.5, "2024": null, "2025": null, "2026": -3 });
  expect(read["1.2"]["2024"]).toBe("SI");
  expect(areaWeightsFromTable(plainTable(description, TABLES.areaWeights))).toEqual(defaultSettings(plan).areaWeights);
  expect(
    settingsFromCells({
      [NAMES.year]: 2024,
      [NAMES.green]: "0.9",
      [NAMES.amber]: 0.6,
      [NAMES.mode]: "Lineare",
      [NAMES.formulaMode]: "PIRA",
    }),
  ).toEqual({ year: 2024, greenFrom: 0.9, amberFrom: 0.6, mode: "lineare", formulaMode: "pira" });
});

test("years come from the consuntivo headers, whatever their case and spacing", () => {
  expect(yearsOf({ headers: ["CONSUNTIVO 2024", " Consuntivo 2023 ", "Target 2025", "Consuntivo"] })).toEqual([
    2024, 2023,
  ]);
});

describe("workbookActuals", () => {
  const placed = (rows: (Cell | CellError)[][]): PlacedTable => ({
    sheet: SHEETS.indicators,
    topLeft: { row: 0, column: 0 },
    headers: indicators.headers,
    rows,
  });

  it("gives only the typed actuals, and a stand-in plan with every indicator, year and target", () => {
    const read = workbookActuals(placed(indicators.rows));
    expect(read.problems).toEqual([]);
    expect(read.actuals).toEqual(actuals);
    expect(read.plan.years).toEqual(plan.years);
    expect(read.plan.objectives[0].indicators.map((i) => i.id)).toEqual(
      plan.objectives.flatMap((o) => o.indicators.map((i) => i.id)),
    );
    const target = read.plan.objectives[0].indicators.find((i) => i.id === "2.2")!.targets["2023"];
    expect(target).toMatchObject({ kind: "atLeast", value: 82, unit: "%" });
  });

  it("names the cell of every value that cannot be an actual", () => {
    const column = indicators.headers.indexOf(HEADERS.actual(2024));
    const rows = indicators.rows.map((row) => [...row] as (Cell | CellError)[]);
    rows[2][column] = { error: "#DIV/0!" };
    const read = workbookActuals(placed(rows));
    expect(read.problems).toEqual([{ cell: "Indicatori!M4", message: "1.3, 2024: #DIV/0!." }]);
  });

  it("refuses a table without consuntivo columns", () => {
    const table: PlacedTable = { ...placed([["1.1"]]), headers: [HEADERS.indicatorId] };
    expect(() => workbookActuals(table)).toThrow(WorkbookFormatError);
    expect(() => workbookActuals(table)).toThrow("non ci sono colonne «Consuntivo AAAA»");
  });
});
