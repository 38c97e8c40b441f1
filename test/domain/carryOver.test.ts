import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { readCruscotto } from "../../src/domain/reader";
import type { Actual, Actuals, Plan } from "../../src/domain/model";
import { acceptProposals, matchPlans, planCarryOver, type Notes } from "../../src/domain/match";
import { sampleText } from "../helpers/sample";
import { revise, revisionOp } from "../helpers/revisions";

const REVISED_PATH = path.join(__dirname, "..", "fixtures", "revised", "cruscotto-pira-2024.txt");
const sample = readCruscotto(sampleText());

/** Every (indicator, year) of a plan with a value: the workbook after a year of typing. */
function fullActuals(plan: Plan): Actuals {
  const out: Actuals = {};
  plan.objectives.forEach((o) =>
    o.indicators.forEach((i, k) => {
      out[i.id] = Object.fromEntries(plan.years.map((y) => [String(y), k + y / 10000]));
    }),
  );
  return out;
}

describe("carry-over into the revised 2024 fixture", () => {
  const revised = readCruscotto(fs.readFileSync(REVISED_PATH, "utf8"));
  const match = matchPlans(sample, revised);
  const actuals = fullActuals(sample);
  const notes: Notes = {
    "9.1": { "2024": "indagine di ottobre" },
    "1.4": { "2024": "DFP sospeso" },
    "3.1": { "2024": " " },
  };
  const result = planCarryOver(sample, revised, match, actuals, notes);
  const archivedReason = (id: string, year: string, source = "actual") =>
    result.archived.find((a) => a.oldId === id && a.year === year && a.source === source)?.reason;

  it.each([
    ["1.4", "2024", "indicatorRemoved"],
    ["12.1", "2025", "objectiveClosed"],
    ["9.1", "2024", "proposalNotAccepted"],
    ["10.3", "2026", "proposalNotAccepted"],
    ["1.1", "2023", "yearDropped"],
    ["12.2", "2023", "yearDropped"],
  ])("archives %s %s as %s", (id, year, reason) => {
    expect(archivedReason(id, year)).toBe(reason);
  });

  it.each([
    ["1.5", "1.4", "2024"],
    ["5.3", "6.3", "2025"],
    ["12.2", "15.2", "2026"],
    ["14.1", "14.6", "2024"],
    ["14.6", "14.1", "2024"],
  ])("carries %s to %s for %s", (oldId, newId, year) => {
    expect(result.actuals[newId][year]).toBe(actuals[oldId][year]);
  });

  it("flags a carried value whose target was revised", () => {
    const raised = result.carried.find((c) => c.oldId === "1.1" && c.year === "2024");
    expect(raised).toMatchObject({ newId: "1.1", targetChanged: true });
    expect(result.carried.filter((c) => c.targetChanged)).toHaveLength(1);
  });

  it("keeps every value: 58 × 4 actuals and the two written notes, the blank one left out", () => {
    expect(result.carried.length + result.archived.length).toBe(58 * 4 + 2);
    expect(result.archived.filter((a) => a.source === "note").map((a) => [a.oldId, a.reason])).toEqual([
      ["9.1", "proposalNotAccepted"],
      ["1.4", "indicatorRemoved"],
    ]);
    expect(result.archived.every((a) => a.message.length > 0)).toBe(true);
  });

  it("carries the proposals once accepted, archiving only what has no place", () => {
    const accepted = acceptProposals(sample, revised, match, match.proposals);
    const r = planCarryOver(sample, revised, accepted, actuals, notes);
    expect(r.notes).toEqual({ "9.1": { "2024": "indagine di ottobre" } });
    const reasons = new Map<string, number>();
    for (const a of r.archived) reasons.set(a.reason, (reasons.get(a.reason) ?? 0) + 1);
    // 2023 of the 56 indicators kept; all four years of 1.4 (and its note) and of 12.1: the indicator's reason first.
    expect(Object.fromEntries(reasons)).toEqual({ yearDropped: 56, indicatorRemoved: 5, objectiveClosed: 4 });
  });

  it("archives the values of an id the plan does not know", () => {
    const r = planCarryOver(sample, revised, match, { "99.1": { "2024": 3 } });
    expect(r.archived).toEqual([
      {
        source: "actual",
        value: 3,
        oldId: "99.1",
        year: "2024",
        reason: "unknownIndicator",
        message: expect.any(String),
      },
    ]);
  });
});

// ---- Random revisions of the sample: every typed value ends in exactly one place. ----

const actual: fc.Arbitrary<Actual> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constantFrom("SI", "NO", "", "  "),
  fc.constant(null),
);
const oldIds = sample.objectives.flatMap((o) => o.indicators.map((i) => i.id));
const idArb = fc.oneof(fc.constantFrom(...oldIds), fc.constantFrom("99.1", "1.99"));
const yearArb = fc.constantFrom("2022", "2023", "2024", "2025", "2026", "2027");
const table = <T>(value: fc.Arbitrary<T>) =>
  fc.dictionary(idArb, fc.dictionary(yearArb, value, { maxKeys: 6 }), { maxKeys: 40 });

const blank = (v: unknown) => v === null || (typeof v === "string" && v.trim() === "");

describe("carry-over of random revisions of the sample (fast-check)", () => {
  it("puts every typed value in exactly one place, consistent with the id map", () => {
    fc.assert(
      fc.property(
        fc.array(revisionOp, { maxLength: 12 }),
        table(actual),
        table(fc.string({ maxLength: 5 })),
        fc.boolean(),
        (ops, actuals, notes, acceptAll) => {
          const revised = revise(sample, ops);
          let match = matchPlans(sample, revised);
          if (acceptAll) match = acceptProposals(sample, revised, match, match.proposals);
          const r = planCarryOver(sample, revised, match, actuals, notes);

          const key = (source: string, id: string, year: string) => `${source} ${id} ${year}`;
          const inputs = new Map<string, unknown>();
          for (const [source, t] of [
            ["actual", actuals],
            ["note", notes],
          ] as const)
            for (const [id, byYear] of Object.entries(t))
              for (const [year, v] of Object.entries(byYear)) if (!blank(v)) inputs.set(key(source, id, year), v);
          const outputs = [...r.carried, ...r.archived].map((e) => key(e.source, e.oldId, e.year));
          expect(outputs.slice().sort()).toEqual([...inputs.keys()].sort());
          for (const e of [...r.carried, ...r.archived])
            expect(e.value).toBe(inputs.get(key(e.source, e.oldId, e.year)));

          const newIds = new Set(revised.objectives.flatMap((o) => o.indicators.map((i) => i.id)));
          const years = new Set(revised.years.map(String));
          const landed = new Set<string>();
          for (const c of r.carried) {
            expect(c.newId).toBe(match.idMap[c.oldId]);
            expect(newIds.has(c.newId) && years.has(c.year)).toBe(true);
            const spot = key(c.source, c.newId, c.year);
            expect(landed.has(spot)).toBe(false);
            landed.add(spot);
            expect(c.source === "actual" ? r.actuals[c.newId][c.year] : r.notes[c.newId][c.year]).toBe(c.value);
          }
          const targets = Object.values(match.idMap);
          expect(new Set(targets).size).toBe(targets.length);
        },
      ),
      { numRuns: 200, seed: 20241030 },
    );
  });
});
