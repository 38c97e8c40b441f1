// Custom functions of the PIRA namespace (shared runtime). Thin, synchronous wrappers over
// src/domain: the metadata (functions.json) is generated from these JSDoc blocks, which only
// works for function declarations. Every failure becomes #VALUE! with an Italian message;
// an empty result is "" so Excel shows an empty cell. Excel desktop passes an empty referenced
// cell as 0 (the web as null; office-js#4702, ranges #5262, #1951): the workbook's formulas guard
// blanks themselves, and ranges of scores hold formulas giving "" rather than empty cells.

import { assertNever } from "../domain/assertNever";
import type { Actual, Target } from "../domain/model";
import { weightedMean, type WeightedItem } from "../domain/rollup";
import { isMet, ScoreError, scoreTarget, scoringModeOf, statusOf, targetOf } from "../domain/score";
import { isoToSerial } from "../domain/dates";
import { parseItalianNumber } from "../domain/numbers";
import { excelScaleValue } from "../domain/targets";
import { DEFAULT_THRESHOLDS, type Thresholds } from "../domain/settings";

function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Runs domain code and maps its errors to #VALUE!, so no exception reaches Excel unexplained. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CustomFunctions.Error) throw e;
    if (e instanceof ScoreError) throw valueError(e.message);
    throw valueError(`Errore interno: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function describe(v: unknown): string {
  return typeof v === "string" ? `"${v}"` : String(v);
}

function targetArg(v: unknown) {
  if (typeof v === "string" || typeof v === "number") return targetOf(v);
  if (isBlank(v)) return targetOf("");
  throw valueError(`Target non valido: ${describe(v)}.`);
}

function actualArg(v: unknown): Actual {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  throw valueError(`Consuntivo non valido: ${describe(v)}.`);
}

/** A number from a cell: numbers as they are, Italian numeric text parsed; null when blank. */
function numberArg(v: unknown, what: string): number | null {
  if (isBlank(v)) return null;
  const n = typeof v === "number" ? v : typeof v === "string" ? parseItalianNumber(v) : null;
  if (n === null || !Number.isFinite(n)) throw valueError(`${what} non numerico: ${describe(v)}.`);
  return n;
}

/** A range argument as rows of cells; a single value (not a range) counts as a 1×1 range. */
function matrixArg(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  return v.map((row) => (Array.isArray(row) ? row : [row]));
}

function sameShape(name: string, a: unknown[][], otherName: string, b: unknown[][]): void {
  const shape = (m: unknown[][]) => `${m.length}×${m[0]?.length ?? 0}`;
  if (a.length !== b.length || a.some((row, i) => row.length !== b[i].length)) {
    throw valueError(
      `Gli intervalli ${name} (${shape(a)}) e ${otherName} (${shape(b)}) devono avere le stesse dimensioni.`,
    );
  }
}

function weightedItems(weights: unknown[][], scores: unknown[][], include?: (r: number, c: number) => boolean) {
  const items: WeightedItem[] = [];
  for (let r = 0; r < weights.length; r++) {
    for (let c = 0; c < weights[r].length; c++) {
      if (include && !include(r, c)) continue;
      items.push({ weight: numberArg(weights[r][c], "Peso") ?? 0, score: numberArg(scores[r][c], "Punteggio") });
    }
  }
  return items;
}

function emptyIfNull<T>(v: T | null): T | "" {
  return v === null ? "" : v;
}

// Excel compares with "=": numbers with numbers, text with text ignoring case, never across types.
function sameKey(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function thresholdArg(v: unknown, fallback: number, what: string): number {
  const n = numberArg(v, what);
  if (n === null) return fallback;
  if (n < 0 || n > 1) throw valueError(`${what} deve essere tra 0 e 1 (0 % – 100 %): ${describe(v)}.`);
  return n;
}

/**
 * Grado di raggiungimento di un indicatore rispetto al suo target, da 0 a 1 (0 % – 100 %). Vuoto se manca il consuntivo; #VALUE! se il consuntivo non è adatto al target.
 * @customfunction SCORE
 * @helpurl https://localhost:3000/assets/guida.html#pira-score
 * @param target Target come scritto nel piano (">= 82,00 %", "<= 18 gg", "Entro 31-12-2023", "SI") oppure un numero.
 * @param actual Consuntivo: un numero (82 % vale 0,82, non 82), una data di completamento (solo per le scadenze), oppure SI/NO. Excel desktop passa una cella vuota come 0: controlla la cella vuota nella formula, come SE(ANNULLA.SPAZI(B2)="";"";PIRA.SCORE(...)).
 * @param [mode] Metodo di calcolo: "proporzionale" (predefinito), "binario" o "lineare".
 * @returns Punteggio da 0 a 1, oppure vuoto senza consuntivo.
 */
export function score(target: unknown, actual: unknown, mode?: unknown): number | string {
  return guarded(() => emptyIfNull(scoreTarget(targetArg(target), actualArg(actual), scoringModeOf(mode))));
}

/**
 * Stato di un indicatore: "Raggiunto", "Parzialmente raggiunto", "Non raggiunto" oppure "n.d." senza consuntivo.
 * @customfunction STATUS
 * @helpurl https://localhost:3000/assets/guida.html#pira-status
 * @param target Target come scritto nel piano (">= 82,00 %", "<= 18 gg", "Entro 31-12-2023", "SI") oppure un numero.
 * @param actual Consuntivo: un numero (82 % vale 0,82), una data di completamento, oppure SI/NO.
 * @param [green_from] Punteggio da cui l'indicatore è "Raggiunto" (predefinito 100 %).
 * @param [amber_from] Punteggio da cui è "Parzialmente raggiunto" (predefinito 70 %).
 * @param [mode] Metodo di calcolo: "proporzionale" (predefinito), "binario" o "lineare".
 * @returns Lo stato dell'indicatore.
 */
export function status(
  target: unknown,
  actual: unknown,
  green_from?: unknown,
  amber_from?: unknown,
  mode?: unknown,
): string {
  return guarded(() => {
    const greenFrom = thresholdArg(green_from, DEFAULT_THRESHOLDS.greenFrom, "La soglia verde");
    const amberFrom = thresholdArg(amber_from, DEFAULT_THRESHOLDS.amberFrom, "La soglia gialla");
    if (amberFrom > greenFrom) throw valueError("La soglia gialla non può superare la soglia verde.");
    const thresholds: Thresholds = { greenFrom, amberFrom };
    return statusOf(scoreTarget(targetArg(target), actualArg(actual), scoringModeOf(mode)), thresholds);
  });
}

/**
 * VERO se il target è raggiunto, FALSO se non lo è, vuoto senza consuntivo.
 * @customfunction MET
 * @helpurl https://localhost:3000/assets/guida.html#pira-met
 * @param target Target come scritto nel piano (">= 82,00 %", "<= 18 gg", "Entro 31-12-2023", "SI") oppure un numero.
 * @param actual Consuntivo: un numero (82 % vale 0,82), una data di completamento, oppure SI/NO.
 * @returns VERO o FALSO, oppure vuoto senza consuntivo.
 */
export function met(target: unknown, actual: unknown): boolean | string {
  return guarded(() => emptyIfNull(isMet(targetArg(target), actualArg(actual))));
}

/**
 * Media dei punteggi ponderata con i pesi, sulle sole celle con un punteggio e un peso maggiore di zero.
 * @customfunction WEIGHTED
 * @helpurl https://localhost:3000/assets/guida.html#pira-weighted
 * @param scores Intervallo dei punteggi (da 0 a 1; il testo "" non conta). Le celle vuote di un intervallo arrivano come 0 in Excel desktop: gli intervalli dei punteggi devono contenere formule che restituiscono "" per «nessun punteggio», non celle vuote.
 * @param weights Intervallo dei pesi, delle stesse dimensioni dei punteggi.
 * @returns Media ponderata, oppure vuoto se nessun punteggio è presente.
 */
export function weighted(scores: unknown[][], weights: unknown[][]): number | string {
  return guarded(() => {
    const s = matrixArg(scores);
    const w = matrixArg(weights);
    sameShape("dei punteggi", s, "dei pesi", w);
    return emptyIfNull(weightedMean(weightedItems(w, s)).score);
  });
}

/**
 * Media ponderata dei punteggi sulle righe la cui chiave è uguale a quella data: il punteggio di un obiettivo o di un ambito strategico.
 * @customfunction ROLLUP
 * @helpurl https://localhost:3000/assets/guida.html#pira-rollup
 * @param keys Intervallo delle chiavi (numero dell'obiettivo o codice dell'ambito) di ogni riga.
 * @param key La chiave da aggregare, ad esempio 3 oppure "011".
 * @param weights Intervallo dei pesi, delle stesse dimensioni delle chiavi.
 * @param scores Intervallo dei punteggi, delle stesse dimensioni delle chiavi. Le celle vuote di un intervallo arrivano come 0 in Excel desktop: gli intervalli dei punteggi devono contenere formule che restituiscono "" per «nessun punteggio», non celle vuote.
 * @returns Media ponderata, oppure vuoto se nessuna riga ha un punteggio.
 */
export function rollup(keys: unknown[][], key: unknown, weights: unknown[][], scores: unknown[][]): number | string {
  return guarded(() => {
    const k = matrixArg(keys);
    const w = matrixArg(weights);
    const s = matrixArg(scores);
    sameShape("delle chiavi", k, "dei pesi", w);
    sameShape("delle chiavi", k, "dei punteggi", s);
    if (isBlank(key)) throw valueError("Chiave vuota: indica il numero dell'obiettivo o il codice dell'ambito.");
    return emptyIfNull(weightedMean(weightedItems(w, s, (r, c) => sameKey(k[r][c], key))).score);
  });
}

/**
 * Copertura: peso degli elementi con un punteggio diviso il peso totale (pesi maggiori di zero).
 * @customfunction COVERAGE
 * @helpurl https://localhost:3000/assets/guida.html#pira-coverage
 * @param weights Intervallo dei pesi.
 * @param scores Intervallo dei punteggi, delle stesse dimensioni dei pesi (il testo "" non è coperto). Le celle vuote di un intervallo arrivano come 0 in Excel desktop: gli intervalli dei punteggi devono contenere formule che restituiscono "" per «nessun punteggio», non celle vuote.
 * @returns Copertura da 0 a 1, oppure vuoto se il peso totale è zero.
 */
export function coverage(weights: unknown[][], scores: unknown[][]): number | string {
  return guarded(() => {
    const w = matrixArg(weights);
    const s = matrixArg(scores);
    sameShape("dei pesi", w, "dei punteggi", s);
    return emptyIfNull(weightedMean(weightedItems(w, s)).coverage);
  });
}

const TARGET_PARTS: Record<string, "value" | "kind" | "unit" | "deadline"> = {
  value: "value",
  valore: "value",
  kind: "kind",
  tipo: "kind",
  unit: "unit",
  unità: "unit",
  unita: "unit",
  deadline: "deadline",
  scadenza: "deadline",
};

/** The deadline as an Excel date; "" for the kinds without one. */
function deadlinePart(t: Target): number | string {
  switch (t.kind) {
    case "deadline":
      return isoToSerial(t.deadline);
    case "atLeast":
    case "atMost":
    case "equal":
    case "yesno":
    case "unreadable":
      return "";
    default:
      return assertNever(t);
  }
}

/**
 * Una parte di un target: "value" (valore sulla scala di Excel, 82 % vale 0,82), "kind" (atLeast, atMost, equal, deadline, yesno), "unit" (%, N., gg, h, €) oppure "deadline" (la scadenza come data di Excel).
 * @customfunction TARGET
 * @helpurl https://localhost:3000/assets/guida.html#pira-target
 * @param target Target come scritto nel piano (">= 82,00 %", "<= 18 gg", "Entro 31-12-2023", "SI") oppure un numero.
 * @param [part] La parte richiesta: "value" (predefinita), "kind", "unit" oppure "deadline".
 * @returns La parte richiesta, oppure vuoto se il target non la ha.
 */
export function targetPart(target: unknown, part?: unknown): number | string {
  return guarded(() => {
    const t = targetArg(target);
    const name = isBlank(part) ? "value" : TARGET_PARTS[String(part).trim().toLowerCase()];
    if (name === undefined) {
      throw valueError(`Parte del target sconosciuta: ${describe(part)} (usa value, kind, unit o deadline).`);
    }
    if (name === "kind") return t.kind;
    if (name === "unit") return t.unit;
    if (name === "deadline") return deadlinePart(t);
    return emptyIfNull(excelScaleValue(t));
  });
}
