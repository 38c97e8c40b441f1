// An in-process evaluator of the Excel formulas the workbook builder writes, for tests: the subset
// of src/workbook/formulas.ts (IF, IFERROR, AND, OR, NOT, ISNUMBER, ISLOGICAL, TRIM, UPPER, INT,
// MAX, ABS, SUMPRODUCT, CHOOSE, MATCH type 0, PIRA.SCORE, PIRA.STATUS, operators, array
// constants, references and workbook names) with Excel's semantics. Anything outside the subset
// throws instead of guessing, so a formula that strays from it fails the test that evaluates it.
//
// Deliberate simplifications:
// - numbers compare exactly as IEEE doubles (as the domain does), without the 15-digit rounding
//   Excel applies in a few places; a result on a threshold to the last bit may differ in Excel;
// - text ordering (<, >) uses ICU collation, case-insensitive; equality is exact up to case;
// - text is coerced to a number only in plain invariant form (" 12.5 ", "1e3", "50%"), not as
//   locale dates, currencies or thousands separators;
// - unknown sheets and names throw rather than giving #REF! / #NAME?, to fail loudly;
// - a custom function receives an empty cell as null and an omitted argument as undefined; an
//   error in an argument is returned without calling it.

import { score, status } from "../../src/functions/functions";
import { cellAddress, parseCell } from "../../src/workbook/address";
import type { CellSpec, WorkbookDescription } from "../../src/workbook/types";
import { isFormula } from "../../src/workbook/types";

export type ErrorCode = "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!";
const ERROR_CODES: readonly ErrorCode[] = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"];

/** An Excel error value (#VALUE!, #DIV/0!, ...): a value, not an exception. */
export class ExcelError {
  constructor(readonly code: ErrorCode) {}
  toString(): string {
    return this.code;
  }
}

/** One value; null is an empty cell. */
export type Scalar = number | string | boolean | ExcelError | null;

/** A rectangular block of values: an array constant or the result of an operation over arrays. */
export class Matrix {
  constructor(readonly rows: Scalar[][]) {}
  get height(): number {
    return this.rows.length;
  }
  get width(): number {
    return this.rows[0]?.length ?? 0;
  }
}

/** A reference to a rectangle of cells of one sheet (0-based, inclusive). */
class Ref {
  constructor(
    readonly sheet: string,
    readonly top: number,
    readonly left: number,
    readonly bottom: number,
    readonly right: number,
  ) {}
  get single(): boolean {
    return this.top === this.bottom && this.left === this.right;
  }
}

type Value = Scalar | Matrix | Ref;

// ---------------------------------------------------------------------------------------------
// Tokenizer

type Token =
  | { type: "number"; value: number; pos: number }
  | { type: "string"; value: string; pos: number }
  | { type: "error"; value: ErrorCode; pos: number }
  | { type: "ident"; value: string; pos: number }
  | { type: "sheet"; value: string; pos: number } // a 'quoted sheet name'
  | { type: "op"; value: string; pos: number }
  | { type: "end"; pos: number };

const OPERATORS = [
  "<>",
  "<=",
  ">=",
  "+",
  "-",
  "*",
  "/",
  "^",
  "&",
  "=",
  "<",
  ">",
  "(",
  ")",
  ",",
  ";",
  "{",
  "}",
  ":",
  "!",
];

