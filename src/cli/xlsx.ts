// The .xlsx face of a WorkbookDescription, written with exceljs for people who open the workbook
// without the add-in (OIV reviewers, LibreOffice users): the same sheets, tables, native formulas,
// formats, rules and protection the Office.js adapter writes, computed by the spreadsheet on load.
// Also reads the actuals typed into such a workbook back out (`pira export-actuals`).
//
// What exceljs 4.4 cannot write is added to the zip afterwards (stopIfTrue on conditional formats,
// workbook names with comments, and the charts, as DrawingML parts from src/xlsx/charts.ts).
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   exceljs objects, not Office.js proxies: these rules mistake its getRow/getCell for Office.js calls. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { emptyObjective, type Actual, type Actuals, type Indicator, type Plan, type Target } from "../domain/model";
import { parseTarget } from "../domain/targets";
import { HEADERS, SHEETS } from "../workbook/build";
import type {
  CellSpec,
  ConditionalFormatSpec,
  NameSpec,
  RangeSpec,
  SheetSpec,
  TableSpec,
  ValidationSpec,
  WorkbookDescription,
} from "../workbook/types";
import { isEditable, isFormula } from "../workbook/types";
import { parseCell } from "../workbook/address";
// The Office.js adapter's checks and rules, shared so that both adapters refuse and hide alike.
import { checkDescription } from "../excel/checkDescription";
import { isHidden } from "../excel/commands";
import { addCharts } from "../xlsx/charts";

// Functions newer than Excel 2007 are stored with the "_xlfn." prefix in the file; without it
// Excel and LibreOffice show #NAME?. The builder avoids them today; this keeps a new formula honest.
const FUTURE_FUNCTIONS = new Set([
  "AGGREGATE",
  "CEILING.MATH",
  "CONCAT",
  "DAYS",
  "FLOOR.MATH",
  "IFNA",
  "IFS",
  "ISOWEEKNUM",
  "MAXIFS",
  "MINIFS",
  "SWITCH",
  "TEXTJOIN",
  "XOR",
]);
const FUNCTION_CALL_RE = /("(?:[^"]|"")*"|'(?:[^']|'')*')|(?<![\w.])([A-Za-z][A-Za-z0-9.]*)(?=\()/g;
// A quick test first: tens of thousands of formulas of the 100× plan call none of them.
const MAY_CALL_FUTURE = new RegExp(`(?:${[...FUTURE_FUNCTIONS].map((f) => f.replace(".", "\\.")).join("|")})\\(`, "i");

/** "=IF(A1>0,1,0)" → "IF(A1>0,1,0)" as the file stores it (no "=", "_xlfn." where due). */
export function fileFormula(formula: string): string {
  if (!formula.startsWith("=")) throw new Error(`Formula senza "=" iniziale: «${formula}»`);
  const body = formula.slice(1);
  if (!MAY_CALL_FUTURE.test(body)) return body;
  return body.replace(FUNCTION_CALL_RE, (whole: string, literal: string | undefined, name: string | undefined) =>
    literal === undefined && name !== undefined && FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `_xlfn.${name}` : whole,
  );
}

type CellValue = ExcelJS.CellValue;

/** A CellSpec as an exceljs value: strings stay text (a leading "=" included), formulas carry no cached result. */
export function cellValue(cell: CellSpec): CellValue {
  if (cell === null || typeof cell === "string" || typeof cell === "boolean") return cell;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new Error(`Numero non valido nella descrizione: ${cell}`);
    return cell;
  }
  if (isFormula(cell)) return { formula: fileFormula(cell.formula) } as ExcelJS.CellFormulaValue;
  throw new Error(`Cella non riconosciuta: ${JSON.stringify(cell)}`);
}

