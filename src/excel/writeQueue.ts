// The Office.js write queue: the commands a write will queue, in order, each with the size of its
// arguments, and what puts a sheet's cells and tables on it. Nothing here syncs: SyncLedger.run
// (batch.ts) cuts the queue into requests under the byte budget and runs them.
import type { RangeSpec, TableSpec } from "../workbook/types";
import { isEditable } from "../workbook/types";
import { isHidden } from "../workbook/checks";
import { blockAddress, parseCell, wholeColumnAddress, type CellRef } from "../workbook/address";
import { FONT, INPUT_STYLE, BORDER_COLOUR } from "../workbook/format";
import { columnWidthPoints } from "../workbook/print";
import { COMMAND_OVERHEAD_BYTES, jsonBytes } from "./batch";
import { literalText, toFormulaRows, type FormulaInput } from "./cells";
import { columnR1C1 } from "../workbook/r1c1";
import type { CellSpec } from "../workbook/types";
import { UNPACED, type Pacer } from "./pace";

/** A command waiting to be queued on the request context, with its estimated payload. */
export interface PendingCommand {
  bytes: number;
  queue: () => void;
  /**
   * For large writes: the part that fits in `budget` bytes and the rest, cut at a row boundary,
   * or null when not even one row fits.
   */
  split?: (budget: number) => [PendingCommand, PendingCommand] | null;
}

/** Collects commands in order; `planBatches` splits them into syncs under the byte budget. */
export class WriteQueue {
  readonly commands: PendingCommand[] = [];

  /** Adds a command whose arguments are `args` (only used to estimate its size). */
  add(queue: () => void, ...args: unknown[]): void {
    let bytes = COMMAND_OVERHEAD_BYTES;
    for (const a of args) bytes += jsonBytes(a);
    this.commands.push({ bytes, queue });
  }

  /** Adds a command whose arguments' size the caller has already measured. */
  addSized(queue: () => void, argumentBytes: number): void {
    this.commands.push({ bytes: COMMAND_OVERHEAD_BYTES + argumentBytes, queue });
  }

  /**
   * Adds a 2-D write of `rows` that the planner may cut between rows when a sync fills up;
   * `write(from, to)` queues rows [from, to) as one block.
   */
  addRows<T>(rows: readonly T[], write: (from: number, to: number) => void): void {
    if (rows.length === 0) return;
    const rowBytes = rows.map((row) => jsonBytes(row) + 1); // + the comma that joins rows
    this.commands.push(rowsCommand(rowBytes, 0, rows.length, write));
  }

  /** `addRows` for `count` copies of one `row` (a column's number format): measured once. */
  addRepeatedRows<T>(count: number, row: T, write: (from: number, to: number) => void): void {
    if (count === 0) return;
    const rowBytes = new Array<number>(count).fill(jsonBytes(row) + 1);
    this.commands.push(rowsCommand(rowBytes, 0, count, write));
  }

  get totalBytes(): number {
    return this.commands.reduce((sum, c) => sum + c.bytes, 0);
  }
}

function rowsCommand(
  rowBytes: number[],
  from: number,
  to: number,
  write: (from: number, to: number) => void,
): PendingCommand {
  let bytes = COMMAND_OVERHEAD_BYTES + 2; // the outer brackets
  for (let r = from; r < to; r++) bytes += rowBytes[r];
  return {
    bytes,
    queue: () => write(from, to),
    split: (budget) => {
      let end = from;
      let used = COMMAND_OVERHEAD_BYTES + 2;
      while (end < to && used + rowBytes[end] <= budget) used += rowBytes[end++];
      if (end === from || end === to) return null;
      return [rowsCommand(rowBytes, from, end, write), rowsCommand(rowBytes, end, to, write)];
    },
  };
}

/** Resolves a sheet proxy when a command runs (the sheet may be added by an earlier command). */
export type SheetResolver = (name: string) => Excel.Worksheet;

/** Column width in characters (the description's unit) → points (Office.js' unit). */
export const charsToPoints = columnWidthPoints;

/** The edges of a block of this shape: its outline, and the lines inside it that exist. */
function edgesOf(rows: number, columns: number): string[] {
  return [
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    ...(columns > 1 ? ["InsideVertical"] : []),
    ...(rows > 1 ? ["InsideHorizontal"] : []),
  ];
}

/** Thin borders round and inside a range, in `colour`. */
function setBorders(format: Excel.RangeFormat, colour: string, edges: readonly string[]): void {
  for (const edge of edges) {
    const border = format.borders.getItem(edge as Excel.BorderIndex);
    border.style = "Continuous";
    border.color = colour;
  }
}

/** The look of cells users type in (INPUT_STYLE). */
function markInput(format: Excel.RangeFormat, rows: number, columns: number): void {
  format.fill.color = INPUT_STYLE.fill;
  setBorders(format, INPUT_STYLE.border, edgesOf(rows, columns));
}