export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`Formula non leggibile (${what} alla posizione ${i}): ${formula}`);
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(formula.slice(i));
    if (number) {
      tokens.push({ type: "number", value: Number(number[0]), pos: i });
      i += number[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        if (j >= formula.length) fail("testo non chiuso");
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += formula[j++];
      }
      tokens.push({ type: "string", value: text, pos: i });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      for (;;) {
        if (j >= formula.length) fail("nome di foglio non chiuso");
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j++];
      }
      tokens.push({ type: "sheet", value: name, pos: i });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const code = ERROR_CODES.find((c) => formula.startsWith(c, i));
      if (!code) fail("errore sconosciuto");
      tokens.push({ type: "error", value: code as ErrorCode, pos: i });
      i += (code as string).length;
      continue;
    }
    const ident = /^[A-Za-z_\\$][A-Za-z0-9_.$]*/.exec(formula.slice(i));
    if (ident) {
      tokens.push({ type: "ident", value: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => formula.startsWith(o, i));
    if (!op) fail(`carattere "${ch}" non supportato`);
    tokens.push({ type: "op", value: op as string, pos: i });
    i += (op as string).length;
  }
  tokens.push({ type: "end", pos: i });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser

interface CellRef {
  row: number;
  column: number;
}

export type Node =
  | { type: "literal"; value: Scalar }
  | { type: "array"; rows: Scalar[][] }
  | { type: "ref"; sheet: string | null; from: CellRef; to: CellRef }
  | { type: "name"; name: string }
  | { type: "unary"; op: "-" | "+"; operand: Node }
  | { type: "binary"; op: string; left: Node; right: Node }
  // null stands for an omitted argument, as in IF(x,,1).
  | { type: "call"; name: string; args: (Node | null)[] };

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

function cellRefOf(text: string): CellRef | null {
  if (!CELL_RE.test(text)) return null;
  const { row, column } = parseCell(text);
  if (row < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) return null;
  return { row, column };
}

const COMPARISONS = ["=", "<>", "<", ">", "<=", ">="];

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private isOp(value: string, token = this.peek()): boolean {
    return token.type === "op" && token.value === value;
  }
  private fail(what: string, token = this.peek()): never {
    throw new Error(`Formula non leggibile (${what} alla posizione ${token.pos}): ${this.source}`);
  }
  private expectOp(value: string): void {
    if (!this.isOp(value)) this.fail(`atteso "${value}"`);
    this.i++;
  }

  parseFormula(): Node {
    const node = this.comparison();
    if (this.peek().type !== "end") this.fail("testo in più");
    return node;
  }

  private binaryLevel(ops: string[], operand: () => Node): Node {
    let left = operand();
    for (;;) {
      const t = this.peek();
      if (t.type !== "op" || !ops.includes(t.value)) return left;
      this.i++;
      left = { type: "binary", op: t.value, left, right: operand() };
    }
  }

  // Excel's precedence, lowest first: comparison, &, + -, * /, ^ (left-associative), unary minus.
  private comparison = (): Node => this.binaryLevel(COMPARISONS, this.concat);
  private concat = (): Node => this.binaryLevel(["&"], this.additive);
  private additive = (): Node => this.binaryLevel(["+", "-"], this.multiplicative);
  private multiplicative = (): Node => this.binaryLevel(["*", "/"], this.power);
  private power = (): Node => this.binaryLevel(["^"], this.unary);

  private unary = (): Node => {
    const t = this.peek();
    if (t.type === "op" && (t.value === "-" || t.value === "+")) {
      this.i++;
      return { type: "unary", op: t.value, operand: this.unary() };
    }
    return this.primary();
  };

  private primary(): Node {
    const t = this.next();
    switch (t.type) {
      case "number":
        return { type: "literal", value: t.value };
      case "string":
        return { type: "literal", value: t.value };
      case "error":
        return { type: "literal", value: new ExcelError(t.value) };
      case "sheet":
        this.expectOp("!");
        return this.reference(t.value);
      case "ident":
        return this.identifier(t);
      case "op":
        if (t.value === "(") {
          const inner = this.comparison();
          this.expectOp(")");
          return inner;
        }
        if (t.value === "{") return this.arrayConstant();
        return this.fail(`operatore "${t.value}" inatteso`, t);
      default:
        return this.fail("fine inattesa", t);
    }
  }

  private identifier(t: Token & { type: "ident" }): Node {
    if (this.isOp("(")) {
      this.i++;
      return { type: "call", name: t.value.toUpperCase(), args: this.arguments() };
    }
    if (this.isOp("!")) {
      this.i++;
      return this.reference(t.value);
    }
    const upper = t.value.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return { type: "literal", value: upper === "TRUE" };
    if (cellRefOf(t.value)) {
      this.i--;
      return this.reference(null);
    }
    if (this.isOp(":")) this.fail("intervalli di righe o colonne intere non supportati");
    return { type: "name", name: t.value };
  }

  /** A1 or A1:B2, after an optional sheet prefix. */
  private reference(sheet: string | null): Node {
    const first = this.next();
    const from = first.type === "ident" ? cellRefOf(first.value) : null;
    if (!from) return this.fail("riferimento di cella atteso", first);
    let to = from;
    if (this.isOp(":")) {
      this.i++;
      const second = this.next();
      const end = second.type === "ident" ? cellRefOf(second.value) : null;
      if (!end) return this.fail("fine dell'intervallo attesa", second);
      to = end;
    }
    return {
      type: "ref",
      sheet,
      from: { row: Math.min(from.row, to.row), column: Math.min(from.column, to.column) },
      to: { row: Math.max(from.row, to.row), column: Math.max(from.column, to.column) },
    };
  }

  private arguments(): (Node | null)[] {
    const args: (Node | null)[] = [];
    if (this.isOp(")")) {
      this.i++;
      return args;
    }
    for (;;) {
      args.push(this.isOp(",") || this.isOp(")") ? null : this.comparison());
      if (this.isOp(")")) {
        this.i++;
        return args;
      }
      this.expectOp(",");
    }
  }

  /** {1,2;3,4}: columns by commas, rows by semicolons; constants only. */
  private arrayConstant(): Node {
    const rows: Scalar[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.arrayElement());
      if (this.isOp(",")) {
        this.i++;
      } else if (this.isOp(";")) {
        this.i++;
        rows.push([]);
      } else {
        this.expectOp("}");
        break;
      }
    }
    if (rows.some((r) => r.length !== rows[0].length)) this.fail("righe di lunghezza diversa nella matrice");
    return { type: "array", rows };
  }

  private arrayElement(): Scalar {
    let sign = 0;
    if (this.isOp("-")) sign = -1;
    else if (this.isOp("+")) sign = 1;
    if (sign !== 0) this.i++;
    const t = this.next();
    if (t.type === "number") return (sign || 1) * t.value;
    if (sign !== 0) this.fail("numero atteso dopo il segno", t);
    if (t.type === "string") return t.value;
    if (t.type === "error") return new ExcelError(t.value);
    if (t.type === "ident" && /^(TRUE|FALSE)$/i.test(t.value)) return t.value.toUpperCase() === "TRUE";
    return this.fail("costante attesa nella matrice", t);
  }
}

