// The charts of a WorkbookDescription as DrawingML parts of the .xlsx, written by hand because
// exceljs 4.4 cannot write charts: xl/charts/chartN.xml (a clustered horizontal bar chart over the
// description's ranges), xl/drawings/drawingN.xml (where it sits), their relationships, the
// <drawing> element of the sheet and the content types. So a reviewer who opens the file in
// Excel or LibreOffice, without the add-in, sees the same bars the Office.js adapter draws.
//
// The series read the sheet's cells (c:strRef/c:numRef), and carry caches of what the description
// already knows (category labels, literal numbers): a viewer that does not recalculate still
// shows the labels; formula results are left to the spreadsheet, which the file asks to recalculate.
import type JSZip from "jszip";
import { parseCell, splitSheetAddress, type CellRef } from "../workbook/address";
import type { CellSpec, ChartSpec, SheetSpec } from "../workbook/types";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

const REL_TYPE = {
  chart: `${NS.r}/chart`,
  drawing: `${NS.r}/drawing`,
  worksheet: `${NS.r}/worksheet`,
} as const;

export const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
} as const;

/** The bars' colour: the Cruscotto tab's green, so the chart reads as part of the dashboard. */
const BAR_COLOUR = "548235";
/** Category and value axis ids within one chart (any two distinct unsigned integers). */
const CAT_AX = 500000001;
const VAL_AX = 500000002;

// XML 1.0 forbids these control characters even escaped; a PDF conversion may leave some in a title.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(XML_FORBIDDEN, "");
}

/** A range of one column or one row on a named sheet, as the chart spec gives it. */
export interface ChartRange {
  sheet: string;
  from: CellRef;
  to: CellRef;
  /** The reference as the file stores it, without "=". */
  formula: string;
}

export function chartRange(reference: string): ChartRange {
  const { sheet, address } = splitSheetAddress(reference);
  const [first, last = first] = address.split(":");
  const from = parseCell(first);
  const to = parseCell(last);
  if (from.row !== to.row && from.column !== to.column) {
    throw new Error(`Intervallo del grafico su più righe e colonne: «${reference}»`);
  }
  return { sheet, from, to, formula: reference.trim().replace(/^=/, "") };
}

function cellsOf(range: ChartRange): CellRef[] {
  const cells: CellRef[] = [];
  for (let row = range.from.row; row <= range.to.row; row++) {
    for (let column = range.from.column; column <= range.to.column; column++) cells.push({ row, column });
  }
  return cells;
}

/** The description's cell at a position of the sheet (a table header, a body cell or a range cell). */
export function describedCell(sheet: SheetSpec, at: CellRef): CellSpec | undefined {
  for (const table of sheet.tables) {
    const top = parseCell(table.topLeft);
    const column = at.column - top.column;
    if (column < 0 || column >= table.columns.length) continue;
    if (at.row === top.row) return table.columns[column].header;
    const row = table.rows[at.row - top.row - 1];
    if (row !== undefined) return row[column] ?? null;
  }
  for (const range of sheet.ranges) {
    const top = parseCell(range.topLeft);
    const row = range.rows[at.row - top.row];
    if (row === undefined || at.column < top.column) continue;
    const cell = row[at.column - top.column];
    if (cell !== undefined) return cell;
  }
  return undefined;
}

/** Cached points: the literal cells the description holds; formulas and blanks are left out. */
function cachePoints(
  sheets: readonly SheetSpec[],
  range: ChartRange,
  keep: (cell: CellSpec | undefined) => string | null,
): { count: number; points: string } {
  const sheet = sheets.find((s) => s.name === range.sheet);
  const cells = cellsOf(range);
  const points = cells
    .map((at, index) => {
      const value = sheet === undefined ? null : keep(describedCell(sheet, at));
      return value === null ? "" : `<c:pt idx="${index}"><c:v>${esc(value)}</c:v></c:pt>`;
    })
    .join("");
  return { count: cells.length, points };
}

const literalText = (cell: CellSpec | undefined): string | null =>
  typeof cell === "string" ? cell : typeof cell === "number" ? String(cell) : null;
const literalNumber = (cell: CellSpec | undefined): string | null =>
  typeof cell === "number" && Number.isFinite(cell) ? String(cell) : null;

/** The header above a column range (a table's header cell), for the category axis title. */
function headerAbove(sheets: readonly SheetSpec[], range: ChartRange): string | null {
  const sheet = sheets.find((s) => s.name === range.sheet);
  if (sheet === undefined || range.from.row === 0) return null;
  const cell = describedCell(sheet, { row: range.from.row - 1, column: range.from.column });
  return typeof cell === "string" && cell.trim() !== "" ? cell : null;
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="it-IT" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, size: number, bold: boolean): string {
  return `<c:title>${richText(text, size, bold)}<c:overlay val="0"/></c:title>`;
}

