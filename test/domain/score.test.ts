import type { Actual, Target } from "../../src/domain/model";
import { isMet, ScoreError, scoreTarget, scoringModeOf, statusOf, targetOf, type Status } from "../../src/domain/score";
import type { ScoringMode, Thresholds } from "../../src/domain/settings";
import { parseTarget } from "../../src/domain/targets";

// Excel serials: 2023-12-31 is 45291 (checked against isoToSerial in score.dates.test.ts).
const DEC_31_2023 = 45291;

type Row = [target: string, actual: Actual, expected: number | null];

const proporzionale: Row[] = [
  // atLeast, t > 0: ratio below the target, capped at 1, negative actual clamped to 0.
  [">= 13 N.", 6.5, 0.5],
  [">= 13 N.", 13, 1],
  [">= 13 N.", 20, 1],
  [">= 13 N.", 0, 0],
  [">= 13 N.", -3, 0],
  [">= 700 N.", 350, 0.5],
  [">= 1.600 N.", 800, 0.5],
  [">= 0,40 N.", 0.3, 0.3 / 0.4],
  ["≥1", 0.5, 0.5],
  [">= 1 h", 2, 1],
  // Percent targets compare on Excel's scale: "82,00 %" is 0.82.
  [">= 82,00 %", 0.41, 0.5],
  [">= 82,00 %", 0.82, 1],
  [">= 82,00 %", 0.9, 1],
  [">=95,00 %", 0.95, 1],
  [">= <b>90,00 %</b>", 0.45, 0.5],
  [">= 225,00 %", 1.125, 0.5],
  [">= 225,00 %", 2.3, 1],
  // atMost, t > 0: t / a above the target.
  ["<= 18 gg", 24, 0.75],
  ["<= 18 gg", 18, 1],
  ["<= 18 gg", 3, 1],
  ["<= 4,50 gg", 9, 0.5],
  ["<= 15,00 %", 0.3, 0.5],
  ["<= 1 N.", 4, 0.25],
  // equal with t > 0 scores like atLeast.
  ["= 6", 4, 4 / 6],
  ["= 6", 6, 1],
  ["= 6", 9, 1],
  ["6", 3, 0.5],
  // equal 0: zero tolerance.
  ["0 N.", 0, 1],
  ["0 N.", -1, 1],
  ["0 N.", 1, 0],
  ["0", 0.5, 0],
  // equal with t < 0: exact or nothing.
  ["= -5", -5, 1],
  ["= -5", -4, 0],
  ["= -5", -6, 0],
  // atLeast / atMost with t <= 0: met or not, a ratio means nothing there.
  ["<= -10 N.", -12, 1],
  ["<= -10 N.", -10, 1],
  ["<= -10 N.", -5, 0],
  ["<= -15 N.", 3, 0],
  [">= -9,90 %", -0.05, 1],
  [">= -9,90 %", -0.099, 1],
  [">= -9,90 %", -0.15, 0],
  [">= 0", 0, 1],
  [">= 0", -1, 0],
  ["<= 0", 0, 1],
  ["<= 0", 1, 0],
  // Deadline: completion date (Excel serial) on or before the deadline, or SI.
  ["Entro 31-12-2023", DEC_31_2023, 1],
  ["Entro 31-12-2023", DEC_31_2023 - 30, 1],
  ["Entro 31-12-2023", DEC_31_2023 + 0.75, 1],
  ["Entro 31-12-2023", DEC_31_2023 + 1, 0],
  ["Entro 31-12-2023", DEC_31_2023 + 10, 0],
  ["Entro 31-12-2023", "SI", 1],
  ["Entro 31-12-2023", "Sì", 1],
  ["Entro 31-12-2023", " yes ", 1],
  ["Entro 31-12-2023", "VERO", 1],
  ["Entro 31-12-2023", "TRUE", 1],
  ["Entro 31-12-2023", true, 1],
  ["Entro 31-12-2023", "NO", 0],
  ["Entro 31-12-2023", "falso", 0],
  ["Entro 31-12-2023", false, 0],
  ["Entro 31-12-2023", "45291", 1],
  // Yes/no targets.
  ["SI", "SI", 1],
  ["SI", "si", 1],
  ["SI", true, 1],
  ["SI", 1, 1],
  ["SI", "NO", 0],
  ["SI", false, 0],
  ["SI", 0, 0],
  ["NO", "NO", 1],
  ["NO", "SI", 0],
  // A numeric text in a cell is read the Italian way.
  [">= 13 N.", "6,5", 0.5],
  [">= 13 N.", " 6.5 ", 0.5],
  [">= 1.600 N.", "800", 0.5],
  ["<= 18 gg", "24", 0.75],
  // No actual, no score: never 0.
  [">= 13 N.", null, null],
  [">= 13 N.", "", null],
  [">= 13 N.", "   ", null],
  ["<= 18 gg", null, null],
  ["0 N.", "", null],
  ["Entro 31-12-2023", null, null],
  ["SI", "", null],
];

