// The pane answers clicks while a write runs (it is paced), so a second write or a read can be
// asked in the middle of one: the gateway runs each after the write before it, as Excel would
// see them if the pane had frozen. Through the real gateway over the recording fake.
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { SAMPLE_PLAN, fakeOffice } from "./harness";

jest.setTimeout(60_000);

const settings = defaultSettings(SAMPLE_PLAN);

test("a read asked while the import runs sees the imported workbook", async () => {
  const { gateway, excel } = fakeOffice();
  let imported = false;
  const importing = gateway
    .importWorkbook(buildWorkbook(SAMPLE_PLAN, settings), { replace: false })
    .then(() => (imported = true));
  // The import has read the workbook and is preparing its writes: no table exists yet.
  while (excel.log.syncs < 1) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(imported).toBe(false);
  expect(excel.workbook.table("tblIndicatori")).toBeUndefined();
  const plan = gateway.readPlan();
  const tables = gateway.readWorkbookTables();
  await importing;
  expect((await plan)?.objectives.length).toBe(SAMPLE_PLAN.objectives.length);
  expect((await tables)?.indicators.rows.length).toBe(58);
});

test("a formula switch asked while the import runs waits for it, then rewrites the imported sheets", async () => {
  const { gateway, excel } = fakeOffice();
  const importing = gateway.importWorkbook(buildWorkbook(SAMPLE_PLAN, settings), { replace: false });
  const switching = gateway.switchFormulas(buildWorkbook(SAMPLE_PLAN, { ...settings, formulaMode: "pira" }));
  await importing;
  await switching;
  const formulas = [...excel.workbook.sheet("Indicatori").cells.values()]
    .map((c) => (c.content?.kind === "formula" ? c.content.formula : ""))
    .filter((f) => f.includes("PIRA.SCORE"));
  expect(formulas.length).toBeGreaterThan(0);
});

test("a failed write does not block the ones after it", async () => {
  const { gateway, excel } = fakeOffice();
  excel.fakeContext.failOnCommand(({ op }) => op === "worksheets.add");
  const failing = gateway.importWorkbook(buildWorkbook(SAMPLE_PLAN, settings), { replace: false });
  const next = gateway.importWorkbook(buildWorkbook(SAMPLE_PLAN, settings), { replace: false });
  await expect(failing).rejects.toThrow();
  await expect(next).resolves.toMatchObject({ sheets: expect.arrayContaining(["Indicatori"]) });
});

test("an import reports how far it is: the sheets prepared, the request sent, then done", async () => {
  const { gateway } = fakeOffice();
  const seen: string[] = [];
  await gateway.importWorkbook(buildWorkbook(SAMPLE_PLAN, settings), {
    replace: false,
    onProgress: ({ stage, fraction }) => seen.push(`${stage} ${fraction.toFixed(2)}`),
  });
  const fractions = seen.map((s) => Number(s.split(" ")[1]));
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  expect(seen[0]).toBe("writing 0.40");
  expect(seen.at(-1)).toBe("done 1.00");
  // One step per sheet written, between the start and the request.
  const sheets = buildWorkbook(SAMPLE_PLAN, settings).sheets.length;
  expect(seen.filter((s) => s.startsWith("writing") && s !== "writing 0.40" && s !== "writing 1.00")).toHaveLength(
    sheets,
  );
});

test("a progress display that throws changes nothing: the import is written and reported done", async () => {
  const { gateway, excel } = fakeOffice();
  const outcome = await gateway.importWorkbook(buildWorkbook(SAMPLE_PLAN, settings), {
    replace: false,
    onProgress: () => {
      throw new Error("barra rotta");
    },
  });
  expect(outcome.sheets).toContain("Indicatori");
  expect(excel.workbook.table("tblIndicatori")?.rect.rows).toBe(59);
});

test("a write asked while a read runs waits for the read", async () => {
  const { gateway, excel } = fakeOffice();
  await gateway.importWorkbook(buildWorkbook(SAMPLE_PLAN, settings), { replace: false });
  const realRun = excel.excelNamespace.run;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let runs = 0;
  const heldRun = async <T>(...args: Parameters<typeof realRun<T>>): Promise<T> => {
    runs++;
    if (runs === 1) await held; // the read, still running
    return realRun<T>(...args);
  };
  (globalThis as unknown as { Excel: { run: typeof realRun } }).Excel.run = heldRun;
  const reading = gateway.readPlan();
  const switching = gateway.switchFormulas(buildWorkbook(SAMPLE_PLAN, { ...settings, formulaMode: "pira" }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(runs).toBe(1);
  release();
  expect((await reading)?.objectives.length).toBe(SAMPLE_PLAN.objectives.length);
  await switching;
  expect(runs).toBe(2);
});
