// A1 addresses: the workbook description and both adapters speak them.

/** 0-based column index → letters ("A", "Z", "AA"). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" → { row: 2, column: 1 } (0-based). */
export function parseCell(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
  if (!m) throw new Error(`Indirizzo di cella non valido: ${address}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

/** 0-based row and column → "B3". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** A rectangle from its top-left cell and size: ("B3", 2, 3) → "B3:D4". */
export function rangeAddress(topLeft: string, rows: number, columns: number): string {
  const { row, column } = parseCell(topLeft);
  const end = cellAddress(row + Math.max(rows, 1) - 1, column + Math.max(columns, 1) - 1);
  return `${topLeft}:${end}`;
}

/** Sheet-qualified absolute reference, quoting sheet names that need it: 'Il mio foglio'!$A$1:$A$9. */
export function absolute(sheet: string, from: { row: number; column: number }, to?: { row: number; column: number }) {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const a = `$${columnLetter(from.column)}$${from.row + 1}`;
  return to ? `${quoted}!${a}:$${columnLetter(to.column)}$${to.row + 1}` : `${quoted}!${a}`;
}
