// What the pane reads back from an imported workbook (through the Office gateway and the
// recording fake) is what was imported: the plan, the settings and the actuals.
import { defaultSettings } from "../../src/domain/settings";
import { fakeOffice, importSample, SAMPLE_PLAN, typeActuals } from "./harness";

test("the plan read back from the workbook equals the imported one, minus title and diagnostics", async () => {
  const { gateway } = fakeOffice();
  await importSample(gateway);
  const plan = await gateway.readPlan();
  expect(plan).toEqual({ ...SAMPLE_PLAN, title: "", date: "", diagnostics: [] });
});

test("the settings and actuals read back are the ones written and typed", async () => {
  const { gateway, excel } = fakeOffice();
  await importSample(gateway, { greenFrom: 0.95, amberFrom: 0.6, mode: "lineare", formulaMode: "pira", year: 2024 });
  typeActuals(excel, [
    ["1.1", 2023, 15],
    ["1.2", 2024, "SI"],
    ["1.5", 2023, "20%"],
    ["14.1", 2026, "31/12/2026"],
  ]);
  expect(await gateway.readSettings()).toEqual({
    year: 2024,
    greenFrom: 0.95,
    amberFrom: 0.6,
    // Thresholds of no named profile: the workbook holds them as the custom profile.
    profile: "Personalizzato",
    mode: "lineare",
    formulaMode: "pira",
    areaWeights: defaultSettings(SAMPLE_PLAN).areaWeights,
  });
  const actuals = await gateway.readActuals(SAMPLE_PLAN);
  expect(Object.keys(actuals)).toHaveLength(58);
  expect(actuals["1.1"]).toEqual({ "2023": 15, "2024": null, "2025": null, "2026": null });
  expect(actuals["1.2"]["2024"]).toBe("SI");
  expect(actuals["1.5"]["2023"]).toBe(0.2);
  // A date typed as 31/12/2026 is stored as its Excel serial.
  expect(actuals["14.1"]["2026"]).toBe(46387);
});

test("a workbook that was never imported has no plan and no settings", async () => {
  const { gateway } = fakeOffice();
  expect(await gateway.readPlan()).toBeNull();
  expect(await gateway.readSettings()).toBeNull();
});

test("the settings are read through the names' ranges, whatever language NamedItem.formula speaks", async () => {
  const { gateway, excel } = fakeOffice();
  await importSample(gateway, { greenFrom: 0.9, year: 2025 });
  // A German desktop Excel, say: R1C1 references in the formula text (office-js#2834).
  excel.workbook.localiseNameFormula = (f) =>
    f.replace(/\$([A-Z]+)\$(\d+)/g, (_m, c: string, r: string) => `Z${r}S${c.charCodeAt(0) - 64}`);
  const settings = await gateway.readSettings();
  expect(settings).toMatchObject({ year: 2025, greenFrom: 0.9 });
});
