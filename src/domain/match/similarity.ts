// How alike two normalised names are, for the indicators no exact name matched: a corrected typo
// or a reworded name. Sørensen–Dice over character bigrams of each word: it forgives a typo (one
// wrong letter costs two bigrams out of dozens), word order and an inserted "di"/"del", and it is
// cheap (a bigram multiset per name, built once).

export type Bigrams = Map<string, number>;

/** The bigram multiset of a normalised name: bigrams inside each word, plus " x"/"x " word edges. */
export function bigramsOf(normalised: string): Bigrams {
  const grams: Bigrams = new Map();
  for (const word of normalised.split(" ")) {
    if (word === "") continue;
    const padded = ` ${word} `;
    for (let i = 0; i < padded.length - 1; i++) {
      const g = padded.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

export function bigramCount(grams: Bigrams): number {
  let n = 0;
  for (const c of grams.values()) n += c;
  return n;
}

/** Dice coefficient 2|A∩B| / (|A|+|B|) of two bigram multisets, 0..1 (1 when both are empty). */
export function diceOf(a: Bigrams, b: Bigrams, sizeA = bigramCount(a), sizeB = bigramCount(b)): number {
  if (sizeA + sizeB === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [g, c] of small) shared += Math.min(c, large.get(g) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

/** Dice similarity of two normalised names. */
export function similarity(a: string, b: string): number {
  return diceOf(bigramsOf(a), bigramsOf(b));
}

/** The highest Dice two multisets of these sizes can reach: lets a search skip hopeless pairs. */
export function diceUpperBound(sizeA: number, sizeB: number): number {
  return sizeA + sizeB === 0 ? 1 : (2 * Math.min(sizeA, sizeB)) / (sizeA + sizeB);
}
