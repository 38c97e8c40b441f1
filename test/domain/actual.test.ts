import fc from "fast-check";
import { parseActualText } from "../../src/domain/actual";
import type { Actual } from "../../src/domain/model";
import { formatItalianNumber } from "../../src/domain/numbers";
import { ScoreError } from "../../src/domain/score";

const rows: [string, Actual][] = [
  ["", null],
  ["   ", null],
  ["3,5", 3.5],
  ["3.5", 3.5],
  ["6.5", 6.5],
  ["24", 24],
  ["-5", -5],
  ["-9,90", -9.9],
  ["1.600", 1600],
  ["283.500,00", 283500],
  ["0", 0],
  ["80%", 0.8],
  ["80 %", 0.8],
  ["80,5 %", 0.805],
  ["41%", 0.41],
  ["-9,90 %", -0.099],
  ["225,00%", 2.25],
  ["2023-12-15", 45275],
  ["2024-01-10", 45301],
  ["15/12/2023", 45275],
  ["15-12-2023", 45275],
  ["15.12.2023", 45275],
  ["1/2/2024", 45323],
  ["SI", "SI"],
  ["Sì", "SI"],
  ["si", "SI"],
  ["yes", "SI"],
  ["NO", "NO"],
  ["no", "NO"],
  ["TRUE", true],
  ["vero", true],
  ["FALSE", false],
  ["Falso", false],
  [" 3,5\u00a0", 3.5],
];

describe("parseActualText", () => {
  it.each(rows)("reads %p as %p", (text, expected) => {
    expect(parseActualText(text)).toBe(expected);
  });

  const bad: [string, RegExp][] = [
    ["abc", /Consuntivo non leggibile: "abc"/],
    ["3,5 N.", /Consuntivo non leggibile: "3,5 N\."/],
    ["%", /Consuntivo non leggibile: "%"/],
    ["tre%", /Consuntivo non leggibile: "tre%"/],
    ["31/02/2023", /Data inesistente.*"31\/02\/2023"/],
    ["2023-02-30", /Data inesistente.*"2023-02-30"/],
    ["15/12-2023", /Consuntivo non leggibile: "15\/12-2023"/],
    ["forse", /Consuntivo non leggibile: "forse"/],
  ];
  it.each(bad)("rejects %p with an Italian message naming it", (text, message) => {
    expect(() => parseActualText(text)).toThrow(ScoreError);
    expect(() => parseActualText(text)).toThrow(message);
  });

  it("reads back every number it is given in Italian notation", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => {
        const n = cents / 100;
        expect(parseActualText(formatItalianNumber(n, 2))).toBe(n);
        // A percent is the fraction Excel stores for it: the double nearest to n / 100, without division noise.
        expect(parseActualText(formatItalianNumber(n, 2) + " %")).toBe(Number(`${n}e-2`));
      }),
    );
  });
});
