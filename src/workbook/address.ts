// A1 addresses: the workbook description and both adapters speak them.

export interface CellRef {
  /** 0-based row. */
  row: number;
  /** 0-based column. */
  column: number;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** 0-based column index → letters (0 → "A", 25 → "Z", 26 → "AA"). */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`Colonna non valida: ${index}`);
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index ("A" → 0, "AA" → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" or "$B$3" → { row: 2, column: 1 } (0-based). */
export function parseCell(address: string): CellRef {
  const m = CELL_RE.exec(address.trim());
  if (!m) throw new Error(`Indirizzo di cella non valido: «${address}»`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

/** 0-based row and column → "B3". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** The address of a block of `rows` × `columns` cells at `topLeft`; a single cell is "B3". */
export function blockAddress(topLeft: CellRef, rows: number, columns: number): string {
  const first = cellAddress(topLeft.row, topLeft.column);
  if (rows < 1 || columns < 1) throw new Error(`Blocco vuoto a ${first}`);
  if (rows === 1 && columns === 1) return first;
  return `${first}:${cellAddress(topLeft.row + rows - 1, topLeft.column + columns - 1)}`;
}

/** The whole-column address "C:C" (for widths and hiding). */
export function wholeColumnAddress(column: number): string {
  const letters = columnLetter(column);
  return `${letters}:${letters}`;
}

/**
 * Splits "Foglio!$A$1:$B$9", "='Il mio foglio'!A1" or "=Foglio!A1" into sheet and local
 * address; throws when the sheet is missing.
 */
export function splitSheetAddress(reference: string): { sheet: string; address: string } {
  const ref = reference.trim().replace(/^=/, "");
  const bang = ref.lastIndexOf("!");
  if (bang <= 0) throw new Error(`Riferimento senza foglio: «${reference}»`);
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}

/** Sheet-qualified absolute reference, quoting sheet names that need it: 'Il mio foglio'!$A$1:$A$9. */
export function absolute(sheet: string, from: CellRef, to?: CellRef): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const a = `$${columnLetter(from.column)}$${from.row + 1}`;
  return to ? `${quoted}!${a}:$${columnLetter(to.column)}$${to.row + 1}` : `${quoted}!${a}`;
}
