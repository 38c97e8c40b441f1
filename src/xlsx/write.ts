// The .xlsx face of a WorkbookDescription, written with exceljs for people who open the workbook
// without the add-in (OIV reviewers, LibreOffice users): the same sheets, tables, native formulas,
// formats, rules and protection the Office.js adapter writes, computed by the spreadsheet on load.
//
// What exceljs 4.4 cannot write is added to the zip afterwards (names.ts: stopIfTrue on conditional
// formats, workbook names with comments, and the charts as DrawingML parts from charts.ts).
import ExcelJS from "exceljs";
import { cellAddress, parseCell } from "../workbook/address";
import { columnR1C1 } from "../workbook/r1c1";
// The checks and rules both adapters share, so that they refuse, order and hide alike.
import { checkDescription, isHidden, orderedRules } from "../workbook/checks";
import type {
  CellSpec,
  ConditionalFormatSpec,
  RangeSpec,
  SheetSpec,
  TableSpec,
  HeaderFooterSpec,
  ValidationSpec,
  WorkbookDescription,
} from "../workbook/types";
import { isEditable } from "../workbook/types";
import { BORDER_COLOUR, FONT, INPUT_STYLE } from "../workbook/format";
import { MARGINS } from "../workbook/print";
import { argb, cellValue, fileColumnWidth, fileFormula, type CellValue } from "./cells";
import { patchZip } from "./names";

const THIN = (hex: string): Partial<ExcelJS.Border> => ({ style: "thin", color: { argb: argb(hex) } });

function box(hex: string): Partial<ExcelJS.Borders> {
  return { top: THIN(hex), left: THIN(hex), bottom: THIN(hex), right: THIN(hex) };
}

function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

/** The look of cells users type in (INPUT_STYLE). */
function inputStyle(): Partial<ExcelJS.Style> {
  return { fill: solid(INPUT_STYLE.fill), border: box(INPUT_STYLE.border) };
}

/**
 * The cell values of a table body. A column whose formulas are all one shape (one R1C1 formula,
 * r1c1.ts) is one shared formula: the first body cell holds it, the others name that cell
 * (exceljs writes <f t="shared" ref=… si=…>), so the 100× plan's sheet carries each score
 * formula once instead of 5,800 times. Excel, LibreOffice and openpyxl read shared formulas.
 */
function tableValues(table: TableSpec, rows: readonly CellSpec[][]): CellValue[][] {
  const top = parseCell(table.topLeft);
  const shared = table.columns.map((_c, c): string | null =>
    columnR1C1(rows, c, top.row + 1, top.column) === null ? null : cellAddress(top.row + 1, top.column + c),
  );
  return rows.map((row, r) =>
    table.columns.map((_c, c) => {
      const master = shared[c];
      if (master !== null && r > 0) return { sharedFormula: master } as ExcelJS.CellSharedFormulaValue;
      return cellValue(c < row.length ? row[c] : null);
    }),
  );
}

// Cells get whole style objects shared by every cell that looks alike (per column and number
// format, per range): exceljs numbers styles by object identity first (a WeakMap), so a shared
// object costs one look-up where a fresh one per cell was serialised and compared each time.
// Nothing mutates a style after it is set (no cell.font = …), so sharing is safe.

function writeTable(ws: ExcelJS.Worksheet, table: TableSpec): void {
  const top = parseCell(table.topLeft);
  // A table always has a body row; an empty one is a row of blanks, as Excel makes it.
  const rows = table.rows.length > 0 ? table.rows : [table.columns.map((): CellSpec => null)];
  ws.addTable({
    name: table.name,
    ref: table.topLeft,
    headerRow: true,
    totalsRow: false,
    style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: tableValues(table, rows),
  });
  table.columns.forEach((column, index) => {
    const col = ws.getColumn(top.column + index + 1);
    if (column.width !== undefined) col.width = fileColumnWidth(column.width);
    if (isHidden(column)) col.hidden = true;
    const formats = column.cellNumberFormats;
    // Every cell names its font (LibreOffice would otherwise pick its own) and sits at the top,
    // so a one-line cell lines up with the first line of a wrapped neighbour.
    const alignment: Partial<ExcelJS.Alignment> = { vertical: "top", ...(column.wrap ? { wrapText: true } : {}) };
    const font: Partial<ExcelJS.Font> = { name: FONT.name, size: FONT.size };
    ws.getCell(top.row + 1, top.column + index + 1).style = { alignment, font: { ...font, bold: true } };
    const styles = new Map<string, Partial<ExcelJS.Style>>();
    const styleOf = (numFmt: string): Partial<ExcelJS.Style> => {
      let style = styles.get(numFmt);
      if (!style) {
        style = {
          numFmt,
          alignment,
          font,
          ...(isEditable(column) ? { protection: { locked: false }, ...inputStyle() } : {}),
        };
        styles.set(numFmt, style);
      }
      return style;
    };
    for (let r = 0; r < rows.length; r++) {
      ws.getCell(top.row + 2 + r, top.column + index + 1).style = styleOf(formats?.[r] ?? column.numberFormat);
    }
  });
}

