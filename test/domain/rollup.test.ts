import type { Actuals, Plan, Target } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { scorePlan, weightedMean, type WeightedItem, type WeightedResult } from "../../src/domain/rollup";
import { isoToSerial } from "../../src/domain/dates";
import { excelScaleValue, parseTarget } from "../../src/domain/targets";
import { defaultSettings, type Settings } from "../../src/domain/settings";
import { rollup as piraRollup, weighted as piraWeighted } from "../../src/functions/functions";
import { sampleText } from "../helpers/sample";

describe("weightedMean", () => {
  const rows: [string, WeightedItem[], WeightedResult][] = [
    ["nothing", [], { score: null, coverage: null }],
    ["only zero weights", [{ weight: 0, score: 1 }], { score: null, coverage: null }],
    ["nothing scored yet", [{ weight: 50, score: null }], { score: null, coverage: 0 }],
    ["one scored item", [{ weight: 14.28, score: 0.5 }], { score: 0.5, coverage: 1 }],
    [
      "a half-filled objective",
      [
        { weight: 50, score: 1 },
        { weight: 50, score: null },
      ],
      { score: 1, coverage: 0.5 },
    ],
    [
      "unequal weights",
      [
        { weight: 3, score: 1 },
        { weight: 1, score: 0 },
      ],
      { score: 0.75, coverage: 1 },
    ],
    [
      "a monitoring-only indicator (weight 0) is left out of score and coverage",
      [
        { weight: 50, score: 0.5 },
        { weight: 0, score: 0 },
        { weight: 0, score: null },
      ],
      { score: 0.5, coverage: 1 },
    ],
    [
      "negative and NaN weights count as no weight",
      [
        { weight: -5, score: 0 },
        { weight: Number.NaN, score: 0 },
        { weight: 2, score: 0.25 },
      ],
      { score: 0.25, coverage: 1 },
    ],
  ];
  it.each(rows)("%s", (_what, items, expected) => {
    expect(weightedMean(items)).toEqual(expected);
  });

  it("sums in the given order, as the native formulas do", () => {
    const items = [
      { weight: 14.28, score: 0.1 },
      { weight: 14.29, score: 0.7 },
      { weight: 14.28, score: 0.3 },
      { weight: 14.29, score: null },
    ];
    const num = 14.28 * 0.1 + 14.29 * 0.7 + 14.28 * 0.3;
    const den = 14.28 + 14.29 + 14.28;
    expect(weightedMean(items)).toEqual({ score: num / den, coverage: den / (den + 14.29) });
  });
});

function target(text: string): Target {
  return parseTarget(text)!;
}

/** A small plan: area A (objectives 1 and 2, 60/40), area B (objective 3). */
function handPlan(): Plan {
  return {
    title: "Piano di prova",
    date: "",
    years: [2023],
    areas: [
      { code: "A", name: "Area A" },
      { code: "B", name: "Area B" },
    ],
    objectives: [
      {
        number: 1,
        title: "Uno",
        areaCode: "A",
        weightOnArea: 60,
        resources: null,
        perspective: "",
        mission: "",
        programme: "",
        indicators: [
          { id: "1.1", name: "conteggio", common: false, weight: 50, targets: { "2023": target(">= 10 N.") } },
          { id: "1.2", name: "tempi", common: false, weight: 30, targets: { "2023": target("<= 20 gg") } },
          { id: "1.3", name: "scadenza", common: false, weight: 20, targets: { "2023": target("Entro 31-12-2023") } },
          { id: "1.4", name: "monitoraggio", common: false, weight: 0, targets: { "2023": target(">= 90,00 %") } },
        ],
      },
      {
        number: 2,
        title: "Due",
        areaCode: "A",
        weightOnArea: 40,
        resources: null,
        perspective: "",
        mission: "",
        programme: "",
        indicators: [
          { id: "2.1", name: "percentuale", common: false, weight: 100, targets: { "2023": target(">= 80,00 %") } },
        ],
      },
      {
        number: 3,
        title: "Tre",
        areaCode: "B",
        weightOnArea: 100,
        resources: null,
        perspective: "",
        mission: "",
        programme: "",
        indicators: [
          { id: "3.1", name: "senza target", common: false, weight: 50, targets: { "2023": null } },
          { id: "3.2", name: "illeggibile", common: false, weight: 25, targets: { "2023": target("boh") } },
          { id: "3.3", name: "zero", common: false, weight: 25, targets: { "2023": target("0 N.") } },
        ],
      },
    ],
    diagnostics: [],
  };
}

