// Long writes give the caller's thread turns (src/excel/pace.ts; the pane's pacer is
// src/taskpane/turns.ts): the task pane's thread also takes the user's input and paints. What a paced import writes is what an unpaced one writes; the pace
// only decides where the turns fall.
import { applyWorkbook } from "../../src/excel/applyWorkbook";
import { rewriteFormulas } from "../../src/excel/rewriteFormulas";
import { UNPACED, type Pacer } from "../../src/excel/pace";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { timeSliced } from "../../src/taskpane/turns";
import { createRecordingExcel, type RecordingExcel } from "../fakes/recordingExcel";
import { sampleText } from "../helpers/sample";

const plan = readCruscotto(sampleText());
const settings = defaultSettings(plan);

function freshFake(): RecordingExcel {
  const fake = createRecordingExcel();
  (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
  return fake;
}

/** Every cell of every sheet: what a user would find in the workbook. */
function contents(fake: RecordingExcel): unknown {
  return fake.workbook.sheetNames().map((name) => {
    const sheet = fake.workbook.sheet(name);
    return [name, [...sheet.cells.entries()].map(([key, cell]) => [key, cell.content, cell.numberFormat])];
  });
}

/** A pacer that counts its turns and lets a timer run in each (as the pane's event loop would). */
function countingPacer(sliceMs: number, clock: () => number): { pacer: Pacer; turns: () => number } {
  let turns = 0;
  const pacer = timeSliced(
    () =>
      new Promise((resolve) => {
        turns++;
        setTimeout(resolve, 0);
      }),
    sliceMs,
    clock,
  );
  return { pacer, turns: () => turns };
}

describe("a paced import of the sample", () => {
  test("writes exactly what an unpaced import writes, in the same requests", async () => {
    const unpaced = freshFake();
    const plain = await applyWorkbook(unpaced.context, buildWorkbook(plan, settings), { replace: false });
    const paced = freshFake();
    // A zero slice: a turn at every step, the most interleaving a pacer can cause.
    const { pacer, turns } = countingPacer(0, Date.now);
    const report = await applyWorkbook(paced.context, buildWorkbook(plan, settings), { replace: false, pacer });
    expect(contents(paced)).toEqual(contents(unpaced));
    expect(report.requestBytes).toEqual(plain.requestBytes);
    expect(paced.log.batches).toEqual(unpaced.log.batches);
    // A step per queued command at least, and two turns around every sync.
    expect(turns()).toBeGreaterThanOrEqual(report.commands + 2 * report.syncs);
  });

  test("other work runs while the import is prepared and queued, not only at the syncs", async () => {
    const fake = freshFake();
    const ticks: number[] = [];
    let syncsSeen = 0;
    const timer = setInterval(() => ticks.push(fake.log.syncs), 0);
    try {
      await applyWorkbook(fake.context, buildWorkbook(plan, settings), {
        replace: false,
        pacer: countingPacer(0, Date.now).pacer,
      });
      syncsSeen = fake.log.syncs;
    } finally {
      clearInterval(timer);
    }
    // The timer ran before the first write request went (while the writes were prepared and
    // queued), and many times more than there were syncs.
    const beforeWrites = ticks.filter((syncs) => syncs <= 1).length;
    expect(beforeWrites).toBeGreaterThan(10);
    expect(ticks.length).toBeGreaterThan(10 * syncsSeen);
  });

  test("a settings switch paced the same way rewrites the same cells", async () => {
    const imported = freshFake();
    await applyWorkbook(imported.context, buildWorkbook(plan, settings), { replace: false });
    const rewritten = async (pacer: Pacer): Promise<unknown> => {
      const fake = freshFake();
      await applyWorkbook(fake.context, buildWorkbook(plan, settings), { replace: false });
      const switched = { ...settings, formulaMode: settings.formulaMode === "native" ? "pira" : "native" } as const;
      await rewriteFormulas(fake.context, buildWorkbook(plan, switched), pacer);
      return contents(fake);
    };
    const paced = await rewritten(countingPacer(0, Date.now).pacer);
    expect(paced).not.toEqual(contents(imported));
    expect(paced).toEqual(await rewritten(UNPACED));
  });
});
