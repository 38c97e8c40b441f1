// LibreOffice headless recalculation of the workbook `pira build` writes, for the sample and for
// the synthetic plan 100× its size (test/helpers/synthetic.ts), both with the example actuals:
// a full recalculation (calculateAll) and the recalculation after one edited consuntivo
// (calculate with automatic calculation off), through LibreOffice's UNO bridge (bench/recalc.py,
// Debian's python3-uno), with a fresh profile. Reports the 100×/1× ratios; never asserts.
// Goals: ratios ≤ 150, 100× one edit ≤ 0.5 s.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseActualsCsv } from "../src/domain/actualsCsv";
import type { Actuals, Plan } from "../src/domain/model";
import { readCruscotto } from "../src/domain/reader";
import { defaultSettings } from "../src/domain/settings";
import { cellAddress } from "../src/workbook/address";
import { buildWorkbook } from "../src/workbook/build";
import { HEADERS, SHEETS, indicatorLayout } from "../src/workbook/layout";
import { writeXlsx } from "../src/xlsx";
import { sampleText } from "../test/helpers/sample";
import { syntheticCruscotto } from "../test/helpers/synthetic";
import { report } from "./harness";

function scaledActuals(plan: Plan, example: Actuals): Actuals {
  const ids = Object.keys(example);
  const actuals: Actuals = {};
  plan.objectives
    .flatMap((o) => o.indicators)
    .forEach((indicator, i) => {
      const original = ids[i % ids.length];
      if (original !== undefined) actuals[indicator.id] = example[original];
    });
  return actuals;
}

interface Timing {
  file: string;
  full_ms: number;
  edit_ms: number;
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pira-recalc-"));
  try {
    const csv = fs.readFileSync(path.join(__dirname, "..", "samples", "consuntivi-2023-esempio.csv"), "utf8");
    const one = readCruscotto(sampleText());
    const example = parseActualsCsv(csv, one).actuals;
    const hundred = readCruscotto(syntheticCruscotto(100));
    const jobs: string[] = [];
    for (const [name, plan, actuals] of [
      ["1x", one, example],
      ["100x", hundred, scaledActuals(hundred, example)],
    ] as const) {
      const file = path.join(work, `${name}.xlsx`);
      fs.writeFileSync(
        file,
        await writeXlsx(buildWorkbook(plan, { ...defaultSettings(plan), formulaMode: "native" }, actuals)),
      );
      // The first indicator's consuntivo of the first year (">= 13 N." in the sample).
      const year = plan.years[0];
      const column = indicatorLayout(plan.years).columns.findIndex((c) => c.header === HEADERS.actual(year));
      jobs.push(file, SHEETS.indicators, cellAddress(1, column), "7");
    }
    const profile = path.join(work, "profile");
    const run = spawnSync("/usr/bin/python3", [path.join(__dirname, "recalc.py"), profile, ...jobs], {
      encoding: "utf8",
      timeout: 900_000,
    });
    if (run.status !== 0) throw new Error(`recalc.py: uscita ${run.status}: ${run.stderr}`);
    const [t1, t100] = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Timing);
    report("recalc.libreoffice.1x.full", t1.full_ms, "ms");
    report("recalc.libreoffice.100x.full", t100.full_ms, "ms");
    report("recalc.libreoffice.full.ratio", t100.full_ms / t1.full_ms, "x");
    report("recalc.libreoffice.1x.edit", t1.edit_ms, "ms");
    report("recalc.libreoffice.100x.edit", t100.edit_ms, "ms");
    report("recalc.libreoffice.edit.ratio", t100.edit_ms / t1.edit_ms, "x");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

void main();
