// Matching a revised plan: the sample against the revised 2024 fixture, and the same at 100× (the
// synthetic plan against the synthetic of the revised fixture), plus the carry-over of a full year
// of actuals at 100×.
import * as fs from "node:fs";
import * as path from "node:path";
import { readCruscotto } from "../src/domain/reader";
import { matchPlans, planCarryOver } from "../src/domain/match";
import type { Actuals, Plan } from "../src/domain/model";
import { sampleText } from "../test/helpers/sample";
import { syntheticCruscotto } from "../test/helpers/synthetic";
import { medianMs, report } from "./harness";

const revisedText = fs.readFileSync(
  path.join(__dirname, "..", "test", "fixtures", "revised", "cruscotto-pira-2024.txt"),
  "utf8",
);
const old1 = readCruscotto(sampleText());
const new1 = readCruscotto(revisedText);
const old100 = readCruscotto(syntheticCruscotto(100));
const new100 = readCruscotto(syntheticCruscotto(100, revisedText));

function everyActual(plan: Plan): Actuals {
  const out: Actuals = {};
  for (const o of plan.objectives)
    for (const i of o.indicators) out[i.id] = Object.fromEntries(plan.years.map((y) => [String(y), 1]));
  return out;
}

const actuals100 = everyActual(old100);
const match100 = matchPlans(old100, new100);

report(
  "match.sample.median",
  medianMs(() => matchPlans(old1, new1), 101, 20),
  "ms",
);
report(
  "match.100x.median",
  medianMs(() => matchPlans(old100, new100), 11, 3),
  "ms",
);
report(
  "match.100x.self.median",
  medianMs(() => matchPlans(old100, old100), 11, 3),
  "ms",
);
report(
  "match.100x.carryOver.median",
  medianMs(() => planCarryOver(old100, new100, match100, actuals100), 11, 3),
  "ms",
);
report(
  "match.100x.indicators",
  old100.objectives.reduce((n, o) => n + o.indicators.length, 0),
  "count",
);
report("match.100x.changes", match100.changes.length, "count");
report("match.100x.proposals", match100.proposals.length, "count");
