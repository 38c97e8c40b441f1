import * as fs from "node:fs";
import * as path from "node:path";
import { readCruscotto } from "../../src/domain/reader";
import type { Plan } from "../../src/domain/model";
import {
  acceptProposals,
  DEFAULT_SIMILARITY_THRESHOLD,
  describeChange,
  matchPlans,
  similarity,
  normaliseName,
  type Change,
} from "../../src/domain/match";
import { sampleText } from "../helpers/sample";
import { planOf, type ObjectiveSpec } from "../helpers/plans";
import { syntheticCruscotto } from "../helpers/synthetic";

const REVISED_PATH = path.join(__dirname, "..", "fixtures", "revised", "cruscotto-pira-2024.txt");

/** A change as one comparable row: kind, old → new reference, before → after. */
function row(c: Change): string {
  const ref =
    "oldId" in c
      ? `${c.oldId ?? "-"}>${c.newId ?? "-"}`
      : "oldNumber" in c
        ? `${c.oldNumber ?? "-"}>${c.newNumber ?? "-"}`
        : "year" in c
          ? String(c.year)
          : c.code;
  const year = c.kind === "targetChanged" ? ` ${c.year}` : "";
  return `${c.kind} ${ref}${year}: ${c.before} | ${c.after}`;
}

describe("the revised 2024 fixture", () => {
  let old: Plan;
  let revised: Plan;
  beforeAll(() => {
    old = readCruscotto(sampleText());
    revised = readCruscotto(fs.readFileSync(REVISED_PATH, "utf8"));
  });

  it("is what scripts/make-revised-sample.js makes of the sample", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { revise } = require("../../scripts/make-revised-sample.js") as { revise: (text: string) => string };
    expect(revise(sampleText())).toBe(fs.readFileSync(REVISED_PATH, "utf8"));
  });

  it("reads with no errors, 2024–2027, objectives 1–11, 13–15", () => {
    expect(revised.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // The sample's own warnings but DFP 3.3's missing targets (it is gone).
    const warnings = (p: Plan) => p.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
    expect(warnings(revised)).toEqual(warnings(old).filter((m) => !m.includes("DFP 3.3")));
    expect(revised.years).toEqual([2024, 2025, 2026, 2027]);
    expect(revised.objectives.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15]);
    for (const o of revised.objectives) {
      const sum = o.indicators.reduce((s, i) => s + i.weight, 0);
      expect({ objective: o.number, sum: Math.round(sum * 100) / 100 }).toEqual({ objective: o.number, sum: 100 });
    }
  });

  it("gives no changes, an identity id map and only exact matches against itself", () => {
    const m = matchPlans(old, old);
    expect(m.changes).toEqual([]);
    expect(m.proposals).toEqual([]);
    const ids = old.objectives.flatMap((o) => o.indicators.map((i) => i.id));
    expect(m.idMap).toEqual(Object.fromEntries(ids.map((id) => [id, id])));
    expect(new Set(m.indicators.map((i) => i.status))).toEqual(new Set(["exact"]));
  });

  const BASE_CHANGES = [
    "yearDropped 2023: 2023 | ",
    "yearAdded 2027:  | 2027",
    "objectiveRemoved 12>-: Valorizzazione del capitale umano e dei livelli di benessere organizzativo | ",
    "indicatorRemoved 12.1>-: Variazione del livello di benessere organizzativo rispetto all'anno precedente | ",
    "resourcesChanged 1>1: 283.500,00 € | 290.000,00 €",
    "indicatorRemoved 1.4>-: DFP 3.3 | ",
    "targetChanged 1.1>1.1 2024: >= 20 N. | >= 22 N.",
    "indicatorRenumbered 1.5>1.4: 1.5 | 1.4",
    "indicatorRenumbered 1.6>1.5: 1.6 | 1.5",
    "indicatorRenumbered 1.7>1.6: 1.7 | 1.6",
    "indicatorRenumbered 1.8>1.7: 1.8 | 1.7",
    "indicatorWeightChanged 4.1>4.1: 50,00% | 40,00%",
    "indicatorWeightChanged 4.2>4.2: 50,00% | 60,00%",
    "indicatorWeightChanged 5.1>5.1: 16,70% | 20,00%",
    "indicatorWeightChanged 5.2>5.2: 16,66% | 20,00%",
    "indicatorRenumbered 5.4>5.3: 5.4 | 5.3",
    "indicatorWeightChanged 5.4>5.3: 16,66% | 20,00%",
    "indicatorRenumbered 5.5>5.4: 5.5 | 5.4",
    "indicatorWeightChanged 5.5>5.4: 16,66% | 20,00%",
    "indicatorRenumbered 5.6>5.5: 5.6 | 5.5",
    "indicatorWeightChanged 5.6>5.5: 16,66% | 20,00%",
    "indicatorWeightChanged 6.1>6.1: 50,00% | 33,33%",
    "indicatorWeightChanged 6.2>6.2: 50,00% | 33,33%",
    "indicatorMoved 5.3>6.3: 5 | 6",
    "indicatorWeightChanged 5.3>6.3: 16,66% | 33,34%",
  ];
  const TAIL = [
    "indicatorWeightChanged 11.1>11.1: 33,34% | 25,00%",
    "indicatorWeightChanged 11.2>11.2: 33,33% | 25,00%",
    "indicatorWeightChanged 11.3>11.3: 33,33% | 25,00%",
    "indicatorAdded ->11.4:  | Tasso di apertura della Newsletter camerale",
    "indicatorRenumbered 14.6>14.1: 14.6 | 14.1",
    "indicatorRenumbered 14.1>14.6: 14.1 | 14.6",
    "objectiveAdded ->15:  | Sviluppo delle competenze digitali del personale",
    "indicatorAdded ->15.1:  | Grado di copertura del piano di formazione sulle competenze digitali",
    "indicatorMoved 12.2>15.2: 12 | 15",
  ];
  const TYPO_OLD =
    "Grado medio di soddisfazione rilevata da indagini di customer satisfaction da parte dei diversi servizi camerati (indice sintetico; scala 1-5 )";
  const TYPO_NEW = TYPO_OLD.replace("camerati", "camerali");
  const REWORD_OLD = "Incremento efficienza/efficacia processi mappati progetto lean organization";
  const REWORD_NEW = "Incremento dell'efficienza e dell'efficacia dei processi mappati nel progetto lean organization";

  it("lists every change, with the typo and the rewording as removed + added until accepted", () => {
    const m = matchPlans(old, revised);
    expect(m.changes.map(row)).toEqual([
      ...BASE_CHANGES,
      `indicatorRemoved 9.1>-: ${TYPO_OLD} | `,
      `indicatorAdded ->9.1:  | ${TYPO_NEW}`,
      `indicatorRemoved 10.3>-: ${REWORD_OLD} | `,
      `indicatorAdded ->10.3:  | ${REWORD_NEW}`,
      ...TAIL,
    ]);
    expect(m.proposals).toEqual([
      { oldId: "9.1", newId: "9.1", status: "proposed", confidence: 0.986, reason: "similar" },
      { oldId: "10.3", newId: "10.3", status: "proposed", confidence: 0.884, reason: "similar" },
    ]);
  });

  it("maps old ids to new ones by name, never by position", () => {
    const m = matchPlans(old, revised);
    const renumbered = { "1.5": "1.4", "1.6": "1.5", "1.7": "1.6", "1.8": "1.7", "5.3": "6.3", "5.4": "5.3" };
    const more = { "5.5": "5.4", "5.6": "5.5", "12.2": "15.2", "14.1": "14.6", "14.6": "14.1" };
    const unmapped = ["1.4", "9.1", "10.3", "12.1"];
    const expected: Record<string, string> = {};
    for (const o of old.objectives) for (const i of o.indicators) if (!unmapped.includes(i.id)) expected[i.id] = i.id;
    Object.assign(expected, renumbered, more);
    expect(m.idMap).toEqual(expected);
    expect(m.objectiveMap).toEqual({
      1: 1,
      2: 2,
      3: 3,
      4: 4,
      5: 5,
      6: 6,
      7: 7,
      8: 8,
      9: 9,
      10: 10,
      11: 11,
      13: 13,
      14: 14,
    });
    expect(m.indicators.filter((i) => i.status === "moved").map((i) => `${i.oldId}>${i.newId}`)).toEqual([
      "5.3>6.3",
      "12.2>15.2",
    ]);
  });

  it("turns accepted proposals into renames, either one at a time or all at once", () => {
    const m = matchPlans(old, revised);
    const one = acceptProposals(old, revised, m, [m.proposals[0]]);
    expect(one.idMap["9.1"]).toBe("9.1");
    expect(one.idMap["10.3"]).toBeUndefined();
    expect(one.proposals.map((p) => p.oldId)).toEqual(["10.3"]);
    const all = matchPlans(old, revised, { acceptProposed: true });
    expect(all.changes.map(row)).toEqual([
      ...BASE_CHANGES,
      `indicatorRenamed 9.1>9.1: ${TYPO_OLD} | ${TYPO_NEW}`,
      `indicatorRenamed 10.3>10.3: ${REWORD_OLD} | ${REWORD_NEW}`,
      ...TAIL,
    ]);
    expect(all.proposals).toEqual([]);
    expect(all.indicators.find((i) => i.oldId === "10.3")).toEqual({
      oldId: "10.3",
      newId: "10.3",
      status: "proposed",
      confidence: 0.884,
    });
  });

  it("describes every change in one Italian line and one English line", () => {
    const m = matchPlans(old, revised, { acceptProposed: true });
    const lines = m.changes.map((c) => describeChange(c, "it"));
    expect(lines).toContain("Target 2024 di 1.1: >= 20 N. → >= 22 N.");
    expect(lines).toContain("Indicatore 14.1 → 14.6: rinumerato nell'obiettivo 14");
    expect(lines).toContain("Indicatore 5.3 → 6.3: spostato dall'obiettivo 5 all'obiettivo 6");
    expect(lines).toContain(
      "Obiettivo 12 chiuso: Valorizzazione del capitale umano e dei livelli di benessere organizzativo",
    );
    expect(lines).toContain("Anno 2023 non più nel piano");
    expect(lines).toContain("Peso di 4.1: 50,00% → 40,00%");
    expect(m.changes.map((c) => describeChange(c, "en"))).toContain("Target 2024 of 1.1: >= 20 N. → >= 22 N.");
    for (const line of [...lines, ...m.changes.map((c) => describeChange(c, "en"))]) {
      expect(line).not.toMatch(/undefined|null|\n/);
    }
  });
});

