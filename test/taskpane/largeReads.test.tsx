// The pane's reads of a 100× plan stay small: a click on an indicator reads the header row and
// the id column, the monitoring reads the id and consuntivo columns, never the whole table
// (some 3 MB at 100×, against Excel on the web's 5 MB response limit).
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { readTable } from "../../src/excel";
import { buildWorkbook } from "../../src/workbook/build";
import { columnLetter } from "../../src/workbook/address";
import { indicatorLayout, SHEETS, TABLES } from "../../src/workbook/layout";
import { syntheticCruscotto } from "../helpers/synthetic";
import { fakeOffice } from "./harness";

const plan = readCruscotto(syntheticCruscotto(100));
const ids = plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
const office = fakeOffice();

/** The response bytes of the syncs `action` makes. */
async function responseOf(action: () => Promise<unknown>): Promise<number[]> {
  const before = office.excel.log.responseBytes.length;
  await action();
  return office.excel.log.responseBytes.slice(before);
}

beforeAll(async () => {
  expect(ids).toHaveLength(5800);
  await office.gateway.importWorkbook(buildWorkbook(plan, defaultSettings(plan)), { replace: false });
}, 120_000);

test("the whole Indicatori table is megabytes at 100× (what the pane must not read per click)", async () => {
  const whole = await responseOf(() =>
    office.excel.excelNamespace.run((c) => readTable(c, SHEETS.indicators, TABLES.indicators)),
  );
  expect(Math.max(...whole)).toBeGreaterThan(1_000_000);
});

test("going to an indicator reads the header and the id column only, and selects its consuntivo", async () => {
  const last = ids[ids.length - 1];
  const sizes = await responseOf(() => office.gateway.goToIndicator(last, 2024));
  expect(Math.max(...sizes)).toBeLessThan(100_000);
  const selection = office.excel.workbook.selection!;
  expect(selection.sheet).toBe(SHEETS.indicators);
  const cell = office.excel.workbook.sheet(SHEETS.indicators).cell(selection.address);
  expect(selection.address).toMatch(new RegExp(`\\D${ids.length + 1}$`));
  expect(cell).toBeDefined();
  // The header above the selected cell is the year's consuntivo.
  const column = selection.address.replace(/\d+$/, "");
  expect(office.excel.workbook.sheet(SHEETS.indicators).cell(`${column}1`)).toMatchObject({ value: "Consuntivo 2024" });
});

test("the monitoring reads the id and consuntivo columns only, and gets the typed actuals", async () => {
  const layout = indicatorLayout(plan.years);
  const sheet = office.excel.workbook.sheet(SHEETS.indicators);
  sheet.type(`${columnLetter(layout.perYear.get(2023)!.actual)}2`, 15);
  sheet.type(`${columnLetter(layout.perYear.get(2026)!.actual)}${ids.length + 1}`, 3);
  let actuals: Awaited<ReturnType<typeof office.gateway.readActuals>> = {};
  const sizes = await responseOf(async () => {
    actuals = await office.gateway.readActuals(plan);
  });
  expect(Math.max(...sizes)).toBeLessThan(400_000);
  expect(actuals[ids[0]]["2023"]).toBe(15);
  expect(actuals[ids[ids.length - 1]]["2026"]).toBe(3);
});
