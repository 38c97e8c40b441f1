// The pane's Excel.run for writes gives the event loop a turn around every sync (a 100× import is a dozen
// requests: input and paint get in between), and leaves the context as it found it.
import { writingRun as run } from "../../src/taskpane/officeGateway";
import { createRecordingExcel } from "../fakes/recordingExcel";

test("each sync lets a queued timer run before it and after it, and the wrapper never stacks", async () => {
  const excel = createRecordingExcel({ sheets: ["Foglio1"] });
  (globalThis as unknown as { Excel: unknown }).Excel = excel.excelNamespace;
  const events: string[] = [];
  let context: Excel.RequestContext | null = null;
  const batch = async (c: Excel.RequestContext): Promise<void> => {
    context = c;
    c.workbook.worksheets.getItem("Foglio1").getRange("A1").values = [[1]];
    setTimeout(() => events.push("timer"), 0);
    const synced = c.sync().then(() => events.push("synced"));
    events.push("queued");
    await synced;
  };
  await run(batch);
  // The timer set before the sync ran before the sync's answer came back.
  expect(events).toEqual(["queued", "timer", "synced"]);
  expect(excel.log.syncs).toBe(1);
  expect(excel.workbook.sheet("Foglio1").cell("A1").value).toBe(1);
  // No own property left: the context's own sync is back.
  expect(Object.prototype.hasOwnProperty.call(context, "sync")).toBe(false);
  await run(batch);
  await run(batch);
  expect(excel.log.syncs).toBe(3);
  expect(Object.prototype.hasOwnProperty.call(context, "sync")).toBe(false);
});
