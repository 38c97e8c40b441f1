// What exceljs 4.4 cannot write, added to its zip afterwards: the stopIfTrue flags of the
// conditional formats, the workbook names with their comments, and the charts (charts.ts).
import JSZip from "jszip";
import type { NameSpec, SheetSpec } from "../workbook/types";
import { FONT } from "../workbook/format";
import { addCharts } from "./charts";

function xmlAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A sheet name as a reference writes it: quoted when it is not a plain word. */
function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The built-in names of each sheet's print titles and print area (local to the sheet, by index). */
function printNamesXml(sheets: readonly SheetSpec[]): string[] {
  const items: string[] = [];
  sheets.forEach((sheet, index) => {
    const print = sheet.print;
    if (!print) return;
    const ref = (address: string) => `${sheetReference(sheet.name)}!${address}`;
    const titles = [print.titleColumns, print.titleRows].filter((t): t is string => t !== undefined).map(ref);
    if (titles.length > 0) {
      items.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlText(titles.join(","))}</definedName>`,
      );
    }
    if (print.printArea) {
      const area = print.printArea.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      items.push(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${xmlText(ref(area))}</definedName>`);
    }
  });
  return items;
}

/** Workbook names, written by hand: exceljs knows only cell-range names and no comments. */
function definedNamesXml(names: readonly NameSpec[], sheets: readonly SheetSpec[]): string {
  const printNames = printNamesXml(sheets);
  if (names.length === 0 && printNames.length === 0) return "";
  const items = names.map((n) => {
    const comment = n.comment ? ` comment="${xmlAttr(n.comment)}"` : "";
    return `<definedName name="${xmlAttr(n.name)}"${comment}>${xmlText(n.refersTo.replace(/^=/, ""))}</definedName>`;
  });
  return `<definedNames>${[...printNames, ...items].join("")}</definedNames>`;
}

/**
 * The workbook's default font (the first of styles.xml) becomes FONT: spreadsheets measure column
 * widths in its digits, and exceljs' Calibri 11 is drawn by LibreOffice with a wider stand-in
 * where Carlito is missing, so every column (and every page) came out wider than described.
 */
async function setDefaultFont(zip: JSZip): Promise<void> {
  const path = "xl/styles.xml";
  const xml = await zip.file(path)!.async("string");
  const first = /<fonts([^>]*)><font>.*?<\/font>/.exec(xml);
  if (!first) throw new Error("Struttura inattesa di xl/styles.xml scritto da exceljs.");
  const font = `<font><sz val="${FONT.size}"/><name val="${FONT.name}"/><family val="2"/></font>`;
  zip.file(path, xml.replace(first[0], `<fonts${first[1]}>${font}`));
}

/** Adds to exceljs' zip what it cannot express: stopIfTrue flags, the workbook names and the charts. */
export async function patchZip(
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
  if (names.length > 0 || sheets.some((s) => s.print?.titleRows || s.print?.titleColumns || s.print?.printArea)) {
    const path = "xl/workbook.xml";
    const xml = await zip.file(path)!.async("string");
    if (!xml.includes("</sheets>") || xml.includes("<definedNames")) {
      throw new Error("Struttura inattesa di xl/workbook.xml scritto da exceljs.");
    }
    zip.file(path, xml.replace("</sheets>", `</sheets>${definedNamesXml(names, sheets)}`));
  }
  await setDefaultFont(zip);
  await addCharts(zip, sheets);
  // Level 3: half the time of the default 6 on the 100× plan, for a file about a fifth larger.
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 3 } });
}
