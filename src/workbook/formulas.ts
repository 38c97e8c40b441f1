// Native Excel formulas that compute exactly what src/domain/score.ts computes, using only
// functions of Excel 2016 and LibreOffice 7.4 (no LET, LAMBDA, FILTER, XLOOKUP), so a workbook
// opened without the add-in shows the same numbers. Invariant syntax: English names, commas.

import type { TargetKind } from "../domain/model";
import { EARLIEST_COMPLETION_SERIAL, STATUS_DECIMALS, type Status } from "../domain/score";
import { NAMES, WORD_NAMES } from "./layout";

function isOneOf(upper: string, listName: string): string {
  return `ISNUMBER(MATCH(${upper},${listName},0))`;
}

function isBlank(a: string): string {
  return `TRIM(${a})=""`;
}

/**
 * How the native formulas read an actual for each kind of target: a number ("numeric"), an answer
 * (boolean, SI/NO, 1/0, and for a deadline a completion date), or nothing (no score). A Record
 * over every kind, so a kind added to the Target union is a compile error here.
 */
const ACTUAL_FAMILY: Record<TargetKind, "numeric" | "answer" | "none"> = {
  atLeast: "numeric",
  atMost: "numeric",
  equal: "numeric",
  deadline: "answer",
  yesno: "answer",
  unreadable: "none",
};

/** The kind helper cell `k` holds a kind of this family. */
function kindIn(k: string, family: "numeric" | "answer"): string {
  const kinds = (Object.keys(ACTUAL_FAMILY) as TargetKind[]).filter((kind) => ACTUAL_FAMILY[kind] === family);
  return `OR(${kinds.map((kind) => `${k}="${kind}"`).join(",")})`;
}

/** The cells one indicator's native score formula reads, for one year. */
export interface IndicatorCells {
  /** The consuntivo. */
  actual: string;
  /** The target's kind helper ("atLeast", "deadline", … or empty without a target). */
  kind: string;
  /** The target's value on Excel's scale (1/0 for a SI/NO target). */
  value: string;
  /** The deadline as an Excel serial. */
  deadline: string;
  /** The largest |actual| a percent target takes (empty for other targets). */
  limit: string;
}

/** The actual is blank: empty, or spaces only (one rule for every host and both modes). */
function blankGuard(a: string): string {
  return isBlank(a);
}

/**
 * A number that fits the target's scale: a percent target refuses 82 typed for 82 % (8200 %).
 * For a text this is #VALUE! (ABS of a text), which data validation takes as a refusal.
 */
function fitsScale(a: string, limit: string): string {
  return `AND(ISNUMBER(${a}),OR(${limit}="",ABS(${a})<=${limit}))`;
}

/**
 * The native score formula of an indicator cell: one shape for every row of a column (Excel
 * flags no inconsistent formula), branching on the kind helper cell. Blank actual, no or
 * unreadable target, or an actual that does not fit the target give "" (no score), as the domain
 * does. A date-formatted number for a count is a number here: the type is lost in a cell, only
 * ranges can be checked (a percent's limit, a deadline's earliest date).
 */
export function nativeScoreFormula(c: IndicatorCells): string {
  const { actual: a, kind: k, value: t, deadline: d, limit } = c;
  const upper = `UPPER(TRIM(${a}))`;
  const mode = NAMES.mode;
  // Numeric kinds: "= t" with t > 0 counts up like ">= t"; with t ≤ 0 it is all or nothing.
  const met = `IF(${k}="atMost",${a}<=${t},${a}>=${t})`;
  // 1 − |a − t|/|t| is 1 − (t − a)/|t| below an "at least" and 1 − (a − t)/|t| above an "at most".
  const partial =
    `IF(${mode}="binario",0,IF(${mode}="lineare",IF(${t}=0,0,MAX(0,1-ABS(${a}-${t})/ABS(${t}))),` +
    `IF(${t}>0,IF(${k}="atMost",${t}/${a},MAX(0,${a}/${t})),0)))`;
  const graded = `IF(${met},1,${partial})`;
  const exact = `IF(${t}=0,IF(${a}<=0,1,0),IF(${a}=${t},1,0))`;
  const numeric =
    `IF(ISNUMBER(${a}),IF(OR(${limit}="",ABS(${a})<=${limit}),` +
    `IF(AND(${k}="equal",${t}<=0),${exact},${graded}),""),"")`;
  // Deadlines and SI/NO targets read an answer alike (t is 1 for SI and for a deadline, 0 for NO);
  // a deadline also takes a completion date, from EARLIEST_COMPLETION_SERIAL on.
  const answer =
    `IF(ISLOGICAL(${a}),IF(${a}=(${t}=1),1,0),IF(ISNUMBER(${a}),IF(OR(${a}=0,${a}=1),IF((${a}=1)=(${t}=1),1,0),` +
    `IF(AND(${k}="deadline",${a}>=${EARLIEST_COMPLETION_SERIAL}),IF(INT(${a})<=${d},1,0),"")),` +
    `IF(${isOneOf(upper, WORD_NAMES.yes)},IF(${t}=1,1,0),IF(${isOneOf(upper, WORD_NAMES.no)},IF(${t}=0,1,0),""))))`;
  // "unreadable" and no target give "".
  const body = `IF(${kindIn(k, "numeric")},${numeric},IF(${kindIn(k, "answer")},${answer},""))`;
  return `=IF(${blankGuard(a)},"",${body})`;
}

