import fc from "fast-check";
import { parseActualFor, parseActualText } from "../../src/domain/actual";
import { parseTarget } from "../../src/domain/targets";
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

describe("parseActualFor: an actual must fit its target", () => {
  const target = (text: string) => parseTarget(text)!;
  // Target kinds × actual forms: number, percent, fraction, date, SI/NO, VERO/FALSO, 1/0.
  const rows: [string, string, Actual | RegExp][] = [
    [">= 13 N.", "6,5", 6.5],
    [">= 13 N.", "15/12/2023", /è una data, serve un numero/],
    [">= 13 N.", "2023-12-15", /è una data, serve un numero/],
    [">= 13 N.", "50%", /è una percentuale, serve un numero/],
    [">= 13 N.", "SI", /non numerico: "SI"/],
    [">= 13 N.", "VERO", /non numerico/],
    ["<= 18 gg", "9", 9],
    ["<= 4,50 gg", "31/12/2023", /è una data/],
    ["€ 1.000", "1.200", 1200],
    [">= 82,00 %", "82%", 0.82],
    [">= 82,00 %", "82,5 %", 0.825],
    [">= 82,00 %", "0,82", 0.82],
    [">= 82,00 %", "1", 1],
    [">= 82,00 %", "82", /senza il simbolo % \(scrivi 82%\)/],
    [">= 82,00 %", "5", /\(scrivi 5%\)/],
    [">= 82,00 %", "15/12/2023", /è una data, serve una percentuale/],
    [">= 82,00 %", "820%", /fuori scala/],
    [">= 225,00 %", "230%", 2.3],
    ["Entro 31-12-2023", "15/12/2023", 45275],
    ["Entro 31-12-2023", "SI", "SI"],
    ["Entro 31-12-2023", "falso", false],
    ["Entro 31-12-2023", "1", 1],
    ["Entro 31-12-2023", "0", 0],
    ["Entro 31-12-2023", "45275", 45275],
    ["Entro 31-12-2023", "82%", /è una percentuale, serve la data di completamento/],
    ["Entro 31-12-2023", "2", /"2" non è una data/],
    ["Entro 31-12-2023", "0,82", /"0,82" non è una data/],
    ["SI", "no", "NO"],
    ["SI", "VERO", true],
    ["SI", "1", 1],
    ["SI", "15/12/2023", /è una data, serve SI oppure NO/],
    ["SI", "50%", /è una percentuale, serve SI oppure NO/],
    ["SI", "3", /scrivi SI o NO/],
    [">= 13 N.", "  ", null],
  ];
  it.each(rows)("%s with %p → %p", (t, text, expected) => {
    if (expected instanceof RegExp) {
      expect(() => parseActualFor(target(t), text)).toThrow(ScoreError);
      expect(() => parseActualFor(target(t), text)).toThrow(expected);
    } else {
      expect(parseActualFor(target(t), text)).toEqual(expected);
    }
  });

  it("takes anything readable where there is no target (it has no score anyway)", () => {
    expect(parseActualFor(null, "15/12/2023")).toBe(45275);
    expect(parseActualFor(null, "82")).toBe(82);
  });
});
