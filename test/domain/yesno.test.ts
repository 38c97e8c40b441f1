// One yes/no vocabulary for targets, actuals (cells and CSV) and scoring: every spelling is read
// the same way everywhere, in any case.
import { parseActualText } from "../../src/domain/actual";
import { formatActual } from "../../src/domain/actualsCsv";
import { scoreTarget, yesNoOf } from "../../src/domain/score";
import { parseTarget } from "../../src/domain/targets";
import { FALSE_WORDS, NO_ANSWERS, NO_WORDS, TRUE_WORDS, YES_ANSWERS, YES_WORDS } from "../../src/domain/yesno";

const cases = (words: readonly string[]) => words.flatMap((w) => [w, w.toLowerCase()]);

describe("the yes/no vocabulary", () => {
  it("is the answers and the spelt-out booleans, nothing else", () => {
    expect(YES_WORDS).toEqual(["SI", "SÌ", "SÍ", "YES", "VERO", "TRUE"]);
    expect(NO_WORDS).toEqual(["NO", "FALSO", "FALSE"]);
    expect([...YES_ANSWERS, ...TRUE_WORDS]).toEqual(YES_WORDS);
    expect([...NO_ANSWERS, ...FALSE_WORDS]).toEqual(NO_WORDS);
  });

  const words: [string, boolean][] = [
    ...cases(YES_WORDS).map((w): [string, boolean] => [w, true]),
    ...cases(NO_WORDS).map((w): [string, boolean] => [w, false]),
  ];
  it.each(words)("%s is %s for scoring, typed actuals and SI/NO targets", (word, yes) => {
    expect(yesNoOf(word)).toBe(yes);
    expect(yesNoOf(` ${word} `)).toBe(yes);
    const typed = parseActualText(word);
    const isBoolean = [...TRUE_WORDS, ...FALSE_WORDS].includes(word.toUpperCase());
    expect(typed).toBe(isBoolean ? yes : yes ? "SI" : "NO");
    expect(scoreTarget(parseTarget("SI"), typed)).toBe(yes ? 1 : 0);
    expect(scoreTarget(parseTarget("NO"), typed)).toBe(yes ? 0 : 1);
  });

  it.each(cases([...YES_ANSWERS, ...NO_ANSWERS]))("%s is a SI/NO target", (word) => {
    expect(parseTarget(word)).toMatchObject({ kind: "yesno", value: YES_ANSWERS.includes(word.toUpperCase()) ? 1 : 0 });
  });

  it.each(cases([...TRUE_WORDS, ...FALSE_WORDS]))("%s is no target: a plan says SI or NO", (word) => {
    expect(parseTarget(word)?.kind).toBe("unreadable");
  });

  it.each(["S", "SII", "NON", "OK", "1 SI", "vero!"])("%s is no yes/no", (text) => {
    expect(yesNoOf(text)).toBeNull();
    expect(parseTarget(text)?.kind).toBe("unreadable");
  });

  it("writes a boolean actual back in the vocabulary's Italian spelling, which reads back as the same boolean", () => {
    for (const b of [true, false]) expect(parseActualText(formatActual(b, null)!)).toBe(b);
  });
});
