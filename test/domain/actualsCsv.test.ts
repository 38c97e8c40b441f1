import fc from "fast-check";
import { formatActual, formatActualsCsv, parseActualsCsv, type CsvSeparator } from "../../src/domain/actualsCsv";
import type { Actual, Actuals, Plan, Target } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { scoreTarget } from "../../src/domain/score";
import { sampleText } from "../helpers/sample";

const plan: Plan = readCruscotto(sampleText());

// In the sample: 1.1 ">= 13 N.", 1.2 "Entro 31-12-2023", 1.4 ">= 73 %" with no target in 2025,
// 2.2 ">= 82 %", 9.3 "<= -10 N.", 14.3 ">= 225 %", 9.10 "<= 4,50 gg".
describe("parseActualsCsv: files that are read", () => {
  const rows: [string, string, Actuals][] = [
    [
      "Italian Excel: semicolons, BOM, CRLF, decimal comma, percent, date, SI",
      "\uFEFFindicatore;anno;consuntivo\r\n1.1;2023;6,5\r\n2.2;2023;80,5%\r\n1.2;2023;15/12/2023\r\n1.2;2024;SI\r\n",
      { "1.1": { "2023": 6.5 }, "2.2": { "2023": 0.805 }, "1.2": { "2023": 45275, "2024": "SI" } },
    ],
    [
      "English: commas, decimal point, ISO date, quoted decimal comma, NO",
      'indicator,year,actual\n1.1,2023,6.5\n9.10,2024,"4,25"\n1.2,2025,2025-12-31\n1.2,2026,no\n',
      { "1.1": { "2023": 6.5 }, "9.10": { "2024": 4.25 }, "1.2": { "2025": 46022, "2026": "NO" } },
    ],
    [
      "header in any case, spaces around fields, a negative value, Italian thousands",
      "Indicatore ; ANNO ; Consuntivo\n 9.3 ; 2023 ; -12 \n1.3;2024;1.600\n",
      { "9.3": { "2023": -12 }, "1.3": { "2024": 1600 } },
    ],
    [
      "blank actuals and blank rows are skipped; trailing empty columns are not columns",
      "indicatore;anno;consuntivo;;\n1.1;2023;;;\n\n;;\n1.1;2024;7;;\n",
      { "1.1": { "2024": 7 } },
    ],
    [
      "quoted fields with separators, doubled quotes and CR-only line ends",
      'indicator,year,actual\r"1.1","2023","1,5"\r"2.2",2023,"82,5 %"\r',
      { "1.1": { "2023": 1.5 }, "2.2": { "2023": 0.825 } },
    ],
    [
      "zero, VERO/FALSO for a deadline as SI/NO, a percent over 100 with %",
      "indicatore;anno;consuntivo\n8.1;2023;0\n1.2;2023;VERO\n10.3;2023;falso\n14.3;2023;230%\n",
      { "8.1": { "2023": 0 }, "1.2": { "2023": "SI" }, "10.3": { "2023": "NO" }, "14.3": { "2023": 2.3 } },
    ],
    ["only the header", "indicatore;anno;consuntivo\n", {}],
  ];
  it.each(rows)("%s", (_name, text, expected) => {
    const result = parseActualsCsv(text, plan);
    expect(result.problems).toEqual([]);
    expect(result.actuals).toEqual(expected);
  });
});

