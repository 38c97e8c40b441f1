import { excelScaleValue, parseTarget } from "../../src/domain/targets";
import { formatItalianNumber, parseItalianNumber } from "../../src/domain/numbers";
import type { Target } from "../../src/domain/model";

type Row = [string, Partial<Target> | null];

const cases: Row[] = [
  [">= 13 N.", { kind: "atLeast", value: 13, unit: "N.", text: ">= 13 N." }],
  ["=> 13 N.", { kind: "atLeast", value: 13, unit: "N." }],
  ["≥ 13", { kind: "atLeast", value: 13, unit: "" }],
  ["≥1", { kind: "atLeast", value: 1, unit: "", text: "≥1" }],
  ["<= 18 gg", { kind: "atMost", value: 18, unit: "gg" }],
  ["=< 18 giorni", { kind: "atMost", value: 18, unit: "gg" }],
  ["≤ 4,50 gg", { kind: "atMost", value: 4.5, unit: "gg" }],
  [">= 82,00 %", { kind: "atLeast", value: 82, unit: "%" }],
  [">=95,00 %", { kind: "atLeast", value: 95, unit: "%", text: ">=95,00 %" }],
  [">=95,00%", { kind: "atLeast", value: 95, unit: "%" }],
  [">= 1.600 N.", { kind: "atLeast", value: 1600, unit: "N." }],
  [">= 1600 N.", { kind: "atLeast", value: 1600, unit: "N." }],
  ["<= -10 N.", { kind: "atMost", value: -10, unit: "N." }],
  [">= -9,90 %", { kind: "atLeast", value: -9.9, unit: "%" }],
  [">= 0,40 N.", { kind: "atLeast", value: 0.4, unit: "N." }],
  [">= 1 h", { kind: "atLeast", value: 1, unit: "h" }],
  [">= 225,00 %", { kind: "atLeast", value: 225, unit: "%" }],
  ["<= 1.000,50 €", { kind: "atMost", value: 1000.5, unit: "€" }],
  ["€ 2.000", { kind: "equal", value: 2000, unit: "€" }],
  ["0 N.", { kind: "equal", value: 0, unit: "N." }],
  ["0", { kind: "equal", value: 0, unit: "" }],
  ["= 6", { kind: "equal", value: 6, unit: "" }],
  ["6", { kind: "equal", value: 6, unit: "" }],
  ["Entro 31-12-2023", { kind: "deadline", value: null, unit: "", deadline: "2023-12-31" }],
  ["entro il 30/06/2024", { kind: "deadline", deadline: "2024-06-30" }],
  ["Entro 31.12.2025", { kind: "deadline", deadline: "2025-12-31" }],
  ["SI", { kind: "yesno", value: 1, unit: "" }],
  ["Sì", { kind: "yesno", value: 1 }],
  ["NO", { kind: "yesno", value: 0 }],
  [">= <b>90,00 %</b>", { kind: "atLeast", value: 90, unit: "%", text: ">= 90,00 %" }],
  ["**>= 90,00 %**", { kind: "atLeast", value: 90, unit: "%", text: ">= 90,00 %" }],
  [">=\u00a095,00\u00a0%", { kind: "atLeast", value: 95, unit: "%", text: ">= 95,00 %" }],
  ["Entro 31-02-2023", { kind: "unreadable", value: null, text: "Entro 31-02-2023" }],
  ["Entro 31-12-0224", { kind: "unreadable", value: null, text: "Entro 31-12-0224" }],
  ["da definire", { kind: "unreadable", value: null, unit: "", deadline: null, text: "da definire" }],
  [">= 13 pezzi", { kind: "unreadable", text: ">= 13 pezzi" }],
  ["> 5", { kind: "unreadable" }],
  [">=", { kind: "unreadable", text: ">=" }],
  ["=SOMMA(A1)", { kind: "unreadable", text: "=SOMMA(A1)" }],
  ["", null],
  ["   ", null],
  ["<b></b>", null],
];

describe("target grammar", () => {
  it.each(cases)("%j", (raw, expected) => {
    const t = parseTarget(raw);
    if (expected === null) expect(t).toBeNull();
    else expect(t).toMatchObject(expected);
  });

  it("keeps the cleaned text of every target, readable or not", () => {
    for (const [raw, expected] of cases) {
      if (expected === null) continue;
      expect(parseTarget(raw)?.text).toBe(expected.text ?? parseTarget(raw)?.text);
      expect(parseTarget(raw)?.text).not.toMatch(/<b>|\*\*|\u00a0/);
    }
  });

  it.each([
    [">= 82,00 %", 0.82],
    [">= 225,00 %", 2.25],
    [">= 13 N.", 13],
    ["<= 18 gg", 18],
    ["Entro 31-12-2023", null],
  ])("Excel-scale value of %s is %s", (raw, expected) => {
    expect(excelScaleValue(parseTarget(raw)!)).toBe(expected);
  });
});

describe("Italian numbers", () => {
  it.each([
    ["14,29", 14.29],
    ["283.500,00", 283500],
    ["1.600", 1600],
    ["1600", 1600],
    ["3.5", 3.5],
    ["-9,90", -9.9],
    ["−10", -10],
    ["0,40", 0.4],
    ["1 600", 1600],
    ["", null],
    ["abc", null],
    ["1,2,3", null],
    ["1.60", 1.6],
    ["0.950", 0.95],
    ["0.250", 0.25],
    ["12.34.56", null],
  ])("%j → %p", (raw, expected) => {
    expect(parseItalianNumber(raw)).toBe(expected);
  });

  it.each([
    [14.29, 2, "14,29"],
    [283500, 2, "283.500,00"],
    [-9.9, 1, "-9,9"],
    [0, 0, "0"],
  ])("formats %p with %p decimals as %p", (n, d, expected) => {
    expect(formatItalianNumber(n, d)).toBe(expected);
  });
});

describe("percent targets on Excel's scale", () => {
  it.each([">= 14,30 %", ">= 69,20 %", ">= 69,40 %", ">= 16,70 %", "<= 33,34 %", ">= 68,60 %"])(
    "%s is exactly the fraction a user types as a percent",
    (text) => {
      const t = parseTarget(text)!;
      // Excel stores 14,30 % typed in a cell as the double nearest to 0.143.
      expect(excelScaleValue(t)).toBe(Number(`${t.value}e-2`));
    },
  );
});
