// Builders of pending commands for one sheet. Nothing here syncs: each function only appends
// `queue` closures (run later, in order, by SyncLedger.run) with the size of their arguments.
import type {
  ChartSpec,
  ConditionalFormatSpec,
  ProtectionSpec,
  RangeSpec,
  SheetSpec,
  TableSpec,
  ValidationSpec,
} from "../workbook/types";
import { isEditable } from "../workbook/types";
import { checkValidationTexts, isHidden, orderedRules } from "../workbook/checks";
import { blockAddress, parseCell, splitSheetAddress, wholeColumnAddress, type CellRef } from "../workbook/address";
import { WriteQueue } from "./batch";
import { literalText, toFormulaRows, type FormulaInput } from "./cells";

/** Resolves a sheet proxy when a command runs (the sheet may be added by an earlier command). */
export type SheetResolver = (name: string) => Excel.Worksheet;

/** Column width in characters (the description's unit) → points (Office.js' unit), Calibri 11. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
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
 * One number format for every cell of `address`. Office.js applies a single value to the whole
 * range ("If the argument is a single value, it will be applied to all cells in the range", Range
 * reference; Microsoft's snippets do `range.numberFormat = "d-mmm"`), although the typings only
 * declare 2-D arrays: a column's format then costs a few bytes instead of one string per row.
 */