describe("scorePlan on a hand-built plan", () => {
  const plan = handPlan();
  const settings: Settings = { ...defaultSettings(plan), year: 2023 };
  const actuals: Actuals = {
    "1.1": { "2023": 5 },
    "1.2": { "2023": 25 },
    "1.3": { "2023": "SI" },
    "1.4": { "2023": 0.1 },
    "2.1": { "2023": 0.6 },
    "3.1": { "2023": 7 },
    "3.2": { "2023": 7 },
    "3.3": { "2023": 0 },
  };
  const result = scorePlan(plan, actuals, 2023, settings);

  it("scores every indicator, with no score where the target is missing or unreadable", () => {
    expect(result.indicators).toEqual([
      { id: "1.1", score: 0.5, status: "Non raggiunto" },
      { id: "1.2", score: 0.8, status: "Parzialmente raggiunto" },
      { id: "1.3", score: 1, status: "Raggiunto" },
      { id: "1.4", score: 0.1 / 0.9, status: "Non raggiunto" },
      { id: "2.1", score: 0.6 / 0.8, status: "Parzialmente raggiunto" },
      { id: "3.1", score: null, status: "n.d." },
      // A typed actual against an unreadable target: no score, and the status says why, as the workbook does.
      { id: "3.2", score: null, status: "Target non leggibile" },
      { id: "3.3", score: 1, status: "Raggiunto" },
    ]);
  });

  it("rolls indicators into objectives by weight, leaving out weight 0", () => {
    const o1 = (50 * 0.5 + 30 * 0.8 + 20 * 1) / (50 + 30 + 20);
    expect(result.objectives).toEqual([
      { number: 1, score: o1, coverage: 1, status: "Non raggiunto" },
      { number: 2, score: 0.6 / 0.8, coverage: 1, status: "Parzialmente raggiunto" },
      { number: 3, score: 1, coverage: 25 / 100, status: "Raggiunto" },
    ]);
  });

  it("rolls objectives into areas by Peso su AS and areas into the chamber with equal weights", () => {
    const o1 = (50 * 0.5 + 30 * 0.8 + 20 * 1) / (50 + 30 + 20);
    const a = (60 * o1 + 40 * (0.6 / 0.8)) / (60 + 40);
    expect(result.areas).toEqual([
      { code: "A", score: a, coverage: 1, status: "Parzialmente raggiunto" },
      // Coverage compounds: B's only objective covers 25 % of its weight, so B is 25 % covered.
      { code: "B", score: 1, coverage: 0.25, status: "Raggiunto" },
    ]);
    expect(result.chamber).toEqual({
      score: (1 * a + 1 * 1) / 2,
      coverage: (1 * 1 + 1 * 0.25) / 2,
      status: "Parzialmente raggiunto",
    });
  });

  it("leaves an objective whose area could not be read out of the areas and the chamber, as the workbook does", () => {
    const orphan: Plan = JSON.parse(JSON.stringify(plan));
    orphan.objectives[2].areaCode = "";
    const r = scorePlan(orphan, actuals, 2023, settings);
    expect(r.objectives[2].score).toBe(1);
    expect(r.areas.map((a) => a.code)).toEqual(["A", "B"]);
    expect(r.areas[1]).toEqual({ code: "B", score: null, coverage: null, status: "n.d." });
    expect(r.chamber.score).toBe(result.areas[0].score);
  });

  it("uses the area weights of the settings", () => {
    const weighted = scorePlan(plan, actuals, 2023, { ...settings, areaWeights: { A: 3, B: 1 } });
    const a = weighted.areas[0].score!;
    expect(weighted.chamber.score).toBe((3 * a + 1 * 1) / 4);
    const onlyB = scorePlan(plan, actuals, 2023, { ...settings, areaWeights: { A: 0, B: 1 } });
    expect(onlyB.chamber).toEqual({ score: 1, coverage: 0.25, status: "Raggiunto" });
  });

  it("follows the mode and thresholds of the settings", () => {
    const binary = scorePlan(plan, actuals, 2023, { ...settings, mode: "binario", amberFrom: 0.5 });
    expect(binary.indicators.map((i) => i.score)).toEqual([0, 0, 1, 0, 0, null, null, 1]);
    expect(binary.objectives[0]).toEqual({ number: 1, score: 0.2, coverage: 1, status: "Non raggiunto" });
    expect(binary.objectives[2].status).toBe("Raggiunto");
  });

  it("treats a bad actual as no score instead of failing the whole plan", () => {
    const withBad = scorePlan(plan, { ...actuals, "1.1": { "2023": "tanti" } }, 2023, settings);
    expect(withBad.indicators[0]).toEqual({ id: "1.1", score: null, status: "Consuntivo non valido" });
    expect(withBad.objectives[0].coverage).toBe(50 / 100);
  });

  it("reports an empty chamber as n.d. with coverage 0", () => {
    const empty = scorePlan(plan, {}, 2023, settings);
    expect(empty.indicators.every((i) => i.score === null && i.status === "n.d.")).toBe(true);
    expect(empty.objectives.map((o) => o.coverage)).toEqual([0, 0, 0]);
    expect(empty.chamber).toEqual({ score: null, coverage: 0, status: "n.d." });
  });
});

