// The cells of one sheet of an .xlsx, read straight from its XML parts (with JSZip). Not with
// exceljs: its reader fails on files other programs save (openpyxl writes absolute part names,
// "/xl/worksheets/sheet1.xml", and exceljs ends in a TypeError) and drops falsy formula results.
// Only what reading values needs: the package's relationships, shared and inline strings, cell
// types, formulas with or without a cached value. Element names may carry a namespace prefix
// ("x:c"), as files written by the Open XML SDK have.
import JSZip from "jszip";
import type { Cell, CellError } from "../workbook/read";

/** A sheet's cells by 1-based row and column; absent cells are empty. */
export interface SheetCells {
  get(row: number, column: number): Cell | CellError;
  /** The last row holding a cell element. */
  rowCount: number;
  /** The last column holding a cell element in a row. */
  columnCount(row: number): number;
}

export class NotAWorkbookError extends Error {}

const P = "(?:[\\w.-]+:)?";
const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;

function elements(xml: string, name: string): { attributes: string; body: string }[] {
  const re = new RegExp(`<${P}${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${P}${name}>)`, "g");
  return [...xml.matchAll(re)].map((m) => ({ attributes: m[1], body: m[2] ?? "" }));
}

function attribute(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${P}${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? decodeXml(m[1] ?? m[2]) : null;
}

/** XML entities, then OOXML's own escapes of characters XML cannot hold ("_x000D_"). */
function decodeXml(text: string): string {
  return text
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi, (_m, hex, dec, named: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number(dec));
      return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[named.toLowerCase()] ?? "";
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item (<si>, <is>): its runs joined, phonetic guides left out. */
function stringItem(body: string): string {
  const withoutPhonetics = body.replace(new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, "g"), "");
  return elements(withoutPhonetics, "t")
    .map((t) => decodeXml(t.body))
    .join("");
}

/** A part name from a relationship target: absolute ("/xl/…") or relative to the source part's folder. */
function resolvePart(sourcePart: string, target: string): string {
  const parts = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const piece of target.replace(/^\/+/, "").split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function partText(zip: JSZip, name: string): Promise<string | null> {
  // Part names are case-insensitive in a package.
  const file = zip.file(name) ?? zip.file(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"))[0];
  return file ? file.async("string") : null;
}

interface Relationship {
  type: string;
  part: string;
}

async function relationships(zip: JSZip, sourcePart: string): Promise<Map<string, Relationship>> {
  const xml = (await partText(zip, relsPartOf(sourcePart))) ?? "";
  const out = new Map<string, Relationship>();
  for (const r of elements(xml, "Relationship")) {
    const id = attribute(r.attributes, "Id");
    const target = attribute(r.attributes, "Target");
    if (id === null || target === null || attribute(r.attributes, "TargetMode") === "External") continue;
    out.set(id, { type: attribute(r.attributes, "Type") ?? "", part: resolvePart(sourcePart, target) });
  }
  return out;
}

/** "AB12" → column 28 (1-based); null when the reference has no letters. */
function columnOfReference(reference: string): number | null {
  const m = /^\$?([A-Z]+)\$?\d*$/i.exec(reference);
  if (!m) return null;
  return [...m[1].toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

function isoDateSerial(text: string): number | null {
  const time = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(time) ? null : UNIX_EPOCH_SERIAL + time / DAY_MS;
}

/** A cell's value as the sheet shows it; a formula counts by the value it computed when saved. */
function cellValue(attributes: string, body: string, shared: string[]): Cell | CellError {
  const type = attribute(attributes, "t") ?? "n";
  const v = elements(body, "v")[0];
  const formula = elements(body, "f")[0];
  const raw = v === undefined ? null : decodeXml(v.body);
  const trimmedText = (s: string): Cell => (s.trim() === "" ? null : s);
  if (type === "inlineStr") {
    const is = elements(body, "is")[0];
    return trimmedText(is ? stringItem(is.body) : (raw ?? ""));
  }
  if (raw === null) {
    if (formula === undefined) return null;
    // Saved without a computed value (openpyxl, some generators): what it would give is unknown.
    const text = decodeXml(formula.body).trim();
    return { error: `formula${text ? ` «=${text}»` : ""} senza valore calcolato (apri e salva il file in Excel)` };
  }
  switch (type) {
    case "s": {
      const item = shared[Number(raw)];
      return item === undefined ? { error: "testo mancante nel file" } : trimmedText(item);
    }
    case "str":
      return trimmedText(raw);
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return { error: raw };
    case "d": {
      const serial = isoDateSerial(raw.trim());
      return serial === null ? { error: `data non leggibile «${raw}»` } : serial;
    }
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : { error: `numero non leggibile «${raw}»` };
    }
  }
}

/** The sheets of one workbook, read from a package opened once. */
export interface WorkbookCells {
  /** The cells of the sheet named `sheetName` (compared as Excel does, ignoring case); null when absent. */
  sheet(sheetName: string): Promise<SheetCells | null>;
}

/** Opens an .xlsx package. Throws NotAWorkbookError when the data is no .xlsx package. */
export async function openWorkbookCells(data: Uint8Array): Promise<WorkbookCells> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new NotAWorkbookError("not a zip");
  }
  const root = await relationships(zip, "");
  const office = [...root.values()].find((r) => /\/officeDocument$/.test(r.type));
  const workbookPart = office?.part ?? "xl/workbook.xml";
  const workbookXml = await partText(zip, workbookPart);
  if (workbookXml === null) throw new NotAWorkbookError("no workbook part");
  const workbookRels = await relationships(zip, workbookPart);
  const sharedRel = [...workbookRels.values()].find((r) => /\/sharedStrings$/.test(r.type));
  const sharedXml = sharedRel ? await partText(zip, sharedRel.part) : null;
  const shared = sharedXml === null ? [] : elements(sharedXml, "si").map((si) => stringItem(si.body));
  const sheets = elements(workbookXml, "sheet");

  return {
    async sheet(sheetName: string): Promise<SheetCells | null> {
      const wanted = sheetName.toLocaleUpperCase("it");
      const sheet = sheets.find((s) => (attribute(s.attributes, "name") ?? "").toLocaleUpperCase("it") === wanted);
      if (!sheet) return null;
      const id = attribute(sheet.attributes, "id");
      const sheetPart = id === null ? undefined : workbookRels.get(id)?.part;
      const sheetXml = sheetPart === undefined ? null : await partText(zip, sheetPart);
      if (sheetXml === null) throw new NotAWorkbookError(`no part for sheet ${sheetName}`);
      return sheetCellsOf(sheetXml, shared);
    },
  };
}

function sheetCellsOf(sheetXml: string, shared: string[]): SheetCells {
  const rows = new Map<number, Map<number, Cell | CellError>>();
  const widths = new Map<number, number>();
  let rowNumber = 0;
  const sheetData = elements(sheetXml, "sheetData")[0]?.body ?? "";
  for (const row of elements(sheetData, "row")) {
    rowNumber = Number(attribute(row.attributes, "r") ?? rowNumber + 1);
    const cells = new Map<number, Cell | CellError>();
    let column = 0;
    for (const c of elements(row.body, "c")) {
      const reference = attribute(c.attributes, "r");
      column = (reference === null ? null : columnOfReference(reference)) ?? column + 1;
      cells.set(column, cellValue(c.attributes, c.body, shared));
    }
    rows.set(rowNumber, cells);
    widths.set(rowNumber, column === 0 ? 0 : Math.max(...cells.keys()));
  }
  return {
    get: (r, c) => rows.get(r)?.get(c) ?? null,
    rowCount: rows.size === 0 ? 0 : Math.max(...rows.keys()),
    columnCount: (r) => widths.get(r) ?? 0,
  };
}

/**
 * The cells of the sheet named `sheetName`; null when the workbook has no such sheet. Throws
 * NotAWorkbookError when the data is no .xlsx package.
 */
export async function readSheetCells(data: Uint8Array, sheetName: string): Promise<SheetCells | null> {
  return (await openWorkbookCells(data)).sheet(sheetName);
}
