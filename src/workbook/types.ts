// A description of the workbook the import makes: pure data, applied by src/excel (Office.js)
// and by src/xlsx (exceljs). Everything a sheet holds is stated here, so both adapters agree.

/** A formula in Excel's invariant (English, comma-separated) syntax, starting with "=". */
export interface Formula {
  formula: string;
}

/**
 * One cell. A string is always literal text, never a formula: text from the document can
 * start with "=", "+", "-" or "@" and must stay text. Formulas are a distinct type.
 * Dates are Excel serial numbers with a date number format.
 */
export type CellSpec = string | number | boolean | null | Formula;

/** Columns whose cells users may edit, so they stay unlocked on a protected sheet. */
export function isEditable(column: { role: ColumnRole }): boolean {
  return column.role === "input" || column.role === "setting";
}

export function isFormula(cell: CellSpec): cell is Formula {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}

/** How a column is used; drives protection and the adapters' write strategy. */
export type ColumnRole =
  | "data" // written once at import (locked)
  | "input" // typed by users: consuntivi (unlocked, validated; never deleted without asking)
  | "setting" // edited by users but written by every import: area weights (unlocked)
  | "formula" // computed (locked)
  | "helper"; // import-time helper values for native formulas (locked, hidden)

export interface ColumnSpec {
  header: string;
  role: ColumnRole;
  /** Excel number format ("@" text, "0.00%", "#,##0.00 [$€-410]", "dd/mm/yyyy", "General"). */
  numberFormat: string;
  /** Width in characters. */
  width?: number;
  hidden?: boolean;
  /** Wrap text (long titles). */
  wrap?: boolean;
  /**
   * Number format of each body row, overriding `numberFormat` (a consuntivo is a percent, a
   * date or a plain number depending on its indicator's unit). Same length as the table's rows.
   */
  cellNumberFormats?: string[];
}

export interface TableSpec {
  /** Stable name used in structured references, e.g. "tblIndicatori". */
  name: string;
  /** Top-left cell of the header row, e.g. "A1". */
  topLeft: string;
  columns: ColumnSpec[];
  /** Body rows, each with one cell per column. */
  rows: CellSpec[][];
  /** Built-in table style, e.g. "TableStyleMedium2". */
  style: string;
  showTotals?: false;
}

/** A block of cells outside tables (titles, settings, labels). */
export interface RangeSpec {
  /** Top-left cell, e.g. "A1". */
  topLeft: string;
  rows: CellSpec[][];
  /** One number format for the whole block, or per cell (same shape as rows). */
  numberFormat?: string | string[][];
  bold?: boolean;
  fontSize?: number;
  /** Cells users may edit (settings). */
  unlocked?: boolean;
  wrap?: boolean;
  italic?: boolean;
  /** Background colour ("#DDEBF7"), e.g. an area header row or a legend swatch. */
  fill?: string;
  /** Font colour ("#006100"). */
  fontColor?: string;
  /** Indent level of the first column (indicator rows under their objective). */
  indent?: number;
  /** Thin border round every cell (report tables). */
  border?: boolean;
  /** Shown as a cell users type in (INPUT_STYLE: fill and border); implies nothing about locks. */
  input?: boolean;
}

export type ComplianceColour = "green" | "amber" | "red" | "grey";

export interface FillStyle {
  fill: string; // "#C6EFCE"
  font: string; // "#006100"
}

/**
 * A conditional format driven by a formula evaluated for the top-left cell of `range`
 * (relative references shift across the range, as in Excel's "Use a formula" rule).
 */
export interface ConditionalFormatSpec {
  /** A1 range on the same sheet, e.g. "N2:N59". */
  range: string;
  formula: string;
  style: FillStyle;
  /** Lower wins; rules are added in this order. */
  priority: number;
  stopIfTrue: boolean;
  /** Which compliance state this rule shows (for tests and legends). */
  meaning: ComplianceColour;
}

export type ValidationSpec =
  | { range: string; type: "decimal"; min?: number; max?: number; prompt: ValidationMessage; error: ValidationMessage }
  | { range: string; type: "date"; prompt: ValidationMessage; error: ValidationMessage }
  | { range: string; type: "list"; values: string[]; prompt: ValidationMessage; error: ValidationMessage }
  | { range: string; type: "custom"; formula: string; prompt: ValidationMessage; error: ValidationMessage };

export interface ValidationMessage {
  title: string;
  message: string;
}

export interface NameSpec {
  /** Workbook-scoped name, e.g. "PIRA_SogliaVerde". */
  name: string;
  /** Absolute reference with sheet, e.g. "=Impostazioni!$B$4". */
  refersTo: string;
  comment?: string;
}

export interface ChartSpec {
  /** "barClustered" horizontal bars of scores. */
  type: "barClustered";
  title: string;
  /** Categories and values ranges (absolute, with sheet). */
  categories: string;
  values: string;
  seriesName: string;
  /** Where it is placed: top-left and bottom-right cells. */
  from: string;
  to: string;
}

export interface ProtectionSpec {
  protect: boolean;
  /** Empty by default: protection is a guard rail, not a secret. */
  password: string;
  allowAutoFilter: boolean;
  allowSort: boolean;
  allowFormatColumns: boolean;
}

/** A header or footer in Excel's codes (&P page, &N pages, &A sheet; a literal "&" is "&&"). */
export interface HeaderFooterSpec {
  left: string;
  center: string;
  right: string;
}

/**
 * How a sheet prints. `scale` is the zoom in percent, computed from the columns' total width so
 * that a sheet meant for print fits one page width at a readable size (both adapters apply the
 * same number, instead of each host's own "fit to width", which shrinks wide sheets to 3 pt).
 */
export interface PrintSpec {
  orientation: "portrait" | "landscape";
  /** Excel's paper size code: 9 is A4. */
  paperSize: number;
  /** 10..400; 100 when absent. */
  scale?: number;
  /** Rows repeated at the top of every page, e.g. "$5:$5". */
  titleRows?: string;
  /** Columns repeated at the left of every page, e.g. "$A:$B". */
  titleColumns?: string;
  /** What prints, e.g. "A1:P60"; the whole used range when absent. */
  printArea?: string;
  /** 1-based rows that start a new page (a chart kept whole on its page). */
  pageBreaks?: number[];
  header: HeaderFooterSpec;
  footer: HeaderFooterSpec;
}

export interface SheetSpec {
  name: string;
  tabColor?: string;
  tables: TableSpec[];
  ranges: RangeSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  validations: ValidationSpec[];
  charts: ChartSpec[];
  /** Rows and columns frozen at the top-left. */
  freeze?: { rows: number; columns: number };
  /** Column widths by letter, for cells outside tables. */
  columnWidths?: Record<string, number>;
  protection: ProtectionSpec;
  print?: PrintSpec;
  /**
   * Heights in points of the rows holding wrapped text, by 0-based row, estimated from the text
   * and the column widths (rowHeights.ts): the .xlsx writer writes them; the Office.js adapter
   * lets Excel autofit these rows.
   */
  rowHeights?: Record<number, number>;
}

export interface WorkbookDescription {
  sheets: SheetSpec[];
  names: NameSpec[];
}
