import fc from "fast-check";
import type { Actual, NumericTarget, Target, Unit } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { isMet, percentActualLimit, ScoreError, scoreTarget } from "../../src/domain/score";
import { excelScaleValue } from "../../src/domain/targets";
import { SCORING_MODES } from "../../src/domain/settings";
import { sampleText } from "../helpers/sample";

const sampleTargets: Target[] = readCruscotto(sampleText()).objectives.flatMap((o) =>
  o.indicators.flatMap((i) => Object.values(i.targets).filter((t): t is Target => t !== null)),
);

const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });

/** Numeric targets beyond the sample: any comparison, any sign, with or without a percent unit. */
const syntheticNumeric: fc.Arbitrary<Target> = fc
  .record({
    kind: fc.constantFrom<NumericTarget["kind"]>("atLeast", "atMost", "equal"),
    value: fc.oneof(finite, fc.constantFrom(0, 1, -1, 82, -9.9)),
    unit: fc.constantFrom<Unit>("%", "N.", "gg", ""),
  })
  .map(({ kind, value, unit }) => ({ text: `${kind} ${value} ${unit}`, kind, value, unit, deadline: null }));

const anyTarget = fc.oneof(fc.constantFrom(...sampleTargets), syntheticNumeric);

const anyActual: fc.Arbitrary<Actual> = fc.oneof(
  finite,
  fc.constantFrom<Actual>(null, "", " ", "SI", "NO", "Sì", true, false, 0, 1, 45291, "3,5", "abc"),
);

const mode = fc.constantFrom(...SCORING_MODES);

/** Whether a number is an actual the target takes (a percent target refuses 82 typed for 82 %). */
function inScale(target: Target, a: number): boolean {
  return target.unit !== "%" || Math.abs(a) <= percentActualLimit(excelScaleValue(target) ?? 0);
}

function tryScore(target: Target, actual: Actual, m: (typeof SCORING_MODES)[number]): number | null | "error" {
  try {
    return scoreTarget(target, actual, m);
  } catch (e) {
    if (e instanceof ScoreError) return "error";
    throw e;
  }
}

describe("score properties", () => {
  it("a score is empty or within [0, 1]; only typed errors are thrown", () => {
    fc.assert(
      fc.property(anyTarget, anyActual, mode, (target, actual, m) => {
        const s = tryScore(target, actual, m);
        if (s === null || s === "error") return;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
      { numRuns: 5000 },
    );
  });

  it("an empty actual never scores, whatever the target and mode", () => {
    fc.assert(
      fc.property(anyTarget, fc.constantFrom<Actual>(null, "", "   "), mode, (target, actual, m) => {
        expect(scoreTarget(target, actual, m)).toBeNull();
      }),
    );
  });

  it("never falls when an atLeast actual rises", () => {
    const atLeast = fc.oneof(
      fc.constantFrom(...sampleTargets.filter((t) => t.kind === "atLeast" || (t.kind === "equal" && t.value! > 0))),
      syntheticNumeric.filter((t) => t.kind === "atLeast"),
    );
    fc.assert(
      fc.property(atLeast, finite, finite, (target, x, y) => {
        fc.pre(inScale(target, x) && inScale(target, y));
        const [low, high] = x <= y ? [x, y] : [y, x];
        for (const m of SCORING_MODES) {
          expect(scoreTarget(target, low, m)!).toBeLessThanOrEqual(scoreTarget(target, high, m)!);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("never rises when an atMost actual rises", () => {
    const atMost = fc.oneof(
      fc.constantFrom(...sampleTargets.filter((t) => t.kind === "atMost")),
      syntheticNumeric.filter((t) => t.kind === "atMost"),
    );
    fc.assert(
      fc.property(atMost, finite, finite, (target, x, y) => {
        fc.pre(inScale(target, x) && inScale(target, y));
        const [low, high] = x <= y ? [x, y] : [y, x];
        for (const m of SCORING_MODES) {
          expect(scoreTarget(target, low, m)!).toBeGreaterThanOrEqual(scoreTarget(target, high, m)!);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("a met target scores 1 in every mode, and binario is exactly met or not", () => {
    fc.assert(
      fc.property(anyTarget, anyActual, (target, actual) => {
        let met: boolean | null;
        try {
          met = isMet(target, actual);
        } catch (e) {
          expect(e).toBeInstanceOf(ScoreError);
          return;
        }
        if (met === null) return;
        expect(scoreTarget(target, actual, "binario")).toBe(met ? 1 : 0);
        if (met) for (const m of SCORING_MODES) expect(scoreTarget(target, actual, m)).toBe(1);
      }),
      { numRuns: 3000 },
    );
  });

  it("lineare equals proporzionale for a positive atLeast target, up to rounding", () => {
    // 1 − (t − a)/t is a/t written differently: only atMost and negative targets tell the modes apart.
    const positive = syntheticNumeric.filter((t) => t.kind === "atLeast" && t.value! > 0);
    fc.assert(
      fc.property(positive, finite, (target, a) => {
        fc.pre(inScale(target, a));
        expect(scoreTarget(target, a, "lineare")!).toBeCloseTo(scoreTarget(target, a, "proporzionale")!, 9);
      }),
    );
  });

  it("proporzionale is never harsher than lineare for a positive atMost target", () => {
    // With x = a/t ≥ 1: 1/x ≥ 2 − x, since (x − 1)² ≥ 0.
    const positive = syntheticNumeric.filter((t) => t.kind === "atMost" && t.value! > 0);
    fc.assert(
      fc.property(positive, finite, (target, a) => {
        fc.pre(inScale(target, a));
        const p = scoreTarget(target, a, "proporzionale")!;
        const l = scoreTarget(target, a, "lineare")!;
        expect(p).toBeGreaterThanOrEqual(l - 1e-12);
      }),
    );
  });
});
