// A recording fake of the subset of Office.js' Excel API that src/excel uses.
//
// Like Office.js, calls on proxies only queue commands; `context.sync()` runs them in order
// against an in-memory workbook, and the first failing command rejects the sync with an
// Office.js-like error ({ name: "RichApi.Error", code, debugInfo }). Properties are readable
// only after load() + sync() (PropertyNotLoaded otherwise). Every write is recorded with its
// sheet, address and payload (UTF-8 JSON bytes of its arguments), and each sync's request size
// is kept, so tests can assert round trips and request sizes.
//
// Plain TypeScript with no Node or jest API: the task-pane end-to-end page bundles it too.
// Fidelity is deliberately conservative: where Office.js refuses something (writing a locked
// cell of a protected sheet, protect() on a protected sheet, a 2-D array that does not match
// the range, a table name in use), the fake refuses too. Formulas are not calculated: a formula
// cell's value is "" unless `evaluate` is given.

// ---------------------------------------------------------------- errors

import { jsonBytes } from "../../src/excel/batch";
import { columnIndex, columnLetter } from "../../src/workbook/address";
import { fillA1, r1c1ToA1 } from "./formulaFill";

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(code: string, message: string, errorLocation = "") {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

function fail(code: string, message: string, location = ""): never {
  throw new FakeOfficeError(code, message, location);
}

function notLoaded(property: string): never {
  fail(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function unsupported(what: string): never {
  throw new Error(`recordingExcel: ${what} is not supported by the fake`);
}

// ---------------------------------------------------------------- enums (same values as Office.js)

export const fakeEnums = {
  ConditionalFormatType: {
    custom: "Custom",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
    containsText: "ContainsText",
    cellValue: "CellValue",
  },
  ChartType: {
    barClustered: "BarClustered",
    barStacked: "BarStacked",
    columnClustered: "ColumnClustered",
    columnStacked: "ColumnStacked",
    line: "Line",
    pie: "Pie",
  },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  DataValidationOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqualTo: "GreaterThanOrEqualTo",
    lessThanOrEqualTo: "LessThanOrEqualTo",
  },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound",
    generalException: "GeneralException",
  },
} as const;

// ---------------------------------------------------------------- addresses

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Parses "A1", "$A$1:B9", "A:C" or "2:4" (no sheet part). */
export function parseAddress(address: string): Rect {
  const parts = address.replace(/\$/g, "").trim().toUpperCase().split(":");
  if (parts.length > 2) fail("InvalidArgument", `Bad address ${address}`);
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  const [a, b = parts[0]] = parts;
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[2]) - 1;
    const r2 = Number(m2[2]) - 1;
    const c1 = columnIndex(m1[1]);
    const c2 = columnIndex(m2[1]);
    return checkRect(
      { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 },
      address,
    );
  }
  m1 = col.exec(a);
  m2 = col.exec(b);
  if (m1 && m2 && parts.length === 2) {
    const c1 = columnIndex(m1[1]);
    const c2 = columnIndex(m2[1]);
    return checkRect({ row: 0, column: Math.min(c1, c2), rows: MAX_ROWS, columns: Math.abs(c2 - c1) + 1 }, address);
  }
  m1 = row.exec(a);
  m2 = row.exec(b);
  if (m1 && m2 && parts.length === 2) {
    const r1 = Number(m1[1]) - 1;
    const r2 = Number(m2[1]) - 1;
    return checkRect({ row: Math.min(r1, r2), column: 0, rows: Math.abs(r2 - r1) + 1, columns: MAX_COLUMNS }, address);
  }
  fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
}

function checkRect(rect: Rect, address: string): Rect {
  if (rect.row < 0 || rect.column < 0 || rect.row + rect.rows > MAX_ROWS || rect.column + rect.columns > MAX_COLUMNS) {
    fail("InvalidArgument", `Address out of the sheet: ${address}`);
  }
  return rect;
}

export function rectAddress(rect: Rect): string {
  if (rect.rows === MAX_ROWS) return `${columnLetter(rect.column)}:${columnLetter(rect.column + rect.columns - 1)}`;
  if (rect.columns === MAX_COLUMNS) return `${rect.row + 1}:${rect.row + rect.rows}`;
  const first = `${columnLetter(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return first;
  return `${first}:${columnLetter(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.row && r < outer.row + outer.rows && c >= outer.column && c < outer.column + outer.columns;
}

function isWholeLine(rect: Rect): boolean {
  return rect.rows === MAX_ROWS || rect.columns === MAX_COLUMNS;
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

// ---------------------------------------------------------------- payload

// The adapter's own measure (UTF-8 length of the JSON body), so fake and adapter count alike.
export const payloadBytes = jsonBytes;

// ---------------------------------------------------------------- workbook model

export type CellValue = string | number | boolean;

export type CellContent =
  | { kind: "text"; value: string; quotePrefix: boolean }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "formula"; formula: string };

export interface CellModel {
  content: CellContent | null;
  numberFormat: string;
  locked: boolean;
  wrapText: boolean;
  bold: boolean;
  fontSize: number;
  fontColor: string;
  fillColor: string;
  fontName: string;
  italic: boolean;
  verticalAlignment: string;
  indentLevel: number;
  /** Border edges set, by edge name ("EdgeTop"), with their colour. */
  borders: Record<string, string>;
}

/** What a test reads back from a cell. */
export interface CellSnapshot {
  /** As Range.values returns it ("" when empty; the evaluated value, or "", for formulas). */
  value: CellValue;
  formula: string | null;
  kind: CellContent["kind"] | "empty";
  quotePrefix: boolean;
  numberFormat: string;
  locked: boolean;
  wrapText: boolean;
  bold: boolean;
  fontSize: number;
}

function defaultCell(): CellModel {
  return {
    content: null,
    numberFormat: "General",
    locked: true,
    wrapText: false,
    bold: false,
    fontSize: 11,
    fontColor: "#000000",
    fillColor: "",
    fontName: "Calibri",
    italic: false,
    verticalAlignment: "Bottom",
    indentLevel: 0,
    borders: {},
  };
}

export interface ConditionalFormatModel {
  type: string;
  rect: Rect;
  formula: string | null;
  fillColor: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

export interface ValidationModel {
  rect: Rect;
  rule: Excel.DataValidationRule | null;
  prompt: Excel.DataValidationPrompt | null;
  errorAlert: Excel.DataValidationErrorAlert | null;
}

export interface ChartSeriesModel {
  name: string;
  values: { sheet: string; address: string };
  xValues: { sheet: string; address: string } | null;
}

export interface ChartModel {
  type: string;
  title: string;
  legendVisible: boolean;
  series: ChartSeriesModel[];
  from: string | null;
  to: string | null;
}

export interface ProtectionModel {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  password: string | undefined;
}

const DEFAULT_COLUMN_WIDTH = 48;

let lastObjectId = 0;
/** Office.js gives worksheets and tables an id that survives renames ("{GUID}" for sheets). */
function nextObjectId(kind: string): string {
  lastObjectId++;
  return `{${kind}-${String(lastObjectId).padStart(8, "0")}}`;
}

export interface PrintModel {
  orientation: "Portrait" | "Landscape";
  zoom?: Excel.PageLayoutZoomOptions;
  paperSize?: string;
  margins: Record<string, number>;
  titleRows?: string;
  titleColumns?: string;
  printArea?: string;
  pageBreaks?: number[];
  header: Record<string, string>;
  footer: Record<string, string>;
}

export class SheetModel {
  readonly id = nextObjectId("sheet");
  readonly cells = new Map<number, CellModel>();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** In priority order: index 0 is the highest priority. */
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly validations: ValidationModel[] = [];
  readonly charts: ChartModel[] = [];
  tabColor = "";
  freeze = { rows: 0, columns: 0 };
  print: PrintModel = { orientation: "Portrait", margins: {}, header: {}, footer: {} };
  /** Rows (0-based) Excel was asked to autofit. */
  readonly autofitRows = new Set<number>();
  protection: ProtectionModel = { protected: false, options: {}, password: undefined };

  constructor(
    public name: string,
    private readonly book: WorkbookModel,
  ) {}

  private key(r: number, c: number): number {
    return r * MAX_COLUMNS + c;
  }

  cellAt(r: number, c: number): CellModel {
    return this.cells.get(this.key(r, c)) ?? defaultCell();
  }

  /** The stored cell, created on first write. */
  mutableCell(r: number, c: number): CellModel {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = defaultCell();
      this.cells.set(k, cell);
    }
    return cell;
  }

  valueAt(r: number, c: number): CellValue {
    const content = this.cellAt(r, c).content;
    if (!content) return "";
    if (content.kind === "formula") {
      return this.book.evaluate ? this.book.evaluate(content.formula, this.name, `${columnLetter(c)}${r + 1}`) : "";
    }
    return content.value;
  }

  formulaAt(r: number, c: number): CellValue {
    const content = this.cellAt(r, c).content;
    return content?.kind === "formula" ? content.formula : this.valueAt(r, c);
  }

  /** Snapshot of one cell, for assertions. */
  cell(address: string): CellSnapshot {
    const rect = parseAddress(address);
    const model = this.cellAt(rect.row, rect.column);
    const content = model.content;
    return {
      value: this.valueAt(rect.row, rect.column),
      formula: content?.kind === "formula" ? content.formula : null,
      kind: content ? content.kind : "empty",
      quotePrefix: content?.kind === "text" ? content.quotePrefix : false,
      numberFormat: model.numberFormat,
      locked: model.locked,
      wrapText: model.wrapText,
      bold: model.bold,
      fontSize: model.fontSize,
    };
  }

  /** Simulates a user typing into a cell (no request, no recording); Excel's protection applies. */
  type(address: string, input: CellValue): void {
    const rect = parseAddress(address);
    const cell = this.mutableCell(rect.row, rect.column);
    if (this.protection.protected && cell.locked) {
      throw new Error(`La cella ${address} di ${this.name} è protetta`);
    }
    const content = interpretInput(input, cell.numberFormat);
    if (content !== "unchanged") cell.content = content;
    this.book.emitChanged(this, address);
  }

  columnWidth(column: string): number {
    return this.columnWidths.get(columnIndex(column)) ?? DEFAULT_COLUMN_WIDTH;
  }

  isColumnHidden(column: string): boolean {
    return this.hiddenColumns.has(columnIndex(column));
  }

  /** Cells holding something. */
  filledCells(): number {
    let n = 0;
    for (const cell of this.cells.values()) if (cell.content) n++;
    return n;
  }

  tables(): TableModel[] {
    return this.book.tables.filter((t) => t.sheet === this);
  }
}

export class TableModel {
  readonly id = nextObjectId("table");
  style = "TableStyleMedium2";
  showTotals = false;
  constructor(
    public name: string,
    public sheet: SheetModel,
    /** Header row included. */
    public rect: Rect,
  ) {}

  headerRect(): Rect {
    return { ...this.rect, rows: 1 };
  }

  bodyRect(): Rect {
    return { ...this.rect, row: this.rect.row + 1, rows: this.rect.rows - 1 };
  }

  headers(): string[] {
    return Array.from({ length: this.rect.columns }, (_, i) =>
      String(this.sheet.valueAt(this.rect.row, this.rect.column + i)),
    );
  }
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
}

export interface WriteRecord {
  op: string;
  sheet: string;
  address: string;
  payloadBytes: number;
  /** 1-based sync that carried the write. */
  sync: number;
}

export interface RecordingLog {
  syncs: number;
  /** Per sync: the summed payload of the writes it carried. */
  requestBytes: number[];
  writes: WriteRecord[];
  /** Syncs (1-based) whose batch called suspendApiCalculationUntilNextSync(). */
  calculationSuspendedIn: number[];
  /** Syncs (1-based) whose batch called suspendScreenUpdatingUntilNextSync(), once each. */
  screenUpdatingSuspendedIn: number[];
  /** Syncs (1-based) whose batch asked for application.calculate(), with the type asked. */
  calculations: { sync: number; type: string }[];
  /** Per sync: UTF-8 JSON bytes of what its loads returned (Excel on the web refuses responses over 5 MB). */
  responseBytes: number[];
  /** Load commands executed (reads). */
  loads: number;
  /** Syncs (1-based) that an injected fault made fail. */
  failedSyncs: number[];
  /** Per sync: the operation of each command it carried ("load" for reads), in order. */
  batches: string[][];
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: NameModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** worksheet.onChanged handlers, by the sheet they were added on (they die with it, as in Excel). */
  readonly changeHandlers: { sheet: SheetModel; handler: (event: Excel.WorksheetChangedEventArgs) => unknown }[] = [];

  /** Tells the sheet's onChanged handlers, after the current task, as Excel raises events. */
  emitChanged(sheet: SheetModel, address: string): void {
    const handlers = this.changeHandlers.filter((h) => h.sheet === sheet && this.sheets.includes(sheet));
    if (handlers.length === 0) return;
    const event = {
      address,
      changeType: "RangeEdited",
      source: "Local",
      type: "WorksheetChanged",
      worksheetId: sheet.name,
    } as unknown as Excel.WorksheetChangedEventArgs;
    setTimeout(() => {
      for (const h of handlers) void h.handler(event);
    }, 0);
  }

  /** How NamedItem.formula shows a name's formula (a localised Excel rewrites it); as stored when unset. */
  localiseNameFormula?: (formula: string) => string;

  constructor(readonly evaluate?: (formula: string, sheet: string, address: string) => CellValue) {}

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  /** Like WorksheetCollection.getItem(key): a name or an id. */
  findSheetByKey(key: string): SheetModel | undefined {
    return this.findSheet(key) ?? this.sheets.find((s) => s.id === key);
  }

  sheet(name: string): SheetModel {
    const found = this.findSheet(name);
    if (!found) throw new Error(`recordingExcel: no sheet «${name}» (have ${this.sheetNames().join(", ")})`);
    return found;
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => sameName(t.name, name));
  }

  name(name: string): NameModel | undefined {
    return this.names.find((n) => sameName(n.name, name));
  }

  /**
   * Everything a user could see, as plain data (for "the workbook is as it was" assertions):
   * sheets in order with every stored cell, rules, charts, panes and protection; tables; names;
   * the active sheet. Object ids are left out: a rolled-back workbook may hold equal new objects.
   */
  snapshot(): unknown {
    const sorted = <T>(map: Map<number, T>) => [...map.entries()].sort((a, b) => a[0] - b[0]);
    return {
      sheets: this.sheets.map((sheet) => ({
        name: sheet.name,
        tabColor: sheet.tabColor,
        protection: sheet.protection,
        freeze: sheet.freeze,
        print: sheet.print,
        cells: sorted(sheet.cells).map(([key, cell]) => [
          key,
          { ...cell, content: cell.content && { ...cell.content } },
        ]),
        columnWidths: sorted(sheet.columnWidths),
        hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
        conditionalFormats: sheet.conditionalFormats.map((cf) => ({ ...cf })),
        validations: sheet.validations.map((v) => JSON.parse(JSON.stringify(v)) as unknown),
        charts: JSON.parse(JSON.stringify(sheet.charts)) as unknown,
      })),
      tables: this.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        rect: t.rect,
        style: t.style,
        showTotals: t.showTotals,
      })),
      names: this.names.map((n) => ({ ...n })),
      activeSheet: this.activeSheet?.name ?? null,
    };
  }

  /** Adds a sheet directly (test setup). */
  addSheet(name: string): SheetModel {
    checkSheetName(name, this);
    const sheet = new SheetModel(name, this);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }
}