const Y = [2024, 2025];
const one = (number: number, title: string, ...names: string[]): ObjectiveSpec => ({
  number,
  title,
  indicators: names.map((n) => [n]),
});

interface SmallCase {
  name: string;
  old: ObjectiveSpec[];
  revised: ObjectiveSpec[];
  idMap: Record<string, string>;
  proposals: string[];
  changes: string[];
}

const SMALL_CASES: SmallCase[] = [
  {
    name: "a corrected typo is proposed, not matched",
    old: [one(1, "Digitale", "Grado di adesione al casseto digitale", "Incremento accessi")],
    revised: [one(1, "Digitale", "Grado di adesione al cassetto digitale", "Incremento accessi")],
    idMap: { "1.2": "1.2" },
    proposals: ["1.1>1.1 similar"],
    changes: [
      "indicatorRemoved 1.1>-: Grado di adesione al casseto digitale | ",
      "indicatorAdded ->1.1:  | Grado di adesione al cassetto digitale",
    ],
  },
  {
    name: "case, accents, punctuation, spaces and (OC) still match, shown as renames",
    old: [one(1, "Giustizia  alternativa, Legalità", "Capacità di risposta (OC)", "N° output: comunicazione")],
    revised: [one(1, "GIUSTIZIA ALTERNATIVA - LEGALITA'", "capacita di risposta", "N output comunicazione")],
    idMap: { "1.1": "1.1", "1.2": "1.2" },
    proposals: [],
    changes: [
      "objectiveRenamed 1>1: Giustizia  alternativa, Legalità | GIUSTIZIA ALTERNATIVA - LEGALITA'",
      "indicatorRenamed 1.1>1.1: Capacità di risposta (OC) | capacita di risposta",
      "indicatorRenamed 1.2>1.2: N° output: comunicazione | N output comunicazione",
    ],
  },
  {
    name: "a rewording above the threshold is proposed",
    old: [one(1, "Comunicazione", "Crescita qualitativa social", "Incremento delle iscrizioni alla Newsletter")],
    revised: [
      one(1, "Comunicazione", "Crescita qualitativa dei canali social", "Incremento delle iscrizioni alla Newsletter"),
    ],
    idMap: { "1.2": "1.2" },
    proposals: ["1.1>1.1 similar"],
    changes: [
      "indicatorRemoved 1.1>-: Crescita qualitativa social | ",
      "indicatorAdded ->1.1:  | Crescita qualitativa dei canali social",
    ],
  },
  {
    name: "a rewording below the threshold is a removal and an addition",
    old: [one(1, "Registro", "Tempo medio di lavorazione delle pratiche RI")],
    revised: [one(1, "Registro", "Tempo medio di evasione delle pratiche del Registro Imprese")],
    idMap: {},
    proposals: [],
    changes: [
      "indicatorRemoved 1.1>-: Tempo medio di lavorazione delle pratiche RI | ",
      "indicatorAdded ->1.1:  | Tempo medio di evasione delle pratiche del Registro Imprese",
    ],
  },
  {
    name: "the same name in two objectives stays in each",
    old: [
      one(1, "Turismo", "Incremento soggetti coinvolti", "Customer"),
      one(2, "Lavoro", "Customer", "Incremento soggetti coinvolti"),
    ],
    revised: [
      one(1, "Lavoro", "Incremento soggetti coinvolti", "Customer"),
      one(2, "Turismo", "Customer", "Incremento soggetti coinvolti"),
    ],
    idMap: { "1.1": "2.2", "1.2": "2.1", "2.1": "1.2", "2.2": "1.1" },
    proposals: [],
    changes: [
      "objectiveRenumbered 2>1: 2 | 1",
      "indicatorRenumbered 2.2>1.1: 2.2 | 1.1",
      "indicatorRenumbered 2.1>1.2: 2.1 | 1.2",
      "objectiveRenumbered 1>2: 1 | 2",
      "indicatorRenumbered 1.2>2.1: 1.2 | 2.1",
      "indicatorRenumbered 1.1>2.2: 1.1 | 2.2",
    ],
  },
  {
    name: "swapped ids follow the names",
    old: [one(1, "Bilancio", "Indice di struttura primario", "Indice equilibrio strutturale")],
    revised: [one(1, "Bilancio", "Indice equilibrio strutturale", "Indice di struttura primario")],
    idMap: { "1.1": "1.2", "1.2": "1.1" },
    proposals: [],
    changes: ["indicatorRenumbered 1.2>1.1: 1.2 | 1.1", "indicatorRenumbered 1.1>1.2: 1.1 | 1.2"],
  },
  {
    name: "a renumbered objective keeps its indicators, renumbered",
    old: [one(13, "Patrimonio", "Manutenzione", "Razionalizzazione"), one(14, "Spesa", "Proventi")],
    revised: [one(12, "Patrimonio", "Manutenzione", "Razionalizzazione"), one(13, "Spesa", "Proventi")],
    idMap: { "13.1": "12.1", "13.2": "12.2", "14.1": "13.1" },
    proposals: [],
    changes: [
      "objectiveRenumbered 13>12: 13 | 12",
      "indicatorRenumbered 13.1>12.1: 13.1 | 12.1",
      "indicatorRenumbered 13.2>12.2: 13.2 | 12.2",
      "objectiveRenumbered 14>13: 14 | 13",
      "indicatorRenumbered 14.1>13.1: 14.1 | 13.1",
    ],
  },
  {
    name: "a renamed objective is matched by its number when its title or an indicator agrees",
    old: [one(3, "Valorizzazione del patrimonio culturale", "Accessi Biblioteca")],
    revised: [one(3, "Valorizzazione del patrimonio culturale e turismo", "Accessi Biblioteca")],
    idMap: { "3.1": "3.1" },
    proposals: [],
    changes: [
      "objectiveRenamed 3>3: Valorizzazione del patrimonio culturale | Valorizzazione del patrimonio culturale e turismo",
    ],
  },
  {
    name: "a closed objective's number given to a new one is no rename",
    old: [one(12, "Capitale umano", "Benessere organizzativo")],
    revised: [one(12, "Transizione energetica", "Consumi energetici")],
    idMap: {},
    proposals: [],
    changes: [
      "objectiveRemoved 12>-: Capitale umano | ",
      "indicatorRemoved 12.1>-: Benessere organizzativo | ",
      "objectiveAdded ->12:  | Transizione energetica",
      "indicatorAdded ->12.1:  | Consumi energetici",
    ],
  },
  {
    name: "one name on several unmatched indicators is only proposed",
    old: [one(1, "A", "Customer satisfaction"), one(2, "B", "Customer satisfaction")],
    revised: [one(3, "C", "Customer satisfaction")],
    idMap: {},
    proposals: ["1.1>3.1 ambiguous"],
    changes: [
      "objectiveRemoved 1>-: A | ",
      "indicatorRemoved 1.1>-: Customer satisfaction | ",
      "objectiveRemoved 2>-: B | ",
      "indicatorRemoved 2.1>-: Customer satisfaction | ",
      "objectiveAdded ->3:  | C",
      "indicatorAdded ->3.1:  | Customer satisfaction",
    ],
  },
];

