// The 100× synthetic plan other tests build on must be the sample a hundred times over: each copy
// reads exactly like the sample, with only objective numbers, indicator ids and area codes renumbered.
import type { Objective, Plan } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { sampleText } from "../helpers/sample";
import { syntheticCruscotto } from "../helpers/synthetic";

const TIMES = 100;
const sample = readCruscotto(sampleText());
const big = readCruscotto(syntheticCruscotto(TIMES));

/** An objective with its numbers taken out: what must be equal in every copy. */
function content(o: Objective, areaName: (code: string) => string) {
  return {
    title: o.title,
    area: areaName(o.areaCode),
    weightOnArea: o.weightOnArea,
    resources: o.resources,
    perspective: o.perspective,
    mission: o.mission,
    programme: o.programme,
    indicators: o.indicators.map(({ id: _id, ...rest }) => rest),
  };
}

function areaNames(plan: Plan): (code: string) => string {
  const byCode = new Map(plan.areas.map((a) => [a.code, a.name]));
  return (code) => byCode.get(code) ?? `(ambito ${code} sconosciuto)`;
}

describe("the 100× synthetic plan", () => {
  const per = sample.objectives.length;

  it("has the sample's objectives, indicators and areas a hundred times, numbered 1..N", () => {
    expect(big.objectives).toHaveLength(per * TIMES);
    expect(big.objectives.map((o) => o.number)).toEqual(big.objectives.map((_o, i) => i + 1));
    expect(big.areas).toHaveLength(sample.areas.length * TIMES);
    expect(big.years).toEqual(sample.years);
  });

  it.each(Array.from({ length: TIMES }, (_v, k) => k))("copy %i reads exactly like the sample", (k) => {
    const copy = big.objectives.slice(k * per, (k + 1) * per);
    expect(copy.map((o) => content(o, areaNames(big)))).toEqual(
      sample.objectives.map((o) => content(o, areaNames(sample))),
    );
    copy.forEach((o, i) => {
      expect(o.number).toBe(k * per + i + 1);
      expect(o.indicators.map((ind) => ind.id)).toEqual(o.indicators.map((_ind, j) => `${o.number}.${j + 1}`));
    });
    // Each copy has areas of its own, so their "Peso su AS" still sum like the sample's.
    const codes = new Set(copy.map((o) => o.areaCode));
    expect(codes.size).toBe(sample.areas.length);
    for (const other of big.objectives.slice(0, k * per)) expect(codes.has(other.areaCode)).toBe(false);
  });

  it("finds in every copy what it finds in the sample, by code", () => {
    const counts = (plan: Plan) => {
      const byCode = new Map<string, number>();
      for (const d of plan.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
      return Object.fromEntries([...byCode].sort());
    };
    const expected = Object.fromEntries(Object.entries(counts(sample)).map(([code, n]) => [code, n * TIMES]));
    expect(counts(big)).toEqual(expected);
  });
});
