// Names as the matcher compares them. Two renditions of one cruscotto (PDF, DOCX, a retyped
// revision) differ in case, accents, punctuation, spacing and the "(OC)" mark; none of these
// make a different indicator or objective.

import { cleanText } from "../text";

const COMMON_MARK = /\(\s*oc\s*\)/gi;
const DIACRITICS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;
const NOT_WORD = /[^a-z0-9]+/g;

/** The matching key: lower case, no accents, no "(OC)", punctuation as spaces, single spaces. */
export function normaliseName(raw: string): string {
  let s = cleanText(raw).replace(COMMON_MARK, " ");
  // Decomposing is the costly step; most names past their accents are plain ASCII.
  if (NON_ASCII.test(s)) s = s.normalize("NFD").replace(DIACRITICS, "");
  return s.toLowerCase().replace(NOT_WORD, " ").trim();
}

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032`´]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /\s+/g;

/**
 * The text as a reader sees it: typographic quotes, dashes and spacing unified, everything else
 * kept. Two names equal here are not reported as a rename; a corrected accent or case is.
 */
export function displayKey(raw: string): string {
  return cleanText(raw)
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, "-")
    .replace(SPACES, " ")
    .replace(/\s*([(),;:/])\s*/g, "$1")
    .trim();
}

/** Equal to a reader's eye (see displayKey). */
export function sameDisplayText(a: string, b: string): boolean {
  return a === b || displayKey(a) === displayKey(b);
}