function checkSheetName(name: string, book: WorkbookModel, except?: SheetModel): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    fail("InvalidArgument", `The sheet name «${name}» is invalid.`, "Worksheet.name");
  }
  const other = book.findSheet(name);
  if (other && other !== except) {
    fail("ItemAlreadyExists", `A sheet named «${name}» already exists.`, "WorksheetCollection.add");
  }
}

function checkIdentifier(name: string, book: WorkbookModel, location: string, except?: unknown): void {
  // Names and table names: letter/underscore/backslash first, no spaces, not a cell reference.
  if (
    !/^[A-Za-z_\\\u00C0-\u024F][A-Za-z0-9_.\\\u00C0-\u024F]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d{1,7}$/.test(name) ||
    /^[Rr](\d+)?[Cc](\d+)?$/.test(name)
  ) {
    fail("InvalidArgument", `The name «${name}» is not valid.`, location);
  }
  const table = book.table(name);
  const named = book.name(name);
  if ((table && table !== except) || (named && named !== except)) {
    fail("ItemAlreadyExists", `The name «${name}» is already used.`, location);
  }
}

// ---------------------------------------------------------------- what a written string becomes

const ERROR_LITERALS = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"];
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function excelSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * What Excel stores for an input written through Range.values or Range.formulas, as if typed:
 * null leaves the cell unchanged; a leading apostrophe forces text (and is not stored);
 * "=" starts a formula; "+", "-" and "@" start one too unless a number follows; number-,
 * percent-, date-, boolean- and error-looking text is converted; in a "@" (text) cell every
 * string is stored as typed.
 */
export function interpretInput(input: unknown, numberFormat: string): CellContent | null | "unchanged" {
  if (input === null || input === undefined) return "unchanged";
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", `Invalid number ${input}`);
    return { kind: "number", value: input };
  }
  if (typeof input === "boolean") return { kind: "boolean", value: input };
  if (typeof input !== "string") fail("InvalidArgument", `Unsupported cell input ${JSON.stringify(input)}`);
  const s = input;
  if (s === "") return null;
  if (s.startsWith("'")) return { kind: "text", value: s.slice(1), quotePrefix: true };
  if (numberFormat === "@") return { kind: "text", value: s, quotePrefix: false };
  const t = s.trim();
  if (s.startsWith("=")) return { kind: "formula", formula: s };
  if (NUMBER_TEXT.test(t)) return { kind: "number", value: Number(t) };
  if (/%$/.test(t) && NUMBER_TEXT.test(t.slice(0, -1).trim())) {
    return { kind: "number", value: Number(t.slice(0, -1).trim()) / 100 };
  }
  if (s.startsWith("+") || s.startsWith("-") || s.startsWith("@")) {
    return { kind: "formula", formula: `=${s.startsWith("+") ? s.slice(1) : s}` };
  }
  if (/^(true|false)$/i.test(t)) return { kind: "boolean", value: t.toUpperCase() === "TRUE" };
  if (ERROR_LITERALS.includes(t.toUpperCase())) return { kind: "error", value: t.toUpperCase() };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { kind: "number", value: excelSerial(Number(m[1]), Number(m[2]), Number(m[3])) };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(t);
  if (m) return { kind: "number", value: excelSerial(Number(m[3]), Number(m[2]), Number(m[1])) };
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) {
    const [h, mi, se = "0"] = t.split(":");
    return { kind: "number", value: (Number(h) * 3600 + Number(mi) * 60 + Number(se)) / 86_400 };
  }
  return { kind: "text", value: s, quotePrefix: false };
}