const binario: Row[] = [
  [">= 13 N.", 6.5, 0],
  [">= 13 N.", 12.99, 0],
  [">= 13 N.", 13, 1],
  [">= 13 N.", 40, 1],
  ["<= 18 gg", 18, 1],
  ["<= 18 gg", 18.01, 0],
  ["<= 18 gg", 24, 0],
  [">= 82,00 %", 0.81, 0],
  [">= 82,00 %", 0.82, 1],
  ["= 6", 5, 0],
  ["= 6", 6, 1],
  ["= 6", 7, 1],
  ["0 N.", 0, 1],
  ["0 N.", 1, 0],
  ["<= -10 N.", -5, 0],
  ["<= -10 N.", -11, 1],
  ["Entro 31-12-2023", DEC_31_2023 + 1, 0],
  ["Entro 31-12-2023", "SI", 1],
  ["SI", "NO", 0],
  [">= 13 N.", null, null],
];

const lineare: Row[] = [
  // atLeast: max(0, 1 − (t − a)/|t|).
  [">= 13 N.", 6.5, 0.5],
  [">= 13 N.", 13, 1],
  [">= 13 N.", 30, 1],
  [">= 13 N.", 0, 0],
  [">= 13 N.", -20, 0],
  [">= 82,00 %", 0.41, 0.5],
  [">= 0,40 N.", 0.3, 1 - (0.4 - 0.3) / 0.4],
  // atMost: max(0, 1 − (a − t)/|t|).
  ["<= 18 gg", 24, 1 - (24 - 18) / 18],
  ["<= 18 gg", 27, 0.5],
  ["<= 18 gg", 36, 0],
  ["<= 18 gg", 50, 0],
  ["<= 18 gg", 10, 1],
  // Negative targets are linear too (|t| in the denominator).
  ["<= -10 N.", -5, 0.5],
  ["<= -10 N.", -10, 1],
  ["<= -10 N.", 0, 0],
  ["<= -10 N.", 5, 0],
  [">= -9,90 %", -0.2, Math.max(0, 1 - (-0.099 - -0.2) / 0.099)],
  [">= -9,90 %", -0.1485, 1 - (-0.099 - -0.1485) / 0.099],
  // equal t > 0 behaves as atLeast; zero, negative equal, deadline and yes/no stay binary.
  ["= 6", 3, 0.5],
  ["0 N.", 1, 0],
  ["0 N.", 0, 1],
  ["= -5", -4, 0],
  [">= 0", -1, 0],
  ["<= 0", 1, 0],
  ["Entro 31-12-2023", DEC_31_2023 + 1, 0],
  ["Entro 31-12-2023", "SI", 1],
  ["SI", "NO", 0],
  ["<= 18 gg", "", null],
];

const byMode: [ScoringMode, Row[]][] = [
  ["proporzionale", proporzionale],
  ["binario", binario],
  ["lineare", lineare],
];

describe.each(byMode)("scoreTarget, mode %s", (mode, rows) => {
  it.each(rows)("%s with actual %p scores %p", (text, actual, expected) => {
    expect(scoreTarget(targetOf(text), actual, mode)).toBe(expected);
  });
});