export function queueNumberFormat(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  address: string,
  format: string,
): void {
  list.add(() => {
    sheet().getRange(address).numberFormat = format as unknown as string[][];
  }, format);
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
export function queueTableBody(list: WriteQueue, sheet: () => Excel.Worksheet, table: TableSpec): void {
  if (table.rows.length === 0) return;
  const top = tableTopLeft(table);
  queueFormulaRows(
    list,
    sheet,
    { row: top.row + 1, column: top.column },
    toFormulaRows(table.rows, table.columns.length),
  );
  table.columns.forEach((column, index) => {
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
  });
}

/** Widths, wrapping, hidden helper columns and unlocked input cells of a table's columns. */
export function queueTableColumnFormats(list: WriteQueue, sheet: () => Excel.Worksheet, table: TableSpec): void {
  const top = tableTopLeft(table);
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
        sheet().getRange(body).format.protection.locked = false;
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
  const { bold, fontSize, wrap, unlocked } = spec;
  if (bold !== undefined || fontSize !== undefined || wrap !== undefined || unlocked) {
    list.add(() => {
      const format = sheet().getRange(address).format;
      if (bold !== undefined) format.font.bold = bold;
      if (fontSize !== undefined) format.font.size = fontSize;
      if (wrap !== undefined) format.wrapText = wrap;
      if (unlocked) format.protection.locked = false;
    });
  }
}

export function queueColumnWidths(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  widths: Record<string, number>,
): void {
  for (const [letters, chars] of Object.entries(widths)) {
    const points = charsToPoints(chars);
    const address = `${letters}:${letters}`;
    list.add(() => {
      sheet().getRange(address).format.columnWidth = points;
    }, points);
  }
}

/** Custom (formula) rules, added in the shared order (orderedRules), each with its rank as priority. */
export function queueConditionalFormats(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  rules: readonly ConditionalFormatSpec[],
): void {
  orderedRules(rules).forEach((rule, rank) => {
    list.add(
      () => {
        const cf = sheet().getRange(rule.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = rule.style.fill;
        cf.custom.format.font.color = rule.style.font;
        cf.stopIfTrue = rule.stopIfTrue;
        // Last: add() puts the rule on top, and after a priority change the proxy must not be reused.
        cf.priority = rank;
      },
      rule.range,
      rule.formula,
      rule.style,
    );
  });
}

function validationRule(spec: ValidationSpec): Excel.DataValidationRule {
  switch (spec.type) {
    case "decimal":
      if (spec.min !== undefined && spec.max !== undefined) {
        return { decimal: { formula1: spec.min, formula2: spec.max, operator: Excel.DataValidationOperator.between } };
      }
      if (spec.max !== undefined) {
        return { decimal: { formula1: spec.max, operator: Excel.DataValidationOperator.lessThanOrEqualTo } };
      }
      // Without bounds the rule still refuses text: any number ≥ the smallest Excel accepts.
      return {
        decimal: { formula1: spec.min ?? -9.99e307, operator: Excel.DataValidationOperator.greaterThanOrEqualTo },
      };
    case "date":
      return { date: { formula1: "1900-01-01", operator: Excel.DataValidationOperator.greaterThanOrEqualTo } };
    case "list":
      // Office.js takes the source as comma-separated text: a value with a comma would split.
      for (const value of spec.values) {
        if (value.includes(",")) throw new Error(`Valore di elenco con virgola non ammesso: «${value}»`);
      }
      return { list: { inCellDropDown: true, source: spec.values.join(",") } };
    case "custom":
      return { custom: { formula: spec.formula } };
  }
}

export function queueValidations(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  specs: readonly ValidationSpec[],
): void {
  for (const spec of specs) {
    checkValidationTexts(spec);
    const rule = validationRule(spec);
    const prompt: Excel.DataValidationPrompt = {
      showPrompt: true,
      title: spec.prompt.title,
      message: spec.prompt.message,
    };
    const errorAlert: Excel.DataValidationErrorAlert = {
      showAlert: true,
      style: Excel.DataValidationAlertStyle.stop,
      title: spec.error.title,
      message: spec.error.message,
    };
    list.add(
      () => {
        const validation = sheet().getRange(spec.range).dataValidation;
        validation.rule = rule;
        validation.prompt = prompt;
        validation.errorAlert = errorAlert;
      },
      spec.range,
      rule,
      prompt,
      errorAlert,
    );
  }
}

export function queueCharts(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  resolveSheet: SheetResolver,
  charts: readonly ChartSpec[],
): void {
  for (const spec of charts) {
    const values = splitSheetAddress(spec.values);
    const categories = splitSheetAddress(spec.categories);
    list.add(() => {
      const source = resolveSheet(values.sheet).getRange(values.address);
      const chart = sheet().charts.add(Excel.ChartType.barClustered, source, Excel.ChartSeriesBy.columns);
      chart.title.text = spec.title;
      chart.legend.visible = false;
      const series = chart.series.getItemAt(0);
      series.name = spec.seriesName;
      series.setXAxisValues(resolveSheet(categories.sheet).getRange(categories.address));
      chart.setPosition(spec.from, spec.to);
    }, spec);
  }
}

export function queueFreeze(list: WriteQueue, sheet: () => Excel.Worksheet, freeze: SheetSpec["freeze"]): void {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return;
  const { rows, columns } = freeze;
  list.add(() => {
    const panes = sheet().freezePanes;
    if (rows > 0 && columns > 0) panes.freezeAt(blockAddress({ row: 0, column: 0 }, rows, columns));
    else if (rows > 0) panes.freezeRows(rows);
    else panes.freezeColumns(columns);
  });
}

/** Page orientation and fit to width (ExcelApi 1.9: the caller checks the host supports it). */
export function queuePrint(list: WriteQueue, sheet: () => Excel.Worksheet, print: SheetSpec["print"]): void {
  if (!print) return;
  list.add(() => {
    const layout = sheet().pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  });
}

export function protectionOptions(spec: ProtectionSpec): Excel.WorksheetProtectionOptions {
  return {
    allowAutoFilter: spec.allowAutoFilter,
    allowSort: spec.allowSort,
    allowFormatColumns: spec.allowFormatColumns,
  };
}

export function queueProtect(list: WriteQueue, sheet: () => Excel.Worksheet, spec: ProtectionSpec): void {
  if (!spec.protect) return;
  const options = protectionOptions(spec);
  list.add(() => {
    // An empty password means none: passing "" would still be a password on some hosts.
    if (spec.password) sheet().protection.protect(options, spec.password);
    else sheet().protection.protect(options);
  }, options);
}