/**
 * The canonical text of a sub-expression that reads a multi-cell range or an array constant, or
 * null for scalar-only ones. Roll-up formulas repeat such sub-expressions across cells (and
 * SUMPRODUCT denominators within one), so the evaluator keeps their results by this key.
 */
const arrayKeys = new WeakMap<Node, string | null>();

function arrayKeyOf(node: Node): string | null {
  const known = arrayKeys.get(node);
  if (known !== undefined) return known;
  const key = canonical(node);
  const result = key.hasArray ? key.text : null;
  arrayKeys.set(node, result);
  return result;
}

function canonical(node: Node): { text: string; hasArray: boolean } {
  switch (node.type) {
    case "literal":
      return { text: node.value instanceof ExcelError ? node.value.code : JSON.stringify(node.value), hasArray: false };
    case "array":
      return {
        text: JSON.stringify(node.rows.map((r) => r.map((x) => (x instanceof ExcelError ? x.code : x)))),
        hasArray: true,
      };
    case "ref": {
      const { from, to } = node;
      const text = `${node.sheet ?? ""}!R${from.row}C${from.column}:R${to.row}C${to.column}`;
      return { text, hasArray: from.row !== to.row || from.column !== to.column };
    }
    case "name":
      return { text: `N:${node.name.toUpperCase()}`, hasArray: false };
    case "unary": {
      const inner = canonical(node.operand);
      return { text: `(${node.op}${inner.text})`, hasArray: inner.hasArray };
    }
    case "binary": {
      const l = canonical(node.left);
      const r = canonical(node.right);
      return { text: `(${l.text}${node.op}${r.text})`, hasArray: l.hasArray || r.hasArray };
    }
    case "call": {
      const args = node.args.map((a) => (a === null ? { text: "", hasArray: false } : canonical(a)));
      return { text: `${node.name}(${args.map((a) => a.text).join(",")})`, hasArray: args.some((a) => a.hasArray) };
    }
  }
}

const parseCache = new Map<string, Node>();

/** Parses a formula ("=..." or without "="); results are cached by text. */
export function parseFormula(formula: string): Node {
  const source = formula.startsWith("=") ? formula.slice(1) : formula;
  let node = parseCache.get(source);
  if (node === undefined) {
    node = new Parser(tokenize(source), formula).parseFormula();
    parseCache.set(source, node);
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Coercions and comparison

const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$/;

function textToNumber(text: string): number | null {
  const s = text.trim();
  if (!NUMERIC_TEXT.test(s)) return null;
  const n = s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
  return Number.isFinite(n) ? n : null;
}

function toNumber(v: Scalar): number | ExcelError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof ExcelError) return v;
  return textToNumber(v) ?? new ExcelError("#VALUE!");
}

/**
 * Excel's "General" text of a number: up to 15 significant digits, 1E+20 style exponents from
 * 1E+15 up (below 1E-6 JavaScript's own switch to exponents is kept, an approximation).
 */
export function numberToText(n: number): string {
  const rounded = Number(n.toPrecision(15));
  const s = Math.abs(rounded) >= 1e15 ? rounded.toExponential() : String(rounded);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  return m ? `${m[1]}E${m[2]}${m[3].padStart(2, "0")}` : s;
}

function toText(v: Scalar): string | ExcelError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof ExcelError) return v;
  return numberToText(v);
}

function toBoolean(v: Scalar): boolean | ExcelError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v instanceof ExcelError) return v;
  const upper = v.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  return new ExcelError("#VALUE!");
}

const collator = new Intl.Collator(undefined, { sensitivity: "accent" });

function typeRank(v: number | string | boolean): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

/** What an empty cell stands for next to `other`: 0, "" or FALSE. */
function blankLike(other: number | string | boolean): number | string | boolean {
  return typeof other === "number" ? 0 : typeof other === "string" ? "" : false;
}

