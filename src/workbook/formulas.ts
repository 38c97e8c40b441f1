// Native Excel formulas that compute exactly what src/domain/score.ts computes, using only
// functions of Excel 2016 and LibreOffice 7.4 (no LET, LAMBDA, FILTER, XLOOKUP), so a workbook
// opened without the add-in shows the same numbers. Invariant syntax: English names, commas.

import { assertNever } from "../domain/assertNever";
import type { TargetKind } from "../domain/model";
import { STATUS_DECIMALS, type Status } from "../domain/score";
import { NAMES, WORD_NAMES } from "./layout";

function isOneOf(upper: string, listName: string): string {
  return `ISNUMBER(MATCH(${upper},${listName},0))`;
}

function isBlank(a: string): string {
  return `TRIM(${a})=""`;
}

/** 1 when the actual meets an "at least t" target, else the mode's partial score. */
function atLeastCore(a: string, t: string): string {
  return (
    `IF(${a}>=${t},1,IF(${NAMES.mode}="binario",0,IF(${NAMES.mode}="lineare",` +
    `IF(${t}=0,0,MAX(0,1-(${t}-${a})/ABS(${t}))),IF(${t}>0,MAX(0,${a}/${t}),0))))`
  );
}

function atMostCore(a: string, t: string): string {
  return (
    `IF(${a}<=${t},1,IF(${NAMES.mode}="binario",0,IF(${NAMES.mode}="lineare",` +
    `IF(${t}=0,0,MAX(0,1-(${a}-${t})/ABS(${t}))),IF(${t}>0,${t}/${a},0))))`
  );
}

/**
 * The native score formula of one indicator cell, specialised by the target's kind (known at
 * import): `a` actual cell, `t` Excel-scale value cell, `d` deadline serial cell. Empty actual,
 * no or unreadable target, or an actual of the wrong type give "" (no score), as the domain does.
 */
export function nativeScoreFormula(kind: TargetKind | null, a: string, t: string, d: string): string {
  const upper = `UPPER(TRIM(${a}))`;
  let body: string;
  switch (kind) {
    case "atLeast":
      body = `IF(ISNUMBER(${a}),${atLeastCore(a, t)},"")`;
      break;
    case "atMost":
      body = `IF(ISNUMBER(${a}),${atMostCore(a, t)},"")`;
      break;
    case "equal":
      body = `IF(ISNUMBER(${a}),IF(${t}>0,${atLeastCore(a, t)},` + `IF(${t}=0,IF(${a}<=0,1,0),IF(${a}=${t},1,0))),"")`;
      break;
    case "deadline":
      body =
        `IF(ISLOGICAL(${a}),IF(${a},1,0),IF(ISNUMBER(${a}),IF(OR(${a}=0,${a}=1),${a},IF(INT(${a})<=${d},1,0)),` +
        `IF(${isOneOf(upper, WORD_NAMES.yes)},1,IF(${isOneOf(upper, WORD_NAMES.no)},0,""))))`;
      break;
    case "yesno":
      // t is 1 for a "SI" target, 0 for "NO"; 1/0 typed in the cell count as SI/NO.
      body =
        `IF(ISLOGICAL(${a}),IF(${a}=(${t}=1),1,0),IF(ISNUMBER(${a}),IF(OR(${a}=1,${a}=0),IF((${a}=1)=(${t}=1),1,0),""),` +
        `IF(${isOneOf(upper, WORD_NAMES.yes)},IF(${t}=1,1,0),IF(${isOneOf(upper, WORD_NAMES.no)},IF(${t}=0,1,0),""))))`;
      break;
    case "unreadable":
    case null:
      return `=""`;
    default:
      return assertNever(kind);
  }
  // A blank or whitespace actual is neither a number, a boolean nor SI/NO: every branch gives "".
  return `=${body}`;
}

/** Score through the add-in's function: the target text is read live. */
export function piraScoreFormula(target: string, a: string): string {
  return `=IFERROR(PIRA.SCORE(${target},${a},${NAMES.mode}),"")`;
}

/**
 * Status through the add-in's function, with the workbook's thresholds and mode. "n.d." without
 * an actual or without a target (a year the plan sets none for), as the domain says: PIRA.STATUS
 * would give #VALUE! for the empty target.
 */
