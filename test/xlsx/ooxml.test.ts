// The sheet reader over a package's XML, on the ways writers other than exceljs save cells:
// absolute part names (openpyxl), namespace prefixes (Open XML SDK), inline strings, rich-text
// shared strings, formulas with and without cached values, cells without references.
import JSZip from "jszip";
import { NotAWorkbookError, readSheetCells } from "../../src/xlsx/ooxml";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function pack(options: { absolute: boolean; prefix: string; sheet: string; shared?: string }): Promise<Buffer> {
  const x = options.prefix ? `${options.prefix}:` : "";
  const ns = `xmlns${options.prefix ? `:${options.prefix}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const target = (p: string) => (options.absolute ? `/xl/${p}` : p);
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${options.absolute ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<${x}workbook ${ns} xmlns:r="${REL}"><${x}sheets><${x}sheet name="Altro" sheetId="1" r:id="rId1"/>` +
      `<${x}sheet name="Indicatori &amp; co" sheetId="2" r:id="rId2"/></${x}sheets></${x}workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="${target("worksheets/sheet1.xml")}"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="${target("worksheets/sheet2.xml")}"/>` +
      (options.shared
        ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="${target("sharedStrings.xml")}"/>`
        : "") +
      `</Relationships>`,
  );
  zip.file("xl/worksheets/sheet1.xml", `<${x}worksheet ${ns}><${x}sheetData/></${x}worksheet>`);
  zip.file(
    "xl/worksheets/sheet2.xml",
    `<${x}worksheet ${ns}><${x}sheetData>${options.sheet}</${x}sheetData></${x}worksheet>`,
  );
  if (options.shared) zip.file("xl/sharedStrings.xml", `<${x}sst ${ns}>${options.shared}</${x}sst>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

const SHARED =
  '<si><t>Indicatore</t></si><si><r><t xml:space="preserve">Consuntivo </t></r><r><rPr><b/></rPr><t>2023</t></r>' +
  "<rPh><t>ふりがな</t></rPh></si><si><t>a &lt; b &amp; c_x000D_</t></si>";

function sheetXml(x: string): string {
  const c = (attrs: string, body = "") => (body ? `<${x}c ${attrs}>${body}</${x}c>` : `<${x}c ${attrs}/>`);
  const v = (text: string) => `<${x}v>${text}</${x}v>`;
  return (
    `<${x}row r="1">${c('r="A1" t="s"', v("0"))}${c('r="B1" t="s"', v("1"))}${c('r="C1" t="s"', v("2"))}</${x}row>` +
    `<${x}row r="3">${c('r="A3" t="inlineStr"', `<${x}is><${x}t>1.1</${x}t></${x}is>`)}${c('r="B3"', v("6.5"))}` +
    `${c('r="C3"', `<${x}f>1-1</${x}f>${v("0")}`)}${c('r="D3"', `<${x}f>A1*2</${x}f>`)}${c('r="E3" t="b"', v("1"))}` +
    `${c('r="F3" t="e"', v("#DIV/0!"))}${c('r="G3" t="str"', `<${x}f>"x"</${x}f>${v("x")}`)}` +
    `${c('r="H3" t="d"', v("2023-12-15"))}${c('r="I3" s="1"')}</${x}row>` +
    // Cells and a row without references follow the ones before them.
    `<${x}row>${c("", v("1"))}${c("", v("2"))}</${x}row>`
  );
}

describe("readSheetCells", () => {
  it.each([
    ["relative part names, no prefix", false, ""],
    ["absolute part names (openpyxl)", true, ""],
    ["prefixed elements (Open XML SDK)", false, "x"],
  ])("reads every kind of cell: %s", async (_name, absolute, prefix) => {
    const data = await pack({ absolute, prefix, sheet: sheetXml(prefix ? `${prefix}:` : ""), shared: SHARED });
    const cells = (await readSheetCells(data, "INDICATORI & CO"))!;
    expect(cells).not.toBeNull();
    expect([1, 2, 3].map((c) => cells.get(1, c))).toEqual(["Indicatore", "Consuntivo 2023", "a < b & c\r"]);
    expect(cells.columnCount(1)).toBe(3);
    expect(Array.from({ length: 9 }, (_v, i) => cells.get(3, i + 1))).toEqual([
      "1.1",
      6.5,
      0,
      { error: "formula «=A1*2» senza valore calcolato (apri e salva il file in Excel)" },
      true,
      { error: "#DIV/0!" },
      "x",
      45275,
      null,
    ]);
    expect([cells.get(4, 1), cells.get(4, 2)]).toEqual([1, 2]);
    expect(cells.rowCount).toBe(4);
    expect(cells.get(2, 1)).toBeNull();
  });

  it("gives null for a sheet the workbook lacks, and refuses what is no package", async () => {
    const data = await pack({ absolute: false, prefix: "", sheet: "" });
    expect(await readSheetCells(data, "Obiettivi")).toBeNull();
    await expect(readSheetCells(Buffer.from("indicatore;anno"), "Indicatori")).rejects.toThrow(NotAWorkbookError);
    const empty = new JSZip();
    empty.file("a.txt", "x");
    await expect(readSheetCells(await empty.generateAsync({ type: "nodebuffer" }), "Indicatori")).rejects.toThrow(
      NotAWorkbookError,
    );
  });
});
