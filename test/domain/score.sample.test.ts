// Every real target of the bundled sample (230 typed cells), through every mode.
import { isoToSerial } from "../../src/domain/dates";
import type { Actual, Target } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { isMet, scoreTarget, statusOf, targetOf } from "../../src/domain/score";
import { SCORING_MODES, type ScoringMode } from "../../src/domain/settings";
import { excelScaleValue } from "../../src/domain/targets";
import { score as piraScore } from "../../src/functions/functions";
import { sampleText } from "../helpers/sample";

interface Cell {
  label: string;
  target: Target;
}

const plan = readCruscotto(sampleText());
const cells: Cell[] = plan.objectives.flatMap((o) =>
  o.indicators.flatMap((i) =>
    Object.entries(i.targets)
      .filter((entry): entry is [string, Target] => entry[1] !== null)
      .map(([year, target]) => ({ label: `${i.id} ${year} "${target.text}"`, target })),
  ),
);

/** What each kind must give, per mode, for actuals derived from the target itself. */
function expectations(t: Target): [Actual, Record<ScoringMode, number>][] {
  if (t.kind === "deadline") {
    const d = isoToSerial(t.deadline!);
    return [
      [d, { proporzionale: 1, binario: 1, lineare: 1 }],
      [d - 1, { proporzionale: 1, binario: 1, lineare: 1 }],
      [d + 1, { proporzionale: 0, binario: 0, lineare: 0 }],
      ["SI", { proporzionale: 1, binario: 1, lineare: 1 }],
      ["NO", { proporzionale: 0, binario: 0, lineare: 0 }],
    ];
  }
  const v = excelScaleValue(t)!;
  const met = { proporzionale: 1, binario: 1, lineare: 1 };
  const missed = { proporzionale: 0, binario: 0, lineare: 0 };
  if ((t.kind === "atLeast" || t.kind === "equal") && v > 0) {
    return [
      [v, met],
      [v * 2, met],
      [v / 2, { proporzionale: 0.5, binario: 0, lineare: 0.5 }],
      [0, missed],
      [-v, missed],
    ];
  }
  if (t.kind === "atMost" && v > 0) {
    return [
      [v, met],
      [v / 2, met],
      [0, met],
      [v * 2, { proporzionale: 0.5, binario: 0, lineare: 0 }],
      [v * 1.5, { proporzionale: v / (v * 1.5), binario: 0, lineare: 1 - (v * 1.5 - v) / v }],
    ];
  }
  if (t.kind === "atMost" && v < 0) {
    return [
      [v, met],
      [v - 1, met],
      [v / 2, { proporzionale: 0, binario: 0, lineare: 0.5 }],
      [0, missed],
    ];
  }
  if (t.kind === "atLeast" && v < 0) {
    return [
      [v, met],
      [v / 2, met],
      [v * 1.5, { proporzionale: 0, binario: 0, lineare: 1 - (v - v * 1.5) / Math.abs(v) }],
      [v * 3, missed],
    ];
  }
  if (t.kind === "equal" && v === 0) {
    return [
      [0, met],
      [1, missed],
    ];
  }
  throw new Error(`the sample has a target this test does not cover: ${t.text}`);
}

describe("every target of the bundled sample", () => {
  it("counts the 230 typed targets, none unreadable", () => {
    expect(cells).toHaveLength(230);
    expect(cells.filter((c) => c.target.kind === "unreadable")).toEqual([]);
  });

  describe.each(cells)("$label", ({ target }) => {
    it.each(SCORING_MODES)("scores as the method says in mode %s", (mode) => {
      for (const [actual, byMode] of expectations(target)) {
        expect([actual, scoreTarget(target, actual, mode)]).toEqual([actual, byMode[mode]]);
      }
    });

    it("gives no score and n.d. without an actual, in every mode", () => {
      for (const mode of SCORING_MODES) {
        for (const empty of [null, "", "  "]) expect(scoreTarget(target, empty, mode)).toBeNull();
      }
      expect(isMet(target, null)).toBeNull();
      expect(statusOf(scoreTarget(target, null))).toBe("n.d.");
    });

    it("is met by the actual that equals the target", () => {
      const exact = expectations(target)[0][0];
      expect(isMet(target, exact)).toBe(true);
      expect(statusOf(scoreTarget(target, exact))).toBe("Raggiunto");
    });

    it("gives the same score from the text as written and through PIRA.SCORE", () => {
      const cached = targetOf(target.text);
      expect(cached).toEqual(target);
      for (const [actual] of expectations(target)) {
        expect(piraScore(target.text, actual)).toBe(scoreTarget(target, actual));
      }
    });
  });
});
