// What a sheet gets on the write queue besides its cells and tables: column widths, conditional
// formats, validations, charts, frozen panes, page layout and protection.
import { blockAddress, splitSheetAddress } from "../workbook/address";
import { checkValidationTexts, orderedRules } from "../workbook/checks";
import type { ChartSpec, ConditionalFormatSpec, ProtectionSpec, SheetSpec, ValidationSpec } from "../workbook/types";
import { MARGINS } from "../workbook/print";
import { charsToPoints, type SheetResolver, type WriteQueue } from "./writeQueue";

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

/** Inches (as the file stores margins) → points (Office.js' unit). */
function points(inches: number): number {
  return Math.round(inches * 72 * 100) / 100;
}

/** Office.js' name of a paper size code of the description (only A4 is used). */
const PAPER: Record<number, Excel.PaperType> = { 9: "A4" as Excel.PaperType };

/**
 * Page setup (ExcelApi 1.9: the caller checks the host supports it): A4, orientation, the zoom
 * computed for one page width, margins, print titles and area, header and footer.
 */
export function queuePrint(list: WriteQueue, sheet: () => Excel.Worksheet, print: SheetSpec["print"]): void {
  if (!print) return;
  const paper = PAPER[print.paperSize];
  if (paper === undefined) throw new Error(`Formato di carta non previsto: ${print.paperSize}`);
  list.add(() => {
    const layout = sheet().pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = paper;
    layout.zoom = { scale: print.scale ?? 100 };
    layout.leftMargin = points(MARGINS.left);
    layout.rightMargin = points(MARGINS.right);
    layout.topMargin = points(MARGINS.top);
    layout.bottomMargin = points(MARGINS.bottom);
    layout.headerMargin = points(MARGINS.header);
    layout.footerMargin = points(MARGINS.footer);
    if (print.titleRows) layout.setPrintTitleRows(print.titleRows);
    if (print.titleColumns) layout.setPrintTitleColumns(print.titleColumns);
    if (print.printArea) layout.setPrintArea(print.printArea);
    // A horizontal break is added above the cell given: the page starts at that row.
    for (const row of print.pageBreaks ?? []) sheet().horizontalPageBreaks.add(`A${row}`);
    const pages = layout.headersFooters.defaultForAllPages;
    pages.leftHeader = print.header.left;
    pages.centerHeader = print.header.center;
    pages.rightHeader = print.header.right;
    pages.leftFooter = print.footer.left;
    pages.centerFooter = print.footer.center;
    pages.rightFooter = print.footer.right;
  }, print);
}

/**
 * Excel sizes the rows that hold wrapped text to that text (the .xlsx writer writes the heights
 * the description estimates; a live workbook knows its fonts better).
 */
export function queueAutofitRows(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  heights: SheetSpec["rowHeights"],
): void {
  const rows = Object.keys(heights ?? {})
    .map(Number)
    .sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
    if (rows.length === 0) break;
    const address = `A${rows[start] + 1}:A${rows[i - 1] + 1}`;
    list.add(() => sheet().getRange(address).format.autofitRows(), address);
    start = i;
  }
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