function rangeFormat(range: RangeSpec, r: number, c: number): string | undefined {
  if (range.numberFormat === undefined) return undefined;
  if (typeof range.numberFormat === "string") return range.numberFormat;
  return range.numberFormat[r]?.[c] ?? "General";
}

function writeRange(ws: ExcelJS.Worksheet, range: RangeSpec): void {
  const top = parseCell(range.topLeft);
  const width = range.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const font: Partial<ExcelJS.Font> = {
    name: FONT.name,
    size: range.fontSize ?? FONT.size,
    ...(range.bold !== undefined ? { bold: range.bold } : {}),
    ...(range.italic !== undefined ? { italic: range.italic } : {}),
    ...(range.fontColor !== undefined ? { color: { argb: argb(range.fontColor) } } : {}),
  };
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (format: string | undefined, first: boolean): Partial<ExcelJS.Style> => {
    const key = `${first ? 1 : 0}${format ?? ""}`;
    let style = styles.get(key);
    if (!style) {
      style = {
        ...(format !== undefined ? { numFmt: format } : {}),
        font,
        alignment: {
          vertical: "top",
          ...(range.wrap !== undefined ? { wrapText: range.wrap } : {}),
          ...(range.indent !== undefined && first ? { indent: range.indent } : {}),
        },
        ...(range.fill !== undefined ? { fill: solid(range.fill) } : {}),
        ...(range.border ? { border: box(BORDER_COLOUR) } : {}),
        ...(range.input ? inputStyle() : {}),
        ...(range.unlocked ? { protection: { locked: false } } : {}),
      };
      styles.set(key, style);
    }
    return style;
  };
  range.rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(top.row + r + 1, top.column + c + 1);
      cell.value = cellValue(c < row.length ? row[c] : null);
      const style = styleOf(rangeFormat(range, r, c), c === 0);
      // A cell an earlier range or table styled keeps what this range does not state.
      // eslint-disable-next-line office-addins/call-sync-before-read -- an exceljs cell, not an Office.js proxy
      cell.style = Object.keys(cell.style).length > 0 ? { ...cell.style, ...style } : style;
    }
  });
}

function writeConditionalFormats(ws: ExcelJS.Worksheet, rules: readonly ConditionalFormatSpec[]): number[] {
  const stopIfTrue: number[] = [];
  orderedRules(rules).forEach((rule, rank) => {
    const priority = rank + 1;
    const colour = { argb: argb(rule.style.fill) };
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: "expression",
          priority,
          formulae: [fileFormula(rule.formula)],
          style: {
            // Solid fills in a differential format take their colour from bgColor (Excel) or fgColor (older readers).
            fill: { type: "pattern", pattern: "solid", fgColor: colour, bgColor: colour },
            font: { color: { argb: argb(rule.style.font) } },
          },
        },
      ],
    });
    if (rule.stopIfTrue) stopIfTrue.push(priority);
  });
  return stopIfTrue;
}

