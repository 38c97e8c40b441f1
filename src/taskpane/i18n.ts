// The pane's words. Italian is the product language; English is shown only when Office's UI
// language is English. Messages coming from the domain and the Excel adapter stay Italian.
import { createContext, useContext } from "react";
import type { Severity } from "../domain/model";
import { formatItalianNumber } from "../domain/numbers";
import type { Status } from "../domain/score";
import type { FormulaMode, ScoringMode } from "../domain/settings";

export type Lang = "it" | "en";

/** Office's display language ("it-IT", "en-US", …) → the pane's language. */
export function langOf(displayLanguage: string | undefined | null): Lang {
  return /^en\b/i.test(displayLanguage ?? "") ? "en" : "it";
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const it = {
  appTitle: "Cruscotto PIRA",
  tabs: { import: "Importa", update: "Aggiorna piano", follow: "Monitoraggio", settings: "Impostazioni" },
  tabListLabel: "Sezioni del cruscotto",

  source: {
    label: "Testo del cruscotto",
    hint: "Incolla il testo del cruscotto approvato dal Consiglio, oppure apri o trascina qui il PDF, il documento Word (.docx) o un file .txt o .md.",
    placeholder: "Incolla qui il cruscotto obiettivi strategici…",
    open: "Apri file…",
    clear: "Svuota",
    dropHere: "Rilascia il file per leggerlo",
    fileLoaded: (name: string, encoding: string | null) =>
      encoding ? `File «${name}» letto con la codifica ${encoding} (non UTF-8).` : `File «${name}» letto.`,
    fileLoadedAs: (name: string, what: string) => `File «${name}» letto: ${what}.`,
    fileRefused: (name: string, why: string) => `Il file «${name}» non è stato letto: ${why}`,
    fileUnreadable: (name: string) => `Impossibile leggere il file «${name}».`,
    reading: "Lettura del cruscotto…",
    largeText: (lines: string, size: string) =>
      `Testo lungo (${lines} righe, ${size}): è mostrato in sola lettura perché la casella resti veloce. Per modificarlo correggi il documento e incollalo di nuovo, oppure premi «Svuota».`,
  },

  preview: {
    heading: "Anteprima",
    empty: "L'anteprima compare qui dopo aver incollato o aperto il cruscotto.",
    nothingFound:
      "Nel testo non è stato trovato nessun obiettivo. Controlla di aver incollato il cruscotto completo (con le righe «Ambito strategico» e «Indicatori»).",
    counts: "Contenuto",
    areas: (n: number) => plural(n, "ambito", "ambiti"),
    objectives: (n: number) => plural(n, "obiettivo", "obiettivi"),
    indicators: (n: number) => plural(n, "indicatore", "indicatori"),
    years: (n: number) => plural(n, "anno", "anni"),
    approvedOn: (date: string) => `Approvato il ${date}`,
    yearRange: (from: number, to: number) => (from === to ? `Anno ${from}` : `Anni ${from}–${to}`),
    treeLabel: "Ambiti, obiettivi e indicatori",
    treeHint: "Apri un ambito o un obiettivo per vederne il contenuto (frecce della tastiera per muoversi).",
    weight: "peso",
    weightOnArea: "peso sull'ambito",
    noTarget: "nessun target",
    monitoringOnly: "solo monitoraggio",
    monitoringOnlyTitle: "Peso 0%: l'indicatore si segue ma non conta nel punteggio dell'obiettivo",
    common: "OC",
    commonTitle: "Indicatore comune Unioncamere",
    objectiveLabel: (n: number) => `Obiettivo ${n}`,
    moreAreas: (shown: number, total: number) => `Mostrati ${shown} ambiti su ${total}.`,
    showMore: "Mostra altri",
  },

  diagnostics: {
    heading: "Controlli",
    none: "Nessun problema trovato nel testo.",
    group: { error: "Errori", warning: "Avvisi", info: "Note" } as Record<Severity, string>,
    line: (n: number) => (n > 0 ? `riga ${n}` : "intero cruscotto"),
    showLine: "mostra nel testo",
    indicator: (id: string) => `indicatore ${id}`,
    objective: (n: number) => `obiettivo ${n}`,
    showInTree: "mostra nell'albero",
    errorsBeforeImport: (n: number) =>
      `${n === 1 ? "C'è 1 errore" : `Ci sono ${n} errori`} nel testo: si può importare, ma i punteggi ` +
      `interessati potrebbero mancare. Controlla i dettagli sotto «Controlli».`,
  },

  formulaMode: {
    label: "Formule nella cartella",
    native: "Formule di Excel (consigliato: chi apre la cartella senza il componente vede gli stessi valori)",
    pira: "Funzioni PIRA.SCORE (richiedono il componente aggiuntivo)",
    short: { native: "Formule di Excel", pira: "Funzioni PIRA" } as Record<FormulaMode, string>,
  },

  import: {
    button: "Importa nella cartella",
    busy: "Importazione in corso…",
    checking: "Controllo della cartella…",
    writing: "Scrittura dei fogli…",
    done: "Importazione completata",
    success: (areas: number, objectives: number, indicators: number, sheets: number) =>
      `Importati ${plural(areas, "ambito", "ambiti")}, ${plural(objectives, "obiettivo", "obiettivi")} e ` +
      `${plural(indicators, "indicatore", "indicatori")} in ${plural(sheets, "foglio", "fogli")}.`,
    failed: "Importazione non riuscita",
    refused: "Importazione annullata",
    typedActuals: (n: number) =>
      `La cartella contiene ${n === 1 ? "1 consuntivo già inserito" : `${n} consuntivi già inseriti`}: ` +
      `l'importazione ${n === 1 ? "lo cancellerebbe" : "li cancellerebbe"}. I consuntivi inseriti non vengono mai ` +
      `cancellati: importa il cruscotto in una cartella nuova.`,
    replaceTitle: "Sostituire i fogli esistenti?",
    replaceBody: (sheets: string[]) =>
      `La cartella contiene già ${sheets.length === 1 ? "il foglio" : "i fogli"} ${sheets
        .map((s) => `«${s}»`)
        .join(", ")}. Non contiene consuntivi inseriti. Vuoi sostituirli con il cruscotto in anteprima?`,
    replace: "Sostituisci",
    cancel: "Annulla",
    cancelled: "Importazione annullata: la cartella non è stata modificata.",
    goToFollow: "Vai al monitoraggio",
    noPlan: "Incolla o apri un cruscotto per importarlo.",
  },

  revise: {
    heading: "Aggiorna il piano",
    intro:
      "Incolla o apri il cruscotto rivisto: prima di scrivere vedrai cosa cambia, quali consuntivi e note passano " +
      "ai nuovi indicatori e cosa va nell'Archivio.",
    noWorkbook: "La cartella non contiene ancora un cruscotto: importalo dalla scheda «Importa».",
    prepare: "Mostra le modifiche",
    preparing: "Lettura della cartella…",
    apply: "Applica l'aggiornamento",
    applying: "Scrittura della cartella…",
    applyNeedsPreview: "Mostra prima le modifiche.",
    changesHeading: (n: number) =>
      n === 0 ? "Nessuna modifica al piano" : `${plural(n, "modifica", "modifiche")} al piano`,
    applyBlocked: "Non si può applicare: correggi i problemi elencati.",
    added: "Aggiunti",
    removed: "Eliminati",
    changed: "Modificati",
    nothing: "Nessuno",
    proposals: "Corrispondenze da confermare",
    proposalsHint:
      "Indicatori dal nome simile: spunta quelli che sono lo stesso indicatore, così i consuntivi li seguono.",
    proposal: (oldId: string, oldName: string, newId: string, newName: string) =>
      `${oldId} «${oldName}» → ${newId} «${newName}»`,
    carried: (actuals: number, notes: number) =>
      `Passano ai nuovi indicatori ${plural(actuals, "consuntivo", "consuntivi")} e ${plural(notes, "nota", "note")}.`,
    archived: (actuals: number, notes: number) =>
      actuals + notes === 0
        ? "Nulla va nell'Archivio."
        : `Vanno nell'Archivio ${plural(actuals, "consuntivo", "consuntivi")} e ${plural(notes, "nota", "note")}:`,
    archiveSection: "Da archiviare",
    carriedSection: "Consuntivi e note",
    underChangedTarget: (n: number) =>
      `${plural(n, "consuntivo riportato ha", "consuntivi riportati hanno")} un target cambiato.`,
    problems: "Problemi che impediscono l'aggiornamento",
    failed: "Aggiornamento non riuscito",
    done: "Piano aggiornato",
    doneBody: (changes: number, carried: number, archived: number) =>
      `${plural(changes, "modifica applicata", "modifiche applicate")}, ${plural(carried, "valore riportato", "valori riportati")}, ` +
      `${plural(archived, "valore archiviato", "valori archiviati")}.`,
    archiveRow: (id: string, year: string, value: string) => `${id}, ${year}: ${value}`,
  },

  follow: {
    heading: "Monitoraggio",
    noPlan: "Importa un cruscotto per seguirne l'andamento.",
    year: "Anno",
    refresh: "Aggiorna dai consuntivi",
    loading: "Lettura dei consuntivi…",
    readFailed: "Lettura dei consuntivi non riuscita",
    chamber: "Camera di commercio",
    areas: "Ambiti strategici",
    areaChart: "Punteggio per ambito strategico",
    objectives: "Obiettivi",
    score: "Punteggio",
    coverage: (pct: string) => `copertura ${pct}`,
    noScore: "nessun consuntivo",
    coverageHint: "La copertura è la parte del peso che ha già un consuntivo.",
    missing: (n: number, year: number) =>
      n === 0
        ? `Tutti i consuntivi ${year} sono inseriti.`
        : `Mancano ${n} ${n === 1 ? "consuntivo" : "consuntivi"} per il ${year}`,
    missingNotes: (n: number, year: number) =>
      n === 1 ? `Manca 1 nota di scostamento per il ${year}` : `Mancano ${n} note di scostamento per il ${year}`,
    missingHint: "Seleziona un indicatore per andare alla sua riga nel foglio Indicatori.",
    goTo: (id: string, name: string) => `Vai all'indicatore ${id}: ${name}`,
    goFailed: "Impossibile andare alla riga dell'indicatore",
    updatedAt: (time: string) => `Aggiornato alle ${time}`,
  },

  status: {
    Raggiunto: "Raggiunto",
    "Parzialmente raggiunto": "Parzialmente raggiunto",
    "Non raggiunto": "Non raggiunto",
    "n.d.": "n.d.",
  } as Record<Status, string>,

  settings: {
    heading: "Impostazioni",
    thresholds: "Soglie",
    profile: "Profilo delle soglie",
    customProfile: "Personalizzato (soglie scelte qui)",
    greenFrom: "«Raggiunto» da (%)",
    amberFrom: "«Parzialmente raggiunto» da (%)",
    thresholdsInvalid: "La soglia di «Parzialmente raggiunto» deve essere minore o uguale a quella di «Raggiunto».",
    applyBlockedThresholds: "Non si può applicare: le due soglie non sono in ordine.",
    mode: "Metodo di calcolo",
    modes: {
      proporzionale: "Proporzionale (consuntivo / target)",
      binario: "Binario (raggiunto o no)",
      lineare: "Lineare (scostamento dal target)",
    } as Record<ScoringMode, string>,
    formulaMode: "Formule",
    apply: "Applica alla cartella",
    applying: "Aggiornamento della cartella…",
    applied: "Impostazioni applicate. I consuntivi inseriti sono stati mantenuti.",
    applyFailed: "Aggiornamento non riuscito",
    needImport: "Importa un cruscotto per modificare le impostazioni della cartella.",
    share: "Prepara per la condivisione",
    shareHint:
      "Passa alle formule di Excel: chi apre la cartella senza il componente aggiuntivo (per esempio l'OIV) vede gli stessi punteggi.",
    shared: "Cartella pronta per la condivisione: usa formule di Excel. I consuntivi inseriti sono stati mantenuti.",
    alreadyShared: "La cartella usa già le formule di Excel.",
  },

  guide: {
    title: "Come si comincia",
    steps: [
      "Incolla qui sotto il testo del cruscotto obiettivi strategici, oppure apri il suo PDF o file Word.",
      "Controlla l'anteprima: conteggi, albero degli obiettivi e avvisi con la riga del testo.",
      "Premi «Importa nella cartella»: i fogli vengono creati; poi inserisci i consuntivi nel foglio Indicatori.",
      "Il monitoraggio mostra punteggi e consuntivi mancanti; ogni anno «Aggiorna piano» porta il piano rivisto.",
    ],
    close: "Ho capito",
  },
  live: { ready: "Pronto" },
  errorPrefix: "Errore",
  readFailed: "Non è stato possibile leggere il cruscotto già presente nella cartella",
};

export type Strings = typeof it;

const en: Strings = {
  appTitle: "PIRA dashboard",
  tabs: { import: "Import", update: "Update plan", follow: "Monitoring", settings: "Settings" },
  tabListLabel: "Dashboard sections",

  source: {
    label: "Dashboard text",
    hint: "Paste the dashboard text approved by the Council, or open or drop its PDF, Word document (.docx) or a .txt or .md file here.",
    placeholder: "Paste the strategic objectives dashboard here…",
    open: "Open file…",
    clear: "Clear",
    dropHere: "Drop the file to read it",
    fileLoaded: (name, encoding) =>
      encoding ? `File "${name}" read with the ${encoding} encoding (not UTF-8).` : `File "${name}" read.`,
    fileLoadedAs: (name, what) => `File "${name}" read: ${what}.`,
    // The reason comes from the domain's sources, in Italian like the document itself.
    fileRefused: (name, why) => `"${name}" was not read: ${why}`,
    fileUnreadable: (name) => `Could not read "${name}".`,
    reading: "Reading the dashboard…",
    largeText: (lines, size) =>
      `Long text (${lines} lines, ${size}): shown read-only so the box stays fast. To change it, fix the document and paste it again, or press "Clear".`,
  },

  preview: {
    heading: "Preview",
    empty: "The preview appears here once you paste or open the dashboard.",
    nothingFound:
      'No objective was found in the text. Check that you pasted the whole dashboard (with its "Ambito strategico" and "Indicatori" lines).',
    counts: "Contents",
    areas: (n) => plural(n, "area", "areas"),
    objectives: (n) => plural(n, "objective", "objectives"),
    indicators: (n) => plural(n, "indicator", "indicators"),
    years: (n) => plural(n, "year", "years"),
    approvedOn: (date) => `Approved on ${date}`,
    yearRange: (from, to) => (from === to ? `Year ${from}` : `Years ${from}–${to}`),
    treeLabel: "Areas, objectives and indicators",
    treeHint: "Open an area or an objective to see its contents (arrow keys move).",
    weight: "weight",
    weightOnArea: "weight in area",
    noTarget: "no target",
    monitoringOnly: "monitoring only",
    monitoringOnlyTitle: "Weight 0%: followed, but not counted in the objective's score",
    common: "OC",
    commonTitle: "Unioncamere common indicator",
    objectiveLabel: (n) => `Objective ${n}`,
    moreAreas: (shown, total) => `Showing ${shown} of ${total} areas.`,
    showMore: "Show more",
  },

  diagnostics: {
    heading: "Checks",
    none: "No problem found in the text.",
    group: { error: "Errors", warning: "Warnings", info: "Notes" },
    line: (n) => (n > 0 ? `line ${n}` : "whole dashboard"),
    showLine: "show in the text",
    indicator: (id) => `indicator ${id}`,
    objective: (n) => `objective ${n}`,
    showInTree: "show in the tree",
    errorsBeforeImport: (n) =>
      `The text has ${n === 1 ? "1 error" : `${n} errors`}: you can import, but the scores concerned may be ` +
      `missing. See the details under "Checks".`,
  },

  formulaMode: {
    label: "Formulas in the workbook",
    native: "Excel formulas (recommended: people without the add-in see the same values)",
    pira: "PIRA.SCORE functions (need the add-in)",
    short: { native: "Excel formulas", pira: "PIRA functions" },
  },

  import: {
    button: "Import into the workbook",
    busy: "Importing…",
    checking: "Checking the workbook…",
    writing: "Writing the sheets…",
    done: "Import complete",
    success: (areas, objectives, indicators, sheets) =>
      `Imported ${plural(areas, "area", "areas")}, ${plural(objectives, "objective", "objectives")} and ` +
      `${plural(indicators, "indicator", "indicators")} into ${plural(sheets, "sheet", "sheets")}.`,
    failed: "Import failed",
    refused: "Import cancelled",
    typedActuals: (n) =>
      `The workbook already holds ${n === 1 ? "1 typed actual" : `${n} typed actuals`}: importing would delete ` +
      `${n === 1 ? "it" : "them"}. Typed actuals are never deleted: import the dashboard into a new workbook.`,
    replaceTitle: "Replace the existing sheets?",
    replaceBody: (sheets) =>
      `The workbook already has ${sheets.length === 1 ? "the sheet" : "the sheets"} ${sheets
        .map((s) => `"${s}"`)
        .join(", ")}. It holds no typed actuals. Replace them with the previewed dashboard?`,
    replace: "Replace",
    cancel: "Cancel",
    cancelled: "Import cancelled: the workbook was not changed.",
    goToFollow: "Go to monitoring",
    noPlan: "Paste or open a dashboard to import it.",
  },

  revise: {
    heading: "Update the plan",
    intro:
      "Paste or open the revised dashboard: before anything is written you see what changes, which actuals and " +
      "notes move to the new indicators and what goes to the Archive.",
    noWorkbook: "The workbook holds no dashboard yet: import one from the «Import» tab.",
    prepare: "Show the changes",
    preparing: "Reading the workbook…",
    apply: "Apply the update",
    applying: "Writing the workbook…",
    applyNeedsPreview: "Show the changes first.",
    changesHeading: (n) => (n === 0 ? "No change to the plan" : `${plural(n, "change", "changes")} to the plan`),
    applyBlocked: "Cannot apply: fix the problems listed.",
    added: "Added",
    removed: "Removed",
    changed: "Changed",
    nothing: "None",
    proposals: "Matches to confirm",
    proposalsHint: "Indicators with similar names: tick those that are the same indicator, so their actuals follow.",
    proposal: (oldId: string, oldName: string, newId: string, newName: string) =>
      `${oldId} «${oldName}» → ${newId} «${newName}»`,
    carried: (actuals: number, notes: number) =>
      `${plural(actuals, "actual", "actuals")} and ${plural(notes, "note", "notes")} move to the new indicators.`,
    archived: (actuals: number, notes: number) =>
      actuals + notes === 0
        ? "Nothing goes to the Archive."
        : `${plural(actuals, "actual", "actuals")} and ${plural(notes, "note", "notes")} go to the Archive:`,
    archiveSection: "To archive",
    carriedSection: "Actuals and notes",
    underChangedTarget: (n: number) => `${plural(n, "carried actual has", "carried actuals have")} a changed target.`,
    problems: "Problems that prevent the update",
    failed: "Update failed",
    done: "Plan updated",
    doneBody: (changes: number, carried: number, archived: number) =>
      `${plural(changes, "change", "changes")} applied, ${plural(carried, "value", "values")} carried, ` +
      `${plural(archived, "value", "values")} archived.`,
    archiveRow: (id: string, year: string, value: string) => `${id}, ${year}: ${value}`,
  },

  follow: {
    heading: "Monitoring",
    noPlan: "Import a dashboard to follow its progress.",
    year: "Year",
    refresh: "Refresh from actuals",
    loading: "Reading the actuals…",
    readFailed: "Could not read the actuals",
    chamber: "Chamber of commerce",
    areas: "Strategic areas",
    areaChart: "Score by strategic area",
    objectives: "Objectives",
    score: "Score",
    coverage: (pct) => `coverage ${pct}`,
    noScore: "no actual yet",
    coverageHint: "Coverage is the share of the weight that already has an actual.",
    missing: (n, year) =>
      n === 0 ? `All ${year} actuals are in.` : `${n} ${n === 1 ? "actual" : "actuals"} missing for ${year}`,
    missingNotes: (n, year) =>
      `${n} ${n === 1 ? "variance note" : "variance notes"} missing for ${year} (actuals short of the target)`,
    missingHint: "Select an indicator to go to its row on the Indicatori sheet.",
    goTo: (id, name) => `Go to indicator ${id}: ${name}`,
    goFailed: "Could not go to the indicator's row",
    updatedAt: (time) => `Updated at ${time}`,
  },

  status: {
    Raggiunto: "Achieved",
    "Parzialmente raggiunto": "Partly achieved",
    "Non raggiunto": "Not achieved",
    "n.d.": "n/a",
  },

  settings: {
    heading: "Settings",
    thresholds: "Thresholds",
    profile: "Threshold profile",
    customProfile: "Custom (thresholds set here)",
    greenFrom: '"Achieved" from (%)',
    amberFrom: '"Partly achieved" from (%)',
    thresholdsInvalid: 'The "Partly achieved" threshold must not exceed the "Achieved" one.',
    applyBlockedThresholds: "Cannot apply: the two thresholds are out of order.",
    mode: "Scoring method",
    modes: {
      proporzionale: "Proportional (actual / target)",
      binario: "Binary (achieved or not)",
      lineare: "Linear (distance from target)",
    },
    formulaMode: "Formulas",
    apply: "Apply to the workbook",
    applying: "Updating the workbook…",
    applied: "Settings applied. Typed actuals were kept.",
    applyFailed: "Update failed",
    needImport: "Import a dashboard to change the workbook's settings.",
    share: "Prepare for sharing",
    shareHint: "Switch to Excel formulas, so reviewers without the add-in (e.g. the OIV) see the same scores.",
    shared: "Workbook ready to share: it uses Excel formulas. Typed actuals were kept.",
    alreadyShared: "The workbook already uses Excel formulas.",
  },

  guide: {
    title: "Getting started",
    steps: [
      "Paste the strategic objectives dashboard text below, or open its PDF or Word file.",
      "Check the preview: counts, the objectives tree and the warnings with their line in the text.",
      "Press «Import into the workbook»: the sheets are created; then type the actuals in the Indicatori sheet.",
      "Monitoring shows scores and missing actuals; each year «Update plan» brings in the revised plan.",
    ],
    close: "Got it",
  },
  live: { ready: "Ready" },
  errorPrefix: "Error",
  readFailed: "The dashboard already in the workbook could not be read",
};

export const STRINGS: Record<Lang, Strings> = { it, en };

export interface I18n {
  lang: Lang;
  t: Strings;
  /** A 0..1 score as a percentage with one decimal ("82,5%"). */
  percent(score: number): string;
  /** A weight written as a percentage in the document ("14,29%"). */
  weight(percent: number): string;
  /** An ISO date "2023-10-31" as the language writes it. */
  date(iso: string): string;
}

export function makeI18n(lang: Lang): I18n {
  const number = (n: number, decimals: number): string =>
    lang === "it"
      ? formatItalianNumber(n, decimals)
      : n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return {
    lang,
    t: STRINGS[lang],
    percent: (score) => `${number(score * 100, 1)}%`,
    weight: (percent) => `${number(percent, 2)}%`,
    date: (iso) => {
      const [y, m, d] = iso.split("-");
      return lang === "it" ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
    },
  };
}

export const I18nContext = createContext<I18n>(makeI18n("it"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
