// A workbook "filled" by its users, for the yearly-cycle tests: a consuntivo fitting every target
// of every year (met, partial or missed in turn), and notes on some of them and on a few empty
// cells, one of them a would-be formula.
import type { Notes } from "../../src/domain/match";
import type { Actual, Actuals, Plan, Target } from "../../src/domain/model";
import { isoToSerial } from "../../src/domain/dates";
import { percentToFraction } from "../../src/domain/numbers";

function fitting(target: Target, turn: number): Actual {
  switch (target.kind) {
    case "atLeast":
    case "atMost":
    case "equal": {
      const t = target.unit === "%" ? percentToFraction(target.value ?? 0) : (target.value ?? 0);
      const factor = [1, 0.8, 0.5, 1.2][turn % 4];
      return Number((t * factor).toPrecision(10));
    }
    case "deadline":
      return turn % 3 === 0 ? "SI" : isoToSerial(target.deadline!) + (turn % 2 === 0 ? -5 : 10);
    case "yesno":
      return turn % 2 === 0 ? "SI" : "NO";
    default:
      return null;
  }
}

export function fillPlan(plan: Plan): { actuals: Actuals; notes: Notes } {
  const actuals: Actuals = {};
  const notes: Notes = {};
  let turn = 0;
  for (const o of plan.objectives)
    for (const i of o.indicators)
      for (const year of plan.years) {
        const key = String(year);
        const target = i.targets[key] ?? null;
        turn++;
        const value = target ? fitting(target, turn) : null;
        if (value !== null && turn % 5 !== 0) (actuals[i.id] ??= {})[key] = value;
        if (turn % 3 === 0)
          (notes[i.id] ??= {})[key] = turn % 9 === 0 ? `=Nota ${i.id} ${key}` : `Scostamento ${i.id}/${key}`;
      }
  return { actuals, notes };
}