describe("scoreTarget defaults", () => {
  it("uses proporzionale when no mode is given", () => {
    for (const [text, actual, expected] of proporzionale) expect(scoreTarget(targetOf(text), actual)).toBe(expected);
  });

  it("treats undefined as no actual", () => {
    expect(scoreTarget(targetOf(">= 13 N."), undefined)).toBeNull();
  });
});

describe("isMet", () => {
  const rows: [string, Actual, boolean | null][] = [
    [">= 13 N.", 13, true],
    [">= 13 N.", 12, false],
    ["<= 18 gg", 18, true],
    ["<= 18 gg", 19, false],
    ["= 6", 7, true],
    ["0 N.", 0, true],
    ["0 N.", 2, false],
    ["= -5", -5, true],
    ["<= -10 N.", -5, false],
    [">= -9,90 %", -0.05, true],
    ["Entro 31-12-2023", DEC_31_2023, true],
    ["Entro 31-12-2023", "NO", false],
    ["SI", "Sì", true],
    ["NO", "SI", false],
    [">= 13 N.", null, null],
    ["Entro 31-12-2023", "", null],
  ];
  it.each(rows)("%s with actual %p is met: %p", (text, actual, expected) => {
    expect(isMet(targetOf(text), actual)).toBe(expected);
  });

  it("agrees with the score: met means 1 in every mode", () => {
    for (const [text, actual, expected] of rows) {
      if (expected !== true) continue;
      for (const [mode] of byMode) expect(scoreTarget(targetOf(text), actual, mode)).toBe(1);
    }
  });
});

describe("statusOf", () => {
  const rows: [number | null, Thresholds | undefined, Status][] = [
    [1, undefined, "Raggiunto"],
    [0.99, undefined, "Parzialmente raggiunto"],
    [0.7, undefined, "Parzialmente raggiunto"],
    [0.6999, undefined, "Non raggiunto"],
    [0, undefined, "Non raggiunto"],
    [null, undefined, "n.d."],
    [0.95, { greenFrom: 0.9, amberFrom: 0.5 }, "Raggiunto"],
    [0.5, { greenFrom: 0.9, amberFrom: 0.5 }, "Parzialmente raggiunto"],
    [0.49, { greenFrom: 0.9, amberFrom: 0.5 }, "Non raggiunto"],
    [null, { greenFrom: 0.9, amberFrom: 0.5 }, "n.d."],
  ];
  it.each(rows)("score %p with thresholds %p is %p", (score, thresholds, expected) => {
    expect(statusOf(score, thresholds)).toBe(expected);
  });

  it("gives the issue's bands for real scores", () => {
    expect(statusOf(scoreTarget(targetOf(">= 13 N."), 13))).toBe("Raggiunto");
    expect(statusOf(scoreTarget(targetOf("<= 18 gg"), 24))).toBe("Parzialmente raggiunto");
    expect(statusOf(scoreTarget(targetOf(">= 82,00 %"), 0.41))).toBe("Non raggiunto");
    expect(statusOf(scoreTarget(targetOf(">= 82,00 %"), null))).toBe("n.d.");
  });
});