/** The font every cell names, at the top of its row (see FONT). */
export function queueBaseFormat(list: WriteQueue, sheet: () => Excel.Worksheet, address: string): void {
  list.add(() => {
    const format = sheet().getRange(address).format;
    format.font.name = FONT.name;
    format.font.size = FONT.size;
    format.verticalAlignment = "Top";
  }, address);
}

/**
 * Writes `rows` at `topLeft` with Range.formulas: one 2-D block, cut between rows only where a
 * sync's 4 MB budget runs out (so small tables are always written in one block).
 */
export function queueFormulaRows(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  topLeft: CellRef,
  rows: FormulaInput[][],
): void {
  if (rows.length === 0) return;
  const width = rows[0].length;
  list.addRows(rows, (from, to) => {
    const address = blockAddress({ row: topLeft.row + from, column: topLeft.column }, to - from, width);
    sheet().getRange(address).formulas = rows.slice(from, to);
  });
}

/**
 * Writes a block of cells (`width` columns of `rows` at `topLeft`) column by column: a column of
 * one formula shape as ONE R1C1 formula set on the whole column, the other columns, in runs of
 * neighbours, as 2-D Range.formulas blocks (queueFormulaRows). Setting a single value on a
 * multi-cell range applies it to every cell: the Range reference said so ("If the argument is a
 * single value, it will be applied to all cells in the range", quoted in
 * office-js-docs-reference#578), an Office.js docs maintainer confirmed that formulas,
 * numberFormat and values take a single value although the typings say any[][]
 * (office-js-docs-pr#2013), and in R1C1 the relative references mean the same cells from every
 * row, so each row reads its own (VBA's Range.FormulaR1C1: "Setting the formula of a
 * multiple-cell range fills all cells in the range with the formula"). Checking a column is a
 * pass over all its rows: the pacer gets a step after each.
 */
export async function queueCellColumns(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  topLeft: CellRef,
  rows: readonly (readonly CellSpec[])[],
  width: number,
  pacer: Pacer = UNPACED,
): Promise<void> {
  if (rows.length === 0 || width === 0) return;
  let runStart = -1;
  const flush = (end: number): void => {
    if (runStart < 0) return;
    const from = runStart;
    const block = toFormulaRows(
      rows.map((row) => row.slice(from, end)),
      end - from,
    );
    queueFormulaRows(list, sheet, { row: topLeft.row, column: topLeft.column + from }, block);
    runStart = -1;
  };
  for (let c = 0; c < width; c++) {
    await pacer.step();
    const r1c1 = columnR1C1(rows, c, topLeft.row, topLeft.column);
    if (r1c1 === null) {
      if (runStart < 0) runStart = c;
      continue;
    }
    flush(c);
    const address = blockAddress({ row: topLeft.row, column: topLeft.column + c }, rows.length, 1);
    list.add(() => {
      // The typings give any[][]; a single value is what fills the range (see above).
      sheet().getRange(address).formulasR1C1 = r1c1 as unknown as string[][];
    }, r1c1);
  }
  flush(width);
}

/**
 * One number format for every cell of `address`, as the 2-D array Range.numberFormat is
 * documented to take (a single string is not: office-js-docs-reference#578). Cut between rows
 * like any large write, so a 100× plan's column still fits the request budget.
 */
export function queueNumberFormat(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  address: string,
  format: string,
): void {
  const [first, last = first] = address.split(":");
  const from = parseCell(first);
  const to = parseCell(last);
  const columns = to.column - from.column + 1;
  // Every row is the same: one array, repeated when the write is queued (a 5,800-row column
  // would otherwise be 5,800 arrays made and measured while the pane waits).
  const row = new Array<string>(columns).fill(format);
  list.addRepeatedRows(to.row - from.row + 1, row, (start, end) => {
    const part = blockAddress({ row: from.row + start, column: from.column }, end - start, columns);
    sheet().getRange(part).numberFormat = Array.from({ length: end - start }, () => row);
  });
}

export function tableTopLeft(table: TableSpec): CellRef {
  return parseCell(table.topLeft);
}

/** Body rows as Excel holds them (a table always has at least one body row). */
export function tableBodyRowCount(table: TableSpec): number {
  return Math.max(table.rows.length, 1);
}

/** The body cells of column `index` of `table`. */
export function tableColumnBodyAddress(table: TableSpec, index: number): string {
  const top = tableTopLeft(table);
  return blockAddress({ row: top.row + 1, column: top.column + index }, tableBodyRowCount(table), 1);
}

/** Header row and the table object over header + body; the body is written later. */
export function queueTableCreation(list: WriteQueue, sheet: () => Excel.Worksheet, table: TableSpec): void {
  const top = tableTopLeft(table);
  const headers = [table.columns.map((c) => literalText(c.header))];
  const headerAddress = blockAddress(top, 1, table.columns.length);
  const tableAddress = blockAddress(top, 1 + tableBodyRowCount(table), table.columns.length);
  list.add(() => {
    sheet().getRange(headerAddress).formulas = headers;
  }, headers);
  list.add(
    () => {
      const created = sheet().tables.add(tableAddress, true);
      created.name = table.name;
      created.style = table.style;
      created.showTotals = false;
    },
    tableAddress,
    table.name,
    table.style,
  );
}

