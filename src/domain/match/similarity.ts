// How alike two normalised names are, for the indicators no exact name matched: a corrected typo
// or a reworded name. Sørensen–Dice over character bigrams of each word: it forgives a typo (one
// wrong letter costs two bigrams out of dozens), word order and an inserted "di"/"del", and it is
// cheap: a name's bigrams are built once as a sorted array of codes, and two names compare by a
// merge of their arrays.

/** The bigram multiset of a name as sorted codes (first char × 65536 + second), repeats kept. */
export type Bigrams = Uint32Array;

/** Bigrams inside each word of a normalised name, plus " x"/"x " at the word's edges. */
export function bigramsOf(normalised: string): Bigrams {
  const codes: number[] = [];
  for (const word of normalised.split(" ")) {
    if (word === "") continue;
    const padded = ` ${word} `;
    for (let i = 0; i < padded.length - 1; i++) codes.push(padded.charCodeAt(i) * 65536 + padded.charCodeAt(i + 1));
  }
  return Uint32Array.from(codes).sort();
}

/** Dice coefficient 2|A∩B| / (|A|+|B|) of two bigram multisets, 0..1 (1 when both are empty). */
export function diceOf(a: Bigrams, b: Bigrams): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / total;
}

/** Dice similarity of two normalised names. */
export function similarity(a: string, b: string): number {
  return diceOf(bigramsOf(a), bigramsOf(b));
}

/** The highest Dice two multisets of these sizes can reach: lets a search skip hopeless pairs. */
export function diceUpperBound(sizeA: number, sizeB: number): number {
  return sizeA + sizeB === 0 ? 1 : (2 * Math.min(sizeA, sizeB)) / (sizeA + sizeB);
}
