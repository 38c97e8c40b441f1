// Score evaluations per second over the sample's 230 targets with random actuals (goal ≥ 1,000,000/s).
import * as fs from "node:fs";
import * as path from "node:path";
import { isoToSerial } from "../src/domain/dates";
import type { Actual, Actuals, Target } from "../src/domain/model";
import { readCruscotto } from "../src/domain/reader";
import { scorePlan } from "../src/domain/rollup";
import { scoreTarget, targetOf } from "../src/domain/score";
import { defaultSettings, SCORING_MODES } from "../src/domain/settings";
import { excelScaleValue } from "../src/domain/targets";
import { score as piraScore } from "../src/functions/functions";
import { medianMs, report } from "./harness";

const ROUNDS = 1000;

// A fixed seed keeps runs comparable.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20231031);

function randomActual(t: Target): Actual {
  const r = random();
  if (r < 0.05) return null;
  if (t.kind === "deadline") {
    if (r < 0.2) return r < 0.12 ? "SI" : "NO";
    return isoToSerial(t.deadline!) + Math.round((random() - 0.5) * 60);
  }
  const v = excelScaleValue(t)!;
  return v === 0 ? Math.round(random() * 2) : v * (random() * 1.6 - 0.1);
}

const plan = readCruscotto(fs.readFileSync(path.join(__dirname, "..", "samples", "cruscotto-pira-2023.txt"), "utf8"));
const targets = plan.objectives.flatMap((o) =>
  o.indicators.flatMap((i) => Object.values(i.targets).filter((t): t is Target => t !== null)),
);
if (targets.length !== 230) throw new Error(`expected the sample's 230 targets, read ${targets.length}`);

// ROUNDS random actuals per target, laid out flat so the loop measures scoring, not setup.
const n = targets.length * ROUNDS;
const flatTargets: Target[] = new Array(n);
const flatTexts: string[] = new Array(n);
const flatActuals: Actual[] = new Array(n);
for (let k = 0; k < n; k++) {
  const t = targets[k % targets.length];
  flatTargets[k] = t;
  flatTexts[k] = t.text;
  flatActuals[k] = randomActual(t);
}

let sink = 0;
function perSecond(ms: number): number {
  return n / (ms / 1000);
}

for (const mode of SCORING_MODES) {
  const ms = medianMs(() => {
    for (let k = 0; k < n; k++) sink += scoreTarget(flatTargets[k], flatActuals[k], mode) ?? 0;
  });
  report(`score.evaluations_per_s.${mode}`, perSecond(ms), "evals/s");
}

const textMs = medianMs(() => {
  for (let k = 0; k < n; k++) sink += scoreTarget(targetOf(flatTexts[k]), flatActuals[k]) ?? 0;
});
report("score.evaluations_per_s.from_text", perSecond(textMs), "evals/s");

const functionMs = medianMs(() => {
  for (let k = 0; k < n; k++) {
    const s = piraScore(flatTexts[k], flatActuals[k]);
    if (typeof s === "number") sink += s;
  }
});
report("score.PIRA.SCORE_calls_per_s", perSecond(functionMs), "calls/s");

// The whole plan (58 indicators, 14 objectives, 4 areas, chamber) for one year.
const actuals: Actuals = {};
for (const o of plan.objectives) {
  for (const i of o.indicators) {
    const t = i.targets["2023"];
    if (t) actuals[i.id] = { "2023": randomActual(t) };
  }
}
const settings = defaultSettings(plan);
const planRuns = 1000;
const planMs = medianMs(() => {
  for (let k = 0; k < planRuns; k++) sink += scorePlan(plan, actuals, 2023, settings).chamber.score ?? 0;
});
report("score.scorePlan_per_s", planRuns / (planMs / 1000), "plans/s");

if (!Number.isFinite(sink)) throw new Error("unexpected non-finite checksum");
