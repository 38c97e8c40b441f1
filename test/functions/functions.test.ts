import { coverage, met, rollup, score, status, targetPart, weighted } from "../../src/functions/functions";

// 2023-12-31 and 2024-01-10 as Excel passes dates: serial numbers.
const DEC_31_2023 = 45291;
const JAN_10_2024 = 45301;

/** Calls fn and returns the CustomFunctions.Error it throws (the jest setup stubs the runtime's class). */
function thrown(fn: () => unknown): CustomFunctions.Error {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    return e as CustomFunctions.Error;
  }
  throw new Error("the function did not throw");
}

function isThenable(v: unknown): boolean {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

describe("PIRA.SCORE", () => {
  const rows: [unknown, unknown, unknown, number | string][] = [
    [">= 13 N.", 6.5, undefined, 0.5],
    ["<= 18 gg", 24, undefined, 0.75],
    ["Entro 31-12-2023", JAN_10_2024, undefined, 0],
    ["Entro 31-12-2023", DEC_31_2023, undefined, 1],
    ["Entro 31-12-2023", "SI", undefined, 1],
    [">= 82,00 %", 0.41, undefined, 0.5],
    [">= 82,00 %", 0.41, "binario", 0],
    ["<= 18 gg", 27, "lineare", 0.5],
    ["<= 18 gg", 27, "", 18 / 27],
    ["<= 18 gg", 27, null, 18 / 27],
    ["SI", true, undefined, 1],
    ["0 N.", 2, undefined, 0],
    [0.82, 0.41, undefined, 0.5],
    [13, "6,5", undefined, 0.5],
    // An empty cell arrives as null (or ""): no score, an empty cell.
    [">= 13 N.", null, undefined, ""],
    [">= 13 N.", "", undefined, ""],
    [">= 13 N.", undefined, undefined, ""],
  ];
  it.each(rows)("SCORE(%p, %p, %p) = %p", (target, actual, mode, expected) => {
    expect(score(target, actual, mode)).toBe(expected);
  });

  const errors: [unknown, unknown, unknown, RegExp][] = [
    ["boh", 3, undefined, /Target non leggibile: "boh"/],
    ["", 3, undefined, /Target vuoto/],
    [null, 3, undefined, /Target vuoto/],
    [true, 3, undefined, /Target non valido: true/],
    [">= 13 N.", "tredici", undefined, /Consuntivo non numerico: "tredici"/],
    [">= 13 N.", 6.5, "media", /Metodo di calcolo sconosciuto: "media"/],
    [">= 13 N.", [[1]], undefined, /Consuntivo non valido/],
    ["Entro 31-12-2023", "forse", undefined, /"forse"/],
  ];
  it.each(errors)("SCORE(%p, %p, %p) is #VALUE! with a message naming the input", (target, actual, mode, message) => {
    const e = thrown(() => score(target, actual, mode));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });
});

describe("PIRA.STATUS", () => {
  const rows: [unknown, unknown, unknown, unknown, unknown, string][] = [
    [">= 13 N.", 13, undefined, undefined, undefined, "Raggiunto"],
    ["<= 18 gg", 24, undefined, undefined, undefined, "Parzialmente raggiunto"],
    [">= 82,00 %", 0.41, undefined, undefined, undefined, "Non raggiunto"],
    [">= 82,00 %", null, undefined, undefined, undefined, "n.d."],
    [">= 82,00 %", 0.41, 0.9, 0.5, undefined, "Parzialmente raggiunto"],
    [">= 82,00 %", 0.8, 0.9, 0.5, undefined, "Raggiunto"],
    [">= 82,00 %", 0.8, "", "", undefined, "Parzialmente raggiunto"],
    ["<= 18 gg", 24, undefined, undefined, "lineare", "Non raggiunto"],
    ["<= 18 gg", 24, undefined, undefined, "binario", "Non raggiunto"],
  ];
  it.each(rows)("STATUS(%p, %p, %p, %p, %p) = %p", (target, actual, green, amber, mode, expected) => {
    expect(status(target, actual, green, amber, mode)).toBe(expected);
  });

  const errors: [unknown, unknown, RegExp][] = [
    [0.5, 0.7, /soglia gialla non può superare/],
    [1.5, undefined, /soglia verde deve essere tra 0 e 1.*1\.5/],
    ["alto", undefined, /soglia verde non numerico: "alto"/],
  ];
  it.each(errors)("rejects thresholds %p / %p", (green, amber, message) => {
    const e = thrown(() => status(">= 13 N.", 13, green, amber));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });
});

describe("PIRA.MET", () => {
  const rows: [unknown, unknown, boolean | string][] = [
    [">= 13 N.", 13, true],
    [">= 13 N.", 12, false],
    ["<= -10 N.", -12, true],
    ["Entro 31-12-2023", JAN_10_2024, false],
    ["NO", "no", true],
    [">= 13 N.", null, ""],
  ];
  it.each(rows)("MET(%p, %p) = %p", (target, actual, expected) => {
    expect(met(target, actual)).toBe(expected);
  });

  it("is #VALUE! for an unreadable target", () => {
    expect(thrown(() => met("?!", 1)).message).toMatch(/"\?!"/);
  });
});

describe("PIRA.WEIGHTED and PIRA.COVERAGE", () => {
  // Objective 1 of the sample: eight indicators, "DFP 3.3" weighs 0 and must not count.
  const weights = [[14.28], [14.29], [14.28], [0], [14.29], [14.29], [14.29], [14.28]];
  const scores = [[1], [0.5], [""], [0.1], [1], [null], [0.75], [1]];
  const scored = [
    [14.28, 1],
    [14.29, 0.5],
    [14.29, 1],
    [14.29, 0.75],
    [14.28, 1],
  ];

  it("averages the non-empty scores by weight, in row order", () => {
    let num = 0;
    let den = 0;
    for (const [w, s] of scored) {
      num += w * s;
      den += w;
    }
    expect(weighted(scores, weights)).toBe(num / den);
  });

  it("reports the scored share of the weight", () => {
    const total = 14.28 + 14.29 + 14.28 + 14.29 + 14.29 + 14.29 + 14.28;
    const covered = 14.28 + 14.29 + 14.29 + 14.29 + 14.28;
    expect(coverage(weights, scores)).toBe(covered / total);
  });

  it("gives an empty cell when nothing is scored or nothing weighs", () => {
    expect(weighted([[null], [""]], [[1], [2]])).toBe("");
    expect(coverage([[0], [""]], [[1], [1]])).toBe("");
    expect(coverage([[1], [2]], [[null], [""]])).toBe(0);
  });

  it("reads Italian numeric text and single cells", () => {
    expect(weighted([["0,5"], [1]], [["1"], [3]])).toBe((1 * 0.5 + 3 * 1) / 4);
    expect(weighted(0.4 as unknown as unknown[][], 2 as unknown as unknown[][])).toBe(0.4);
  });

  const errors: [unknown[][], unknown[][], RegExp][] = [
    [[[1], [1]], [[1]], /punteggi \(2×1\) e dei pesi \(1×1\).*stesse dimensioni/],
    [[[1, 1]], [[1], [1]], /stesse dimensioni/],
    [[["n.d."]], [[1]], /Punteggio non numerico: "n\.d\."/],
    [[[1]], [["molto"]], /Peso non numerico: "molto"/],
  ];
  it.each(errors)("WEIGHTED(%p, %p) is #VALUE!", (s, w, message) => {
    const e = thrown(() => weighted(s, w));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });

  it("COVERAGE rejects ranges of different sizes", () => {
    expect(thrown(() => coverage([[1], [2]], [[1]])).message).toMatch(/stesse dimensioni/);
  });
});

describe("PIRA.ROLLUP", () => {
  // Objectives of area 011 and 032 with their "Peso su AS", as a table would hold them.
  const keys = [["011"], ["011"], ["011"], ["032"], ["032"], [11]];
  const weights = [[14.29], [14.28], [14.28], [33.33], [33.34], [50]];
  const scores = [[1], [0.5], [""], [0.25], [1], [0]];

  const rows: [unknown, number | string][] = [
    ["011", (14.29 * 1 + 14.28 * 0.5) / (14.29 + 14.28)],
    ["032", (33.33 * 0.25 + 33.34 * 1) / (33.33 + 33.34)],
    // Excel's "=": a number never equals a text, text compares ignoring case.
    [11, 0],
    ["999", ""],
  ];
  it.each(rows)("ROLLUP(keys, %p, weights, scores) = %p", (key, expected) => {
    expect(rollup(keys, key, weights, scores)).toBe(expected);
  });

  it("compares text keys ignoring case", () => {
    expect(rollup([["as1"], ["AS1"], ["x"]], "As1", [[1], [1], [1]], [[1], [0], [0.5]])).toBe(0.5);
  });

  it("is #VALUE! for an empty key or ranges of different sizes", () => {
    expect(thrown(() => rollup(keys, "", weights, scores)).message).toMatch(/Chiave vuota/);
    expect(thrown(() => rollup(keys, "011", weights.slice(1), scores)).message).toMatch(
      /chiavi \(6×1\) e dei pesi \(5×1\)/,
    );
    expect(thrown(() => rollup(keys, "011", weights, scores.slice(1))).message).toMatch(/chiavi.*punteggi/);
  });
});

describe("PIRA.TARGET", () => {
  const rows: [unknown, unknown, number | string][] = [
    [">= 82,00 %", undefined, 0.82],
    [">= 82,00 %", "value", 0.82],
    [">= 82,00 %", "kind", "atLeast"],
    [">= 82,00 %", "unit", "%"],
    [">= 82,00 %", "deadline", ""],
    ["<= 18 gg", "VALORE", 18],
    ["<= 18 gg", "tipo", "atMost"],
    ["<= 18 gg", "unità", "gg"],
    ["<= -10 N.", "value", -10],
    [">= 1.600 N.", "value", 1600],
    ["0 N.", "kind", "equal"],
    ["Entro 31-12-2023", "deadline", DEC_31_2023],
    ["Entro 31-12-2023", "scadenza", DEC_31_2023],
    ["Entro 31-12-2023", "value", ""],
    ["Entro 31-12-2023", "kind", "deadline"],
    ["SI", "value", 1],
    ["NO", "value", 0],
    ["SI", "kind", "yesno"],
    [0.82, "kind", "equal"],
    [0.82, "", 0.82],
  ];
  it.each(rows)("TARGET(%p, %p) = %p", (target, part, expected) => {
    expect(targetPart(target, part)).toBe(expected);
  });

  it("is #VALUE! for an unknown part or an unreadable target", () => {
    expect(thrown(() => targetPart(">= 13 N.", "colore")).message).toMatch(/Parte del target sconosciuta: "colore"/);
    expect(thrown(() => targetPart(">= tredici N.")).message).toMatch(/">= tredici N\."/);
  });
});

describe("every function is synchronous", () => {
  const calls: [string, () => unknown][] = [
    ["SCORE", () => score(">= 13 N.", 6.5)],
    ["STATUS", () => status(">= 13 N.", 6.5)],
    ["MET", () => met(">= 13 N.", 6.5)],
    ["WEIGHTED", () => weighted([[1]], [[1]])],
    ["ROLLUP", () => rollup([[1]], 1, [[1]], [[1]])],
    ["COVERAGE", () => coverage([[1]], [[1]])],
    ["TARGET", () => targetPart(">= 13 N.")],
  ];
  it.each(calls)("%s returns a plain value, never a promise", (_id, call) => {
    const result = call();
    expect(isThenable(result)).toBe(false);
    expect(["number", "string", "boolean"]).toContain(typeof result);
  });
});

// ---------------------------------------------------------------------------------------------
// How each host passes an empty cell: Excel on the web as null, Excel desktop as 0
// (OfficeDev/office-js#4702; ranges #5262, #1951). `EMPTY` marks an empty cell in these tables;
// `asHost` turns it into what the host sends, in single arguments and inside ranges.

type Blanks = "null" | "zero";
const EMPTY = Symbol("empty cell");

function asHost(blanks: Blanks, v: unknown): unknown {
  if (v === EMPTY) return blanks === "zero" ? 0 : null;
  if (Array.isArray(v)) return v.map((x) => asHost(blanks, x));
  return v;
}

describe.each<Blanks>(["null", "zero"])("with empty cells passed as %s", (blanks) => {
  it("SCORE cannot tell an empty cell from a typed 0 on desktop: the cell formula guards blanks", () => {
    const s = score(">= 13 N.", asHost(blanks, EMPTY));
    // null: no score; 0: a missed target, which is why the workbook's formula tests TRIM(cell)="" first.
    expect(s).toBe(blanks === "null" ? "" : 0);
  });

  // Ranges of scores hold formulas that give "" for "no score": "" arrives as "" in every host,
  // so WEIGHTED, COVERAGE and ROLLUP give the same result everywhere.
  const weights = [[1], [2], [3]];
  const formulaScores = [[1], [""], [0.5]];
  it('ranges of score formulas ("" for no score) give the same roll-ups in every host', () => {
    expect(weighted(asHost(blanks, formulaScores) as unknown[][], weights)).toBe((1 + 3 * 0.5) / 4);
    expect(coverage(weights, asHost(blanks, formulaScores) as unknown[][])).toBe(4 / 6);
    expect(rollup([["a"], ["a"], ["b"]], "a", weights, asHost(blanks, formulaScores) as unknown[][])).toBe(1);
  });

  it("ranges with empty cells differ by host: an empty cell is a 0 score on desktop", () => {
    const withEmpty = [[1], [EMPTY], [0.5]];
    const w = weighted(asHost(blanks, withEmpty) as unknown[][], weights);
    const c = coverage(weights, asHost(blanks, withEmpty) as unknown[][]);
    expect([w, c]).toEqual(blanks === "null" ? [(1 + 3 * 0.5) / 4, 4 / 6] : [(1 + 3 * 0.5) / 6, 1]);
  });
});

// An actual must fit its target: the same rule as the domain, the native formulas and the import.
describe("PIRA.SCORE: target kinds × actual forms", () => {
  const DATE = 45275; // 15/12/2023 as Excel passes it
  const rows: [string, unknown, number | RegExp][] = [
    // Counts, days, euros: a number (a date is a number in a cell: it cannot be told apart).
    [">= 13 N.", 6.5, 0.5],
    [">= 13 N.", "SI", /Consuntivo non numerico: "SI"/],
    [">= 13 N.", true, /Consuntivo non numerico/],
    ["<= 18 gg", 9, 1],
    // Percent targets: a fraction on Excel's scale, within max(100 %, twice the target).
    [">= 82,00 %", 0.41, 0.5],
    [">= 82,00 %", 1.2, 1],
    [">= 82,00 %", 82, /fuori scala.*8200 % \(scrivi 82%\)/],
    [">= 82,00 %", 5, /fuori scala.*\(scrivi 5%\)/],
    [">= 225,00 %", 2.3, 1],
    // Deadlines: a completion date, SI/NO, TRUE/FALSE or 1/0; no other number.
    ["Entro 31-12-2023", DATE, 1],
    ["Entro 31-12-2023", "NO", 0],
    ["Entro 31-12-2023", false, 0],
    ["Entro 31-12-2023", 1, 1],
    ["Entro 31-12-2024", 2, /"2" non è una data/],
    ["Entro 31-12-2023", 0.82, /"0,82" non è una data/],
    // SI/NO targets: SI/NO, TRUE/FALSE, 1/0.
    ["SI", "sì", 1],
    ["SI", 0, 0],
    ["SI", DATE, /scrivi SI o NO/],
  ];
  it.each(rows)("SCORE(%p, %p) → %p", (target, actual, expected) => {
    if (expected instanceof RegExp) {
      const e = thrown(() => score(target, actual));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(expected);
    } else {
      expect(score(target, actual)).toBe(expected);
    }
  });
});