function validationRule(spec: ValidationSpec): Pick<ExcelJS.DataValidation, "type" | "operator" | "formulae"> {
  switch (spec.type) {
    case "decimal":
      if (spec.min !== undefined && spec.max !== undefined) {
        return { type: "decimal", operator: "between", formulae: [spec.min, spec.max] };
      }
      if (spec.max !== undefined) return { type: "decimal", operator: "lessThanOrEqual", formulae: [spec.max] };
      // Without bounds the rule still refuses text: any number ≥ the smallest Excel accepts.
      return { type: "decimal", operator: "greaterThanOrEqual", formulae: [spec.min ?? -9.99e307] };
    case "date":
      // exceljs turns a date formula into a serial; 1899-12-31 is serial 1 (1900-01-01 in Excel).
      return { type: "date", operator: "greaterThanOrEqual", formulae: [new Date(Date.UTC(1899, 11, 31))] };
    case "list":
      for (const value of spec.values) {
        if (value.includes(",") || value.includes('"')) {
          throw new Error(`Valore di elenco con virgola o virgolette non ammesso: «${value}»`);
        }
      }
      return { type: "list", formulae: [`"${spec.values.join(",")}"`] };
    case "custom":
      return { type: "custom", formulae: [fileFormula(spec.formula)] };
  }
}

// exceljs keeps range-wide rules in worksheet.dataValidations (one <dataValidation> per range), which
// its typings leave out; cell.dataValidation would store one rule per cell.
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function writeValidations(ws: ExcelJS.Worksheet, specs: readonly ValidationSpec[]): void {
  const { dataValidations } = ws as unknown as RangeValidations;
  for (const spec of specs) {
    dataValidations.add(spec.range, {
      ...validationRule(spec),
      allowBlank: true,
      showInputMessage: true,
      promptTitle: spec.prompt.title,
      prompt: spec.prompt.message,
      showErrorMessage: true,
      errorStyle: "stop", // ST_DataValidationErrorStyle: stop|warning|information ("error" is not one)
      errorTitle: spec.error.title,
      error: spec.error.message,
    });
  }
}

/** "&L…&C…&R…", the file's form of a header or footer. */
function headerFooterCode(spec: HeaderFooterSpec): string {
  return `&L${spec.left}&C${spec.center}&R${spec.right}`;
}

async function writeSheet(wb: ExcelJS.Workbook, sheet: SheetSpec): Promise<number[]> {
  const ws = wb.addWorksheet(
    sheet.name,
    sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {},
  );
  for (const table of sheet.tables) writeTable(ws, table);
  for (const range of sheet.ranges) writeRange(ws, range);
  // After the tables, as the Office.js adapter does: sheet-level widths win.
  for (const [letters, width] of Object.entries(sheet.columnWidths ?? {}))
    ws.getColumn(letters).width = fileColumnWidth(width);
  const stopIfTrue = writeConditionalFormats(ws, sheet.conditionalFormats);
  writeValidations(ws, sheet.validations);
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
  }
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = height;
  if (sheet.print) {
    const print = sheet.print;
    // Print titles and areas are workbook names (_xlnm.*), written with the others (names.ts).
    ws.pageSetup = {
      orientation: print.orientation,
      paperSize: print.paperSize as ExcelJS.PageSetup["paperSize"],
      scale: print.scale ?? 100,
      fitToPage: false,
      margins: { ...MARGINS },
    };
    // addPageBreak() puts the break after the row: the page starts at the next one.
    for (const row of print.pageBreaks ?? []) ws.getRow(row - 1).addPageBreak();
    ws.headerFooter = {
      oddHeader: headerFooterCode(print.header),
      oddFooter: headerFooterCode(print.footer),
    } as ExcelJS.HeaderFooter;
  }
  if (sheet.protection.protect) {
    await ws.protect(sheet.protection.password, {
      selectLockedCells: true,
      selectUnlockedCells: true,
      autoFilter: sheet.protection.allowAutoFilter,
      sort: sheet.protection.allowSort,
      formatColumns: sheet.protection.allowFormatColumns,
    });
  }
  return stopIfTrue;
}

/**
 * Writes the description as an .xlsx. Formula cells carry no cached value and the file asks for
 * a full calculation on load, so Excel and LibreOffice show their own results. Charts are added
 * to the zip afterwards (exceljs 4.4 has no chart support).
 */
export async function writeXlsx(description: WorkbookDescription): Promise<Buffer> {
  checkDescription(description);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cruscotto PIRA";
  wb.calcProperties.fullCalcOnLoad = true;
  const stopIfTrue: number[][] = [];
  for (const sheet of description.sheets) stopIfTrue.push(await writeSheet(wb, sheet));
  // The zip is compressed once, after patching.
  const raw = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions));
  return patchZip(raw, stopIfTrue, description.names, description.sheets);
}
