// Random revisions of a plan at the model level, as a chamber's yearly revision makes them:
// indicators dropped, renamed, moved and reordered, objectives closed, opened, renumbered and
// retitled, the horizon moved. Ids are made again from the new positions, as the reader would.
import fc from "fast-check";
import type { Objective, Plan } from "../../src/domain/model";

export type RevisionOp =
  | { op: "drop"; at: number }
  | { op: "rename"; at: number; suffix: string }
  | { op: "move"; at: number; to: number }
  | { op: "shuffle"; objective: number; seed: number }
  | { op: "close"; objective: number }
  | { op: "open"; names: string[] }
  | { op: "renumber"; objective: number; number: number }
  | { op: "retitle"; objective: number }
  | { op: "years"; drop: boolean; add: boolean };

export const revisionOp: fc.Arbitrary<RevisionOp> = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("rename" as const),
    at: fc.nat(),
    suffix: fc.constantFrom("", "x", " bis", " (rev.)", "e"),
  }),
  fc.record({ op: fc.constant("move" as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant("shuffle" as const), objective: fc.nat(), seed: fc.nat() }),
  fc.record({ op: fc.constant("close" as const), objective: fc.nat() }),
  fc.record({
    op: fc.constant("open" as const),
    names: fc.array(
      fc.constantFrom("Customer satisfaction", "Nuovo indicatore", "Incremento accessi alla Biblioteca storica"),
      { maxLength: 3 },
    ),
  }),
  fc.record({ op: fc.constant("renumber" as const), objective: fc.nat(), number: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant("retitle" as const), objective: fc.nat() }),
  fc.record({ op: fc.constant("years" as const), drop: fc.boolean(), add: fc.boolean() }),
);

function renumberIds(plan: Plan): Plan {
  for (const o of plan.objectives) o.indicators = o.indicators.map((i, k) => ({ ...i, id: `${o.number}.${k + 1}` }));
  return plan;
}

export function revise(base: Plan, ops: RevisionOp[]): Plan {
  const plan: Plan = structuredClone(base);
  const objectiveAt = (n: number): Objective | undefined => plan.objectives[n % Math.max(1, plan.objectives.length)];
  for (const o of ops) {
    const all = plan.objectives.flatMap((obj) => obj.indicators.map((i) => ({ obj, i })));
    const pick = "at" in o && all.length > 0 ? all[o.at % all.length] : undefined;
    switch (o.op) {
      case "drop":
        if (pick) pick.obj.indicators = pick.obj.indicators.filter((i) => i !== pick.i);
        break;
      case "rename":
        if (pick) pick.i.name += o.suffix;
        break;
      case "move": {
        const to = objectiveAt(o.to);
        if (pick && to) {
          pick.obj.indicators = pick.obj.indicators.filter((i) => i !== pick.i);
          to.indicators.push(pick.i);
        }
        break;
      }
      case "shuffle": {
        const obj = objectiveAt(o.objective);
        if (obj)
          obj.indicators = obj.indicators
            .map((i, k) => ({ i, key: (k * 7919 + o.seed) % 101 }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.i);
        break;
      }
      case "close":
        plan.objectives.splice(o.objective % Math.max(1, plan.objectives.length), 1);
        break;
      case "open": {
        const number = Math.max(0, ...plan.objectives.map((x) => x.number)) + 1;
        const targets = Object.fromEntries(plan.years.map((y) => [String(y), null]));
        plan.objectives.push({
          ...structuredClone(base.objectives[0]),
          number,
          title: `Nuovo obiettivo ${number}`,
          indicators: o.names.map((name) => ({ id: "", name, common: false, weight: 10, targets })),
        });
        break;
      }
      case "renumber": {
        const obj = objectiveAt(o.objective);
        if (obj && !plan.objectives.some((x) => x.number === o.number)) obj.number = o.number;
        break;
      }
      case "retitle": {
        const obj = objectiveAt(o.objective);
        if (obj) obj.title = `Obiettivo riformulato ${obj.number}`;
        break;
      }
      case "years":
        if (o.drop && plan.years.length > 1) plan.years = plan.years.slice(1);
        if (o.add) plan.years = [...plan.years, plan.years[plan.years.length - 1] + 1];
        break;
    }
  }
  return renumberIds(plan);
}
