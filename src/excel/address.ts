// A1 address arithmetic for the Excel adapter: the description gives top-left cells and 2-D
// arrays, Office.js wants exact range addresses whose size matches the arrays.

export interface CellRef {
  /** 0-based row. */
  row: number;
  /** 0-based column. */
  column: number;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 0) throw new Error(`Colonna non valida: ${column}`);
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" or "$B$3" → { row: 2, column: 1 }. */
export function parseCell(address: string): CellRef {
  const m = CELL_RE.exec(address.trim());
  if (!m) throw new Error(`Indirizzo di cella non valido: «${address}»`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

export function cellAddress(ref: CellRef): string {
  return `${columnLetters(ref.column)}${ref.row + 1}`;
}

/** The address of a block of `rows` × `columns` cells whose top-left is `topLeft`. */
export function blockAddress(topLeft: CellRef, rows: number, columns: number): string {
  if (rows < 1 || columns < 1) throw new Error(`Blocco vuoto a ${cellAddress(topLeft)}`);
  const first = cellAddress(topLeft);
  if (rows === 1 && columns === 1) return first;
  return `${first}:${cellAddress({ row: topLeft.row + rows - 1, column: topLeft.column + columns - 1 })}`;
}

/** The whole-column address "C:C" (for widths and hiding). */
export function wholeColumnAddress(column: number): string {
  const letters = columnLetters(column);
  return `${letters}:${letters}`;
}

/**
 * Splits "Foglio!$A$1:$B$9", "='Il mio foglio'!A1" or "=Foglio!A1" into sheet and local
 * address; throws when the sheet is missing, because chart sources may live on other sheets.
 */
export function splitSheetAddress(reference: string): { sheet: string; address: string } {
  const ref = reference.trim().replace(/^=/, "");
  const bang = ref.lastIndexOf("!");
  if (bang <= 0) throw new Error(`Riferimento senza foglio: «${reference}»`);
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}