describe("parseActualsCsv: problems, each with its line", () => {
  const rows: [string, string, [number, RegExp][]][] = [
    ["empty file", "", [[1, /file è vuoto.*indicatore;anno;consuntivo/]]],
    ["blank file", "\r\n  \r\n", [[1, /file è vuoto/]]],
    ["no header", "1.1;2023;6,5\n", [[1, /intestazione non riconosciuta «1\.1;2023;6,5».*indicatore;anno;consuntivo/]]],
    ["header after blank lines", "\n\nid;anno;valore\n", [[3, /intestazione non riconosciuta «id;anno;valore»/]]],
    [
      "unknown indicator",
      "indicatore;anno;consuntivo\n1.1;2023;5\n99.1;2023;5\n",
      [[3, /indicatore «99\.1» non presente/]],
    ],
    [
      "year outside the plan, and not a year",
      "indicatore;anno;consuntivo\n1.1;2027;5\n1.1;23;5\n1.1;;5\n",
      [
        [2, /anno «2027» fuori dal piano \(anni: 2023, 2024, 2025, 2026\)/],
        [3, /anno «23» fuori dal piano/],
        [4, /anno «» fuori dal piano/],
      ],
    ],
    [
      "unreadable values",
      "indicatore;anno;consuntivo\n1.1;2023;tanti\n1.2;2023;31/02/2023\n1.1;2024;3,5 N.\n",
      [
        [2, /Consuntivo non leggibile: "tanti"/],
        [3, /Data inesistente.*"31\/02\/2023"/],
        [4, /Consuntivo non leggibile: "3,5 N\."/],
      ],
    ],
    [
      "values that do not fit the target",
      "indicatore;anno;consuntivo\n1.1;2023;SI\n1.2;2023;forse no\n1.1;2024;VERO\n",
      [
        [2, /Consuntivo non numerico: "SI".*">= 13 N\."/],
        [3, /Consuntivo non leggibile: "forse no"/],
        [4, /Consuntivo non numerico: "true"/],
      ],
    ],
    [
      "a date only for a deadline, a percent only with % (or as a fraction up to 1)",
      "indicatore;anno;consuntivo\n1.1;2023;15/12/2023\n1.2;2023;82%\n1.2;2024;2\n2.2;2023;5\n2.2;2024;82,5\n" +
        "14.3;2023;2,3\n1.1;2024;50%\n",
      [
        [2, /">= 13 N\.": "15\/12\/2023" è una data, serve un numero/],
        [3, /"Entro 31-12-2023": "82%" è una percentuale, serve la data di completamento/],
        [4, /scadenza "Entro 31-12-2024": "2" non è una data/],
        [5, /in percentuale ">= 82,00 %": "5" senza il simbolo % \(scrivi 5%\)/],
        [6, /"82,5" senza il simbolo % \(scrivi 82,5%\)/],
        [7, /"2,3" senza il simbolo % \(scrivi 2,3%\)/],
        [8, /">= 20 N\.": "50%" è una percentuale, serve un numero/],
      ],
    ],
    [
      "duplicate indicator and year",
      "indicatore;anno;consuntivo\n1.1;2023;5\n1.1;2024;5\n1.1;2023;6\n",
      [[4, /consuntivo di 1\.1 per il 2023 già indicato alla riga 2/]],
    ],
    [
      "wrong column count; with commas, an unquoted decimal comma",
      "indicator,year,actual\n1.1,2023\n1.1,2024,6,5\n1.1,2025,7,,x\n",
      [
        [2, /2 colonne invece di 3/],
        [3, /4 colonne invece di 3.*tra virgolette \("3,5"\)/],
        [4, /5 colonne invece di 3/],
      ],
    ],
    [
      "line numbers count the lines inside quoted fields",
      'indicator,year,actual\n"1.1",2023,"sei\ne mezzo"\n99.9,2023,1\n',
      [
        [2, /Consuntivo non leggibile: "sei\ne mezzo"/],
        [4, /indicatore «99\.9»/],
      ],
    ],
  ];
  it.each(rows)("%s", (_name, text, expected) => {
    const { problems } = parseActualsCsv(text, plan);
    expect(problems.map((p) => p.line)).toEqual(expected.map(([line]) => line));
    problems.forEach((p, i) => expect(p.message).toMatch(expected[i][1]));
  });

  it("keeps the good lines next to the bad ones", () => {
    const { actuals, problems } = parseActualsCsv("indicatore;anno;consuntivo\n1.1;2023;5\n1.1;2099;6\n", plan);
    expect(actuals).toEqual({ "1.1": { "2023": 5 } });
    expect(problems).toHaveLength(1);
  });
});

