// Every kind of finding has a stable code, an Italian and an English message: each code planted
// in a small cruscotto, found by its code, and its message rendered from the tables in both languages.
import {
  DIAGNOSTIC_CODES,
  diagnosticMessage,
  readCruscotto,
  readCruscottoBytes,
  type DiagnosticCode,
} from "../../src/domain/reader";
import { windows1252 } from "../helpers/encodings";
import { sampleText } from "../helpers/sample";

const TITLE = "Cruscotto obiettivi strategici approvato il 31.10.2023";
const FIELDS = [
  "Ambito strategico: 011 - Competività delle imprese",
  "Peso su AS: 100,00%",
  "Risorse economiche: 1.000,00 €",
  "Prospettiva BSC: Imprese e territorio",
  "Missione: 011 - Competitività e sviluppo delle imprese",
  "Programma: 005 - Regolamentazione, incentivazione dei settori imprenditoriali",
];
const HEADER = "Indicatori (100%)\tTarget 2023\tTarget 2024";
const ROW = "100,00%\tPratiche evase\t>= 1 N.\t>= 2 N.";

/** One objective, every field and one indicator: a cruscotto with nothing to report. */
function objective(number: number, fields = FIELDS, header = HEADER, rows = [ROW]): string {
  return [`**${number} Obiettivo numero ${number}**`, ...fields, header, ...rows].join("\n");
}

const replaced = (i: number, line: string) => FIELDS.map((f, j) => (j === i ? line : f));
const halfWeight = replaced(1, "Peso su AS: 50,00%");

/** A document as text, or as a file's bytes. */
type Planted = string | Uint8Array;
const read = (source: Planted) =>
  typeof source === "string" ? readCruscotto(source) : readCruscottoBytes(source).plan;

const PLANTED: [DiagnosticCode, Planted][] = [
  ["text-encoding", windows1252([TITLE, objective(1)].join("\n"))],
  ["years-assumed", [TITLE, objective(1, FIELDS, "Indicatori (100%)\tTarget\tTarget")].join("\n")],
  ["no-objectives", "Relazione sulla performance\nNessun obiettivo in questo testo."],
  ["no-years", [TITLE, objective(1, FIELDS, "Indicatori (100%)", ["100,00%\tPratiche evase\t>= 1 N."])].join("\n")],
  ["line-before-objective", [TITLE, "Una premessa qualsiasi", objective(1)].join("\n")],
  ["line-unused", [TITLE, objective(1, [...FIELDS, "Questa riga è un refuso"])].join("\n")],
  [
    "table-header-without-targets",
    [TITLE, objective(1, FIELDS, "Target 2023\tTarget 2024\nIndicatori (100%)")].join("\n"),
  ],
  ["objective-repeated", [TITLE, objective(1), "**1 Obiettivo numero 1**"].join("\n")],
  ["field-value-missing", [TITLE, objective(1, replaced(2, "Risorse economiche:"))].join("\n")],
  [
    "field-extra-values",
    [
      TITLE,
      objective(1, [FIELDS[0], "Peso su AS:\tRisorse economiche:", "100,00%\t1.000,00 €\tpiù", ...FIELDS.slice(3)]),
    ].join("\n"),
  ],
  ["field-repeated", [TITLE, objective(1, [...FIELDS, "Prospettiva BSC: Processi interni"])].join("\n")],
  [
    "field-missing",
    [
      TITLE,
      objective(
        1,
        FIELDS.filter((_f, i) => i !== 3),
      ),
    ].join("\n"),
  ],
  ["area-unreadable", [TITLE, objective(1, replaced(0, "Ambito strategico: Competitività"))].join("\n")],
  [
    "area-name-differs",
    [
      TITLE,
      objective(1, halfWeight),
      objective(
        2,
        halfWeight.map((f, i) => (i === 0 ? "Ambito strategico: 011 - Altro" : f)),
      ),
    ].join("\n"),
  ],
  ["weight-unreadable", [TITLE, objective(1, replaced(1, "Peso su AS: molto"))].join("\n")],
  ["resources-unreadable", [TITLE, objective(1, replaced(2, "Risorse economiche: da stabilire"))].join("\n")],
  ["name-continued", [TITLE, objective(1, FIELDS, HEADER, [ROW, "nei termini di legge"])].join("\n")],
  ["target-missing", [TITLE, objective(1, FIELDS, HEADER, ["100,00%\tPratiche evase\t\t>= 2 N."])].join("\n")],
  [
    "target-column-missing",
    [
      TITLE,
      objective(1, halfWeight),
      objective(2, halfWeight, "Indicatori (100%)\tTarget 2023", ["100,00%\tPratiche evase\t>= 1 N."]),
    ].join("\n"),
  ],
  [
    "target-unreadable",
    [TITLE, objective(1, FIELDS, HEADER, ["100,00%\tPratiche evase\tda definire\t>= 2 N."])].join("\n"),
  ],
  [
    "deadline-after-year",
    [TITLE, objective(1, FIELDS, HEADER, ["100,00%\tPratiche evase\tEntro 31-12-2024\tEntro 31-12-2024"])].join("\n"),
  ],
  [
    "indicator-weight-zero",
    [TITLE, objective(1, FIELDS, HEADER, [ROW, "0,00%\tMonitoraggio\t>= 1 N.\t>= 2 N."])].join("\n"),
  ],
  ["objective-without-indicators", [TITLE, objective(1, FIELDS, HEADER, [])].join("\n")],
  ["weights-not-100", [TITLE, objective(1, FIELDS, HEADER, ["90,00%\tPratiche evase\t>= 1 N.\t>= 2 N."])].join("\n")],
  ["area-weights-not-100", [TITLE, objective(1, replaced(1, "Peso su AS: 90,00%"))].join("\n")],
];

