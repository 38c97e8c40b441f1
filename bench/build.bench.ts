// pira build speed: the workbook description and the .xlsx for the sample (with the bundled
// example actuals) and for a synthetic plan 100× its size, and peak heap for the 100×.
// Goals (issue "pira build"): sample ≤ 1 s, 100× ≤ 15 s.
import * as fs from "node:fs";
import * as path from "node:path";
import { writeXlsx } from "../src/xlsx";
import { parseActualsCsv } from "../src/domain/actualsCsv";
import type { Actuals, Plan } from "../src/domain/model";
import { readCruscotto } from "../src/domain/reader";
import { defaultSettings } from "../src/domain/settings";
import { buildWorkbook } from "../src/workbook/build";
import { sampleText } from "../test/helpers/sample";
import { syntheticCruscotto } from "../test/helpers/synthetic";
import { heapBefore, medianMsAsync, mib, report } from "./harness";

/** The example actuals of 2023, repeated for every copy of each indicator in the synthetic plan. */
function scaledActuals(plan: Plan, example: Actuals, perCopy: number): Actuals {
  const actuals: Actuals = {};
  plan.objectives
    .flatMap((o) => o.indicators)
    .forEach((indicator, i) => {
      const original = Object.keys(example)[i % perCopy];
      if (original !== undefined) actuals[indicator.id] = example[original];
    });
  return actuals;
}

async function main(): Promise<void> {
  const csv = fs.readFileSync(path.join(__dirname, "..", "samples", "consuntivi-2023-esempio.csv"), "utf8");
  const one = readCruscotto(sampleText());
  const example = parseActualsCsv(csv, one).actuals;
  const hundred = readCruscotto(syntheticCruscotto(100));
  const hundredActuals = scaledActuals(hundred, example, Object.keys(example).length);
  const build = (plan: Plan, actuals: Actuals) =>
    writeXlsx(buildWorkbook(plan, { ...defaultSettings(plan), formulaMode: "native" }, actuals));

  const t1 = await medianMsAsync(() => build(one, example), 11, 2);
  const t100 = await medianMsAsync(() => build(hundred, hundredActuals), 3, 1);

  const before = heapBefore();
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  }, 5);
  const bytes = (await build(hundred, hundredActuals)).length;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed - before);

  report("build.sample.median", t1, "ms");
  report("build.100x.median", t100, "ms");
  report("build.100x.heap", mib(peak), "MiB");
  report("build.100x.size", mib(bytes), "MiB");
  report(
    "build.100x.indicators",
    hundred.objectives.reduce((n, o) => n + o.indicators.length, 0),
    "count",
  );
}

void main();