describe.each(SMALL_CASES)("matching: $name", (c) => {
  it("gives the expected id map, proposals and changes", () => {
    const m = matchPlans(planOf(Y, c.old), planOf(Y, c.revised));
    expect(m.idMap).toEqual(c.idMap);
    expect(m.proposals.map((p) => `${p.oldId}>${p.newId} ${p.reason}`)).toEqual(c.proposals);
    expect(m.changes.map(row)).toEqual(c.changes);
  });
});

describe("matching one-to-one", () => {
  it("never maps two old indicators to one new one, nor one to two", () => {
    const old = planOf(Y, [
      one(1, "A", "Tempo medio pratiche RI", "Tempo medio pratiche R.I.", "Tempi medi pratiche RI"),
    ]);
    const revised = planOf(Y, [one(1, "A", "Tempo medio delle pratiche RI")]);
    const m = matchPlans(old, revised, { acceptProposed: true });
    const newIds = Object.values(m.idMap);
    expect(new Set(newIds).size).toBe(newIds.length);
    // "RI" and "R.I." normalise to different words; exactly one old indicator is kept.
    expect(newIds).toEqual(["1.1"]);
  });

  it("documents its threshold against the sample's closest distinct names", () => {
    const names = readCruscotto(sampleText())
      .objectives.flatMap((o) => o.indicators)
      .map((i) => normaliseName(i.name));
    let closest = 0;
    for (let a = 0; a < names.length; a++)
      for (let b = a + 1; b < names.length; b++) closest = Math.max(closest, similarity(names[a], names[b]));
    expect(closest).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD);
  });
});