describe("diagnostic codes", () => {
  it("the clean cruscotto of these tests has nothing to report", () => {
    expect(readCruscotto([TITLE, objective(1)].join("\n")).diagnostics).toEqual([]);
  });

  it("plants every code the message tables know, and only those", () => {
    expect(PLANTED.map(([code]) => code).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });

  it.each(PLANTED)("%s: found by its code, with its message in Italian and in English", (code, text) => {
    const found = read(text).diagnostics.filter((d) => d.code === code);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(diagnosticMessage(d, "it")).toBe(d.message);
    const english = diagnosticMessage(d, "en");
    expect(english).not.toBe(d.message);
    expect(english).toMatch(/^\S.*\.$/);
    // Every value the message interpolates is a param, and shows in both languages.
    for (const value of Object.values(d.params ?? {})) {
      const shown = typeof value === "number" && !Number.isInteger(value) ? null : String(value);
      if (shown === null || ["area", "weight", "resources", "perspective", "mission", "programme"].includes(shown))
        continue;
      expect(d.message).toContain(shown);
      expect(english).toContain(shown);
    }
    expect(english).not.toMatch(/undefined|NaN|\[object/);
  });

  it("keeps the sample's findings selectable by code", () => {
    const byCode = (code: DiagnosticCode) =>
      readCruscotto(sampleText())
        .diagnostics.filter((d) => d.code === code)
        .map((d) => [d.indicator ?? d.objective, d.params]);
    expect(byCode("target-missing")).toEqual([
      ["1.4", { year: 2025, indicator: "1.4", name: "DFP 3.3" }],
      ["1.4", { year: 2026, indicator: "1.4", name: "DFP 3.3" }],
    ]);
    expect(byCode("indicator-weight-zero")).toEqual([["1.4", { indicator: "1.4", name: "DFP 3.3" }]]);
    expect(byCode("field-value-missing")).toEqual([[9, { field: "resources", objective: 9 }]]);
    expect(byCode("weights-not-100")).toEqual([]);
  });

  it("gives the weight sums as params, rounded as the message shows them", () => {
    const text = [TITLE, objective(1, FIELDS, HEADER, ["33,33%\tA\t>= 1 N.\t>= 2 N.", "33,33%\tB\t>= 1 N.\t>= 2 N."])];
    const [d] = readCruscotto(text.join("\n")).diagnostics.filter((x) => x.code === "weights-not-100");
    expect(d.params).toEqual({ objective: 1, sum: 66.66 });
    expect(d.message).toContain("66,66%");
    expect(diagnosticMessage(d, "en")).toContain("66.66%");
  });

  it("keeps the Italian message of a code it does not know (a plan saved by another version)", () => {
    const d = { line: 3, severity: "warning" as const, code: "from-the-future" as DiagnosticCode, message: "Avviso." };
    expect(diagnosticMessage(d, "en")).toBe("Avviso.");
    expect(diagnosticMessage(d, "it")).toBe("Avviso.");
  });
});