/** Column names in the structured references of a formula, with the table each one names. */
function structuredReferences(formula: string): { table: string | null; columns: string[] }[] {
  const refs: { table: string | null; columns: string[] }[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      i++;
      while (i < formula.length && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (ch !== "[") {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && /[A-Za-z0-9_.\\\u00C0-\u024F]/.test(formula[start - 1])) start--;
    const prefix =
      start < i && /^[A-Za-z_\\\u00C0-\u024F]/.test(formula.slice(start, i)) ? [formula.slice(start, i)] : null;
    let depth = 0;
    let j = i;
    for (; j < formula.length; j++) {
      if (formula[j] === "'") {
        j++;
        continue;
      }
      if (formula[j] === "[") depth++;
      if (formula[j] === "]" && --depth === 0) break;
    }
    const inner = formula.slice(i + 1, j);
    const items = inner.includes("[") ? Array.from(inner.matchAll(/\[((?:[^\]']|'.)*)\]/g), (m) => m[1]) : [inner];
    const columns = items
      .map((item) => item.replace(/^@/, "").trim())
      .filter((item) => item !== "" && !item.startsWith("#"))
      .map((item) => item.replace(/'(.)/g, "$1"));
    refs.push({ table: prefix ? prefix[0] : null, columns });
    i = j + 1;
  }
  return refs;
}

/** Excel refuses formulas whose structured references name a missing table or column. */
function checkFormula(
  formula: string,
  sheet: SheetModel,
  row: number,
  column: number,
  book: WorkbookModel,
  checked: Set<string>,
): void {
  const home = book.tables.find((t) => t.sheet === sheet && contains(t.rect, row, column));
  // The same formula in the same table was already accepted (a table column repeats its formula).
  const key = `${home?.name ?? ""}\u0000${formula}`;
  if (checked.has(key)) return;
  for (const ref of structuredReferences(formula)) {
    const table = ref.table ? book.table(ref.table) : home;
    if (!table) {
      fail(
        "InvalidArgument",
        `The formula ${formula} refers to ${ref.table ? `the unknown table ${ref.table}` : "a table column outside any table"}.`,
        "Range.formulas",
      );
    }
    const headers = table.headers();
    for (const name of ref.columns) {
      if (!headers.some((h) => sameName(h, name))) {
        fail("InvalidArgument", `The formula ${formula} refers to the unknown column ${name} of ${table.name}.`);
      }
    }
  }
  checked.add(key);
}

// ---------------------------------------------------------------- request context

/**
 * What a command does at sync. A long one (a write over thousands of cells) is a generator that
 * yields between rows of work, so a sliced host can pause it (see RecordingOptions.hostSliceMs).
 */
type CommandRun = () => Iterator<void> | void;

interface Command {
  run: CommandRun;
  /** The write's operation ("worksheet.name", "formulas", …); undefined for reads. */
  op?: string;
}

/**
 * A host failure to inject. Office.js runs a batch's commands in order and stops at the first
 * that fails: "All other commands after the failed command in the batch are not executed", while
 * those before it stay applied (OfficeExtension.Error, learn.microsoft.com/javascript/api/office/
 * officeextension.error). So the fake applies a prefix of the batch, then rejects the sync.
 */
export type Fault =
  /** Sync `sync` (1-based) applies its first `applied` commands (all of them if larger), then fails. */
  | { sync: number; applied: number }
  /** The first command for which `matches` holds fails (counting every sync). */
  | { matches: (command: { op: string | undefined; sync: number; index: number }) => boolean };

function injectedError(where: string): FakeOfficeError {
  return new FakeOfficeError("GeneralException", `Errore simulato: ${where}.`, where);
}

interface Where {
  sheet: string;
  address: string;
}

export interface RecordingOptions {
  /** Sheets the workbook starts with (default: one sheet, "Foglio1"). */
  sheets?: string[];
  /** Values of formula cells as Range.values reports them (default ""). */
  evaluate?: (formula: string, sheet: string, address: string) => CellValue;
  /** Requests larger than this fail like Excel on the web (default 5 MB). */
  maxRequestBytes?: number;
  /**
   * In a browser page, give the event loop a turn after this many milliseconds of executing a batch.
   * Excel runs a batch in its own process (desktop) or on the server (web), never on the add-in's
   * main thread; without this the page would be blocked for the fake's own work, which real Excel
   * does not cost the pane. Unset (the default, and in every jest test), a batch runs in one go.
   */
  hostSliceMs?: number;
}

/**
 * What every request context of one fake host shares: the faults to inject, and the host's
 * queue of requests (Excel processes one request at a time, whichever context sent it).
 */
interface FakeHost {
  readonly faults: Fault[];
  /** Settles when the request being processed has been. */
  busy: Promise<void>;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Command[] = [];
  private pendingBytes = 0;
  private readonly faults: Fault[];

  /** Sync `sync` (1-based, counting from the fake's creation) applies `applied` commands, then fails. */
  failAtSync(sync: number, applied = 0): void {
    this.faults.push({ sync, applied });
  }

  /** The first command matching `matches` fails, its batch's earlier commands applied. */
  failOnCommand(matches: (command: { op: string | undefined; sync: number; index: number }) => boolean): void {
    this.faults.push({ matches });
  }

  /** Commands waiting for the next sync. */
  get pendingCommands(): number {
    return this.queue.length;
  }

  constructor(
    readonly book: WorkbookModel,
    readonly log: RecordingLog,
    private readonly maxRequestBytes: number,
    private readonly hostSliceMs?: number,
    private readonly host: FakeHost = { faults: [], busy: Promise.resolve() },
  ) {
    this.faults = host.faults;
    this.workbook = new FakeWorkbook(this);
  }

  /** Another context of the same host and workbook: what each Excel.run gets. */
  sibling(): FakeRequestContext {
    return new FakeRequestContext(this.book, this.log, this.maxRequestBytes, this.hostSliceMs, this.host);
  }

  enqueue(run: () => void): void {
    this.queue.push({ run });
  }

  /** Queues a long read or other command done in steps (see CommandRun). */
  enqueueSteps(run: () => Iterator<void>): void {
    this.queue.push({ run });
  }

  /** Queues a write: recorded at execution with where it landed. */
  write(op: string, args: unknown, where: () => Where, run: () => unknown): void {
    const record = this.recorder(op, args);
    this.queue.push({
      op,
      run: () => {
        const w = where();
        run();
        record(w);
      },
    });
  }

  /** Queues a long write, done in steps (it yields between them; see CommandRun). */
  writeInSteps(op: string, args: unknown, where: () => Where, steps: () => Iterator<void>): void {
    const record = this.recorder(op, args);
    this.queue.push({
      op,
      run: function* () {
        const w = where();
        const running = steps();
        while (!running.next().done) yield;
        record(w);
      },
    });
  }

  /** Counts a write's arguments towards the request and returns what logs it once it has run. */
  private recorder(op: string, args: unknown): (w: Where) => void {
    const bytes = payloadBytes(args);
    this.pendingBytes += bytes;
    return (w) => {
      this.log.writes.push({ op, sheet: w.sheet, address: w.address, payloadBytes: bytes, sync: this.log.syncs });
    };
  }

  markCalculationSuspended(): void {
    this.queue.push({
      run: () => {
        if (!this.log.calculationSuspendedIn.includes(this.log.syncs))
          this.log.calculationSuspendedIn.push(this.log.syncs);
      },
    });
  }

  markScreenUpdatingSuspended(): void {
    this.queue.push({
      run: () => {
        if (this.log.screenUpdatingSuspendedIn.includes(this.log.syncs)) {
          fail("InvalidOperation", "suspendScreenUpdatingUntilNextSync was called twice in one request.");
        }
        this.log.screenUpdatingSuspendedIn.push(this.log.syncs);
      },
    });
  }

  markCalculation(type: string): void {
    this.queue.push({
      run: () => {
        if (!["Recalculate", "Full", "FullRebuild"].includes(type))
          fail("InvalidArgument", `Bad calculation type ${type}`);
        this.log.calculations.push({ sync: this.log.syncs, type });
      },
    });
  }

  /** Counts what a load returned towards the running sync's response. */
  addResponse(value: unknown): void {
    this.log.responseBytes[this.log.syncs - 1] += payloadBytes(value);
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /**
   * Sends what is queued. Without slicing a request runs to the end at once; sliced, it waits for
   * the request before it (from any context) to finish, as Excel processes one at a time.
   */
  sync(): Promise<void> {
    const commands = this.queue;
    const bytes = this.pendingBytes;
    this.queue = [];
    this.pendingBytes = 0;
    if (this.hostSliceMs === undefined) return this.process(commands, bytes);
    const done = this.host.busy.then(() => this.process(commands, bytes));
    this.host.busy = done.catch(() => undefined);
    return done;
  }

  private async process(commands: Command[], bytes: number): Promise<void> {
    this.log.syncs++;
    this.log.requestBytes.push(bytes);
    this.log.responseBytes.push(0);
    if (bytes > this.maxRequestBytes) {
      fail("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes}) has exceeded the limit.`);
    }
    const sync = this.log.syncs;
    this.log.batches.push(commands.map((c) => c.op ?? "load"));
    const atSync = this.faults.find((f) => "sync" in f && f.sync === sync) as { applied: number } | undefined;
    let sliceStart = Date.now();
    // Only a sliced host awaits anything: unsliced, a request runs in one go, as before slicing existed.
    const sliced = this.hostSliceMs !== undefined;
    const pause = async (): Promise<void> => {
      if (this.hostSliceMs !== undefined && Date.now() - sliceStart >= this.hostSliceMs) {
        await new Promise((resume) => setTimeout(resume, 0));
        sliceStart = Date.now();
      }
    };
    for (let index = 0; index < commands.length; index++) {
      if (sliced) await pause();
      if (atSync && index >= atSync.applied) throw this.failed(`sincronizzazione ${sync}, comando ${index + 1}`);
      const command = commands[index];
      const matching = this.faults.findIndex((f) => "matches" in f && f.matches({ op: command.op, sync, index }));
      if (matching >= 0) {
        this.faults.splice(matching, 1);
        throw this.failed(`${command.op ?? "lettura"} nella sincronizzazione ${sync}`);
      }
      const steps = command.run();
      if (steps) while (!steps.next().done) if (sliced) await pause();
    }
    if (atSync) throw this.failed(`sincronizzazione ${sync}, dopo l'ultimo comando`);
  }

  private failed(where: string): FakeOfficeError {
    this.log.failedSyncs.push(this.log.syncs);
    return injectedError(where);
  }
}

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a));
  return loadPaths(arg.select);
}

abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(readonly context: FakeRequestContext) {}

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    const effective = paths.length > 0 ? paths : this.defaultLoad();
    this.context.enqueue(() => {
      this.context.log.loads++;
      this.loadNow(effective);
    });
    return this;
  }

  /** Runs at sync: snapshots the properties (and navigates "a/b" paths). */
  loadNow(paths: string[]): void {
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (rest.length > 0) this.navigate(head).loadNow([rest.join("/")]);
      else {
        const value = this.snapshot(head);
        this.context.addResponse(value);
        this.loaded.set(head, value);
      }
    }
  }

  protected defaultLoad(): string[] {
    return unsupported(`load() without properties on ${this.constructor.name}`);
  }

  protected navigate(property: string): FakeObject {
    return unsupported(`loading through ${this.constructor.name}.${property}`);
  }

  protected snapshot(property: string): unknown {
    return unsupported(`loading ${this.constructor.name}.${property}`);
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) notLoaded(property);
    return this.loaded.get(property) as T;
  }
}

/** A proxy for something that may not exist (getItemOrNullObject). */
abstract class FakeNullable<M> extends FakeObject {
  private bound: M | undefined;
  private nullState: boolean | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => M | undefined,
    private readonly describe: string,
    nullable: boolean,
  ) {
    super(context);
    if (nullable) {
      context.enqueue(() => {
        const found = this.locate();
        this.nullState = found === undefined;
        if (found !== undefined) this.bound = found;
      });
    }
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) notLoaded("isNullObject");
    return this.nullState;
  }

  /** False once the object was deleted: its proxy then fails like a stale Office.js path. */
  protected isAlive(_model: M): boolean {
    return true;
  }

  /** The model, bound at the first command that uses it (as Office.js binds object paths). */
  model(): M {
    if (this.bound !== undefined) {
      if (!this.isAlive(this.bound)) fail("ItemNotFound", `The object was deleted: ${this.describe}.`);
      return this.bound;
    }
    const found = this.locate();
    if (found === undefined) fail("ItemNotFound", `The requested resource doesn't exist: ${this.describe}.`);
    this.bound = found;
    return found;
  }

  override loadNow(paths: string[]): void {
    if (this.nullState === true) return;
    super.loadNow(paths);
  }
}

// ---------------------------------------------------------------- workbook, application

export class FakeApplication {
  constructor(private readonly context: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.markCalculationSuspended();
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.markScreenUpdatingSuspended();
  }
  calculate(calculationType: string): void {
    this.context.markCalculation(calculationType);
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.names = new FakeNamedItemCollection(context);
    this.application = new FakeApplication(context);
  }
}

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection extends FakeObject {
  private loadedItems: FakeWorksheet[] | undefined;

  protected override defaultLoad(): string[] {
    return ["items/name"];
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }

  override loadNow(paths: string[]): void {
    const book = this.context.book;
    this.loadedItems = book.sheets.map((sheet) => new FakeWorksheet(this.context, () => sheet, sheet.name, false));
    const itemPaths = paths.filter((p) => p === "items" || p.startsWith("items/")).map((p) => p.slice(6));
    for (const item of this.loadedItems) item.loadNow(itemPaths.map((p) => p || "name"));
  }

  add(name?: string): FakeWorksheet {
    const book = this.context.book;
    let created: SheetModel | undefined;
    const proxy = new FakeWorksheet(this.context, () => created, name ?? "(new sheet)", false);
    this.context.write(
      "worksheets.add",
      name ?? null,
      () => ({ sheet: created?.name ?? name ?? "", address: "" }),
      () => {
        let sheetName = name;
        if (sheetName === undefined) {
          let n = book.sheets.length + 1;
          while (book.findSheet(`Foglio${n}`)) n++;
          sheetName = `Foglio${n}`;
        }
        checkSheetName(sheetName, book);
        created = new SheetModel(sheetName, book);
        book.sheets.push(created);
      },
    );
    return proxy;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.findSheetByKey(key), `worksheet ${key}`, false);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.findSheetByKey(key), `worksheet ${key}`, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.activeSheet ?? undefined, "active worksheet", false);
  }
}

export interface FakeEventHandlerResult {
  context: FakeRequestContext;
  remove(): void;
}

export class FakeWorksheet extends FakeNullable<SheetModel> {
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;
  /** Page breaks (ExcelApi 1.9): add(cell) starts a page at that cell's row. */
  get horizontalPageBreaks(): { add: (cell: string) => void } {
    return {
      add: (cell: string) =>
        this.context.write(
          "horizontalPageBreaks.add",
          cell,
          () => this.where(cell),
          () => {
            const row = /^[A-Z]+(\d+)$/.exec(cell);
            if (!row) fail("InvalidArgument", `cella non valida: ${cell}`);
            this.model().print.pageBreaks = [...(this.model().print.pageBreaks ?? []), Number(row[1])];
          },
        ),
    };
  }
  readonly pageLayout: FakePageLayout;

