// Checks a plan, cell by cell, against the sample's hand-read plan (expectedSample.ts), with its years
// shifted for renditions of the same plan for other years. Returns every difference as one line, so
// a failing rendition shows all it got wrong at once.
import type { Plan } from "../../src/domain/model";
import { parseTarget } from "../../src/domain/targets";
import { EXPECTED_OBJECTIVES } from "../domain/fixtures/expectedSample";
import { SAMPLE_TITLE, SAMPLE_YEARS, renditionTarget } from "./renditions";

export const EXPECTED_TYPED_TARGETS = 230;

export function planDifferences(plan: Plan, yearShift = 0, checkTitle = true): string[] {
  const out: string[] = [];
  const years = SAMPLE_YEARS.map((y) => y + yearShift);
  const same = (what: string, got: unknown, want: unknown): void => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      out.push(`${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  };
  if (checkTitle) same("title", plan.title, SAMPLE_TITLE.replace(/2023\b/, String(2023 + yearShift)));
  same("years", plan.years, years);
  same("objectives", plan.objectives.length, EXPECTED_OBJECTIVES.length);
  EXPECTED_OBJECTIVES.forEach((want, i) => {
    const got = plan.objectives[i];
    if (!got) return;
    const o = `objective ${want.number}`;
    same(`${o} number`, got.number, want.number);
    same(`${o} title`, got.title, want.title);
    same(`${o} area`, got.areaCode, want.area);
    same(`${o} weight`, got.weightOnArea, want.weightOnArea);
    same(`${o} resources`, got.resources, want.resources);
    same(`${o} perspective`, got.perspective, want.perspective);
    same(`${o} mission`, got.mission, want.mission);
    same(`${o} programme`, got.programme, want.programme);
    same(`${o} indicators`, got.indicators.length, want.indicators.length);
    want.indicators.forEach(([id, weight, common, name, targets], k) => {
      const ind = got.indicators[k];
      if (!ind) return;
      same(`${id} id`, ind.id, id);
      same(`${id} weight`, ind.weight, weight);
      same(`${id} OC`, ind.common, common);
      same(`${id} name`, ind.name, name);
      targets.split(" | ").forEach((text, y) => {
        const year = String(years[y]);
        if (!(year in ind.targets)) {
          out.push(`${id} ${year}: missing key`);
          return;
        }
        const t = ind.targets[year];
        const expected = text.trim() ? parseTarget(renditionTarget(text.trim(), { yearShift, typeset: false })) : null;
        const strip = (x: typeof t) =>
          x ? { kind: x.kind, value: x.value, unit: x.unit, deadline: x.deadline } : null;
        same(`${id} ${year}`, strip(t), strip(expected));
      });
    });
  });
  return out;
}

export function typedTargets(plan: Plan): number {
  return plan.objectives
    .flatMap((o) => o.indicators)
    .reduce((n, i) => n + Object.values(i.targets).filter((t) => t !== null).length, 0);
}
