// Small plans written as data, for table-driven matcher tests: an objective is its number, title
// and indicators as [name, weight, targets per year]; ids are "<objective>.<position>".
import { parseTarget } from "../../src/domain/targets";
import { emptyObjective, type Objective, type Plan } from "../../src/domain/model";

export type IndicatorSpec = [name: string, weight?: number, targets?: string[]];
export interface ObjectiveSpec {
  number: number;
  title: string;
  area?: string;
  indicators: IndicatorSpec[];
}

export function planOf(years: number[], objectives: ObjectiveSpec[]): Plan {
  const objectivesOut: Objective[] = objectives.map((spec) => ({
    ...emptyObjective(spec.number, spec.title),
    areaCode: spec.area ?? "011",
    weightOnArea: 100 / objectives.length,
    indicators: spec.indicators.map(([name, weight, targets], k) => ({
      id: `${spec.number}.${k + 1}`,
      name,
      common: false,
      weight: weight ?? 100 / spec.indicators.length,
      targets: Object.fromEntries(years.map((y, j) => [String(y), parseTarget(targets?.[j] ?? ">= 1 N.")])),
    })),
  }));
  return {
    title: "",
    date: "",
    years,
    areas: [{ code: "011", name: "Area" }],
    objectives: objectivesOut,
    diagnostics: [],
  };
}