  constructor(context: FakeRequestContext, locate: () => SheetModel | undefined, describe: string, nullable: boolean) {
    super(context, locate, describe, nullable);
    this.protection = new FakeWorksheetProtection(context, this);
    this.tables = new FakeTableCollection(context, this);
    this.charts = new FakeChartCollection(context, this);
    this.freezePanes = new FakeFreezePanes(context, this);
    this.pageLayout = new FakePageLayout(context, this);
  }

  protected override isAlive(model: SheetModel): boolean {
    return this.context.book.sheets.includes(model);
  }

  /** ExcelApi 1.7: registered at the next sync; remove() too, as Office.js does. */
  get onChanged(): { add(handler: (event: Excel.WorksheetChangedEventArgs) => unknown): FakeEventHandlerResult } {
    return {
      add: (handler) => {
        const entry = { sheet: undefined as unknown as SheetModel, handler };
        const handlers = this.context.book.changeHandlers;
        this.context.enqueue(() => {
          entry.sheet = this.model();
          handlers.push(entry);
        });
        return {
          context: this.context,
          remove: () =>
            this.context.enqueue(() => {
              const at = handlers.indexOf(entry);
              if (at >= 0) handlers.splice(at, 1);
            }),
        };
      },
    };
  }

  protected override defaultLoad(): string[] {
    return ["name", "position", "tabColor"];
  }

  protected override snapshot(property: string): unknown {
    const sheet = this.model();
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.context.book.sheets.indexOf(sheet);
      case "tabColor":
        return sheet.tabColor;
      case "visibility":
        return "Visible";
      default:
        return unsupported(`loading Worksheet.${property}`);
    }
  }

  protected override navigate(property: string): FakeObject {
    if (property === "protection") return this.protection;
    return super.navigate(property);
  }

  get name(): string {
    return this.read<string>("name");
  }

  set name(value: string) {
    const book = this.context.book;
    const model = (): SheetModel => this.model();
    this.context.writeInSteps(
      "worksheet.name",
      value,
      () => ({ sheet: value, address: "" }),
      function* () {
        const sheet = model();
        checkSheetName(value, book, sheet);
        yield* renameReferences(book, sheet.name, value);
        sheet.name = value;
      },
    );
  }

  get position(): number {
    return this.read<number>("position");
  }

  get id(): string {
    return this.read<string>("id");
  }

  get tabColor(): string {
    return this.read<string>("tabColor");
  }

  set tabColor(value: string) {
    this.context.write(
      "worksheet.tabColor",
      value,
      () => this.where(""),
      () => (this.model().tabColor = value),
    );
  }

  where(address: string): Where {
    return { sheet: this.model().name, address };
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) return unsupported("Worksheet.getRange() without an address");
    if (address.includes("!")) fail("InvalidArgument", `Worksheet.getRange takes a local address: ${address}`);
    const rect = parseAddress(address);
    return new FakeRange(this.context, () => ({ sheet: this.model(), rect }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const rect = checkRect({ row: startRow, column: startColumn, rows: rowCount, columns: columnCount }, "indexes");
    return new FakeRange(this.context, () => ({ sheet: this.model(), rect }));
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.model();
      let r1 = Infinity;
      let c1 = Infinity;
      let r2 = -1;
      let c2 = -1;
      for (const [key, cell] of sheet.cells) {
        if (valuesOnly && !cell.content) continue;
        const r = Math.floor(key / MAX_COLUMNS);
        const c = key % MAX_COLUMNS;
        r1 = Math.min(r1, r);
        c1 = Math.min(c1, c);
        r2 = Math.max(r2, r);
        c2 = Math.max(c2, c);
      }
      const rect =
        r2 < 0
          ? { row: 0, column: 0, rows: 1, columns: 1 }
          : { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
      return { sheet, rect };
    });
  }

  activate(): void {
    this.context.write(
      "worksheet.activate",
      null,
      () => this.where(""),
      () => {
        this.context.book.activeSheet = this.model();
      },
    );
  }

  delete(): void {
    const book = this.context.book;
    const model = (): SheetModel => this.model();
    this.context.writeInSteps(
      "worksheet.delete",
      null,
      () => this.where(""),
      function* () {
        const sheet = model();
        if (book.sheets.length === 1) {
          fail("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
        }
        book.sheets.splice(book.sheets.indexOf(sheet), 1);
        for (let i = book.tables.length - 1; i >= 0; i--) if (book.tables[i].sheet === sheet) book.tables.splice(i, 1);
        // Excel turns every reference to a deleted sheet into #REF!.
        yield* rewriteAllFormulas(book, (formula) => replaceSheetReference(formula, sheet.name, null));
        if (book.activeSheet === sheet) book.activeSheet = book.sheets[0];
      },
    );
  }
}

// Excel's documented behaviour on renames: "If you rename a column or table, Excel automatically
// changes the use of that table and column header in all structured references used in the
// workbook" (Using structured references with Excel tables, support.microsoft.com/office/
// f5ed2452-2337-4f71-bed3-c8ae6d2b276e); a renamed worksheet likewise keeps every reference to
// it, now spelled with the new name, in cell formulas, defined names, conditional formats, data
// validation and chart series. The fake applies both to every formula it keeps.

const IDENTIFIER_CHAR = /[A-Za-z0-9_.\\\u00C0-\u024F]/;

/**
 * `formula` with its references to sheet `from` spelled for `to` (`null`: the sheet was deleted,
 * and the reference becomes #REF!). Text in string literals is left alone.
 */
export function replaceSheetReference(formula: string, from: string, to: string | null): string {
  const quoted = `'${from.replace(/'/g, "''")}'!`;
  const bare = `${from}!`;
  const replacement = to === null ? "#REF!" : `${quoteSheet(to)}!`;
  if (!formula.toUpperCase().includes(from.toUpperCase())) return formula;
  return mapOutsideStrings(formula, (part) => {
    let out = "";
    for (let i = 0; i < part.length;) {
      const boundary = i === 0 || !IDENTIFIER_CHAR.test(part[i - 1]);
      if (part.slice(i, i + quoted.length).toUpperCase() === quoted.toUpperCase() && (i === 0 || part[i - 1] !== "'")) {
        out += replacement;
        i += quoted.length;
      } else if (boundary && part.slice(i, i + bare.length).toUpperCase() === bare.toUpperCase()) {
        out += replacement;
        i += bare.length;
      } else {
        out += part[i++];
      }
    }
    return out;
  });
}

/** `formula` with the structured references to table `from` naming `to`. */
export function replaceTableReference(formula: string, from: string, to: string): string {
  const target = `${from}[`;
  if (!formula.toUpperCase().includes(target.toUpperCase())) return formula;
  return mapOutsideStrings(formula, (part) => {
    let out = "";
    for (let i = 0; i < part.length;) {
      const boundary = i === 0 || !IDENTIFIER_CHAR.test(part[i - 1]);
      if (boundary && part.slice(i, i + target.length).toUpperCase() === target.toUpperCase()) {
        out += `${to}[`;
        i += target.length;
      } else {
        out += part[i++];
      }
    }
    return out;
  });
}

/** Applies `f` to the parts of `formula` outside "string literals". */
function mapOutsideStrings(formula: string, f: (part: string) => string): string {
  const pieces = formula.split(/("(?:[^"]|"")*")/);
  return pieces.map((piece, i) => (i % 2 === 1 ? piece : f(piece))).join("");
}

/** Every formula the workbook keeps, rewritten by `rewrite`; in steps of cells (see CommandRun). */
function* rewriteAllFormulas(book: WorkbookModel, rewrite: (formula: string) => string): Generator<void> {
  for (const n of book.names) n.formula = rewrite(n.formula);
  let cells = 0;
  for (const sheet of book.sheets) {
    for (const cell of sheet.cells.values()) {
      if (++cells % 128 === 0) yield;
      if (cell.content?.kind === "formula") cell.content.formula = rewrite(cell.content.formula);
    }
    for (const cf of sheet.conditionalFormats) if (cf.formula !== null) cf.formula = rewrite(cf.formula);
    for (const v of sheet.validations) {
      const custom = v.rule?.custom;
      if (custom && typeof custom.formula === "string") v.rule = { custom: { formula: rewrite(custom.formula) } };
    }
  }
}

function* renameReferences(book: WorkbookModel, from: string, to: string): Generator<void> {
  yield* rewriteAllFormulas(book, (formula) => replaceSheetReference(formula, from, to));
  for (const sheet of book.sheets) {
    for (const chart of sheet.charts) {
      for (const series of chart.series) {
        for (const source of [series.values, series.xValues])
          if (source && sameName(source.sheet, from)) source.sheet = to;
      }
    }
  }
}

function* renameTableReferences(book: WorkbookModel, from: string, to: string): Generator<void> {
  yield* rewriteAllFormulas(book, (formula) => replaceTableReference(formula, from, to));
}

export class FakeWorksheetProtection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }

  protected override snapshot(property: string): unknown {
    const model = this.sheet.model();
    if (property === "protected") return model.protection.protected;
    if (property === "options") return { ...model.protection.options };
    return unsupported(`loading WorksheetProtection.${property}`);
  }

  get protected(): boolean {
    return this.read<boolean>("protected");
  }

  get options(): Excel.WorksheetProtectionOptions {
    return this.read<Excel.WorksheetProtectionOptions>("options");
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.context.write(
      "protection.protect",
      { options, password },
      () => this.sheet.where(""),
      () => {
        const model = this.sheet.model();
        // Current Excel answers AccessDenied here (office-js#6784); older builds InvalidOperation.
        if (model.protection.protected)
          fail("AccessDenied", "The worksheet is already protected.", "WorksheetProtection.protect");
        model.protection = { protected: true, options: { ...(options ?? {}) }, password: password || undefined };
      },
    );
  }

  unprotect(password?: string): void {
    this.context.write(
      "protection.unprotect",
      { password },
      () => this.sheet.where(""),
      () => {
        const model = this.sheet.model();
        if (!model.protection.protected)
          fail("AccessDenied", "The worksheet is not protected.", "WorksheetProtection.unprotect");
        if ((model.protection.password ?? "") !== (password ?? "")) {
          fail("InvalidArgument", "The password is incorrect.", "WorksheetProtection.unprotect");
        }
        model.protection = { protected: false, options: {}, password: undefined };
      },
    );
  }
}

// ---------------------------------------------------------------- ranges

type Located = { sheet: SheetModel; rect: Rect };

function requireUnprotected(sheet: SheetModel, location: string, allowed = false): void {
  if (sheet.protection.protected && !allowed) {
    fail(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`,
      location,
    );
  }
}

function requireCells(rect: Rect, what: string): void {
  if (isWholeLine(rect)) unsupported(`${what} on whole rows or columns`);
}

/** A 2-D input must match the range exactly; a scalar applies to every cell. */
function cellsOf(input: unknown, rect: Rect, location: string): (r: number, c: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  if (input.length !== rect.rows || input.some((row) => !Array.isArray(row) || row.length !== rect.columns)) {
    const got = `${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : "?"}`;
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array (${got}) doesn't match the size or dimensions of the range (${rect.rows}×${rect.columns}).`,
      location,
    );
  }
  return (r, c) => (input[r] as unknown[])[c];
}

/**
 * Each cell's input of a content write, as Excel reads it: a formula in R1C1 is that cell's own
 * A1 formula (its offsets taken from the cell), and a single A1 formula set on several cells is
 * the top-left cell's, filled over the range (relative references move, absolute ones stay).
 */