/** xl/charts/chartN.xml: one clustered horizontal bar chart, percent axis 0..100 %, labelled bars. */
export function chartXml(spec: ChartSpec, sheets: readonly SheetSpec[]): string {
  if (spec.type !== "barClustered") throw new Error(`Tipo di grafico non supportato: ${String(spec.type)}`);
  const categories = chartRange(spec.categories);
  const values = chartRange(spec.values);
  const cat = cachePoints(sheets, categories, literalText);
  const val = cachePoints(sheets, values, literalNumber);
  const catTitle = headerAbove(sheets, categories);
  const textSize = (size: number) =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="it-IT"/></a:p></c:txPr>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:lang val="it-IT"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title, 1200, true)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${esc(spec.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOUR}"/></a:solidFill></c:spPr>` +
    `<c:invertIfNegative val="0"/>` +
    `<c:dLbls><c:numFmt formatCode="0.00%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `${textSize(800)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${esc(categories.formula)}</c:f><c:strCache><c:ptCount val="${cat.count}"/>${cat.points}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(values.formula)}</c:f><c:numCache><c:formatCode>0.00%</c:formatCode>` +
    `<c:ptCount val="${val.count}"/>${val.points}</c:numCache></c:numRef></c:val>` +
    `</c:ser>` +
    `<c:gapWidth val="60"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    // First category on top, as in the table beside the chart; the value axis then crosses at the bottom.
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/>${catTitle === null ? "" : title(catTitle, 900, false)}` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textSize(700)}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>${title(spec.seriesName, 900, false)}` +
    `<c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textSize(800)}<c:crossAx val="${CAT_AX}"/><c:crosses val="max"/>` +
    `<c:crossBetween val="between"/><c:majorUnit val="0.2"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** A 0-based cell as a drawing marker; `after` moves to the far edge of the cell. */
function marker(tag: "from" | "to", cell: CellRef, after: boolean): string {
  const column = cell.column + (after ? 1 : 0);
  const row = cell.row + (after ? 1 : 0);
  return (
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/**
 * xl/drawings/drawingN.xml: one anchor per chart, from the top-left of `from` to the bottom-right
 * of `to` (as Office.js setPosition places them); chart i is relationship rId{i+1}.
 */
export function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts.map((spec, i) => {
    const from = parseCell(spec.from);
    const to = parseCell(spec.to);
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from, false)}${marker("to", to, true)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(`Grafico ${i + 1}`)}" descr="${esc(spec.title)}"/>` +
      `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`
  );
}

function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${items.join("")}</Relationships>`;
}

// CT_Worksheet: <drawing> comes after pageSetup, headerFooter, breaks, ignoredErrors…, and before these.
const AFTER_DRAWING = [
  "<legacyDrawing ",
  "<legacyDrawingHF ",
  "<picture ",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

/** The sheet XML with `<drawing r:id>` at the place the schema requires. */
export function withDrawingElement(sheetXml: string, relId: string): string {
  if (/<drawing[\s>]/.test(sheetXml)) throw new Error("Il foglio ha già un disegno: grafici non aggiunti.");
  if (!/xmlns:r="/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet"))))) {
    sheetXml = sheetXml.replace("<worksheet ", `<worksheet xmlns:r="${NS.r}" `);
  }
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) throw new Error("Foglio XML senza </worksheet>.");
  return `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
}

/** The next free "rIdN" among a relationships part's ids. */
function freeRelId(relsXml: string): string {
  const used = [...relsXml.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  return `rId${Math.max(0, ...used) + 1}`;
}

function freePart(zip: JSZip, folder: string, stem: string): { n: number; path: string } {
  for (let n = 1; ; n++) {
    const path = `${folder}/${stem}${n}.xml`;
    if (zip.file(path) === null) return { n, path };
  }
}

// No folder entries: exceljs writes none, and a package lists parts only.
function writePart(zip: JSZip, path: string, xml: string): void {
  zip.file(path, xml, { createFolders: false });
}

async function readPart(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`Manca ${path} nel file .xlsx.`);
  return file.async("string");
}

/** Sheet name → its part ("xl/worksheets/sheet1.xml"), from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readPart(zip, "xl/workbook.xml");
  const rels = await readPart(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target && m[0].includes(`"${REL_TYPE.worksheet}"`)) {
      targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) parts.set(unescapeXml(name), part);
  }
  return parts;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Adds every sheet's charts to an .xlsx zip written by exceljs: chart and drawing parts, their
 * relationships (next to the table relationships exceljs already wrote), the sheet's <drawing>
 * and the content types. Sheets without charts are left untouched.
 */
export async function addCharts(zip: JSZip, sheets: readonly SheetSpec[]): Promise<void> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return;
  const parts = await sheetParts(zip);
  const overrides: { part: string; type: string }[] = [];
  for (const sheet of withCharts) {
    const sheetPart = parts.get(sheet.name);
    if (sheetPart === undefined) throw new Error(`Manca il foglio «${sheet.name}» nel file .xlsx.`);
    const drawing = freePart(zip, "xl/drawings", "drawing");
    const chartRels = sheet.charts.map((spec, i) => {
      const chart = freePart(zip, "xl/charts", "chart");
      writePart(zip, chart.path, chartXml(spec, sheets));
      overrides.push({ part: chart.path, type: CONTENT_TYPE.chart });
      return { id: `rId${i + 1}`, type: REL_TYPE.chart, target: `../charts/chart${chart.n}.xml` };
    });
    writePart(zip, drawing.path, drawingXml(sheet.charts));
    writePart(zip, relsPathOf(drawing.path), relationshipsXml(chartRels));
    overrides.push({ part: drawing.path, type: CONTENT_TYPE.drawing });

    const sheetRelsPath = relsPathOf(sheetPart);
    const existing = zip.file(sheetRelsPath) === null ? null : await readPart(zip, sheetRelsPath);
    const relsXml = existing ?? relationshipsXml([]);
    const relId = freeRelId(relsXml);
    const drawingRel = `<Relationship Id="${relId}" Type="${REL_TYPE.drawing}" Target="../drawings/drawing${drawing.n}.xml"/>`;
    if (!relsXml.includes("</Relationships>")) throw new Error(`Struttura inattesa di ${sheetRelsPath}.`);
    writePart(zip, sheetRelsPath, relsXml.replace("</Relationships>", `${drawingRel}</Relationships>`));
    writePart(zip, sheetPart, withDrawingElement(await readPart(zip, sheetPart), relId));
  }
  const typesPath = "[Content_Types].xml";
  const types = await readPart(zip, typesPath);
  const added = overrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join("");
  writePart(zip, typesPath, types.replace("</Types>", `${added}</Types>`));
}
