import { readCruscotto } from "../../src/domain/reader";
import type { Plan } from "../../src/domain/model";
import { sampleText } from "../helpers/sample";
import { EXPECTED_OBJECTIVES } from "./fixtures/expectedSample";

const YEARS = ["2023", "2024", "2025", "2026"];

describe("reader on the whole bundled sample", () => {
  let plan: Plan;
  beforeAll(() => {
    plan = readCruscotto(sampleText());
  });

  it("reads the title, approval date and years", () => {
    expect(plan.title).toBe("All.1. 1 D CC 31.10.2023 Cruscotto obiettivi strategici PIRA");
    expect(plan.date).toBe("2023-10-31");
    expect(plan.years).toEqual([2023, 2024, 2025, 2026]);
  });

  it("reads the four strategic areas in order of appearance", () => {
    expect(plan.areas).toEqual([
      { code: "011", name: "Utenti, imprese e territorio" },
      { code: "032", name: "Processi interni" },
      { code: "012", name: "Apprendimento, crescita e innovazione" },
      { code: "016", name: "Economico - Finanziaria" },
    ]);
  });

  it("reads 14 objectives, 58 indicators, 232 target cells of which 230 typed", () => {
    expect(plan.objectives.map((o) => o.number)).toEqual(EXPECTED_OBJECTIVES.map((o) => o.number));
    const indicators = plan.objectives.flatMap((o) => o.indicators);
    expect(indicators).toHaveLength(58);
    const cells = indicators.flatMap((i) => Object.values(i.targets));
    expect(cells).toHaveLength(232);
    expect(cells.filter((t) => t !== null)).toHaveLength(230);
    expect(cells.filter((t) => t !== null && t.kind === "unreadable")).toHaveLength(0);
  });

  describe.each(EXPECTED_OBJECTIVES)("objective $number", (expected) => {
    const objective = () => plan.objectives.find((o) => o.number === expected.number)!;

    it("has its header fields", () => {
      const o = objective();
      expect({
        title: o.title,
        area: o.areaCode,
        weightOnArea: o.weightOnArea,
        resources: o.resources,
        perspective: o.perspective,
        mission: o.mission,
        programme: o.programme,
      }).toEqual({
        title: expected.title,
        area: expected.area,
        weightOnArea: expected.weightOnArea,
        resources: expected.resources,
        perspective: expected.perspective,
        mission: expected.mission,
        programme: expected.programme,
      });
    });

    it("has every indicator with weight, OC mark, name and all of its targets", () => {
      const actual = objective().indicators.map((i) => [
        i.id,
        i.weight,
        i.common,
        i.name,
        YEARS.map((y) => i.targets[y]?.text ?? "").join(" | "),
      ]);
      expect(actual).toEqual(expected.indicators);
    });

    it("has indicator weights summing to 100 %", () => {
      const sum = objective().indicators.reduce((s, i) => s + i.weight, 0);
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.05);
    });
  });

  it("keys every indicator's targets by every plan year", () => {
    for (const i of plan.objectives.flatMap((o) => o.indicators)) {
      expect(Object.keys(i.targets)).toEqual(YEARS);
    }
  });

  it("reports exactly the sample's real problems, with their lines", () => {
    expect(plan.diagnostics.map((d) => [d.line, d.severity, d.objective, d.indicator ?? null])).toEqual([
      [35, "warning", 1, "1.4"],
      [35, "warning", 1, "1.4"],
      [35, "info", 1, "1.4"],
      [244, "warning", 9, null],
    ]);
    expect(plan.diagnostics[0].message).toBe("Manca il target 2025 dell'indicatore 1.4 («DFP 3.3»).");
    expect(plan.diagnostics[1].message).toBe("Manca il target 2026 dell'indicatore 1.4 («DFP 3.3»).");
    expect(plan.diagnostics[2].message).toMatch(/peso 0: è solo di monitoraggio/);
    expect(plan.diagnostics[3].message).toBe('Manca il valore di "Risorse economiche" nell\'obiettivo 9.');
  });

  it("types the sample's targets by the grammar", () => {
    const byText = new Map(
      plan.objectives.flatMap((o) => o.indicators.flatMap((i) => Object.values(i.targets))).map((t) => [t?.text, t]),
    );
    expect(byText.get(">= 13 N.")).toEqual({
      text: ">= 13 N.",
      kind: "atLeast",
      value: 13,
      unit: "N.",
      deadline: null,
    });
    expect(byText.get(">=95,00 %")).toMatchObject({ kind: "atLeast", value: 95, unit: "%" });
    expect(byText.get("<= -10 N.")).toMatchObject({ kind: "atMost", value: -10, unit: "N." });
    expect(byText.get(">= -9,90 %")).toMatchObject({ kind: "atLeast", value: -9.9, unit: "%" });
    expect(byText.get("<= 1,45 gg")).toMatchObject({ kind: "atMost", value: 1.45, unit: "gg" });
    expect(byText.get(">= 1 h")).toMatchObject({ kind: "atLeast", value: 1, unit: "h" });
    expect(byText.get("0 N.")).toMatchObject({ kind: "equal", value: 0, unit: "N." });
    expect(byText.get("0")).toMatchObject({ kind: "equal", value: 0, unit: "" });
    expect(byText.get("≥1")).toMatchObject({ kind: "atLeast", value: 1, unit: "" });
    expect(byText.get("Entro 31-12-2023")).toEqual({
      text: "Entro 31-12-2023",
      kind: "deadline",
      value: null,
      unit: "",
      deadline: "2023-12-31",
    });
    // HTML inside a target cell (objective 13) is cleaned away.
    expect(plan.objectives[12].indicators[0].targets["2024"]).toMatchObject({ text: ">= 90,00 %", value: 90 });
  });
});
