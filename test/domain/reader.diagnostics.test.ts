// Each kind of problem the reader reports, planted in the real sample: the message names
// what is wrong and where (line, objective, indicator), and nothing is dropped.
import { diagnosticMessage, readCruscotto as readPlan } from "../../src/domain/reader";
import type { Diagnostic, Plan } from "../../src/domain/model";
import { sampleText } from "../helpers/sample";

/** Reads like the reader and checks each diagnostic's message is its code's Italian message. */
function readCruscotto(text: string): Plan {
  const plan = readPlan(text);
  for (const d of plan.diagnostics) expect(diagnosticMessage(d, "it")).toBe(d.message);
  return plan;
}

const sample = sampleText();
const lines = sample.split("\n");
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;

function edit(needle: string, replace: (line: string) => string): string {
  const i = lineOf(needle) - 1;
  if (i < 0) throw new Error(`not in sample: ${needle}`);
  return [...lines.slice(0, i), replace(lines[i]), ...lines.slice(i + 1)].join("\n");
}

function newDiagnostics(text: string): Diagnostic[] {
  const baseline = new Set(readCruscotto(sample).diagnostics.map((d) => d.message));
  return readCruscotto(text).diagnostics.filter((d) => !baseline.has(d.message));
}

describe("reader diagnostics", () => {
  it.each<[string, () => string, Partial<Diagnostic>, RegExp]>([
    [
      "indicator weights of an objective not summing to 100 %",
      () => edit("Incremento accessi alla Biblioteca", (l) => l.replace("20,00%", "19,00%")),
      { severity: "error", objective: 3, line: lineOf("**3** Valorizzazione") },
      /pesi degli indicatori dell'obiettivo 3 sommano a 99,00% invece di 100%/,
    ],
    [
      "Peso su AS of an area not summing to 100 %",
      () => edit("<b>33,33%</b>", (l) => l.replace("33,33%", "30,00%")),
      { severity: "error", line: lineOf("<b>33,33%</b>") },
      /"Peso su AS" dell'ambito 032 \(obiettivi 8, 9, 10\) sommano a 96,67% invece di 100%/,
    ],
    [
      "a target that cannot be read",
      () => edit("Istanze accesso civico", (l) => l.replace("<= 1 N.\t<= 1 N.", "da definire\t<= 1 N.")),
      { severity: "error", objective: 8, indicator: "8.2", line: lineOf("Istanze accesso civico") },
      /Target 2023 dell'indicatore 8.2 non leggibile: «da definire» \(conservato come testo\)/,
    ],
    [
      "a year with no target",
      () => edit("Crescita qualitativa social", (l) => l.replace(/\t>= 1 N\.$/, "\t")),
      { severity: "warning", objective: 11, indicator: "11.1", line: lineOf("Crescita qualitativa social") },
      /Manca il target 2026 dell'indicatore 11.1/,
    ],
    [
      "an indicator with weight 0",
      () => edit("Istanze accesso civico", (l) => l.replace("33,33%", "0,00%")),
      { severity: "info", objective: 8, indicator: "8.2" },
      /indicatore 8.2 .* ha peso 0: è solo di monitoraggio/,
    ],
    [
      "a missing value",
      () => edit("710.484,75", () => ""),
      { severity: "warning", objective: 2 },
      /Manca il valore di "Risorse economiche" nell'obiettivo 2/,
    ],
    [
      "an unreadable area",
      () => edit("016 - Economico - Finanziaria", () => "Economico - Finanziaria"),
      { severity: "error", objective: 13 },
      /Ambito strategico non leggibile nell'obiettivo 13/,
    ],
    [
      "a line it does not understand",
      () => edit("Economico-finanziaria", (l) => l + "\n\nQuesta riga è un refuso"),
      { severity: "warning", objective: 13 },
      /Riga non riconosciuta nell'obiettivo 13, ignorata: «Questa riga è un refuso»/,
    ],
    [
      "an indicator name the PDF wrapped onto the next line",
      () => edit("Revisione e attuazione del Piano", (l) => l.replace("immobiliare\t", "\t") + "\nimmobiliare"),
      { severity: "info", objective: 13, indicator: "13.2", line: lineOf("Revisione e attuazione del Piano") + 1 },
      /Riga unita al nome dell'indicatore 13.2 \(testo andato a capo\): «immobiliare»/,
    ],
    [
      "an objective that appears twice",
      () => sample + "\n**3 Valorizzazione del patrimonio culturale**\n",
      { severity: "error", objective: 3 },
      /L'obiettivo 3 compare di nuovo \(prima alla riga \d+\)/,
    ],
  ])("%s", (_name, make, expected, message) => {
    const found = newDiagnostics(make()).filter((d) => message.test(d.message));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
  });

  it("reports a cruscotto whose indicator tables name no year", () => {
    const plan = readCruscotto("**1 Obiettivo**\nIndicatori (100%)\n100,00%\tAzione\t>= 1 N.\n");
    expect(plan.years).toEqual([]);
    expect(plan.diagnostics).toContainEqual({
      line: 0,
      severity: "error",
      // The one exact comparison of a whole diagnostic: it now carries its code too.
      code: "no-years",
      message: 'Nessun anno di target trovato: le tabelle degli indicatori non hanno colonne "Target AAAA".',
    });
  });

  it.each([
    ["empty text", ""],
    ["unrelated text", "Verbale della riunione del 3 marzo.\nPresenti: tutti.\n"],
    ["binary-looking noise", "\u0000\u0001\u0002\uFFFD\uFFFD"],
  ])("%s gives no objectives and one error, without throwing", (_name, text) => {
    const plan = readCruscotto(text);
    expect(plan.objectives).toEqual([]);
    expect(plan.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([
      "Nessun obiettivo trovato: il testo non sembra un cruscotto obiettivi strategici PIRA.",
    ]);
  });
});