function contentOf(
  op: "values" | "formulas" | "formulasR1C1",
  input: unknown,
  rect: Rect,
): (r: number, c: number) => unknown {
  const at = cellsOf(input, rect, `Range.${op}`);
  const isFormulaText = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");
  if (op === "formulasR1C1") {
    return (r, c) => {
      const v = at(r, c);
      return isFormulaText(v) ? r1c1ToA1(v, rect.row + r, rect.column + c) : v;
    };
  }
  if (!Array.isArray(input) && isFormulaText(input)) return (r, c) => fillA1(input, r, c);
  return at;
}

type GridProperty = "values" | "formulas" | "numberFormat";

function isGridProperty(property: string): property is GridProperty {
  return property === "values" || property === "formulas" || property === "numberFormat";
}

export class FakeRange extends FakeObject {
  private bound: Located | undefined;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => Located,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(context, this);
    this.dataValidation = new FakeDataValidation(context, this);
  }

  located(): Located {
    this.bound ??= this.locate();
    return this.bound;
  }

  where(): Where {
    const { sheet, rect } = this.located();
    return { sheet: sheet.name, address: rectAddress(rect) };
  }

  protected override defaultLoad(): string[] {
    return ["address", "rowCount", "columnCount", "values", "formulas", "numberFormat"];
  }

  /** Loads of values, formulas or number formats build their grid in steps of rows (a sliced host pauses between). */
  override load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    const effective = paths.length > 0 ? paths : this.defaultLoad();
    if (!effective.some(isGridProperty)) return super.load(arg);
    this.context.enqueueSteps(() => this.loadInSteps(effective));
    return this;
  }

  private *loadInSteps(paths: string[]): Iterator<void> {
    this.context.log.loads++;
    for (const path of paths) {
      if (!isGridProperty(path)) {
        this.loadNow([path]);
        continue;
      }
      const value = yield* this.gridSteps(path);
      this.context.addResponse(value);
      this.loaded.set(path, value);
    }
  }

  private *gridSteps(property: GridProperty): Generator<void, unknown[][]> {
    const { sheet, rect } = this.located();
    requireCells(rect, `reading ${property}`);
    const f =
      property === "values"
        ? (r: number, c: number) => sheet.valueAt(r, c)
        : property === "formulas"
          ? (r: number, c: number) => sheet.formulaAt(r, c)
          : (r: number, c: number) => sheet.cellAt(r, c).numberFormat;
    const grid: unknown[][] = [];
    for (let i = 0; i < rect.rows; i++) {
      if (i > 0 && i % 64 === 0) yield;
      grid.push(Array.from({ length: rect.columns }, (_, j) => f(rect.row + i, rect.column + j)));
    }
    return grid;
  }

  protected override snapshot(property: string): unknown {
    const { sheet, rect } = this.located();
    if (isGridProperty(property)) {
      const steps = this.gridSteps(property);
      for (;;) {
        const next = steps.next();
        if (next.done) return next.value;
      }
    }
    switch (property) {
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.columns;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "columnHidden":
        return Array.from({ length: rect.columns }, (_, j) => sheet.hiddenColumns.has(rect.column + j)).every(Boolean);
      default:
        return unsupported(`loading Range.${property}`);
    }
  }

  get address(): string {
    return this.read<string>("address");
  }
  get rowCount(): number {
    return this.read<number>("rowCount");
  }
  get columnCount(): number {
    return this.read<number>("columnCount");
  }
  get rowIndex(): number {
    return this.read<number>("rowIndex");
  }
  get columnIndex(): number {
    return this.read<number>("columnIndex");
  }
  get columnHidden(): boolean {
    return this.read<boolean>("columnHidden");
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Office.js types these as any[][]
  get values(): any[][] {
    return this.read("values");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(input: any[][]) {
    this.writeContent("values", input);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this.read("formulas");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulas(input: any[][]) {
    this.writeContent("formulas", input);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulasR1C1(input: any[][]) {
    this.writeContent("formulasR1C1", input);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this.read("numberFormat");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(input: any[][]) {
    this.context.write(
      "numberFormat",
      input,
      () => this.where(),
      () => {
        const { sheet, rect } = this.located();
        // The typings and the reference give Range.numberFormat as a 2-D array only
        // (office-js-docs-reference#578): a single string is refused, so no code relies on it.
        if (!Array.isArray(input))
          fail("InvalidArgument", "Range.numberFormat takes a 2-D array.", "Range.numberFormat");
        requireCells(rect, "numberFormat");
        requireUnprotected(sheet, "Range.numberFormat", sheet.protection.options.allowFormatCells);
        const at = cellsOf(input, rect, "Range.numberFormat");
        for (let i = 0; i < rect.rows; i++) {
          for (let j = 0; j < rect.columns; j++) {
            const format = at(i, j);
            if (format === null) continue;
            if (typeof format !== "string") fail("InvalidArgument", `Bad number format ${String(format)}`);
            sheet.mutableCell(rect.row + i, rect.column + j).numberFormat = format;
          }
        }
      },
    );
  }

  private writeContent(op: "values" | "formulas" | "formulasR1C1", input: unknown): void {
    this.context.writeInSteps(
      op,
      input,
      () => this.where(),
      () => this.applyContent(op, input),
    );
  }

  /** A content write at sync: checked whole, then applied; it yields after each row it checks. */
  private *applyContent(op: "values" | "formulas" | "formulasR1C1", input: unknown): Iterator<void> {
    const { sheet, rect } = this.located();
    requireCells(rect, op);
    const at = contentOf(op, input, rect);
    const book = this.context.book;
    // Check everything first: Excel applies a write entirely or not at all.
    const planned: [number, number, CellContent | null][] = [];
    const checked = new Set<string>();
    for (let i = 0; i < rect.rows; i++) {
      if (i > 0) yield;
      for (let j = 0; j < rect.columns; j++) {
        const r = rect.row + i;
        const c = rect.column + j;
        const cell = sheet.cellAt(r, c);
        const content = interpretInput(at(i, j), cell.numberFormat);
        if (content === "unchanged") continue;
        if (sheet.protection.protected && cell.locked) {
          fail(
            "AccessDenied",
            `The cell ${columnLetter(c)}${r + 1} of ${sheet.name} is protected and therefore read-only.`,
            `Range.${op}`,
          );
        }
        if (content?.kind === "formula") checkFormula(content.formula, sheet, r, c, book, checked);
        const header = book.tables.find((t) => t.sheet === sheet && contains(t.headerRect(), r, c));
        if (header && content?.kind !== "text") {
          fail("InvalidArgument", `Table headers hold text only (${columnLetter(c)}${r + 1}).`, `Range.${op}`);
        }
        planned.push([r, c, content]);
      }
    }
    for (const [r, c, content] of planned) sheet.mutableCell(r, c).content = content;
  }

  set columnHidden(hidden: boolean) {
    this.context.write(
      "columnHidden",
      hidden,
      () => this.where(),
      () => {
        const { sheet, rect } = this.located();
        requireUnprotected(sheet, "Range.columnHidden", sheet.protection.options.allowFormatColumns);
        for (let j = 0; j < rect.columns; j++) {
          if (hidden) sheet.hiddenColumns.add(rect.column + j);
          else sheet.hiddenColumns.delete(rect.column + j);
        }
      },
    );
  }

  private sub(f: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.located();
      return { sheet, rect: checkRect(f(rect), "derived range") };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.sub((r) => ({ row: r.row + row, column: r.column + column, rows: 1, columns: 1 }));
  }

  getColumn(column: number): FakeRange {
    return this.sub((r) => {
      if (column < 0 || column >= r.columns) fail("InvalidArgument", `Column ${column} is outside the range.`);
      return { ...r, column: r.column + column, columns: 1 };
    });
  }

  getRow(row: number): FakeRange {
    return this.sub((r) => {
      if (row < 0 || row >= r.rows) fail("InvalidArgument", `Row ${row} is outside the range.`);
      return { ...r, row: r.row + row, rows: 1 };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.sub((r) => ({ ...r, rows: r.rows + deltaRows, columns: r.columns + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.sub((r) => ({ ...r, row: r.row + rowOffset, column: r.column + columnOffset }));
  }

  getEntireColumn(): FakeRange {
    return this.sub((r) => ({ row: 0, column: r.column, rows: MAX_ROWS, columns: r.columns }));
  }

  select(): void {
    this.context.write(
      "range.select",
      null,
      () => this.where(),
      () => {
        const { sheet, rect } = this.located();
        if (this.context.book.activeSheet !== sheet) {
          fail("InvalidOperation", "Select is only valid on the active worksheet.", "Range.select");
        }
        this.context.book.selection = { sheet: sheet.name, address: rectAddress(rect) };
      },
    );
  }
}

/** Applies `apply` to every cell of the range, after the protection check. */
function forEachCell(range: FakeRange, location: string, apply: (cell: CellModel) => void, allowed?: boolean): void {
  const { sheet, rect } = range.located();
  requireCells(rect, location);
  requireUnprotected(sheet, location, allowed);
  for (let i = 0; i < rect.rows; i++)
    for (let j = 0; j < rect.columns; j++) apply(sheet.mutableCell(rect.row + i, rect.column + j));
}

export class FakeRangeBorders extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  getItem(edge: string): { style: string; color: string } {
    const range = this.range;
    const context = this.context;
    const set = (property: "style" | "color", value: string) =>
      context.write(
        `format.borders.${property}`,
        { edge, value },
        () => range.where(),
        () =>
          forEachCell(range, `RangeBorder.${property}`, (c) => {
            if (property === "color") c.borders = { ...c.borders, [edge]: value };
            else if (!(edge in c.borders)) c.borders = { ...c.borders, [edge]: "" };
          }),
      );
    return {
      set style(value: string) {
        set("style", value);
      },
      set color(value: string) {
        set("color", value);
      },
      get style(): string {
        return unsupported("loading RangeBorder.style");
      },
      get color(): string {
        return unsupported("loading RangeBorder.color");
      },
    };
  }
}

export class FakeRangeFormat extends FakeObject {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly protection: FakeFormatProtection;
  readonly borders: FakeRangeBorders;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
    this.font = new FakeRangeFont(context, range);
    this.fill = new FakeRangeFill(context, range);
    this.protection = new FakeFormatProtection(context, range);
    this.borders = new FakeRangeBorders(context, range);
  }

  set verticalAlignment(value: string) {
    this.context.write(
      "format.verticalAlignment",
      value,
      () => this.range.where(),
      () => forEachCell(this.range, "RangeFormat.verticalAlignment", (c) => (c.verticalAlignment = value)),
    );
  }

  set indentLevel(value: number) {
    this.context.write(
      "format.indentLevel",
      value,
      () => this.range.where(),
      () => forEachCell(this.range, "RangeFormat.indentLevel", (c) => (c.indentLevel = value)),
    );
  }

  /** Records the rows autofitted (Excel sizes them to their wrapped text). */
  autofitRows(): void {
    this.context.write(
      "format.autofitRows",
      null,
      () => this.range.where(),
      () => {
        const { sheet, rect } = this.range.located();
        requireUnprotected(sheet, "RangeFormat.autofitRows", sheet.protection.options.allowFormatRows);
        for (let i = 0; i < rect.rows; i++) sheet.autofitRows.add(rect.row + i);
      },
    );
  }

  protected override snapshot(property: string): unknown {
    const { sheet, rect } = this.range.located();
    if (property === "columnWidth") return sheet.columnWidths.get(rect.column) ?? DEFAULT_COLUMN_WIDTH;
    if (property === "wrapText") return sheet.cellAt(rect.row, rect.column).wrapText;
    return unsupported(`loading RangeFormat.${property}`);
  }

  get columnWidth(): number {
    return this.read<number>("columnWidth");
  }

  set columnWidth(points: number) {
    this.context.write(
      "format.columnWidth",
      points,
      () => this.range.where(),
      () => {
        const { sheet, rect } = this.range.located();
        requireUnprotected(sheet, "RangeFormat.columnWidth", sheet.protection.options.allowFormatColumns);
        if (!(points >= 0)) fail("InvalidArgument", `Bad column width ${points}`);
        for (let j = 0; j < rect.columns; j++) sheet.columnWidths.set(rect.column + j, points);
      },
    );
  }

  get wrapText(): boolean {
    return this.read<boolean>("wrapText");
  }

  set wrapText(wrap: boolean) {
    this.context.write(
      "format.wrapText",
      wrap,
      () => this.range.where(),
      () => forEachCell(this.range, "RangeFormat.wrapText", (c) => (c.wrapText = wrap)),
    );
  }
}

export class FakeRangeFont extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  set bold(bold: boolean) {
    this.context.write(
      "format.font.bold",
      bold,
      () => this.range.where(),
      () => forEachCell(this.range, "RangeFont.bold", (c) => (c.bold = bold)),
    );
  }
  set size(size: number) {
    this.context.write(
      "format.font.size",
      size,
      () => this.range.where(),
      () => forEachCell(this.range, "RangeFont.size", (c) => (c.fontSize = size)),
    );
  }
  set name(name: string) {
    this.context.write(
      "format.font.name",
      name,
      () => this.range.where(),
      () => forEachCell(this.range, "RangeFont.name", (c) => (c.fontName = name)),
    );
  }
  set italic(italic: boolean) {
    this.context.write(
      "format.font.italic",
      italic,
      () => this.range.where(),
      () => forEachCell(this.range, "RangeFont.italic", (c) => (c.italic = italic)),
    );
  }
  set color(color: string) {
    this.context.write(
      "format.font.color",
      color,
      () => this.range.where(),
      () => forEachCell(this.range, "RangeFont.color", (c) => (c.fontColor = color)),
    );
  }
}

export class FakeRangeFill extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  set color(color: string) {
    this.context.write(
      "format.fill.color",
      color,
      () => this.range.where(),
      () => forEachCell(this.range, "RangeFill.color", (c) => (c.fillColor = color)),
    );
  }
}

export class FakeFormatProtection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  protected override snapshot(property: string): unknown {
    const { sheet, rect } = this.range.located();
    if (property === "locked") return sheet.cellAt(rect.row, rect.column).locked;
    return unsupported(`loading FormatProtection.${property}`);
  }

  get locked(): boolean {
    return this.read<boolean>("locked");
  }

  set locked(locked: boolean) {
    this.context.write(
      "format.protection.locked",
      locked,
      () => this.range.where(),
      () => forEachCell(this.range, "FormatProtection.locked", (c) => (c.locked = locked)),
    );
  }
}

// ---------------------------------------------------------------- conditional formats

export class FakeConditionalFormatCollection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  /** Like Office.js: the new format goes to the top priority (index 0). */
  add(type: string): FakeConditionalFormat {
    let created: ConditionalFormatModel | undefined;
    const proxy = new FakeConditionalFormat(this.context, () => {
      if (!created) fail("ItemNotFound", "The conditional format was not created.");
      return { sheet: this.range.located().sheet, model: created };
    });
    this.context.write(
      "conditionalFormats.add",
      type,
      () => this.range.where(),
      () => {
        const { sheet, rect } = this.range.located();
        requireUnprotected(sheet, "ConditionalFormatCollection.add");
        if (!Object.values(fakeEnums.ConditionalFormatType).includes(type as never)) {
          fail("InvalidArgument", `Unknown conditional format type ${type}`);
        }
        created = { type, rect, formula: null, fillColor: null, fontColor: null, stopIfTrue: false };
        sheet.conditionalFormats.unshift(created);
      },
    );
    return proxy;
  }
}

export class FakeConditionalFormat extends FakeObject {
  readonly custom: FakeCustomConditionalFormat;
  private moved = false;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => { sheet: SheetModel; model: ConditionalFormatModel },
  ) {
    super(context);
    this.custom = new FakeCustomConditionalFormat(context, this);
  }

  /** The rule, for a command about to change it; refuses once its priority has moved it. */
  target(location: string): { sheet: SheetModel; model: ConditionalFormatModel } {
    // Office.js: "if you change the priority, you have to re-fetch a new copy of the object".
    if (this.moved)
      fail("InvalidOperation", "The conditional format moved; get it again before changing it.", location);
    const found = this.locate();
    requireUnprotected(found.sheet, location);
    return found;
  }

  where(): Where {
    const { sheet, model } = this.locate();
    return { sheet: sheet.name, address: rectAddress(model.rect) };
  }

  set priority(priority: number) {
    this.context.write(
      "conditionalFormat.priority",
      priority,
      () => this.where(),
      () => {
        const { sheet, model } = this.target("ConditionalFormat.priority");
        const list = sheet.conditionalFormats;
        list.splice(list.indexOf(model), 1);
        const index = priority < 0 ? Math.max(0, list.length + 1 + priority) : Math.min(priority, list.length);
        list.splice(index, 0, model);
        this.moved = true;
      },
    );
  }

  set stopIfTrue(stop: boolean) {
    this.context.write(
      "conditionalFormat.stopIfTrue",
      stop,
      () => this.where(),
      () => {
        this.target("ConditionalFormat.stopIfTrue").model.stopIfTrue = stop;
      },
    );
  }
}

export class FakeCustomConditionalFormat {
  readonly rule: { formula: string };
  readonly format: { fill: { color: string }; font: { color: string } };

  constructor(context: FakeRequestContext, cf: FakeConditionalFormat) {
    const custom = (location: string): ConditionalFormatModel => {
      const { model } = cf.target(location);
      if (model.type !== fakeEnums.ConditionalFormatType.custom) {
        fail("InvalidOperation", `The conditional format is of type ${model.type}, not Custom.`, location);
      }
      return model;
    };
    const setter = (op: string, apply: (model: ConditionalFormatModel, value: string) => void) => ({
      set: (value: string) =>
        context.write(
          op,
          value,
          () => cf.where(),
          () => apply(custom(op), value),
        ),
      get: () => unsupported(`reading ${op}`),
    });
    this.rule = Object.defineProperty({} as { formula: string }, "formula", {
      ...setter("conditionalFormat.custom.rule.formula", (m, v) => {
        if (!v.startsWith("=")) fail("InvalidArgument", `A rule formula starts with "=": ${v}`);
        m.formula = v;
      }),
      enumerable: true,
    });
    const fill = Object.defineProperty({} as { color: string }, "color", {
      ...setter("conditionalFormat.custom.format.fill.color", (m, v) => (m.fillColor = v)),
      enumerable: true,
    });
    const font = Object.defineProperty({} as { color: string }, "color", {
      ...setter("conditionalFormat.custom.format.font.color", (m, v) => (m.fontColor = v)),
      enumerable: true,
    });
    this.format = { fill, font };
  }
}

// ---------------------------------------------------------------- data validation

const VALIDATION_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"] as const;

function checkRule(rule: Excel.DataValidationRule): void {
  const kinds = VALIDATION_KINDS.filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1) fail("InvalidArgument", `A validation rule has exactly one kind (got ${kinds.join(", ")}).`);
  const kind = kinds[0];
  if (kind === "list") {
    const list = rule.list as Excel.ListDataValidation;
    if (typeof list.source !== "string" || list.source === "") fail("InvalidArgument", "A list rule needs a source.");
    return;
  }
  if (kind === "custom") {
    const custom = rule.custom as Excel.CustomDataValidation;
    if (typeof custom.formula !== "string" || !custom.formula.startsWith("=")) {
      fail("InvalidArgument", "A custom rule needs a formula starting with =.");
    }
    return;
  }
  const basic = rule[kind] as Excel.BasicDataValidation;
  if (!basic.operator || basic.formula1 === undefined)
    fail("InvalidArgument", `A ${kind} rule needs operator and formula1.`);
  const ternary = basic.operator === "Between" || basic.operator === "NotBetween";
  if (ternary !== (basic.formula2 !== undefined)) {
    fail("InvalidArgument", `formula2 goes with Between/NotBetween only (${kind}).`);
  }
}

export class FakeDataValidation extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  private entry(location: string): ValidationModel {
    const { sheet, rect } = this.range.located();
    requireUnprotected(sheet, location);
    let entry = sheet.validations.find((v) => rectAddress(v.rect) === rectAddress(rect));
    if (!entry) {
      // A new rule replaces the ones it overlaps, as Excel keeps one rule per cell.
      for (let i = sheet.validations.length - 1; i >= 0; i--) {
        if (overlaps(sheet.validations[i].rect, rect)) sheet.validations.splice(i, 1);
      }
      entry = { rect, rule: null, prompt: null, errorAlert: null };
      sheet.validations.push(entry);
    }
    return entry;
  }

  set rule(rule: Excel.DataValidationRule) {
    this.context.write(
      "dataValidation.rule",
      rule,
      () => this.range.where(),
      () => {
        checkRule(rule);
        this.entry("DataValidation.rule").rule = rule;
      },
    );
  }

  set prompt(prompt: Excel.DataValidationPrompt) {
    this.context.write(
      "dataValidation.prompt",
      prompt,
      () => this.range.where(),
      () => {
        if ((prompt.title ?? "").length > 32 || (prompt.message ?? "").length > 255) {
          fail("InvalidArgument", "Validation prompt too long (title 32, message 255).", "DataValidation.prompt");
        }
        this.entry("DataValidation.prompt").prompt = prompt;
      },
    );
  }

  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.context.write(
      "dataValidation.errorAlert",
      alert,
      () => this.range.where(),
      () => {
        if ((alert.title ?? "").length > 32 || (alert.message ?? "").length > 255) {
          fail(
            "InvalidArgument",
            "Validation error alert too long (title 32, message 255).",
            "DataValidation.errorAlert",
          );
        }
        this.entry("DataValidation.errorAlert").errorAlert = alert;
      },
    );
  }

  clear(): void {
    this.context.write(
      "dataValidation.clear",
      null,
      () => this.range.where(),
      () => {
        const { sheet, rect } = this.range.located();
        requireUnprotected(sheet, "DataValidation.clear");
        for (let i = sheet.validations.length - 1; i >= 0; i--) {
          if (overlaps(sheet.validations[i].rect, rect)) sheet.validations.splice(i, 1);
        }
      },
    );
  }
}

