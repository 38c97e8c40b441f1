// One line per change kind, in Italian and in English, as the Registro sheet and `pira diff` show them.
import { describeChange, type Change } from "../../src/domain/match";

const ref = { oldNumber: 3, newNumber: 4 };
const iref = { oldId: "3.2", newId: "4.1", oldObjective: 3, newObjective: 4 };
const DESCRIPTIONS: [Change, string, string][] = [
  [
    { kind: "yearAdded", year: 2027, before: "", after: "2027" },
    "Anno 2027 aggiunto al piano",
    "Year 2027 added to the plan",
  ],
  [
    { kind: "yearDropped", year: 2023, before: "2023", after: "" },
    "Anno 2023 non più nel piano",
    "Year 2023 dropped from the plan",
  ],
  [
    { kind: "areaAdded", code: "017", before: "", after: "Sostenibilità" },
    "Ambito 017 aggiunto: Sostenibilità",
    "Area 017 added: Sostenibilità",
  ],
  [
    { kind: "areaRemoved", code: "016", before: "Economico - Finanziaria", after: "" },
    "Ambito 016 non più nel piano: Economico - Finanziaria",
    "Area 016 no longer in the plan: Economico - Finanziaria",
  ],
  [
    { kind: "areaRenamed", code: "032", before: "A", after: "B" },
    "Ambito 032 rinominato: «A» → «B»",
    'Area 032 renamed: "A" → "B"',
  ],
  [
    { kind: "objectiveAdded", oldNumber: null, newNumber: 15, before: "", after: "T" },
    "Obiettivo 15 aperto: T",
    "Objective 15 opened: T",
  ],
  [
    { kind: "objectiveRemoved", oldNumber: 12, newNumber: null, before: "T", after: "" },
    "Obiettivo 12 chiuso: T",
    "Objective 12 closed: T",
  ],
  [
    { kind: "objectiveRenamed", ...ref, before: "A", after: "B" },
    "Obiettivo 4 rinominato: «A» → «B»",
    'Objective 4 renamed: "A" → "B"',
  ],
  [
    { kind: "objectiveRenumbered", ...ref, before: "3", after: "4" },
    "Obiettivo 3 → 4: rinumerato",
    "Objective 3 → 4: renumbered",
  ],
  [
    { kind: "areaChanged", ...ref, before: "011", after: "032" },
    "Ambito dell'obiettivo 4: 011 → 032",
    "Area of objective 4: 011 → 032",
  ],
  [
    { kind: "weightOnAreaChanged", ...ref, before: "14,28%", after: "15,00%" },
    "Peso su AS dell'obiettivo 4: 14,28% → 15,00%",
    "Weight on area of objective 4: 14,28% → 15,00%",
  ],
  [
    { kind: "resourcesChanged", ...ref, before: "—", after: "1.000,00 €" },
    "Risorse economiche dell'obiettivo 4: — → 1.000,00 €",
    "Resources of objective 4: — → 1.000,00 €",
  ],
  [
    { kind: "perspectiveChanged", ...ref, before: "A", after: "B" },
    "Prospettiva BSC dell'obiettivo 4: A → B",
    "BSC perspective of objective 4: A → B",
  ],
  [
    { kind: "missionChanged", ...ref, before: "A", after: "B" },
    "Missione dell'obiettivo 4: A → B",
    "Mission of objective 4: A → B",
  ],
  [
    { kind: "programmeChanged", ...ref, before: "A", after: "B" },
    "Programma dell'obiettivo 4: A → B",
    "Programme of objective 4: A → B",
  ],
  [
    { kind: "indicatorAdded", oldId: null, newId: "4.2", oldObjective: null, newObjective: 4, before: "", after: "N" },
    "Indicatore 4.2 aggiunto: N",
    "Indicator 4.2 added: N",
  ],
  [
    {
      kind: "indicatorRemoved",
      oldId: "3.1",
      newId: null,
      oldObjective: 3,
      newObjective: null,
      before: "N",
      after: "",
    },
    "Indicatore 3.1 eliminato: N",
    "Indicator 3.1 removed: N",
  ],
  [
    { kind: "indicatorRenamed", ...iref, before: "A", after: "B" },
    "Indicatore 4.1 rinominato: «A» → «B»",
    'Indicator 4.1 renamed: "A" → "B"',
  ],
  [
    { kind: "indicatorMoved", ...iref, before: "3", after: "4" },
    "Indicatore 3.2 → 4.1: spostato dall'obiettivo 3 all'obiettivo 4",
    "Indicator 3.2 → 4.1: moved from objective 3 to objective 4",
  ],
  [
    {
      kind: "indicatorRenumbered",
      ...iref,
      oldId: "14.1",
      newId: "14.7",
      oldObjective: 14,
      newObjective: 14,
      before: "14.1",
      after: "14.7",
    },
    "Indicatore 14.1 → 14.7: rinumerato nell'obiettivo 14",
    "Indicator 14.1 → 14.7: renumbered in objective 14",
  ],
  [
    { kind: "indicatorWeightChanged", ...iref, before: "50,00%", after: "40,00%" },
    "Peso di 4.1: 50,00% → 40,00%",
    "Weight of 4.1: 50,00% → 40,00%",
  ],
  [
    { kind: "indicatorCommonChanged", ...iref, before: "", after: "OC" },
    "Indicatore 4.1: ora comune Unioncamere (OC)",
    "Indicator 4.1: now an Unioncamere common indicator (OC)",
  ],
  [
    { kind: "indicatorCommonChanged", ...iref, before: "OC", after: "" },
    "Indicatore 4.1: non più comune Unioncamere (OC)",
    "Indicator 4.1: no longer a common indicator (OC)",
  ],
  [
    { kind: "targetChanged", ...iref, oldId: "1.3", newId: "1.3", year: 2024, before: ">= 20 N.", after: ">= 22 N." },
    "Target 2024 di 1.3: >= 20 N. → >= 22 N.",
    "Target 2024 of 1.3: >= 20 N. → >= 22 N.",
  ],
];

describe.each(DESCRIPTIONS)("describeChange %#", (change, italian, english) => {
  it(`${change.kind} in Italian and English`, () => {
    expect(describeChange(change, "it")).toBe(italian);
    expect(describeChange(change, "en")).toBe(english);
  });
});
