// Round trips and request sizes of the Excel adapter, through the recording fake, for the
// sample's workbook and for a plan 100× its size: import (applyWorkbook) and formula-mode switch
// (rewriteFormulas). The fake measures each request as the UTF-8 JSON of the written arguments.
import { applyWorkbook, type ApplyReport } from "../src/excel/applyWorkbook";
import { rewriteFormulas } from "../src/excel/rewriteFormulas";
import { readCruscotto } from "../src/domain/reader";
import { defaultSettings } from "../src/domain/settings";
import { buildWorkbook } from "../src/workbook/build";
import { createRecordingExcel, type RecordingLog } from "../test/fakes/recordingExcel";
import { sampleText } from "../test/helpers/sample";
import { syntheticCruscotto } from "../test/helpers/synthetic";
import { report } from "./harness";

function measured(log: RecordingLog, from: number): { largest: number; total: number } {
  const sizes = log.requestBytes.slice(from);
  return { largest: Math.max(...sizes), total: sizes.reduce((a, b) => a + b, 0) };
}

async function run(label: string, text: string): Promise<void> {
  const plan = readCruscotto(text);
  const settings = defaultSettings(plan);
  const fake = createRecordingExcel();
  (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;

  const applied: ApplyReport = await applyWorkbook(fake.context, buildWorkbook(plan, settings), { replace: false });
  const apply = measured(fake.log, 0);
  report(`excel.${label}.apply.syncs`, applied.syncs, "count");
  report(`excel.${label}.apply.largestRequest`, apply.largest, "bytes");
  report(`excel.${label}.apply.totalPayload`, apply.total, "bytes");
  report(`excel.${label}.apply.estimatedLargestRequest`, applied.largestRequestBytes, "bytes");

  const before = fake.log.syncs;
  const rewritten = await rewriteFormulas(fake.context, buildWorkbook(plan, { ...settings, formulaMode: "pira" }));
  const rewrite = measured(fake.log, before);
  report(`excel.${label}.rewrite.syncs`, rewritten.syncs, "count");
  report(`excel.${label}.rewrite.largestRequest`, rewrite.largest, "bytes");
  report(`excel.${label}.rewrite.totalPayload`, rewrite.total, "bytes");
}

async function main(): Promise<void> {
  await run("sample", sampleText());
  await run("100x", syntheticCruscotto(100));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