// ---------------------------------------------------------------- tables

export class FakeTableCollection extends FakeObject {
  private loadedItems: FakeTable[] | undefined;

  constructor(
    context: FakeRequestContext,
    /** null: the workbook's collection. */
    private readonly sheet: FakeWorksheet | null,
  ) {
    super(context);
  }

  protected override defaultLoad(): string[] {
    return ["items/name"];
  }

  private models(): TableModel[] {
    const book = this.context.book;
    return this.sheet ? book.tables.filter((t) => t.sheet === this.sheet?.model()) : book.tables;
  }

  get items(): FakeTable[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }

  override loadNow(paths: string[]): void {
    this.loadedItems = this.models().map((t) => new FakeTable(this.context, () => t, t.name, false));
    const itemPaths = paths.filter((p) => p === "items" || p.startsWith("items/")).map((p) => p.slice(6));
    for (const item of this.loadedItems) item.loadNow(itemPaths.map((p) => p || "name"));
  }

  add(address: string, hasHeaders: boolean): FakeTable {
    let created: TableModel | undefined;
    const proxy = new FakeTable(this.context, () => created, `table at ${address}`, false);
    this.context.write(
      "tables.add",
      { address, hasHeaders },
      () => ({ sheet: created?.sheet.name ?? this.sheet?.model().name ?? "", address }),
      () => {
        const book = this.context.book;
        let sheet: SheetModel;
        let local = address;
        if (address.includes("!")) {
          const bang = address.lastIndexOf("!");
          const name = address
            .slice(0, bang)
            .replace(/^'(.*)'$/, "$1")
            .replace(/''/g, "'");
          const found = book.findSheet(name);
          if (!found) fail("ItemNotFound", `No sheet ${name}`, "TableCollection.add");
          sheet = found;
          local = address.slice(bang + 1);
        } else if (this.sheet) {
          sheet = this.sheet.model();
        } else {
          return fail("InvalidArgument", "A workbook-level table address needs a sheet.", "TableCollection.add");
        }
        requireUnprotected(sheet, "TableCollection.add");
        const rect = parseAddress(local);
        requireCells(rect, "tables.add");
        if (hasHeaders && rect.rows === 1) rect.rows = 2; // Excel adds one empty body row
        if (book.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
          fail("InvalidOperation", "A table can't overlap another table.", "TableCollection.add");
        }
        let n = book.tables.length + 1;
        while (book.table(`Table${n}`)) n++;
        created = new TableModel(`Table${n}`, sheet, rect);
        // Headers become unique, non-empty text.
        const seen: string[] = [];
        for (let j = 0; j < rect.columns; j++) {
          const cell = sheet.mutableCell(rect.row, rect.column + j);
          let text = hasHeaders ? String(sheet.valueAt(rect.row, rect.column + j)) : "";
          if (text === "") text = `Column${j + 1}`;
          let unique = text;
          for (let k = 2; seen.some((s) => sameName(s, unique)); k++) unique = `${text}${k}`;
          seen.push(unique);
          cell.content = {
            kind: "text",
            value: unique,
            quotePrefix: cell.content?.kind === "text" && cell.content.quotePrefix,
          };
        }
        book.tables.push(created);
      },
    );
    return proxy;
  }

