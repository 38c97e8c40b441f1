// The pane's words in Italian, the product language (the shape every language follows).
import type { Severity } from "../../domain/model";
import type { Status } from "../../domain/score";
import type { FormulaMode, ScoringMode } from "../../domain/settings";
import { plural } from "./plural";

export const it = {
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
    updating: "Aggiornamento delle modifiche…",
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