export function piraStatusFormula(target: string, a: string): string {
  return (
    `=IF(OR(${isBlank(a)},${isBlank(target)}),"n.d.",` +
    `PIRA.STATUS(${target},${a},${NAMES.green},${NAMES.amber},${NAMES.mode}))`
  );
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
 * actual has no score (unreadable target, actual of the wrong type).
 */
export function nativeIndicatorStatusFormula(score: string, a: string, kind: string): string {
  return (
    `=IF(${score}="",IF(OR(${isBlank(a)},${kind}=""),"n.d.",IF(${kind}="unreadable","Target non leggibile",` +
    `"Consuntivo non valido")),${gradedStatus(score)})`
  );
}

/**
 * Weighted mean over the rows whose key equals `key`, counting only rows with weight > 0 and a
 * numeric score; "" when none is scored. SUMPRODUCT treats the "" of unscored cells as 0.
 */
export function rollupScoreFormula(keys: string, key: string, weights: string, scores: string): string {
  const den = `SUMPRODUCT((${keys}=${key})*(${weights}>0),${weights},--ISNUMBER(${scores}))`;
  const num = `SUMPRODUCT((${keys}=${key})*(${weights}>0),${weights},${scores})`;
  return `=IF(${den}>0,${num}/${den},"")`;
}

/** Scored weight / total weight of the rows with weight > 0 whose key equals `key`. */
export function rollupCoverageFormula(keys: string, key: string, weights: string, scores: string): string {
  const den = `SUMPRODUCT((${keys}=${key})*(${weights}>0),${weights},--ISNUMBER(${scores}))`;
  const total = `SUMPRODUCT((${keys}=${key})*(${weights}>0),${weights})`;
  return `=IF(${total}>0,${den}/${total},"")`;
}

/** Weighted mean over all rows (the chamber over its areas). */
export function weightedScoreFormula(weights: string, scores: string): string {
  const den = `SUMPRODUCT(--(${weights}>0),${weights},--ISNUMBER(${scores}))`;
  const num = `SUMPRODUCT(--(${weights}>0),${weights},${scores})`;
  return `=IF(${den}>0,${num}/${den},"")`;
}

export function weightedCoverageFormula(weights: string, scores: string): string {
  const den = `SUMPRODUCT(--(${weights}>0),${weights},--ISNUMBER(${scores}))`;
  const total = `SUMPRODUCT(--(${weights}>0),${weights})`;
  return `=IF(${total}>0,${den}/${total},"")`;
}

/** Conditional-format formulas for a score cell (relative row): met, partial, missed. */
export function complianceRules(score: string): { green: string; amber: string; red: string } {
  return {
    green: `=AND(ISNUMBER(${score}),${rounded(score)}>=${NAMES.green})`,
    amber: `=AND(ISNUMBER(${score}),${rounded(score)}>=${NAMES.amber},${rounded(score)}<${NAMES.green})`,
    red: `=AND(ISNUMBER(${score}),${rounded(score)}<${NAMES.amber})`,
  };
}

/** What a consuntivo cell accepts for a target of this kind (the domain's scoreTarget decides the same). */
function acceptedActual(kind: TargetKind, a: string, yesNo: string): string {
  switch (kind) {
    case "atLeast":
    case "atMost":
    case "equal":
    case "unreadable":
      return `ISNUMBER(${a})`;
    case "deadline":
      return `OR(ISNUMBER(${a}),ISLOGICAL(${a}),${yesNo})`;
    case "yesno":
      return `OR(ISLOGICAL(${a}),${a}=1,${a}=0,${yesNo})`;
    default:
      return assertNever(kind);
  }
}

/** The kinds whose actuals are more than a number, tested in this order; the rest take a number. */
const KINDS_BEYOND_NUMBERS: readonly TargetKind[] = ["deadline", "yesno"];

/** Data validation of a consuntivo cell: what its target's kind accepts (blank is always fine). */
export function actualValidationFormula(a: string, kind: string): string {
  const upper = `UPPER(TRIM(${a}))`;
  const yesNo = isOneOf(upper, WORD_NAMES.any);
  const accepted = KINDS_BEYOND_NUMBERS.reduceRight(
    (otherwise, k) => `IF(${kind}="${k}",${acceptedActual(k, a, yesNo)},${otherwise})`,
    acceptedActual("atLeast", a, yesNo),
  );
  return `=OR(${isBlank(a)},${accepted})`;
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