  /** Like TableCollection.getItem(key): a name or an id. */
  private byKey(key: string): TableModel | undefined {
    const models = this.models();
    return models.find((t) => sameName(t.name, key)) ?? models.find((t) => t.id === key);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => this.byKey(key), `table ${key}`, false);
  }

  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, () => this.byKey(key), `table ${key}`, true);
  }
}

export class FakeTable extends FakeNullable<TableModel> {
  constructor(context: FakeRequestContext, locate: () => TableModel | undefined, describe: string, nullable: boolean) {
    super(context, locate, describe, nullable);
  }

  protected override isAlive(model: TableModel): boolean {
    return this.context.book.tables.includes(model);
  }

  protected override defaultLoad(): string[] {
    return ["name", "style", "showTotals"];
  }

  protected override snapshot(property: string): unknown {
    const t = this.model();
    if (property === "name") return t.name;
    if (property === "id") return t.id;
    if (property === "style") return t.style;
    if (property === "showTotals") return t.showTotals;
    return unsupported(`loading Table.${property}`);
  }

  protected override navigate(property: string): FakeObject {
    if (property === "worksheet") return this.worksheet;
    return super.navigate(property);
  }

  private where(): Where {
    const t = this.model();
    return { sheet: t.sheet.name, address: rectAddress(t.rect) };
  }

  private worksheetProxy: FakeWorksheet | undefined;

  get worksheet(): FakeWorksheet {
    this.worksheetProxy ??= new FakeWorksheet(this.context, () => this.model().sheet, "table worksheet", false);
    return this.worksheetProxy;
  }

  get id(): string {
    return this.read<string>("id");
  }

  get name(): string {
    return this.read<string>("name");
  }
  set name(name: string) {
    const book = this.context.book;
    const model = (): TableModel => this.model();
    this.context.writeInSteps(
      "table.name",
      name,
      () => this.where(),
      function* () {
        const t = model();
        // Conservative: Excel greys out the table name on a protected sheet.
        requireUnprotected(t.sheet, "Table.name");
        checkIdentifier(name, book, "Table.name", t);
        yield* renameTableReferences(book, t.name, name);
        t.name = name;
      },
    );
  }

  get style(): string {
    return this.read<string>("style");
  }
  set style(style: string) {
    this.context.write(
      "table.style",
      style,
      () => this.where(),
      () => {
        if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(style))
          fail("InvalidArgument", `Unknown table style ${style}`);
        this.model().style = style;
      },
    );
  }

  get showTotals(): boolean {
    return this.read<boolean>("showTotals");
  }
  set showTotals(show: boolean) {
    this.context.write(
      "table.showTotals",
      show,
      () => this.where(),
      () => {
        if (show) unsupported("total rows");
        this.model().showTotals = false;
      },
    );
  }

  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, rect: this.model().headerRect() }));
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, rect: this.model().bodyRect() }));
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, rect: this.model().rect }));
  }

  delete(): void {
    this.context.write(
      "table.delete",
      null,
      () => this.where(),
      () => {
        const book = this.context.book;
        book.tables.splice(book.tables.indexOf(this.model()), 1);
      },
    );
  }
}

// ---------------------------------------------------------------- names

export class FakeNamedItemCollection extends FakeObject {
  private loadedItems: FakeNamedItem[] | undefined;

  protected override defaultLoad(): string[] {
    return ["items/name"];
  }

  get items(): FakeNamedItem[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }

  override loadNow(paths: string[]): void {
    this.loadedItems = this.context.book.names.map((n) => new FakeNamedItem(this.context, () => n, n.name, false));
    const itemPaths = paths.filter((p) => p === "items" || p.startsWith("items/")).map((p) => p.slice(6));
    for (const item of this.loadedItems) item.loadNow(itemPaths.map((p) => p || "name"));
  }

  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    let created: NameModel | undefined;
    const proxy = new FakeNamedItem(this.context, () => created, `name ${name}`, false);
    const args = { name, reference: typeof reference === "string" ? reference : "(range)", comment };
    this.context.write(
      "names.add",
      args,
      () => ({ sheet: "", address: name }),
      () => {
        const book = this.context.book;
        checkIdentifier(name, book, "NamedItemCollection.add");
        let formula: string;
        if (typeof reference === "string") {
          formula = reference.startsWith("=") ? reference : `=${reference}`;
          const m = /^=('(?:[^']|'')+'|[^!'"=]+)!/.exec(formula);
          if (m) {
            const sheetName = m[1].replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
            if (!book.findSheet(sheetName))
              fail("InvalidArgument", `The reference ${reference} names a missing sheet.`);
          }
        } else {
          const { sheet, rect } = reference.located();
          formula = `=${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
        }
        created = { name, formula, comment: comment ?? "" };
        book.names.push(created);
      },
    );
    return proxy;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.context.book.name(name), `name ${name}`, false);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.context.book.name(name), `name ${name}`, true);
  }
}

export class FakeNamedItem extends FakeNullable<NameModel> {
  protected override defaultLoad(): string[] {
    return ["name", "formula", "comment"];
  }

  protected override snapshot(property: string): unknown {
    const n = this.model();
    if (property === "name") return n.name;
    // Excel on the desktop may give the formula localised (office-js#2834): the fake can too.
    if (property === "formula") return this.context.book.localiseNameFormula?.(n.formula) ?? n.formula;
    if (property === "type") return /^=('(?:[^']|'')+'|[^!'"=]+)![$A-Z0-9:]+$/i.test(n.formula) ? "Range" : "String";
    if (property === "comment") return n.comment;
    return unsupported(`loading NamedItem.${property}`);
  }

  get name(): string {
    return this.read<string>("name");
  }
  get formula(): string {
    return this.read<string>("formula");
  }
  set formula(formula: string) {
    this.context.write(
      "namedItem.formula",
      formula,
      () => ({ sheet: "", address: this.model().name }),
      () => {
        if (!formula.startsWith("=")) fail("InvalidArgument", `A name's formula starts with "=": ${formula}`);
        this.model().formula = formula;
      },
    );
  }
  get comment(): string {
    return this.read<string>("comment");
  }
  set comment(comment: string) {
    this.context.write(
      "namedItem.comment",
      comment,
      () => ({ sheet: "", address: this.model().name }),
      () => (this.model().comment = comment),
    );
  }

  get type(): string {
    return this.read<string>("type");
  }

  /** The range the name refers to; fails at sync (InvalidOperation) when it refers to no range. */
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const n = this.model();
      const m = /^=('(?:[^']|'')+'|[^!'"=]+)!([$A-Z0-9:]+)$/i.exec(n.formula);
      if (!m) fail("InvalidOperation", `The name ${n.name} does not refer to a range.`, "NamedItem.getRange");
      const sheetName = m[1].replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      const sheet = this.context.book.findSheet(sheetName);
      if (!sheet) fail("InvalidOperation", `The name ${n.name} refers to a missing sheet.`, "NamedItem.getRange");
      return { sheet, rect: parseAddress(m[2]) };
    });
  }

  delete(): void {
    this.context.write(
      "namedItem.delete",
      null,
      () => ({ sheet: "", address: this.model().name }),
      () => {
        const book = this.context.book;
        book.names.splice(book.names.indexOf(this.model()), 1);
      },
    );
  }
}

// ---------------------------------------------------------------- charts

export class FakeChartCollection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }

  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartModel | undefined;
    const proxy = new FakeChart(this.context, () => {
      if (!created) fail("ItemNotFound", "The chart was not created.");
      return { sheet: this.sheet.model(), chart: created };
    });
    this.context.write(
      "charts.add",
      { type, seriesBy },
      () => this.sheet.where(""),
      () => {
        const sheet = this.sheet.model();
        requireUnprotected(sheet, "ChartCollection.add", sheet.protection.options.allowEditObjects);
        if (!Object.values(fakeEnums.ChartType).includes(type as never))
          fail("InvalidArgument", `Unknown chart type ${type}`);
        const { sheet: source, rect } = sourceData.located();
        requireCells(rect, "charts.add");
        const byRows = seriesBy === fakeEnums.ChartSeriesBy.rows;
        const count = byRows ? rect.rows : rect.columns;
        const series = Array.from({ length: count }, (_, i) => {
          const part = byRows
            ? { ...rect, row: rect.row + i, rows: 1 }
            : { ...rect, column: rect.column + i, columns: 1 };
          return { name: `Serie${i + 1}`, values: { sheet: source.name, address: rectAddress(part) }, xValues: null };
        });
        created = { type, title: "", legendVisible: true, series, from: null, to: null };
        sheet.charts.push(created);
      },
    );
    return proxy;
  }
}

type LocatedChart = { sheet: SheetModel; chart: ChartModel };