/**
 * All body rows of the table (formulas for formula cells, quoted literals for text), then each
 * column's number format. Formats go after the content: Excel stores a formula written into a
 * "@" (text) cell as text, and its own guess (a date format for =TODAY()) must not win.
 */
export async function queueTableBody(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  table: TableSpec,
  pacer: Pacer = UNPACED,
): Promise<void> {
  if (table.rows.length === 0) return;
  const top = tableTopLeft(table);
  await queueCellColumns(
    list,
    sheet,
    { row: top.row + 1, column: top.column },
    table.rows,
    table.columns.length,
    pacer,
  );
  for (const [index, column] of table.columns.entries()) {
    await pacer.step();
    const body = tableColumnBodyAddress(table, index);
    const perRow = column.cellNumberFormats;
    if (perRow && perRow.some((f) => f !== perRow[0])) {
      // A consuntivo column mixes percents, dates and plain numbers, row by row.
      const formats = perRow.map((f) => [f]);
      list.add(() => {
        sheet().getRange(body).numberFormat = formats;
      }, formats);
    } else {
      const format = perRow?.[0] ?? column.numberFormat;
      if (format !== "General") queueNumberFormat(list, sheet, body, format);
    }
  }
}

/** Widths, wrapping, hidden helper columns and unlocked input cells of a table's columns. */
export function queueTableColumnFormats(list: WriteQueue, sheet: () => Excel.Worksheet, table: TableSpec): void {
  const top = tableTopLeft(table);
  queueBaseFormat(list, sheet, blockAddress(top, 1 + tableBodyRowCount(table), table.columns.length));
  table.columns.forEach((column, index) => {
    const whole = wholeColumnAddress(top.column + index);
    const body = tableColumnBodyAddress(table, index);
    if (column.width !== undefined) {
      const points = charsToPoints(column.width);
      list.add(() => {
        sheet().getRange(whole).format.columnWidth = points;
      }, points);
    }
    if (column.wrap) {
      const withHeader = blockAddress({ row: top.row, column: top.column + index }, 1 + tableBodyRowCount(table), 1);
      list.add(() => {
        sheet().getRange(withHeader).format.wrapText = true;
      });
    }
    if (isHidden(column)) {
      list.add(() => {
        sheet().getRange(whole).columnHidden = true;
      });
    }
    if (isEditable(column)) {
      list.add(() => {
        const format = sheet().getRange(body).format;
        format.protection.locked = false;
        markInput(format, tableBodyRowCount(table), 1);
      });
    }
  });
}

/** The block a RangeSpec covers, padded to its widest row. */
export function rangeShape(spec: RangeSpec): { topLeft: CellRef; rows: number; columns: number } {
  const columns = spec.rows.reduce((max, row) => Math.max(max, row.length), 0);
  return { topLeft: parseCell(spec.topLeft), rows: spec.rows.length, columns };
}

export function rangeFormats(spec: RangeSpec, rows: number, columns: number): string[][] | null {
  if (spec.numberFormat === undefined) return null;
  if (typeof spec.numberFormat === "string") {
    const format = spec.numberFormat;
    return Array.from({ length: rows }, () => new Array<string>(columns).fill(format));
  }
  return spec.numberFormat.map((row) => Array.from({ length: columns }, (_, c) => row[c] ?? "General"));
}

export function queueRange(list: WriteQueue, sheet: () => Excel.Worksheet, spec: RangeSpec): void {
  const { topLeft, rows, columns } = rangeShape(spec);
  if (rows === 0 || columns === 0) return;
  const address = blockAddress(topLeft, rows, columns);
  queueFormulaRows(list, sheet, topLeft, toFormulaRows(spec.rows, columns));
  if (typeof spec.numberFormat === "string") {
    queueNumberFormat(list, sheet, address, spec.numberFormat);
  } else {
    const formats = rangeFormats(spec, rows, columns);
    if (formats) {
      list.add(() => {
        sheet().getRange(address).numberFormat = formats;
      }, formats);
    }
  }
  queueBaseFormat(list, sheet, address);
  const { bold, fontSize, wrap, unlocked, italic, fill, fontColor, indent, border, input } = spec;
  list.add(
    () => {
      const format = sheet().getRange(address).format;
      if (bold !== undefined) format.font.bold = bold;
      if (fontSize !== undefined) format.font.size = fontSize;
      if (italic !== undefined) format.font.italic = italic;
      if (fontColor !== undefined) format.font.color = fontColor;
      if (fill !== undefined) format.fill.color = fill;
      if (wrap !== undefined) format.wrapText = wrap;
      if (border) setBorders(format, BORDER_COLOUR, edgesOf(rows, columns));
      if (input) markInput(format, rows, columns);
      if (unlocked) format.protection.locked = false;
    },
    spec.fill,
    spec.fontColor,
  );
  if (indent !== undefined) {
    const first = blockAddress(topLeft, rows, 1);
    list.add(() => {
      sheet().getRange(first).format.indentLevel = indent;
    });
  }
}