describe("targetOf", () => {
  it("parses a text once and returns the same frozen target", () => {
    const first = targetOf(">= 82,00 %");
    expect(first).toEqual({ text: ">= 82,00 %", kind: "atLeast", value: 82, unit: "%", deadline: null });
    expect(targetOf(">= 82,00 %")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("reads a number as a bare equal target already on Excel's scale", () => {
    expect(targetOf(0.82)).toEqual({ text: "0.82", kind: "equal", value: 0.82, unit: "", deadline: null });
    expect(scoreTarget(targetOf(0.82), 0.41)).toBe(0.5);
    expect(scoreTarget(targetOf(0), 0)).toBe(1);
  });

  const bad: [string | number, RegExp][] = [
    ["boh", /Target non leggibile: "boh"/],
    [">= tredici", /Target non leggibile: ">= tredici"/],
    ["Entro 31-02-2023", /Target non leggibile: "Entro 31-02-2023"/],
    ["", /Target vuoto/],
    ["   ", /Target vuoto/],
    [Number.NaN, /Target non valido: NaN/],
    [Number.POSITIVE_INFINITY, /Target non valido: Infinity/],
  ];
  it.each(bad)("rejects %p with a ScoreError naming it", (input, message) => {
    // Twice: the second call comes from the cache and must fail the same way.
    for (let i = 0; i < 2; i++) {
      let error: unknown;
      try {
        targetOf(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ScoreError);
      expect((error as ScoreError).message).toMatch(message);
    }
  });
});

describe("scoreTarget errors", () => {
  const unreadable: Target = { text: "boh", kind: "unreadable", value: null, unit: "", deadline: null };
  const rows: [string, Target | null, Actual, RegExp][] = [
    [
      "a non-numeric text for a numeric target",
      targetOf(">= 13 N."),
      "tredici",
      /non numerico: "tredici".*">= 13 N\."/,
    ],
    ["SI for a numeric target", targetOf(">= 13 N."), "SI", /non numerico: "SI"/],
    ["a boolean for a numeric target", targetOf("<= 18 gg"), true, /non numerico: "true"/],
    ["an unreadable target, even without actual", unreadable, null, /Target non leggibile: "boh"/],
    ["a null target", null, 3, /Target vuoto/],
    ["a non-date text for a deadline", targetOf("Entro 31-12-2023"), "forse", /scadenza "Entro 31-12-2023": "forse"/],
    ["a non yes/no text for a SI target", targetOf("SI"), "forse", /target "SI": "forse".*SI o NO/],
    ["a number other than 1/0 for a SI target", targetOf("SI"), 2, /target "SI": "2"/],
    ["an infinite actual", targetOf(">= 13 N."), Number.POSITIVE_INFINITY, /non numerico: "Infinity"/],
  ];
  it.each(rows)("rejects %s", (_what, target, actual, message) => {
    expect(() => scoreTarget(target, actual)).toThrow(ScoreError);
    expect(() => scoreTarget(target, actual)).toThrow(message);
  });

  it("names the offending text on the error", () => {
    try {
      scoreTarget(targetOf(">= 13 N."), " abc ");
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(ScoreError);
      expect((e as ScoreError).text).toBe("abc");
    }
  });
});

describe("scoringModeOf", () => {
  const rows: [unknown, ScoringMode][] = [
    [undefined, "proporzionale"],
    [null, "proporzionale"],
    ["", "proporzionale"],
    ["proporzionale", "proporzionale"],
    [" Binario ", "binario"],
    ["LINEARE", "lineare"],
  ];
  it.each(rows)("reads %p as %p", (input, expected) => {
    expect(scoringModeOf(input)).toBe(expected);
  });

  it("rejects an unknown mode naming it", () => {
    expect(() => scoringModeOf("lineari")).toThrow(/Metodo di calcolo sconosciuto: "lineari"/);
  });
});

describe("a percent actual typed exactly at its target", () => {
  // 14,30 % typed in Excel is stored as 0.143; the target must not become 0.14300000000000002.
  it.each([">= 14,30 %", ">= 69,20 %", ">= 69,40 %", ">= 68,60 %", "<= 33,34 %"])("%s is met", (text) => {
    const t = parseTarget(text)!;
    const typed = Number(`${t.value}e-2`);
    expect(scoreTarget(t, typed)).toBe(1);
    expect(statusOf(scoreTarget(t, typed))).toBe("Raggiunto");
  });
});

describe("statuses at a threshold", () => {
  it("a score shown as 70,00 % is Parzialmente raggiunto, whatever its last bits", () => {
    const t = parseTarget(">= 81,00 %")!;
    const s = scoreTarget(t, Number("56.7e-2"))!;
    expect(s).not.toBe(0.7); // 0.6999999999999998: float division
    expect(statusOf(s)).toBe("Parzialmente raggiunto");
    expect(statusOf(0.9999999999999998)).toBe("Raggiunto");
    expect(statusOf(0.6999)).toBe("Non raggiunto");
  });
});

describe("deadline targets read 1 and 0 as SI and NO", () => {
  it.each([
    [1, 1],
    [0, 0],
    [45291, 1], // 31/12/2023
    [45292, 0], // 01/01/2024
  ])("actual %p scores %p against Entro 31-12-2023", (actual, expected) => {
    expect(scoreTarget(parseTarget("Entro 31-12-2023")!, actual)).toBe(expected);
  });
});