/** Excel's ordering: numbers < text < booleans; text ignores case; an empty cell is 0, "" or FALSE. */
function compareScalars(a: Scalar, b: Scalar): number | ExcelError {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof ExcelError) return a;
  if (b instanceof ExcelError) return b;
  if (a === null && b === null) return 0;
  const x = a === null ? blankLike(b as number | string | boolean) : a;
  const y = b === null ? blankLike(a as number | string | boolean) : b;
  const rx = typeRank(x);
  const ry = typeRank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === "string") {
    const lx = x.toLowerCase();
    const ly = (y as string).toLowerCase();
    if (lx === ly) return 0;
    return collator.compare(lx, ly) || (lx < ly ? -1 : 1);
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

function arithmetic(op: string, a: Scalar, b: Scalar): Scalar {
  const x = toNumber(a);
  if (x instanceof ExcelError) return x;
  const y = toNumber(b);
  if (y instanceof ExcelError) return y;
  let r: number;
  switch (op) {
    case "+":
      r = x + y;
      break;
    case "-":
      r = x - y;
      break;
    case "*":
      r = x * y;
      break;
    case "/":
      if (y === 0) return new ExcelError("#DIV/0!");
      r = x / y;
      break;
    case "^":
      if (x === 0 && y === 0) return new ExcelError("#NUM!");
      if (x === 0 && y < 0) return new ExcelError("#DIV/0!");
      r = Math.pow(x, y);
      break;
    default:
      throw new Error(`Operatore sconosciuto: ${op}`);
  }
  // Excel has no negative zero.
  return Number.isFinite(r) ? (r === 0 ? 0 : r) : new ExcelError("#NUM!");
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (op === "&") {
    const x = toText(a);
    if (x instanceof ExcelError) return x;
    const y = toText(b);
    if (y instanceof ExcelError) return y;
    return x + y;
  }
  let c: number | ExcelError;
  switch (op) {
    case "=":
    case "<>":
    case "<":
    case ">":
    case "<=":
    case ">=":
      c = compareScalars(a, b);
      break;
    default:
      return arithmetic(op, a, b);
  }
  if (c instanceof ExcelError) return c;
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Arrays: element-wise application with Excel's broadcasting

/**
 * Applies f element by element. Scalars broadcast; a single row or column expands along the
 * other dimension; elsewhere a smaller array yields #N/A outside its bounds, as Excel does.
 */
function elementwise(values: (Scalar | Matrix)[], f: (xs: Scalar[]) => Scalar): Scalar | Matrix {
  if (values.every((v) => !(v instanceof Matrix))) return f(values as Scalar[]);
  if (values.length === 1) return new Matrix((values[0] as Matrix).rows.map((row) => row.map((x) => f([x]))));
  const matrices = values.map((v) => (v instanceof Matrix ? v : new Matrix([[v]])));
  const height = Math.max(...matrices.map((m) => m.height));
  const width = Math.max(...matrices.map((m) => m.width));
  const rows: Scalar[][] = [];
  for (let r = 0; r < height; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < width; c++) row.push(f(matrices.map((m) => at(m, r, c))));
    rows.push(row);
  }
  return new Matrix(rows);
}

/** Element (r, c) of a broadcast array: a single row or column repeats; beyond its bounds #N/A. */
function at(m: Matrix, r: number, c: number): Scalar {
  const rr = m.height === 1 ? 0 : r;
  const cc = m.width === 1 ? 0 : c;
  return rr < m.height && cc < m.width ? m.rows[rr][cc] : new ExcelError("#N/A");
}

/** elementwise for two operands, without an array per element (operators over ranges are the hot path). */
function elementwise2(a: Scalar | Matrix, b: Scalar | Matrix, f: (x: Scalar, y: Scalar) => Scalar): Scalar | Matrix {
  if (!(a instanceof Matrix)) {
    return b instanceof Matrix ? new Matrix(b.rows.map((row) => row.map((y) => f(a, y)))) : f(a, b);
  }
  if (!(b instanceof Matrix)) return new Matrix(a.rows.map((row) => row.map((x) => f(x, b))));
  if (a.height === b.height && a.width === b.width) {
    return new Matrix(a.rows.map((row, r) => row.map((x, c) => f(x, b.rows[r][c]))));
  }
  return elementwise([a, b], ([x, y]) => f(x, y));
}

function flatten(m: Matrix): Scalar[] {
  return m.rows.flat();
}

// ---------------------------------------------------------------------------------------------
// Workbook

interface Context {
  /** The sheet of the formula, for references without a sheet. */
  sheet: string | null;
}

type FunctionImpl = (ev: WorkbookEvaluator, args: (Node | null)[], ctx: Context) => Value;

const sheetKey = (name: string) => name.toUpperCase();
const cellKey = (row: number, column: number) => row * MAX_COLUMNS + column;

/** A sheet's cells and what has been computed of them. */
interface SheetCells {
  specs: Map<number, CellSpec>;
  results: Map<number, Scalar>;
  inProgress: Set<number>;
}

/**
 * Evaluates the cells of a workbook description on demand, with memoisation and cycle
 * detection. Tables are placed with their header row at topLeft and body rows below it;
 * ranges with their first row at topLeft.
 */
export class WorkbookEvaluator {
  // Keyed by the sheet's name as the description spells it (references are resolved to it).
  private readonly cells = new Map<string, SheetCells>();
  private readonly sheetNames = new Map<string, string>();
  private readonly names = new Map<string, string>();
  // Cell values never change during an evaluation, so the blocks ranges read, and the results of
  // sub-expressions over them, can be kept.
  private readonly blocks = new Map<string, Matrix>();
  private readonly arrayResults = new Map<string, Value>();

  constructor(private readonly workbook: WorkbookDescription) {
    for (const sheet of workbook.sheets) {
      const key = sheetKey(sheet.name);
      if (this.sheetNames.has(key)) throw new Error(`Foglio ripetuto: ${sheet.name}`);
      this.sheetNames.set(key, sheet.name);
      const cells = new Map<number, CellSpec>();
      this.cells.set(sheet.name, { specs: cells, results: new Map(), inProgress: new Set() });
      const place = (row: number, column: number, spec: CellSpec, what: string) => {
        const k = cellKey(row, column);
        if (cells.has(k)) throw new Error(`${sheet.name}!${cellAddress(row, column)} scritta due volte (${what})`);
        cells.set(k, spec);
      };
      for (const table of sheet.tables) {
        const { row, column } = parseCell(table.topLeft);
        table.columns.forEach((c, j) => place(row, column + j, c.header, table.name));
        table.rows.forEach((cellsOfRow, i) => {
          if (cellsOfRow.length !== table.columns.length) {
            throw new Error(
              `${table.name}: la riga ${i + 1} ha ${cellsOfRow.length} celle, non ${table.columns.length}`,
            );
          }
          cellsOfRow.forEach((spec, j) => place(row + 1 + i, column + j, spec, table.name));
        });
      }
      for (const range of sheet.ranges) {
        const { row, column } = parseCell(range.topLeft);
        range.rows.forEach((cellsOfRow, i) =>
          cellsOfRow.forEach((spec, j) => place(row + i, column + j, spec, `intervallo ${range.topLeft}`)),
        );
      }
    }
    for (const n of workbook.names) {
      const key = n.name.toUpperCase();
      if (this.names.has(key)) throw new Error(`Nome ripetuto: ${n.name}`);
      this.names.set(key, n.refersTo);
    }
  }

  /** The value of a cell ("B6" on a sheet); a formula cell is evaluated. */
  value(sheet: string, address: string): Scalar {
    const { row, column } = parseCell(address);
    return this.cellValue(this.sheetName(sheet), row, column);
  }

  /** The formula text of a cell, or null when it holds a constant. */
  formula(sheet: string, address: string): string | null {
    const { row, column } = parseCell(address);
    const spec = this.cells.get(this.sheetName(sheet))!.specs.get(cellKey(row, column));
    return spec !== undefined && isFormula(spec) ? spec.formula : null;
  }

  /** Evaluates a formula as if typed on `sheet`; a multi-cell result comes back as a Matrix. */
  evaluate(formula: string, sheet: string | null = null): Scalar | Matrix {
    const v = this.eval(parseFormula(formula), { sheet: sheet === null ? null : this.sheetName(sheet) });
    return v instanceof Ref ? (v.single ? this.deref(v) : this.values(v)) : v;
  }

  private sheetName(name: string): string {
    const real = this.sheetNames.get(sheetKey(name));
    if (real === undefined) throw new Error(`Foglio sconosciuto: ${name}`);
    return real;
  }

  private cellValue(sheet: string, row: number, column: number): Scalar {
    const cells = this.cells.get(sheet)!;
    const key = cellKey(row, column);
    const spec = cells.specs.get(key);
    if (spec === undefined || spec === null) return null;
    if (!isFormula(spec)) return spec;
    const cached = cells.results.get(key);
    if (cached !== undefined) return cached;
    const where = () => `${sheet}!${cellAddress(row, column)}`;
    if (cells.inProgress.has(key)) throw new Error(`Riferimento circolare in ${where()}`);
    cells.inProgress.add(key);
    try {
      const result = this.cellResult(this.eval(parseFormula(spec.formula), { sheet }), where);
      cells.results.set(key, result);
      return result;
    } catch (e) {
      if (e instanceof Error && !e.message.includes(where())) e.message += `\n  in ${where()}: ${spec.formula}`;
      throw e;
    } finally {
      cells.inProgress.delete(key);
    }
  }

  /** What a formula cell shows: a reference to an empty cell shows 0; arrays would spill. */
  private cellResult(v: Value, where: () => string): Scalar {
    let s: Scalar;
    if (v instanceof Ref) {
      if (!v.single) throw new Error(`La formula di ${where()} restituisce un intervallo`);
      s = this.deref(v);
    } else if (v instanceof Matrix) {
      if (v.height !== 1 || v.width !== 1) throw new Error(`La formula di ${where()} restituisce una matrice`);
      s = v.rows[0][0];
    } else {
      s = v;
    }
    return s === null ? 0 : s;
  }

  private deref(ref: Ref): Scalar {
    return this.cellValue(ref.sheet, ref.top, ref.left);
  }

  private values(ref: Ref): Matrix {
    const key = `${ref.sheet}!${ref.top},${ref.left},${ref.bottom},${ref.right}`;
    const cached = this.blocks.get(key);
    if (cached !== undefined) return cached;
    const rows: Scalar[][] = [];
    for (let r = ref.top; r <= ref.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = ref.left; c <= ref.right; c++) row.push(this.cellValue(ref.sheet, r, c));
      rows.push(row);
    }
    const block = new Matrix(rows);
    this.blocks.set(key, block);
    return block;
  }

  /** A value as an operand: a single cell is its value, a larger range its block of values. */
  operand(v: Value): Scalar | Matrix {
    if (v instanceof Ref) return v.single ? this.deref(v) : this.values(v);
    return v;
  }

  /** A value where one value is needed (arguments of PIRA functions, CHOOSE's index, MATCH's key). */
  scalar(v: Value, what: string): Scalar {
    const o = this.operand(v);
    if (o instanceof Matrix) {
      if (o.height === 1 && o.width === 1) return o.rows[0][0];
      throw new Error(`${what}: serve un valore singolo, non una matrice ${o.height}×${o.width}`);
    }
    return o;
  }

  matrix(v: Value): Matrix {
    const o = this.operand(v);
    return o instanceof Matrix ? o : new Matrix([[o]]);
  }

  eval(node: Node, ctx: Context): Value {
    if (node.type === "unary" || node.type === "binary" || node.type === "call") {
      const key = arrayKeyOf(node);
      if (key !== null) {
        const memoKey = `${ctx.sheet ?? ""}\u0000${key}`;
        let v = this.arrayResults.get(memoKey);
        if (v === undefined) {
          v = this.compute(node, ctx);
          this.arrayResults.set(memoKey, v);
        }
        return v;
      }
    }
    return this.compute(node, ctx);
  }

  private compute(node: Node, ctx: Context): Value {
    switch (node.type) {
      case "literal":
        return node.value;
      case "array":
        return new Matrix(node.rows);
      case "ref": {
        const sheet = node.sheet === null ? ctx.sheet : this.sheetName(node.sheet);
        if (sheet === null) throw new Error("Riferimento senza foglio fuori da un foglio");
        return new Ref(sheet, node.from.row, node.from.column, node.to.row, node.to.column);
      }
      case "name": {
        const refersTo = this.names.get(node.name.toUpperCase());
        if (refersTo === undefined) throw new Error(`Nome sconosciuto: ${node.name}`);
        // Names refer with sheet-qualified references, so they need no sheet of their own.
        return this.eval(parseFormula(refersTo), { sheet: null });
      }
      case "unary": {
        const v = this.operand(this.eval(node.operand, ctx));
        if (node.op === "+") return v;
        return elementwise2(v, -1, (x, m) => arithmetic("*", x, m));
      }
      case "binary": {
        const a = this.operand(this.eval(node.left, ctx));
        const b = this.operand(this.eval(node.right, ctx));
        const op = node.op;
        return elementwise2(a, b, (x, y) => binary(op, x, y));
      }
      case "call": {
        const fn = FUNCTIONS.get(node.name);
        if (fn === undefined) throw new Error(`Funzione non supportata dal valutatore: ${node.name}`);
        return fn(this, node.args, ctx);
      }
    }
  }

  /** An argument's value; an omitted argument is an empty value. */
  arg(node: Node | null, ctx: Context): Value {
    return node === null ? null : this.eval(node, ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// Functions

function arity(name: string, args: unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    throw new Error(`${name}: ${args.length} argomenti, attesi da ${min} a ${max}`);
  }
}

function elementFunction(name: string, f: (x: Scalar) => Scalar): FunctionImpl {
  return (ev, args, ctx) => {
    arity(name, args, 1, 1);
    return elementwise([ev.operand(ev.arg(args[0], ctx))], ([x]) => f(x));
  };
}

function numeric(f: (n: number) => number): (x: Scalar) => Scalar {
  return (x) => {
    const n = toNumber(x);
    return n instanceof ExcelError ? n : f(n);
  };
}

function textual(f: (s: string) => string): (x: Scalar) => Scalar {
  return (x) => {
    const s = toText(x);
    return s instanceof ExcelError ? s : f(s);
  };
}

/** AND/OR: ranges and arrays count their booleans and numbers, ignoring text and empty cells. */
function logicalValues(ev: WorkbookEvaluator, args: (Node | null)[], ctx: Context): boolean[] | ExcelError {
  const out: boolean[] = [];
  for (const node of args) {
    const v = ev.arg(node, ctx);
    if (v instanceof Ref || v instanceof Matrix) {
      for (const x of flatten(ev.matrix(v))) {
        if (x instanceof ExcelError) return x;
        if (typeof x === "boolean") out.push(x);
        else if (typeof x === "number") out.push(x !== 0);
      }
    } else if (v !== null) {
      const b = toBoolean(v);
      if (b instanceof ExcelError) return b;
      out.push(b);
    }
  }
  return out.length > 0 ? out : new ExcelError("#VALUE!");
}

/** MATCH type 0 text: case-insensitive, with Excel's wildcards * ? and ~ escapes. */
function textMatcher(pattern: string): (s: string) => boolean {
  if (!/[*?~]/.test(pattern)) {
    const lower = pattern.toLowerCase();
    return (s) => s.toLowerCase() === lower;
  }
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  const regex = new RegExp(`^${re}$`, "i");
  return (s) => regex.test(s);
}

type CustomFunction = (...args: unknown[]) => unknown;

/** A custom function: errors in arguments propagate without calling it; its thrown errors become values. */
function customFunction(name: string, impl: CustomFunction, maxArgs: number): FunctionImpl {
  return (ev, args, ctx) => {
    arity(name, args, 1, maxArgs);
    const values: unknown[] = [];
    for (const node of args) {
      if (node === null) {
        values.push(undefined);
        continue;
      }
      const v = ev.scalar(ev.eval(node, ctx), name);
      if (v instanceof ExcelError) return v;
      values.push(v);
    }
    try {
      const result = impl(...values);
      if (typeof result === "number" || typeof result === "string" || typeof result === "boolean") return result;
      throw new Error(`${name} ha restituito ${String(result)}`);
    } catch (e) {
      if (e instanceof CustomFunctions.Error) {
        const code = ERROR_CODES.find((c) => c === e.code);
        return new ExcelError(code ?? "#VALUE!");
      }
      throw e;
    }
  };
}

const FUNCTIONS = new Map<string, FunctionImpl>([
  [
    "IF",
    (ev, args, ctx) => {
      arity("IF", args, 2, 3);
      const cond = ev.operand(ev.arg(args[0], ctx));
      // An omitted value_if_true is 0; a missing value_if_false is FALSE, an empty one 0.
      const branch = (i: number): Value => (i >= args.length ? false : args[i] === null ? 0 : ev.arg(args[i], ctx));
      if (!(cond instanceof Matrix)) {
        const b = toBoolean(cond);
        if (b instanceof ExcelError) return b;
        return branch(b ? 1 : 2);
      }
      return elementwise([cond, ev.operand(branch(1)), ev.operand(branch(2))], ([c, t, f]) => {
        const b = toBoolean(c);
        return b instanceof ExcelError ? b : b ? t : f;
      });
    },
  ],
  [
    "IFERROR",
    (ev, args, ctx) => {
      arity("IFERROR", args, 2, 2);
      const v = ev.arg(args[0], ctx);
      const o = ev.operand(v);
      const fallback = (): Value => (args[1] === null ? 0 : ev.arg(args[1], ctx));
      if (!(o instanceof Matrix)) return o instanceof ExcelError ? fallback() : v;
      if (!flatten(o).some((x) => x instanceof ExcelError)) return o;
      return elementwise([o, ev.operand(fallback())], ([x, alt]) => (x instanceof ExcelError ? alt : x));
    },
  ],
  [
    "AND",
    (ev, args, ctx) => {
      arity("AND", args, 1, 255);
      const values = logicalValues(ev, args, ctx);
      return values instanceof ExcelError ? values : values.every((b) => b);
    },
  ],
  [
    "OR",
    (ev, args, ctx) => {
      arity("OR", args, 1, 255);
      const values = logicalValues(ev, args, ctx);
      return values instanceof ExcelError ? values : values.some((b) => b);
    },
  ],
  [
    "NOT",
    elementFunction("NOT", (x) => {
      const b = toBoolean(x);
      return b instanceof ExcelError ? b : !b;
    }),
  ],
  ["ISNUMBER", elementFunction("ISNUMBER", (x) => typeof x === "number")],
  ["ISLOGICAL", elementFunction("ISLOGICAL", (x) => typeof x === "boolean")],
  // Excel's TRIM removes only the ASCII space (not tabs or non-breaking spaces) and collapses runs.
  [
    "TRIM",
    elementFunction(
      "TRIM",
      textual((s) => s.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ")),
    ),
  ],
  [
    "UPPER",
    elementFunction(
      "UPPER",
      textual((s) => s.toUpperCase()),
    ),
  ],
  ["INT", elementFunction("INT", numeric(Math.floor))],
  ["ABS", elementFunction("ABS", numeric(Math.abs))],
  [
    "ROUND",
    (ev, args, ctx) => {
      arity("ROUND", args, 2, 2);
      const digits = toNumber(ev.operand(ev.arg(args[1], ctx)) as Scalar);
      if (digits instanceof ExcelError) return digits;
      // Excel rounds half away from zero.
      const factor = 10 ** Math.trunc(digits);
      return elementwise([ev.operand(ev.arg(args[0], ctx))], ([x]) =>
        numeric((n) => (Math.sign(n) * Math.round(Math.abs(n) * factor)) / factor)(x),
      );
    },
  ],
  [
    "MAX",
    (ev, args, ctx) => {
      arity("MAX", args, 1, 255);
      let max: number | null = null;
      const take = (n: number) => (max = max === null || n > max ? n : max);
      for (const node of args) {
        const v = ev.arg(node, ctx);
        if (v instanceof Ref || v instanceof Matrix) {
          // Inside ranges and arrays only numbers count.
          for (const x of flatten(ev.matrix(v))) {
            if (x instanceof ExcelError) return x;
            if (typeof x === "number") take(x);
          }
        } else {
          const n = toNumber(v);
          if (n instanceof ExcelError) return n;
          take(n);
        }
      }
      return max ?? 0;
    },
  ],
  [
    "SUMPRODUCT",
    (ev, args, ctx) => {
      arity("SUMPRODUCT", args, 1, 255);
      const arrays = args.map((node) => ev.matrix(ev.arg(node, ctx)));
      const { height, width } = arrays[0];
      if (arrays.some((m) => m.height !== height || m.width !== width)) return new ExcelError("#VALUE!");
      let sum = 0;
      for (let r = 0; r < height; r++) {
        for (let c = 0; c < width; c++) {
          let product = 1;
          for (const m of arrays) {
            const x = m.rows[r][c];
            if (x instanceof ExcelError) return x;
            product *= typeof x === "number" ? x : 0;
          }
          sum += product;
        }
      }
      return sum;
    },
  ],
  [
    "CHOOSE",
    (ev, args, ctx) => {
      arity("CHOOSE", args, 2, 255);
      const index = toNumber(ev.scalar(ev.arg(args[0], ctx), "CHOOSE"));
      if (index instanceof ExcelError) return index;
      const i = Math.trunc(index);
      if (i < 1 || i >= args.length) return new ExcelError("#VALUE!");
      return ev.arg(args[i], ctx);
    },
  ],
  [
    "MATCH",
    (ev, args, ctx) => {
      arity("MATCH", args, 2, 3);
      const type = args.length === 3 ? toNumber(ev.scalar(ev.arg(args[2], ctx), "MATCH")) : 1;
      if (type instanceof ExcelError) return type;
      if (type !== 0) throw new Error(`MATCH: il valutatore supporta solo la corrispondenza esatta (0), non ${type}`);
      const key = ev.scalar(ev.arg(args[0], ctx), "MATCH");
      if (key instanceof ExcelError) return key;
      const within = ev.arg(args[1], ctx);
      if (!(within instanceof Ref || within instanceof Matrix)) {
        throw new Error("MATCH: il secondo argomento deve essere un intervallo o una matrice");
      }
      const m = ev.matrix(within);
      if (m.height !== 1 && m.width !== 1) return new ExcelError("#N/A");
      if (key === null) return new ExcelError("#N/A");
      const isMatch =
        typeof key === "string"
          ? (
              (t) => (x: Scalar) =>
                typeof x === "string" && t(x)
            )(textMatcher(key))
          : (x: Scalar) => x === key;
      const found = flatten(m).findIndex(isMatch);
      return found >= 0 ? found + 1 : new ExcelError("#N/A");
    },
  ],
  [
    // INDEX(range, row, column) over a reference: the cell itself (1-based within the range).
    "INDEX",
    (ev, args, ctx) => {
      arity("INDEX", args, 2, 3);
      const within = ev.arg(args[0], ctx);
      if (!(within instanceof Ref)) throw new Error("INDEX: il valutatore supporta solo un intervallo");
      const row = toNumber(ev.scalar(ev.arg(args[1], ctx), "INDEX"));
      if (row instanceof ExcelError) return row;
      const column = args.length === 3 ? toNumber(ev.scalar(ev.arg(args[2], ctx), "INDEX")) : 1;
      if (column instanceof ExcelError) return column;
      const r = within.top + Math.trunc(row) - 1;
      const c = within.left + Math.trunc(column) - 1;
      if (row < 1 || column < 1 || r > within.bottom || c > within.right) return new ExcelError("#REF!");
      return new Ref(within.sheet, r, c, r, c);
    },
  ],
  ["PIRA.SCORE", customFunction("PIRA.SCORE", score as CustomFunction, 3)],
  ["PIRA.STATUS", customFunction("PIRA.STATUS", status as CustomFunction, 5)],
]);

/** Evaluates one formula on its own, or against a workbook description. */
export function evaluateFormula(
  formula: string,
  workbook: WorkbookDescription = { sheets: [], names: [] },
  sheet: string | null = null,
): Scalar | Matrix {
  return new WorkbookEvaluator(workbook).evaluate(formula, sheet);
}
