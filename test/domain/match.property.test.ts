// Random revisions of the sample (fast-check): the matcher follows names, never positions.
import fc from "fast-check";
import { readCruscotto } from "../../src/domain/reader";
import { matchPlans, normaliseName } from "../../src/domain/match";
import { sampleText } from "../helpers/sample";
import { revise, revisionOp, type RevisionOp } from "../helpers/revisions";

const sample = readCruscotto(sampleText());
const nameKeys = (plan: typeof sample) =>
  new Map(plan.objectives.flatMap((o) => o.indicators.map((i) => [i.id, normaliseName(i.name)] as const)));
/** Revisions that keep every name: reorderings, moves, renumberings and a moved horizon. */
const nameKeeping = revisionOp.filter((o): o is RevisionOp => ["move", "shuffle", "renumber", "years"].includes(o.op));

describe("matching random revisions of the sample (fast-check)", () => {
  it("has unique indicator names to start with", () => {
    const names = [...nameKeys(sample).values()];
    expect(new Set(names).size).toBe(names.length);
  });

  it("maps every indicator to the one with its name when no name changed", () => {
    fc.assert(
      fc.property(fc.array(nameKeeping, { maxLength: 12 }), (ops) => {
        const revised = revise(sample, ops);
        const m = matchPlans(sample, revised);
        const oldNames = nameKeys(sample);
        const newNames = nameKeys(revised);
        expect(m.proposals).toEqual([]);
        expect(Object.keys(m.idMap).sort()).toEqual([...oldNames.keys()].sort());
        for (const [oldId, newId] of Object.entries(m.idMap)) expect(newNames.get(newId)).toBe(oldNames.get(oldId));
        expect(m.changes.filter((c) => c.kind === "indicatorAdded" || c.kind === "indicatorRemoved")).toEqual([]);
      }),
      { numRuns: 150, seed: 20241031 },
    );
  });

  it("is one-to-one, keeps proposals apart from the id map, and finds nothing against itself", () => {
    fc.assert(
      fc.property(fc.array(revisionOp, { maxLength: 12 }), (ops) => {
        const revised = revise(sample, ops);
        const m = matchPlans(sample, revised);
        const targets = Object.values(m.idMap);
        expect(new Set(targets).size).toBe(targets.length);
        for (const p of m.proposals) {
          expect(m.idMap[p.oldId]).toBeUndefined();
          expect(targets).not.toContain(p.newId);
        }
        const self = matchPlans(revised, revised);
        expect(self.changes).toEqual([]);
        expect(self.proposals).toEqual([]);
      }),
      { numRuns: 150, seed: 20241101 },
    );
  });
});