function argb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Colore non valido: «${hex}»`);
  return `FF${m[1].toUpperCase()}`;
}

/**
 * Column width in the file: characters plus Excel's 5-pixel padding, in 1/256ths, which is what
 * the Office.js adapter's (chars·7+5)·0.75 points amounts to. (exceljs would also drop a bare 9,
 * its own default width, although Excel's is 8.43.)
 */
export function fileColumnWidth(chars: number): number {
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}

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
    rows: rows.map((row) => table.columns.map((_c, i) => cellValue(i < row.length ? row[i] : null))),
  });
  table.columns.forEach((column, index) => {
    const col = ws.getColumn(top.column + index + 1);
    if (column.width !== undefined) col.width = fileColumnWidth(column.width);
    if (isHidden(column)) col.hidden = true;
    const formats = column.cellNumberFormats;
    if (column.wrap) ws.getCell(top.row + 1, top.column + index + 1).alignment = { wrapText: true };
    for (let r = 0; r < rows.length; r++) {
      const cell = ws.getCell(top.row + 2 + r, top.column + index + 1);
      cell.numFmt = formats?.[r] ?? column.numberFormat;
      if (column.wrap) cell.alignment = { wrapText: true };
      if (isEditable(column)) cell.protection = { locked: false };
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
  range.rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(top.row + r + 1, top.column + c + 1);
      cell.value = cellValue(c < row.length ? row[c] : null);
      const format = rangeFormat(range, r, c);
      if (format !== undefined) cell.numFmt = format;
      if (range.bold !== undefined || range.fontSize !== undefined) {
        cell.font = {
          ...(range.bold !== undefined ? { bold: range.bold } : {}),
          ...(range.fontSize !== undefined ? { size: range.fontSize } : {}),
        };
      }
      if (range.wrap !== undefined) cell.alignment = { wrapText: range.wrap };
      if (range.unlocked) cell.protection = { locked: false };
    }
  });
}

/** Priorities as the Office.js adapter sets them: the rule's rank on its sheet, in description order. */
function orderedRules(rules: readonly ConditionalFormatSpec[]): ConditionalFormatSpec[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => a.rule.priority - b.rule.priority || a.index - b.index)
    .map((entry) => entry.rule);
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
  if (sheet.print) {
    ws.pageSetup = {
      orientation: sheet.print.orientation,
      ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    };
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

function xmlAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Workbook names, written by hand: exceljs knows only cell-range names and no comments. */
function definedNamesXml(names: readonly NameSpec[]): string {
  if (names.length === 0) return "";
  const items = names.map((n) => {
    const comment = n.comment ? ` comment="${xmlAttr(n.comment)}"` : "";
    return `<definedName name="${xmlAttr(n.name)}"${comment}>${xmlText(n.refersTo.replace(/^=/, ""))}</definedName>`;
  });
  return `<definedNames>${items.join("")}</definedNames>`;
}

/** Adds to exceljs' zip what it cannot express: stopIfTrue flags and the workbook names. */
async function patchZip(
  buffer: Buffer,
  stopIfTrue: number[][],
  names: readonly NameSpec[],
  sheets: readonly SheetSpec[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  for (let i = 0; i < stopIfTrue.length; i++) {
    if (stopIfTrue[i].length === 0) continue;
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const file = zip.file(path);
    if (file === null) throw new Error(`Manca ${path} nel file scritto da exceljs.`);
    const flagged = new Set(stopIfTrue[i]);
    const xml = (await file.async("string")).replace(/<cfRule ([^>]*?)priority="(\d+)"/g, (whole, before, p) =>
      flagged.has(Number(p)) ? `<cfRule ${before}priority="${p}" stopIfTrue="1"` : whole,
    );
    zip.file(path, xml);
  }
  if (names.length > 0) {
    const path = "xl/workbook.xml";
    const xml = await zip.file(path)!.async("string");
    if (!xml.includes("</sheets>") || xml.includes("<definedNames")) {
      throw new Error("Struttura inattesa di xl/workbook.xml scritto da exceljs.");
    }
    zip.file(path, xml.replace("</sheets>", `</sheets>${definedNamesXml(names)}`));
  }
  await addCharts(zip, sheets);
  // Level 3: half the time of the default 6 on the 100× plan, for a file about a fifth larger.
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 3 } });
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

export interface CellProblem {
  /** Sheet-qualified address, e.g. "Indicatori!I5". */
  cell: string;
  /** Plain Italian. */
  message: string;
}

export interface WorkbookActuals {
  /** The indicators, years and targets the Indicatori sheet holds (enough to format the CSV). */
  plan: Plan;
  actuals: Actuals;
  problems: CellProblem[];
}

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;
const HEADER_SCAN_ROWS = 20;

/** A cell as an Actual: numbers on Excel's scale, dates as serials (exceljs reads them as Date). */
function actualOf(value: CellValue): Actual | { error: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (value instanceof Date) return UNIX_EPOCH_SERIAL + value.getTime() / DAY_MS;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return actualOf(value.richText.map((r) => r.text).join(""));
  if ("text" in value) return actualOf(String(value.text));
  return { error: "valore non riconosciuto" };
}

/** A typed value, or what a formula typed into the cell computed when the file was last saved. */
function cellActual(cell: ExcelJS.Cell): Actual | { error: string } {
  // cell.result, not cell.value.result: exceljs drops falsy results (0, FALSE) from cell.value.
  if (cell.type === ExcelJS.ValueType.Formula) return actualOf((cell.result ?? null) as CellValue);
  return actualOf(cell.value);
}

function text(value: CellValue): string {
  const v = actualOf(value);
  return v === null || typeof v === "object" ? "" : String(v).trim();
}

/** The file is not a workbook this project made. */
export class WorkbookFormatError extends Error {}

/**
 * Reads the actuals typed into the Indicatori sheet of a workbook made by `pira build` or the
 * add-in: one "Consuntivo YYYY" column per year, rows until the first without an indicator id.
 * Throws WorkbookFormatError (Italian) when the file is not such a workbook.
 */
export async function readWorkbookActuals(data: Buffer): Promise<WorkbookActuals> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new WorkbookFormatError("non è una cartella di lavoro Excel (.xlsx) leggibile.");
  }
  const ws = wb.getWorksheet(SHEETS.indicators);
  if (ws === undefined) {
    throw new WorkbookFormatError(
      `manca il foglio «${SHEETS.indicators}»: non è un cruscotto creato da pira build o dal componente aggiuntivo.`,
    );
  }
  let headerRow = 0;
  for (let r = 1; r <= HEADER_SCAN_ROWS && headerRow === 0; r++) {
    if (text(ws.getRow(r).getCell(1).value) === HEADERS.indicatorId) headerRow = r;
  }
  if (headerRow === 0) {
    throw new WorkbookFormatError(`nel foglio «${SHEETS.indicators}» manca la colonna «${HEADERS.indicatorId}».`);
  }
  const actualColumns = new Map<number, number>();
  const targetColumns = new Map<number, number>();
  ws.getRow(headerRow).eachCell((cell, column) => {
    const header = text(cell.value);
    for (const [re, into] of [
      [/^Consuntivo (\d{4})$/, actualColumns],
      [/^Target (\d{4})$/, targetColumns],
    ] as const) {
      const m = re.exec(header);
      if (m) into.set(Number(m[1]), column);
    }
  });
  const years = [...actualColumns.keys()].sort((a, b) => a - b);
  if (years.length === 0) {
    throw new WorkbookFormatError(`nel foglio «${SHEETS.indicators}» non ci sono colonne «Consuntivo AAAA».`);
  }

  const indicators: Indicator[] = [];
  const actuals: Actuals = {};
  const problems: CellProblem[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = text(row.getCell(1).value);
    if (id === "") break;
    const targets: Record<string, Target | null> = {};
    for (const year of years) {
      const targetColumn = targetColumns.get(year);
      targets[String(year)] = targetColumn === undefined ? null : parseTarget(text(row.getCell(targetColumn).value));
      const cell = row.getCell(actualColumns.get(year)!);
      const actual = cellActual(cell);
      if (actual !== null && typeof actual === "object") {
        problems.push({ cell: `${SHEETS.indicators}!${cell.address}`, message: `${id}, ${year}: ${actual.error}.` });
      } else if (actual !== null) {
        (actuals[id] ??= {})[String(year)] = actual;
      }
    }
    indicators.push({ id, name: "", common: false, weight: 0, targets });
  }
  const plan: Plan = {
    title: "",
    date: "",
    years,
    areas: [],
    objectives: [emptyObjective(0, "", indicators)],
    diagnostics: [],
  };
  return { plan, actuals, problems };
}