export class FakeChart extends FakeObject {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: FakeChartSeriesCollection;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => LocatedChart,
  ) {
    super(context);
    const where = (): Where => ({ sheet: this.locate().sheet.name, address: "" });
    this.title = Object.defineProperty({} as { text: string }, "text", {
      set: (text: string) => context.write("chart.title.text", text, where, () => (this.locate().chart.title = text)),
      get: () => unsupported("reading chart.title.text"),
      enumerable: true,
    });
    this.legend = Object.defineProperty({} as { visible: boolean }, "visible", {
      set: (visible: boolean) =>
        context.write("chart.legend.visible", visible, where, () => (this.locate().chart.legendVisible = visible)),
      get: () => unsupported("reading chart.legend.visible"),
      enumerable: true,
    });
    this.series = new FakeChartSeriesCollection(context, locate);
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const text = (cell: string | FakeRange | undefined): string | null =>
      cell === undefined ? null : typeof cell === "string" ? cell : rectAddress(cell.located().rect);
    this.context.write(
      "chart.setPosition",
      {
        startCell: typeof startCell === "string" ? startCell : "(range)",
        endCell: typeof endCell === "string" ? endCell : null,
      },
      () => ({ sheet: this.locate().sheet.name, address: "" }),
      () => {
        const from = text(startCell);
        const to = text(endCell);
        if (from) parseAddress(from);
        if (to) parseAddress(to);
        const { chart } = this.locate();
        chart.from = from;
        chart.to = to;
      },
    );
  }
}

export class FakeChartSeriesCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly locate: () => LocatedChart,
  ) {}

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const { sheet, chart } = this.locate();
      const series = chart.series[index];
      if (!series) fail("ItemNotFound", `The chart has no series ${index}.`, "ChartSeriesCollection.getItemAt");
      return { sheet, series };
    });
  }
}

export class FakeChartSeries {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly locate: () => { sheet: SheetModel; series: ChartSeriesModel },
  ) {}

  private where(): Where {
    return { sheet: this.locate().sheet.name, address: "" };
  }

  set name(name: string) {
    this.context.write(
      "series.name",
      name,
      () => this.where(),
      () => (this.locate().series.name = name),
    );
  }

  setValues(source: FakeRange): void {
    this.context.write(
      "series.setValues",
      null,
      () => this.where(),
      () => {
        const { sheet, rect } = source.located();
        this.locate().series.values = { sheet: sheet.name, address: rectAddress(rect) };
      },
    );
  }

  setXAxisValues(source: FakeRange): void {
    this.context.write(
      "series.setXAxisValues",
      null,
      () => this.where(),
      () => {
        const { sheet, rect } = source.located();
        this.locate().series.xValues = { sheet: sheet.name, address: rectAddress(rect) };
      },
    );
  }
}

// ---------------------------------------------------------------- freeze panes

export class FakeFreezePanes {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {}

  private set(op: string, args: unknown, freeze: () => { rows: number; columns: number }): void {
    this.context.write(
      op,
      args,
      () => this.sheet.where(""),
      () => {
        this.sheet.model().freeze = freeze();
      },
    );
  }

  freezeRows(count?: number): void {
    this.set("freezePanes.freezeRows", count ?? 1, () => ({ rows: count ?? 1, columns: 0 }));
  }

  freezeColumns(count?: number): void {
    this.set("freezePanes.freezeColumns", count ?? 1, () => ({ rows: 0, columns: count ?? 1 }));
  }

  freezeAt(frozenRange: string | FakeRange): void {
    this.set("freezePanes.freezeAt", typeof frozenRange === "string" ? frozenRange : "(range)", () => {
      const rect = typeof frozenRange === "string" ? parseAddress(frozenRange) : frozenRange.located().rect;
      return { rows: rect.row + rect.rows, columns: rect.column + rect.columns };
    });
  }

  unfreeze(): void {
    this.set("freezePanes.unfreeze", null, () => ({ rows: 0, columns: 0 }));
  }
}

/** Page setup: orientation and zoom, recorded and kept on the sheet model. */
export class FakePageLayout {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {}

  set orientation(value: "Portrait" | "Landscape") {
    if (value !== "Portrait" && value !== "Landscape") fail("InvalidArgument", `orientation non valida: ${value}`);
    this.context.write(
      "pageLayout.orientation",
      value,
      () => this.sheet.where(""),
      () => (this.sheet.model().print.orientation = value),
    );
  }

  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.context.write(
      "pageLayout.zoom",
      value,
      () => this.sheet.where(""),
      () => (this.sheet.model().print.zoom = { ...value }),
    );
  }

  set paperSize(value: string) {
    this.context.write(
      "pageLayout.paperSize",
      value,
      () => this.sheet.where(""),
      () => (this.sheet.model().print.paperSize = value),
    );
  }

  private margin(which: string, points: number): void {
    if (!(points >= 0)) fail("InvalidArgument", `margine non valido: ${points}`);
    this.context.write(
      `pageLayout.${which}`,
      points,
      () => this.sheet.where(""),
      () => (this.sheet.model().print.margins[which] = points),
    );
  }
  set leftMargin(points: number) {
    this.margin("leftMargin", points);
  }
  set rightMargin(points: number) {
    this.margin("rightMargin", points);
  }
  set topMargin(points: number) {
    this.margin("topMargin", points);
  }
  set bottomMargin(points: number) {
    this.margin("bottomMargin", points);
  }
  set headerMargin(points: number) {
    this.margin("headerMargin", points);
  }
  set footerMargin(points: number) {
    this.margin("footerMargin", points);
  }

  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows)) fail("InvalidArgument", `righe di stampa non valide: ${rows}`);
    this.context.write(
      "pageLayout.setPrintTitleRows",
      rows,
      () => this.sheet.where(""),
      () => (this.sheet.model().print.titleRows = rows),
    );
  }

  setPrintTitleColumns(columns: string): void {
    if (!/^\$?[A-Z]+:\$?[A-Z]+$/.test(columns)) fail("InvalidArgument", `colonne di stampa non valide: ${columns}`);
    this.context.write(
      "pageLayout.setPrintTitleColumns",
      columns,
      () => this.sheet.where(""),
      () => (this.sheet.model().print.titleColumns = columns),
    );
  }

  setPrintArea(area: string): void {
    this.context.write(
      "pageLayout.setPrintArea",
      area,
      () => this.sheet.where(""),
      () => (this.sheet.model().print.printArea = area),
    );
  }

  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const context = this.context;
    const sheet = this.sheet;
    const part = (key: "header" | "footer", side: string) => ({
      set(value: string) {
        context.write(
          `pageLayout.headersFooters.${side}${key === "header" ? "Header" : "Footer"}`,
          value,
          () => sheet.where(""),
          () => (sheet.model().print[key][side] = value),
        );
      },
    });
    const target: Record<string, string> = {};
    for (const side of ["left", "center", "right"]) {
      for (const key of ["header", "footer"] as const) {
        Object.defineProperty(target, `${side}${key === "header" ? "Header" : "Footer"}`, {
          set: part(key, side).set,
          get: () => unsupported("loading HeaderFooter"),
        });
      }
    }
    return { defaultForAllPages: target };
  }
}

// ---------------------------------------------------------------- entry point

export interface RecordingExcel {
  /** Pass where Office.js code expects an Excel.RequestContext. */
  context: Excel.RequestContext;
  /** The same context, with the fake's own type. */
  fakeContext: FakeRequestContext;
  /** Assign to globalThis.Excel: the enums the adapter reads, and Excel.run. */
  excelNamespace: typeof fakeEnums & {
    run: <T>(
      optionsOrBatch: object | ((context: Excel.RequestContext) => Promise<T>),
      batch?: (context: Excel.RequestContext) => Promise<T>,
    ) => Promise<T>;
    RequestContext: new () => Excel.RequestContext;
  };
  log: RecordingLog;
  workbook: WorkbookModel;
}

export function createRecordingExcel(options: RecordingOptions = {}): RecordingExcel {
  const book = new WorkbookModel(options.evaluate);
  for (const name of options.sheets ?? ["Foglio1"]) book.addSheet(name);
  const log: RecordingLog = {
    syncs: 0,
    requestBytes: [],
    writes: [],
    calculationSuspendedIn: [],
    loads: 0,
    failedSyncs: [],
    batches: [],
    screenUpdatingSuspendedIn: [],
    calculations: [],
    responseBytes: [],
  };
  const fakeContext = new FakeRequestContext(
    book,
    log,
    options.maxRequestBytes ?? 5 * 1024 * 1024,
    options.hostSliceMs,
  );
  const context = fakeContext as unknown as Excel.RequestContext;
  const run = async <T>(
    optionsOrBatch: object | ((ctx: Excel.RequestContext) => Promise<T>),
    maybeBatch?: (ctx: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch;
    if (!batch) throw new Error("Excel.run needs a batch function");
    // Each run has its own context (its own queue), as in Office.js, unless it is given one: a
    // context (or an object of it, such as an event registration) makes the run continue there.
    const given =
      optionsOrBatch instanceof FakeRequestContext
        ? optionsOrBatch
        : optionsOrBatch instanceof FakeObject
          ? optionsOrBatch.context
          : null;
    const own = given ?? fakeContext.sibling();
    const result = await batch(own as unknown as Excel.RequestContext);
    // Excel.run sends what is still queued when the batch function resolves.
    if (own.hasPending) await own.sync();
    return result;
  };
  const RequestContext = function (): Excel.RequestContext {
    return context;
  } as unknown as new () => Excel.RequestContext;
  return { context, fakeContext, excelNamespace: { ...fakeEnums, run, RequestContext }, log, workbook: book };
}

// ---------------------------------------------------------------- compile-time fidelity checks

// The fake's members must have Office.js' types where the adapter uses them (a renamed or
// retyped member then fails to compile here rather than passing tests for the wrong reason).
type Mirrors<Office, Fake extends Office> = Fake;
export type FakeTypeChecks = [
  Mirrors<
    Pick<Excel.Range, "values" | "formulas" | "numberFormat" | "columnHidden" | "address" | "rowCount" | "select">,
    Pick<FakeRange, "values" | "formulas" | "numberFormat" | "columnHidden" | "address" | "rowCount" | "select">
  >,
  Mirrors<Pick<Excel.RangeFormat, "columnWidth" | "wrapText">, Pick<FakeRangeFormat, "columnWidth" | "wrapText">>,
  Mirrors<Pick<Excel.FormatProtection, "locked">, Pick<FakeFormatProtection, "locked">>,
  Mirrors<
    Pick<Excel.WorksheetProtection, "protected" | "protect" | "unprotect">,
    Pick<FakeWorksheetProtection, "protected" | "protect" | "unprotect">
  >,
  Mirrors<
    Pick<Excel.Worksheet, "name" | "tabColor" | "activate" | "delete" | "isNullObject">,
    Pick<FakeWorksheet, "name" | "tabColor" | "activate" | "delete" | "isNullObject">
  >,
  Mirrors<
    Pick<Excel.Table, "name" | "style" | "showTotals" | "isNullObject">,
    Pick<FakeTable, "name" | "style" | "showTotals" | "isNullObject">
  >,
  Mirrors<Pick<Excel.NamedItem, "name" | "formula" | "delete">, Pick<FakeNamedItem, "name" | "formula" | "delete">>,
  Mirrors<
    Pick<Excel.ConditionalFormat, "priority" | "stopIfTrue">,
    Pick<FakeConditionalFormat, "priority" | "stopIfTrue">
  >,
  Mirrors<
    Pick<Excel.DataValidation, "rule" | "prompt" | "errorAlert" | "clear">,
    Pick<FakeDataValidation, "rule" | "prompt" | "errorAlert" | "clear">
  >,
  Mirrors<
    Pick<Excel.Application, "suspendApiCalculationUntilNextSync">,
    Pick<FakeApplication, "suspendApiCalculationUntilNextSync">
  >,
  Mirrors<
    Pick<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns">,
    Pick<FakeFreezePanes, "freezeRows" | "freezeColumns">
  >,
];
