// The one yes/no vocabulary: targets ("SI"/"NO"), actuals typed in cells or CSV, the workbook's
// formulas (Impostazioni lists YES_WORDS/NO_WORDS) and the scoring engine all read these lists.

/** Answers written as words: a target is "SI" or "NO"; an actual typed so stays that text. */
export const YES_ANSWERS: readonly string[] = ["SI", "SÌ", "SÍ", "YES"];
export const NO_ANSWERS: readonly string[] = ["NO"];
/** Spreadsheet booleans spelt out (Italian and English Excel): an actual typed so is a boolean. */
export const TRUE_WORDS: readonly string[] = ["VERO", "TRUE"];
export const FALSE_WORDS: readonly string[] = ["FALSO", "FALSE"];

/** Every spelling of yes and of no an actual may take. */
export const YES_WORDS: readonly string[] = [...YES_ANSWERS, ...TRUE_WORDS];
export const NO_WORDS: readonly string[] = [...NO_ANSWERS, ...FALSE_WORDS];

/** A regular-expression alternation of the words, for patterns built around them. */
export function wordsPattern(words: readonly string[]): string {
  return words.join("|");
}

function wholeWord(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${wordsPattern(words)})$`, "i");
}

const YES_ANSWER_RE = wholeWord(YES_ANSWERS);
const NO_ANSWER_RE = wholeWord(NO_ANSWERS);
const TRUE_RE = wholeWord(TRUE_WORDS);
const FALSE_RE = wholeWord(FALSE_WORDS);

export interface YesNoWord {
  yes: boolean;
  /** VERO/TRUE/FALSO/FALSE: a boolean spelt out, not a SI/NO answer. */
  isBoolean: boolean;
}

/** The yes/no a trimmed text spells, in any accepted spelling; null when it is none. */
export function yesNoWord(text: string): YesNoWord | null {
  if (YES_ANSWER_RE.test(text)) return { yes: true, isBoolean: false };
  if (NO_ANSWER_RE.test(text)) return { yes: false, isBoolean: false };
  if (TRUE_RE.test(text)) return { yes: true, isBoolean: true };
  if (FALSE_RE.test(text)) return { yes: false, isBoolean: true };
  return null;
}

/** SI or NO as a target may be written (no booleans: a target says "SI"/"NO"); null otherwise. */
export function yesNoAnswer(text: string): boolean | null {
  const word = yesNoWord(text);
  return word === null || word.isBoolean ? null : word.yes;
}
