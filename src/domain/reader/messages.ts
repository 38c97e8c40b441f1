// What the reader says about a document, in Italian (the plan's `message`) and in English (the
// task pane's English interface). One entry per diagnostic code; the params are the values the
// message interpolates, so a caller can select findings by code and show them in either language.

import type { Diagnostic, Severity } from "../model";
import { formatItalianNumber } from "../numbers";
import type { FieldKey } from "./rules";

export type Language = "it" | "en";

/** The params of each code's message. Texts from the document are already cut to an excerpt. */
export interface DiagnosticParams {
  "text-encoding": { encoding: string };
  "years-assumed": { from: number };
  "no-objectives": Record<string, never>;
  "no-years": Record<string, never>;
  "line-before-objective": { text: string };
  "line-unused": { objective: number; text: string };
  "table-header-without-targets": Record<string, never>;
  "objective-repeated": { objective: number; firstLine: number };
  "field-value-missing": { field: FieldKey; objective: number | string };
  "field-extra-values": { objective: number; text: string };
  "field-repeated": { field: FieldKey; objective: number; text: string };
  "field-missing": { field: FieldKey; objective: number };
  "area-unreadable": { objective: number; text: string };
  "area-name-differs": { area: string; name: string; known: string };
  "weight-unreadable": { objective: number; text: string };
  "resources-unreadable": { objective: number; text: string };
  "name-continued": { indicator: string; text: string };
  "target-missing": { year: number; indicator: string; name: string };
  "target-column-missing": { year: number; indicator: string; objective: number };
  "target-unreadable": { year: number; indicator: string; text: string };
  "deadline-after-year": { year: number; indicator: string; text: string };
  "indicator-weight-zero": { indicator: string; name: string };
  "objective-without-indicators": { objective: number };
  "weights-not-100": { objective: number; sum: number };
  "area-weights-not-100": { area: string; objectives: string; sum: number };
}

export type DiagnosticCode = keyof DiagnosticParams;

type MessageTable = { [C in DiagnosticCode]: (p: DiagnosticParams[C]) => string };

const FIELD_NAMES: Record<Language, Record<FieldKey, string>> = {
  it: {
    area: "Ambito strategico",
    weight: "Peso su AS",
    resources: "Risorse economiche",
    perspective: "Prospettiva BSC",
    mission: "Missione",
    programme: "Programma",
  },
  en: {
    area: "Strategic area",
    weight: "Weight on area",
    resources: "Financial resources",
    perspective: "BSC perspective",
    mission: "Mission",
    programme: "Programme",
  },
};

export const NO_YEARS_MESSAGE =
  'Nessun anno di target trovato: le tabelle degli indicatori non hanno colonne "Target AAAA".';

const it = FIELD_NAMES.it;
const en = FIELD_NAMES.en;

function englishNumber(n: number): string {
  return n.toFixed(2);
}

