// One line per change for the Registro sheet, the task pane and `pira diff`, in Italian or English.

import type { Change } from "./changes";

export type Language = "it" | "en";

const q = (s: string, lang: Language) => (lang === "it" ? `«${s}»` : `"${s}"`);

/** «Indicatore 14.1 → 14.7: rinumerato nell'obiettivo 14», «Target 2024 di 1.3: >= 20 N. → >= 22 N.». */
export function describeChange(c: Change, lang: Language = "it"): string {
  const it = lang === "it";
  const arrow = `${c.before} → ${c.after}`;
  switch (c.kind) {
    case "yearAdded":
      return it ? `Anno ${c.year} aggiunto al piano` : `Year ${c.year} added to the plan`;
    case "yearDropped":
      return it ? `Anno ${c.year} non più nel piano` : `Year ${c.year} dropped from the plan`;
    case "areaAdded":
      return it ? `Ambito ${c.code} aggiunto: ${c.after}` : `Area ${c.code} added: ${c.after}`;
    case "areaRemoved":
      return it
        ? `Ambito ${c.code} non più nel piano: ${c.before}`
        : `Area ${c.code} no longer in the plan: ${c.before}`;
    case "areaRenamed":
      return `${it ? "Ambito" : "Area"} ${c.code} ${it ? "rinominato" : "renamed"}: ${q(c.before, lang)} → ${q(c.after, lang)}`;
    case "objectiveAdded":
      return it ? `Obiettivo ${c.newNumber} aperto: ${c.after}` : `Objective ${c.newNumber} opened: ${c.after}`;
    case "objectiveRemoved":
      return it ? `Obiettivo ${c.oldNumber} chiuso: ${c.before}` : `Objective ${c.oldNumber} closed: ${c.before}`;
    case "objectiveRenamed":
      return `${it ? "Obiettivo" : "Objective"} ${c.newNumber} ${it ? "rinominato" : "renamed"}: ${q(c.before, lang)} → ${q(c.after, lang)}`;
    case "objectiveRenumbered":
      return it ? `Obiettivo ${arrow}: rinumerato` : `Objective ${arrow}: renumbered`;
    case "areaChanged":
      return it ? `Ambito dell'obiettivo ${c.newNumber}: ${arrow}` : `Area of objective ${c.newNumber}: ${arrow}`;
    case "weightOnAreaChanged":
      return it
        ? `Peso su AS dell'obiettivo ${c.newNumber}: ${arrow}`
        : `Weight on area of objective ${c.newNumber}: ${arrow}`;
    case "resourcesChanged":
      return it
        ? `Risorse economiche dell'obiettivo ${c.newNumber}: ${arrow}`
        : `Resources of objective ${c.newNumber}: ${arrow}`;
    case "perspectiveChanged":
      return it
        ? `Prospettiva BSC dell'obiettivo ${c.newNumber}: ${arrow}`
        : `BSC perspective of objective ${c.newNumber}: ${arrow}`;
    case "missionChanged":
      return it ? `Missione dell'obiettivo ${c.newNumber}: ${arrow}` : `Mission of objective ${c.newNumber}: ${arrow}`;
    case "programmeChanged":
      return it
        ? `Programma dell'obiettivo ${c.newNumber}: ${arrow}`
        : `Programme of objective ${c.newNumber}: ${arrow}`;
    case "indicatorAdded":
      return it ? `Indicatore ${c.newId} aggiunto: ${c.after}` : `Indicator ${c.newId} added: ${c.after}`;
    case "indicatorRemoved":
      return it ? `Indicatore ${c.oldId} eliminato: ${c.before}` : `Indicator ${c.oldId} removed: ${c.before}`;
    case "indicatorRenamed":
      return `${it ? "Indicatore" : "Indicator"} ${c.newId} ${it ? "rinominato" : "renamed"}: ${q(c.before, lang)} → ${q(c.after, lang)}`;
    case "indicatorMoved":
      return it
        ? `Indicatore ${c.oldId} → ${c.newId}: spostato dall'obiettivo ${c.oldObjective} all'obiettivo ${c.newObjective}`
        : `Indicator ${c.oldId} → ${c.newId}: moved from objective ${c.oldObjective} to objective ${c.newObjective}`;
    case "indicatorRenumbered":
      return it
        ? `Indicatore ${c.oldId} → ${c.newId}: rinumerato nell'obiettivo ${c.newObjective}`
        : `Indicator ${c.oldId} → ${c.newId}: renumbered in objective ${c.newObjective}`;
    case "indicatorWeightChanged":
      return it ? `Peso di ${c.newId}: ${arrow}` : `Weight of ${c.newId}: ${arrow}`;
    case "indicatorCommonChanged":
      if (c.after === "OC")
        return it
          ? `Indicatore ${c.newId}: ora comune Unioncamere (OC)`
          : `Indicator ${c.newId}: now an Unioncamere common indicator (OC)`;
      return it
        ? `Indicatore ${c.newId}: non più comune Unioncamere (OC)`
        : `Indicator ${c.newId}: no longer a common indicator (OC)`;
    case "targetChanged":
      return it ? `Target ${c.year} di ${c.newId}: ${arrow}` : `Target ${c.year} of ${c.newId}: ${arrow}`;
  }
}

/** The Italian name of each kind of change, as the Registro sheet's «Tipo di modifica» shows it. */
export const CHANGE_KIND_LABELS: Record<Change["kind"], string> = {
  yearAdded: "Anno aggiunto",
  yearDropped: "Anno non più nel piano",
  areaAdded: "Ambito aggiunto",
  areaRemoved: "Ambito eliminato",
  areaRenamed: "Ambito rinominato",
  objectiveAdded: "Obiettivo aperto",
  objectiveRemoved: "Obiettivo chiuso",
  objectiveRenamed: "Obiettivo rinominato",
  objectiveRenumbered: "Obiettivo rinumerato",
  areaChanged: "Ambito dell'obiettivo cambiato",
  weightOnAreaChanged: "Peso su AS cambiato",
  resourcesChanged: "Risorse cambiate",
  perspectiveChanged: "Prospettiva BSC cambiata",
  missionChanged: "Missione cambiata",
  programmeChanged: "Programma cambiato",
  indicatorAdded: "Indicatore aggiunto",
  indicatorRemoved: "Indicatore eliminato",
  indicatorRenamed: "Indicatore rinominato",
  indicatorMoved: "Indicatore spostato",
  indicatorRenumbered: "Indicatore rinumerato",
  indicatorWeightChanged: "Peso dell'indicatore cambiato",
  indicatorCommonChanged: "Indicatore comune (OC) cambiato",
  targetChanged: "Target cambiato",
};