/**
 * Score through the add-in's function: the target text is read live. A blank actual is no score
 * before the function is called (Excel desktop passes an empty cell as 0, the web as null). Only
 * #VALUE! (an unreadable target or an actual that does not fit it) becomes ""; any other error,
 * above all #NAME? and #BUSY! while the functions are not loaded, stays in the cell for the status
 * to explain (the roll-ups count only numbers, so they stay computable).
 */
export function piraScoreFormula(target: string, a: string): string {
  const call = `PIRA.SCORE(${target},${a},${NAMES.mode})`;
  return `=IF(OR(${blankGuard(a)},${isBlank(target)}),"",IFERROR(${call},IF(ERROR.TYPE(${call})=3,"",${call})))`;
}

/** What the status cell says when the score is an error other than #VALUE!. */
export const FUNCTIONS_NOT_LOADED =
  "Funzioni PIRA non caricate: apri il componente aggiuntivo o passa alle formule native";

/**
 * Status of an indicator in PIRA mode, from its score cell: "n.d." without an actual or a target,
 * why a typed actual has no score, and the functions-not-loaded text for any error in the score.
 */
export function piraStatusFormula(score: string, target: string, a: string): string {
  return (
    `=IF(ISERROR(${score}),"${FUNCTIONS_NOT_LOADED}",IF(${score}="",IF(OR(${isBlank(a)},${isBlank(target)}),"n.d.",` +
    `IF(ISERROR(PIRA.TARGET(${target},"kind")),"Target non leggibile","Consuntivo non valido")),${gradedStatus(score)}))`
  );
}

/** An indicator's weight when it has a score (and a positive weight), else 0: the roll-ups' denominator. */
export function scoredWeightFormula(score: string, weight: string): string {
  return `=IF(AND(ISNUMBER(${score}),${weight}>0),${weight},0)`;
}

/** weight × score when scored, else 0: the roll-ups' numerator. */
export function weightedScoreFormula(score: string, weight: string): string {
  return `=IF(AND(ISNUMBER(${score}),${weight}>0),${weight}*${score},0)`;
}

/**
 * A key column and where one key's rows were at import: the block from its first to its last
 * row (absolute references of the same rows in any column) and how many rows hold the key.
 */
export interface KeyedRows {
  /** The workbook name of the whole key column (PIRA_Ind_Obiettivo). */
  keys: string;
  /** How many rows the whole column had at import. */
  rows: number;
  /** The block of one key's rows in a column: `column` → "Indicatori!$AB$2:$AB$9"; null without rows. */
  block: ((column: number) => string) | null;
  /** The key's column index, for the block of keys. */
  keyColumn: number;
  /** How many rows hold the key. */
  count: number;
}

/**
 * Whether a key's rows are still where the import put them: the key column has as many rows as
 * then, and the key's block holds all its rows. Sorting, inserting or deleting rows makes it
 * FALSE, and the sums fall back to the whole column: always right, linear while untouched.
 */
export function blockIntactFormula(k: KeyedRows, key: string): string {
  if (k.block === null) return "=FALSE";
  return `=AND(ROWS(${k.keys})=${k.rows},COUNTIF(${k.block(k.keyColumn)},${key})=${k.count})`;
}

/**
 * Σ of a column over the rows whose key equals `key`: SUMIFS over the key's own block while
 * `intact` (linear in the rows), else over the whole column (order-independent). `extra`: more
 * SUMIFS criteria over the summed column itself (">0").
 */
export function sumByKey(
  values: { name: string; column: number },
  k: KeyedRows,
  key: string,
  intact: string,
  positiveOnly = false,
): string {
  const whole = positiveOnly
    ? `SUMIFS(${values.name},${k.keys},${key},${values.name},">0")`
    : `SUMIFS(${values.name},${k.keys},${key})`;
  if (k.block === null) return whole;
  const v = k.block(values.column);
  const inBlock = positiveOnly
    ? `SUMIFS(${v},${k.block(k.keyColumn)},${key},${v},">0")`
    : `SUMIFS(${v},${k.block(k.keyColumn)},${key})`;
  return `IF(${intact},${inBlock},${whole})`;
}

/** Σ weighted scores / Σ scored weights; "" when nothing is scored. */
export function ratioFormula(numerator: string, denominator: string): string {
  return `=IF(${denominator}>0,${numerator}/${denominator},"")`;
}