export const MESSAGES: Record<Language, MessageTable> = {
  it: {
    "text-encoding": (p) =>
      `Testo letto con la codifica ${p.encoding} (non UTF-8): controllare che le lettere accentate siano giuste.`,
    "years-assumed": (p) => `Le colonne dei target non indicano l'anno: assunti gli anni dal ${p.from}.`,
    "no-objectives": () => "Nessun obiettivo trovato: il testo non sembra un cruscotto obiettivi strategici PIRA.",
    "no-years": () => NO_YEARS_MESSAGE,
    "line-before-objective": (p) => `Riga prima del primo obiettivo, ignorata: «${p.text}».`,
    "line-unused": (p) => `Riga non riconosciuta nell'obiettivo ${p.objective}, ignorata: «${p.text}».`,
    "table-header-without-targets": () =>
      `Intestazione della tabella indicatori senza colonne "Target": si assumono gli anni del piano.`,
    "objective-repeated": (p) =>
      `L'obiettivo ${p.objective} compare di nuovo (prima alla riga ${p.firstLine}): i dati che seguono si aggiungono al primo.`,
    "field-value-missing": (p) => `Manca il valore di "${it[p.field]}" nell'obiettivo ${p.objective}.`,
    "field-extra-values": (p) => `Valori in più ignorati nell'obiettivo ${p.objective}: «${p.text}».`,
    "field-repeated": (p) =>
      `"${it[p.field]}" ripetuto nell'obiettivo ${p.objective}: tenuto il primo valore, ignorato «${p.text}».`,
    "field-missing": (p) => `Manca "${it[p.field]}" nell'obiettivo ${p.objective}.`,
    "area-unreadable": (p) =>
      `Ambito strategico non leggibile nell'obiettivo ${p.objective}: «${p.text}» (atteso "011 - Nome").`,
    "area-name-differs": (p) => `L'ambito ${p.area} ha qui un nome diverso («${p.name}» invece di «${p.known}»).`,
    "weight-unreadable": (p) => `"Peso su AS" non leggibile nell'obiettivo ${p.objective}: «${p.text}».`,
    "resources-unreadable": (p) => `"Risorse economiche" non leggibili nell'obiettivo ${p.objective}: «${p.text}».`,
    "name-continued": (p) => `Riga unita al nome dell'indicatore ${p.indicator} (testo andato a capo): «${p.text}».`,
    "target-missing": (p) => `Manca il target ${p.year} dell'indicatore ${p.indicator} («${p.name}»).`,
    "target-column-missing": (p) =>
      `Manca il target ${p.year} dell'indicatore ${p.indicator}: la tabella dell'obiettivo ${p.objective} non ha la colonna ${p.year}.`,
    "target-unreadable": (p) =>
      `Target ${p.year} dell'indicatore ${p.indicator} non leggibile: «${p.text}» (conservato come testo).`,
    "deadline-after-year": (p) =>
      `Il target ${p.year} dell'indicatore ${p.indicator} scade dopo il ${p.year}: «${p.text}» (controllare la colonna o la data).`,
    "indicator-weight-zero": (p) =>
      `L'indicatore ${p.indicator} («${p.name}») ha peso 0: è solo di monitoraggio e non entra nel punteggio.`,
    "objective-without-indicators": (p) => `L'obiettivo ${p.objective} non ha indicatori.`,
    "weights-not-100": (p) =>
      `I pesi degli indicatori dell'obiettivo ${p.objective} sommano a ${formatItalianNumber(p.sum)}% invece di 100%.`,
    "area-weights-not-100": (p) =>
      `I "Peso su AS" dell'ambito ${p.area} (obiettivi ${p.objectives}) sommano a ${formatItalianNumber(p.sum)}% invece di 100%.`,
  },
  en: {
    "text-encoding": (p) =>
      `Text read with the ${p.encoding} encoding (not UTF-8): check that accented letters are right.`,
    "years-assumed": (p) => `The target columns give no year: years assumed from ${p.from}.`,
    "no-objectives": () => "No objective found: the text does not look like a PIRA strategic objectives dashboard.",
    "no-years": () => 'No target year found: the indicator tables have no "Target YYYY" columns.',
    "line-before-objective": (p) => `Line before the first objective, ignored: «${p.text}».`,
    "line-unused": (p) => `Line not recognised in objective ${p.objective}, ignored: «${p.text}».`,
    "table-header-without-targets": () =>
      `Indicator table header without "Target" columns: the plan's years are assumed.`,
    "objective-repeated": (p) =>
      `Objective ${p.objective} appears again (first at line ${p.firstLine}): what follows is added to the first.`,
    "field-value-missing": (p) => `The value of "${en[p.field]}" is missing in objective ${p.objective}.`,
    "field-extra-values": (p) => `Extra values ignored in objective ${p.objective}: «${p.text}».`,
    "field-repeated": (p) =>
      `"${en[p.field]}" repeated in objective ${p.objective}: the first value kept, «${p.text}» ignored.`,
    "field-missing": (p) => `"${en[p.field]}" is missing in objective ${p.objective}.`,
    "area-unreadable": (p) =>
      `Unreadable strategic area in objective ${p.objective}: «${p.text}» (expected "011 - Name").`,
    "area-name-differs": (p) => `Area ${p.area} has another name here («${p.name}» instead of «${p.known}»).`,
    "weight-unreadable": (p) => `Unreadable "${en.weight}" in objective ${p.objective}: «${p.text}».`,
    "resources-unreadable": (p) => `Unreadable "${en.resources}" in objective ${p.objective}: «${p.text}».`,
    "name-continued": (p) => `Line joined to the name of indicator ${p.indicator} (wrapped text): «${p.text}».`,
    "target-missing": (p) => `The ${p.year} target of indicator ${p.indicator} («${p.name}») is missing.`,
    "target-column-missing": (p) =>
      `The ${p.year} target of indicator ${p.indicator} is missing: the table of objective ${p.objective} has no ${p.year} column.`,
    "target-unreadable": (p) => `Unreadable ${p.year} target of indicator ${p.indicator}: «${p.text}» (kept as text).`,
    "deadline-after-year": (p) =>
      `The ${p.year} target of indicator ${p.indicator} falls due after ${p.year}: «${p.text}» (check the column or the date).`,
    "indicator-weight-zero": (p) =>
      `Indicator ${p.indicator} («${p.name}») has weight 0: it is for monitoring only and does not count in the score.`,
    "objective-without-indicators": (p) => `Objective ${p.objective} has no indicators.`,
    "weights-not-100": (p) =>
      `The indicator weights of objective ${p.objective} add up to ${englishNumber(p.sum)}% instead of 100%.`,
    "area-weights-not-100": (p) =>
      `The "${en.weight}" of area ${p.area} (objectives ${p.objectives}) add up to ${englishNumber(p.sum)}% instead of 100%.`,
  },
};

/** Every code, in the order of the tables (for callers that list or test them all). */
export const DIAGNOSTIC_CODES = Object.keys(MESSAGES.it) as DiagnosticCode[];

function render<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], lang: Language): string {
  const table: MessageTable = MESSAGES[lang];
  return table[code](params);
}

/** Where a finding is, and how grave. */
export interface Place {
  line: number;
  severity: Severity;
  objective?: number;
  indicator?: string;
}

/** A diagnostic with its code, params and Italian message. */
export function diagnostic<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], place: Place): Diagnostic {
  const d: Diagnostic = { line: place.line, severity: place.severity, message: render(code, params, "it"), code };
  if (Object.keys(params).length > 0) d.params = params;
  if (place.objective !== undefined) d.objective = place.objective;
  if (place.indicator !== undefined) d.indicator = place.indicator;
  return d;
}

/**
 * The message of a diagnostic in the language asked; Italian is the plan's own `message`. A code
 * the tables do not know (a plan saved by another version) keeps its Italian message.
 */
export function diagnosticMessage(d: Diagnostic, lang: Language): string {
  if (!Object.prototype.hasOwnProperty.call(MESSAGES.it, d.code)) return d.message;
  return render(d.code, (d.params ?? {}) as never, lang);
}