describe("parseActualsCsv: warnings that do not stop the build", () => {
  const rows: [string, string, [number, RegExp][]][] = [
    [
      "an actual where the plan has no target",
      "indicatore;anno;consuntivo\n1.4;2025;80%\n",
      [[2, /l'indicatore 1\.4 non ha un target per il 2025/]],
    ],
    ["a fraction up to 1 for a percent target is fine", "indicatore;anno;consuntivo\n2.2;2023;0,825\n2.2;2024;1\n", []],
    ["230 % for >= 225 % is fine", "indicatore;anno;consuntivo\n14.3;2023;230%\n", []],
  ];
  it.each(rows)("%s", (_name, text, expected) => {
    const { problems, warnings } = parseActualsCsv(text, plan);
    expect(problems).toEqual([]);
    expect(warnings.map((w) => w.line)).toEqual(expected.map(([line]) => line));
    warnings.forEach((w, i) => expect(w.message).toMatch(expected[i][1]));
  });
});

describe("formatActual", () => {
  const t = (text: string, kind: Target["kind"], unit: Target["unit"] = "", deadline: string | null = null): Target =>
    // Shapes the grammar never produces (a deadline with a value) on purpose: formatActual reads only kind and unit.
    ({
      text,
      kind,
      value: 1,
      unit,
      deadline,
    }) as Target;
  const number = t(">= 13 N.", "atLeast", "N.");
  const percent = t(">= 82,00 %", "atLeast", "%");
  const deadline = t("Entro 31-12-2023", "deadline", "", "2023-12-31");
  const rows: [Actual, Target | null, string | null][] = [
    [null, number, null],
    ["  ", number, null],
    [6.5, number, "6,5"],
    [1600, number, "1600"],
    [-12, number, "-12"],
    [1234.5, number, "1234,5"],
    [1e-7, number, "0,0000001"],
    [1.5e21, number, "1500000000000000000000"],
    [0.825, percent, "82,5%"],
    [0.07, percent, "7%"],
    [2.3, percent, "230%"],
    // 30,000000000000004% would read back as 0.3 (percents keep 15 digits): the fraction is written.
    [0.1 + 0.2, percent, "0,30000000000000004"],
    // No "x%" text reads back as exactly 1/3: the fraction is written instead.
    [1 / 3, percent, "0,3333333333333333"],
    [45275, deadline, "15/12/2023"],
    [45275.5, deadline, "45275,5"],
    [45, deadline, "45"],
    [2958465, deadline, "31/12/9999"],
    [2958466, deadline, "2958466"],
    ["SI", deadline, "SI"],
    [true, deadline, "VERO"],
    [false, null, "FALSO"],
    [6.5, null, "6,5"],
  ];
  it.each(rows)("writes %p for %j as %p", (actual, target, expected) => {
    expect(formatActual(actual, target)).toBe(expected);
  });
});

describe("formatActualsCsv", () => {
  const actuals: Actuals = {
    "2.2": { "2023": 0.825 },
    "1.1": { "2024": 20, "2023": 6.5 },
    "1.2": { "2023": 45275, "2024": "NO", "2025": null },
    "9.10": { "2023": 4.25 },
  };
  it("writes Italian CSV in plan order", () => {
    expect(formatActualsCsv(plan, actuals)).toBe(
      "indicatore;anno;consuntivo\r\n1.1;2023;6,5\r\n1.1;2024;20\r\n1.2;2023;15/12/2023\r\n1.2;2024;NO\r\n" +
        "2.2;2023;82,5%\r\n9.10;2023;4,25\r\n",
    );
  });
  it("writes the English header and quotes decimal commas with ','", () => {
    expect(formatActualsCsv(plan, actuals, ",")).toBe(
      'indicator,year,actual\r\n1.1,2023,"6,5"\r\n1.1,2024,20\r\n1.2,2023,15/12/2023\r\n1.2,2024,NO\r\n' +
        '2.2,2023,"82,5%"\r\n9.10,2023,"4,25"\r\n',
    );
  });
});

// Booleans are left out: for deadlines they come back as SI/NO (tested above).
describe("round trip: formatActualsCsv then parseActualsCsv gives the same actuals", () => {
  const cells = plan.objectives.flatMap((o) =>
    o.indicators.flatMap((i) =>
      plan.years.flatMap((y) => {
        const target = i.targets[String(y)];
        return target ? [{ id: i.id, year: String(y), target }] : [];
      }),
    ),
  );
  const double = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));
  // Only actuals that fit their target: the import refuses the others (tested above).
  const fits = (target: Target, actual: Actual) => {
    try {
      scoreTarget(target, actual);
      return true;
    } catch {
      return false;
    }
  };
  // A percent is written as "x%" when such a text reads back exactly, else as the bare fraction,
  // which the import takes only up to 1: a double like 1.0000000000000002 (no "x%" reads back as
  // it) is the one value that does not come back (a formula's result, not a typed actual).
  const writable = (target: Target, actual: Actual) =>
    !(target.unit === "%" && typeof actual === "number" && Math.abs(actual) > 1) ||
    /%$/.test(formatActual(actual, target) ?? "");
  const actualFor = (target: Target): fc.Arbitrary<Actual> =>
    actualOf(target).filter((a) => fits(target, a) && writable(target, a));
  const actualOf = (target: Target): fc.Arbitrary<Actual> =>
    target.kind === "deadline"
      ? fc.oneof(fc.integer({ min: 1, max: 2958465 }), double, fc.constantFrom("SI", "NO"))
      : fc.oneof(
          double,
          fc.integer({ min: -1000, max: 100000 }),
          fc.integer({ min: 0, max: 2000 }).map((n) => n / 1000),
        );
  const actualsArb = fc
    .tuple(...cells.map((c) => fc.option(actualFor(c.target), { nil: undefined, freq: 3 })))
    .map((values) => {
      const actuals: Actuals = {};
      values.forEach((v, k) => {
        if (v !== undefined) (actuals[cells[k].id] ??= {})[cells[k].year] = v;
      });
      return actuals;
    });

  it.each<CsvSeparator>([";", ","])("with %p", (separator) => {
    fc.assert(
      fc.property(actualsArb, (actuals) => {
        const result = parseActualsCsv(formatActualsCsv(plan, actuals, separator), plan);
        expect(result.problems).toEqual([]);
        expect(result.actuals).toEqual(actuals);
      }),
      { numRuns: 300, seed: 20231031 },
    );
  });
});