describe("targets and objective fields", () => {
  it("reports a target per year, spacing aside, and each objective field", () => {
    const old = planOf(Y, [{ number: 1, title: "A", indicators: [["X", 100, [">=95,00 %", ">= 20 N."]]] }]);
    const revised = planOf(
      [2024, 2025],
      [{ number: 1, title: "A", area: "032", indicators: [["X", 100, [">= 95,00 %", ">= 22 N."]]] }],
    );
    Object.assign(revised.objectives[0], {
      resources: 1000,
      perspective: "Processi interni",
      mission: "M",
      programme: "P",
    });
    revised.objectives[0].weightOnArea = 50;
    revised.areas.push({ code: "032", name: "Processi interni" });
    expect(matchPlans(old, revised).changes.map(row)).toEqual([
      "areaAdded 032:  | Processi interni",
      "areaChanged 1>1: 011 | 032",
      "weightOnAreaChanged 1>1: 100,00% | 50,00%",
      "resourcesChanged 1>1: — | 1.000,00 €",
      "perspectiveChanged 1>1:  | Processi interni",
      "missionChanged 1>1:  | M",
      "programmeChanged 1>1:  | P",
      "targetChanged 1.1>1.1 2025: >= 20 N. | >= 22 N.",
    ]);
  });
});

describe("matching at ten times the sample", () => {
  it("stays one-to-one when every name repeats in ten copies", () => {
    const revisedText = fs.readFileSync(REVISED_PATH, "utf8");
    const old = readCruscotto(syntheticCruscotto(10));
    const revised = readCruscotto(syntheticCruscotto(10, revisedText));
    const m = matchPlans(old, revised);
    const newIds = Object.values(m.idMap);
    expect(new Set(newIds).size).toBe(newIds.length);
    // Per copy: 54 of 58 kept as in the single revision, but the two moved indicators' names now
    // leave ten objectives each and enter ten others, so their moves are only proposed.
    expect(newIds).toHaveLength(10 * 52);
    expect(m.proposals.filter((p) => p.reason === "similar")).toHaveLength(10 * 2);
    expect(m.proposals.filter((p) => p.reason === "ambiguous")).toHaveLength(10 * 2);
    expect(m.changes.filter((c) => c.kind === "objectiveRemoved")).toHaveLength(10);
  });
});