/** An objective's or area's term for the roll-up one level up: w when scored, w × s, w × coverage. */
export function termFormulas(
  weight: string,
  score: string,
  coverage: string,
): { scored: string; weighted: string; coverage: string } {
  return {
    scored: `=IF(AND(ISNUMBER(${score}),${weight}>0),${weight},0)`,
    weighted: `=IF(AND(ISNUMBER(${score}),${weight}>0),${weight}*${score},0)`,
    coverage: `=IF(AND(ISNUMBER(${coverage}),${weight}>0),${weight}*${coverage},0)`,
  };
}

/** The score as statuses and colours compare it (see STATUS_DECIMALS in the domain). */
function rounded(score: string): string {
  return `ROUND(${score},${STATUS_DECIMALS})`;
}

/** The status text of a met target (Status in the domain). */
const RAGGIUNTO: Status = "Raggiunto";

function gradedStatus(score: string): string {
  const s = rounded(score);
  return `IF(${s}>=${NAMES.green},"Raggiunto",IF(${s}>=${NAMES.amber},"Parzialmente raggiunto","Non raggiunto"))`;
}

/** The status text of a score cell; "n.d." without a score. */
export function statusExpression(score: string): string {
  return `IF(${score}="","n.d.",${gradedStatus(score)})`;
}

/**
 * Status of an indicator cell in native mode: like statusExpression, but says why a typed
 * actual has no score (unreadable target, actual that does not fit the target).
 */
export function nativeIndicatorStatusFormula(score: string, a: string, kind: string): string {
  return (
    `=IF(${score}="",IF(OR(${isBlank(a)},${kind}=""),"n.d.",IF(${kind}="unreadable","Target non leggibile",` +
    `"Consuntivo non valido")),${gradedStatus(score)})`
  );
}

/**
 * The chamber over its areas (a handful of rows): weighted mean of the scored areas, and coverage
 * Σ w·cov / Σ w (an area without coverage counts 0). SUMPRODUCT treats "" as 0.
 */
export function weightedScoreOverRows(weights: string, scores: string): string {
  const den = `SUMPRODUCT(--(${weights}>0),${weights},--ISNUMBER(${scores}))`;
  const num = `SUMPRODUCT(--(${weights}>0),${weights},${scores})`;
  return `=IF(${den}>0,${num}/${den},"")`;
}

export function weightedCoverageOverRows(weights: string, coverages: string): string {
  const covered = `SUMPRODUCT(--(${weights}>0),${weights},${coverages})`;
  const total = `SUMPRODUCT(--(${weights}>0),${weights})`;
  return `=IF(${total}>0,${covered}/${total},"")`;
}

/** Conditional-format formulas for a score cell (relative row): met, partial, missed. */
export function complianceRules(score: string): { green: string; amber: string; red: string } {
  return {
    green: `=AND(ISNUMBER(${score}),${rounded(score)}>=${NAMES.green})`,
    amber: `=AND(ISNUMBER(${score}),${rounded(score)}>=${NAMES.amber},${rounded(score)}<${NAMES.green})`,
    red: `=AND(ISNUMBER(${score}),${rounded(score)}<${NAMES.amber})`,
  };
}

/**
 * Data validation of a consuntivo cell: what its target's kind accepts (blank is always fine), by
 * the rules of the score formulas: for a deadline or a SI/NO target a boolean, SI/NO or 1/0, and
 * for a deadline a completion date (a number from EARLIEST_COMPLETION_SERIAL on; N() is 0 for
 * text); for the other kinds a number, within the limit of a percent target. Excel allows 255
 * characters here.
 */
export function actualValidationFormula(a: string, kind: string, limit: string): string {
  const yesNo = isOneOf(`UPPER(TRIM(${a}))`, WORD_NAMES.any);
  const answer =
    `OR(ISLOGICAL(${a}),${yesNo},${a}=0,${a}=1,` + `AND(${kind}="deadline",N(${a})>=${EARLIEST_COMPLETION_SERIAL}))`;
  return `=OR(${isBlank(a)},IF(${kindIn(kind, "answer")},${answer},${fitsScale(a, limit)}))`;
}

/**
 * A missing note di scostamento, as the conditional format of a note cell (relative row) and
 * needsNote in the domain say: a consuntivo is typed, its status is not «Raggiunto» (partial,
 * missed, or no score: an unreadable target, a wrong actual) and the note is blank. A rule, not
 * a column of formulas: a large plan's import must stay within its request budget.
 */
export function noteMissingRule(a: string, status: string, note: string): string {
  return `=AND(NOT(${isBlank(a)}),${isBlank(note)},${status}<>"${RAGGIUNTO}")`;
}

/** How many rows of these columns (absolute ranges) miss a note: the Diagnostica count. */
export function missingNoteCountFormula(actuals: string, statuses: string, notes: string): string {
  return `=SUMPRODUCT((TRIM(${actuals})<>"")*(TRIM(${notes})="")*(${statuses}<>"${RAGGIUNTO}"))`;
}