/** The actual that exactly meets a target, as a cell would hold it. */
function meetingActual(t: Target): number {
  return t.kind === "deadline" ? isoToSerial(t.deadline!) : excelScaleValue(t)!;
}

describe("scorePlan on the bundled sample", () => {
  const plan = readCruscotto(sampleText());
  const settings = defaultSettings(plan);
  const indicators = plan.objectives.flatMap((o) => o.indicators);

  describe.each(plan.years.map(String))("year %s", (year) => {
    it("shows everything n.d. before any actual is typed", () => {
      const result = scorePlan(plan, {}, Number(year), settings);
      expect(result.indicators).toHaveLength(indicators.length);
      expect(result.indicators.every((i) => i.status === "n.d.")).toBe(true);
      expect(result.objectives.every((o) => o.score === null && o.coverage === 0)).toBe(true);
      expect(result.areas.map((a) => a.code)).toEqual(plan.areas.map((a) => a.code));
      expect(result.chamber).toEqual({ score: null, coverage: 0, status: "n.d." });
    });

    it("scores 100 % with full coverage when every target is met exactly", () => {
      const actuals: Actuals = {};
      for (const i of indicators) {
        const t = i.targets[year];
        if (t) actuals[i.id] = { [year]: meetingActual(t) };
      }
      const result = scorePlan(plan, actuals, Number(year), settings);
      for (const i of result.indicators) {
        const hasTarget = indicators.find((x) => x.id === i.id)!.targets[year] !== null;
        expect(i.score).toBe(hasTarget ? 1 : null);
      }
      // Indicators without a target in later years weigh 0 ("DFP 3.3"), so coverage stays full.
      expect(result.objectives.every((o) => o.score === 1 && o.coverage === 1)).toBe(true);
      expect(result.areas.every((a) => a.score === 1 && a.coverage === 1 && a.status === "Raggiunto")).toBe(true);
      expect(result.chamber).toEqual({ score: 1, coverage: 1, status: "Raggiunto" });
    });
  });

  it("gives the same doubles as PIRA.WEIGHTED and PIRA.ROLLUP over the workbook's columns", () => {
    // Deterministic, varied actuals: the target value scaled by 0.3..1.2, or NO for deadlines, some left empty.
    const actuals: Actuals = {};
    indicators.forEach((i, n) => {
      const t = i.targets["2023"];
      if (!t || n % 5 === 4) return;
      const factor = 0.3 + ((n * 7) % 10) / 10;
      actuals[i.id] = { "2023": t.kind === "deadline" ? (n % 2 ? "NO" : "SI") : excelScaleValue(t)! * factor };
    });
    const result = scorePlan(plan, actuals, 2023, settings);
    const scoreById = new Map(result.indicators.map((i) => [i.id, i.score]));

    // The Indicatori table: one row per indicator with objective number, weight and score.
    const rows = plan.objectives.flatMap((o) =>
      o.indicators.map((i) => ({ key: o.number, weight: i.weight, id: i.id })),
    );
    const keys = rows.map((r) => [r.key]);
    const weights = rows.map((r) => [r.weight]);
    const scores = rows.map((r) => [scoreById.get(r.id) ?? ""]);
    for (const o of result.objectives) {
      expect(piraRollup(keys, o.number, weights, scores)).toBe(o.score ?? "");
    }
    // The Obiettivi table: one row per objective with area code, Peso su AS and score.
    const oKeys = plan.objectives.map((o) => [o.areaCode]);
    const oWeights = plan.objectives.map((o) => [o.weightOnArea]);
    const oScores = result.objectives.map((o) => [o.score ?? ""]);
    for (const a of result.areas) expect(piraRollup(oKeys, a.code, oWeights, oScores)).toBe(a.score ?? "");
    const chamber = piraWeighted(
      result.areas.map((a) => [a.score ?? ""]),
      result.areas.map(() => [1]),
    );
    expect(chamber).toBe(result.chamber.score);
    // Some objectives are partly filled and show it.
    expect(result.objectives.some((o) => o.coverage !== null && o.coverage > 0 && o.coverage < 1)).toBe(true);
  });
});
