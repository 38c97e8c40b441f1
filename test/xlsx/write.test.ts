// The exceljs adapter: what a WorkbookDescription becomes in the .xlsx, read back with exceljs
// and from the raw XML of the zip. (test/libreoffice/ checks what a spreadsheet computes from it.)
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   exceljs objects, not Office.js proxies: these rules mistake its getCell for Office.js calls. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fileColumnWidth, fileFormula, writeXlsx } from "../../src/xlsx";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { columnLetter, parseCell } from "../../src/workbook/address";
import { isFormula, type CellSpec, type SheetSpec, type WorkbookDescription } from "../../src/workbook/types";
import { sampleText } from "../helpers/sample";
import * as fs from "node:fs";
import * as path from "node:path";

const PROTECTED = { protect: true, password: "", allowAutoFilter: true, allowSort: false, allowFormatColumns: true };

const small: WorkbookDescription = {
  sheets: [
    {
      name: "Dati",
      tabColor: "#1F4E79",
      tables: [
        {
          name: "tblDati",
          topLeft: "B2",
          style: "TableStyleMedium2",
          columns: [
            { header: "Id", role: "data", numberFormat: "@", width: 9 },
            {
              header: "Valore",
              role: "input",
              numberFormat: "0.00%",
              width: 12,
              cellNumberFormats: ["0.00%", "dd/mm/yyyy", "General"],
            },
            { header: "Doppio", role: "formula", numberFormat: "0.00", wrap: true },
            { header: "Aiuto", role: "helper", numberFormat: "General" },
          ],
          rows: [
            ["=1+1", 0.5, { formula: "=C3*2" }, 1],
            ["+39 06", 45275, { formula: '=IFS(C4>1,"IFS(",TRUE,"no")' }, null],
            ["@SUM(A1)", true, { formula: "=C5*2" }, "x"],
          ],
        },
      ],
      ranges: [
        {
          topLeft: "G2",
          rows: [
            ["Titolo", { formula: "=SUM(tblDati[Doppio])" }],
            ["-5 N.", 3],
          ],
          numberFormat: [
            ["@", "0.0"],
            ["@", "General"],
          ],
          bold: true,
          fontSize: 14,
          unlocked: true,
          wrap: true,
        },
      ],
      conditionalFormats: [
        {
          range: "D3:D5",
          formula: "=$D3<1",
          style: { fill: "#FFC7CE", font: "#9C0006" },
          priority: 5,
          stopIfTrue: false,
          meaning: "red",
        },
        {
          range: "D3:D5",
          formula: "=$D3>=1",
          style: { fill: "#C6EFCE", font: "#006100" },
          priority: 2,
          stopIfTrue: true,
          meaning: "green",
        },
      ],
      validations: [
        {
          range: "C3:C5",
          type: "decimal",
          min: 0,
          max: 1,
          prompt: { title: "Valore", message: "Tra 0 e 1." },
          error: { title: "Non valido", message: 'Serve un numero "tra" 0 e 1 & basta.' },
        },
        { range: "H3", type: "decimal", prompt: { title: "N", message: "n" }, error: { title: "E", message: "e" } },
        { range: "H4", type: "date", prompt: { title: "D", message: "d" }, error: { title: "E", message: "e" } },
        {
          range: "H5",
          type: "list",
          values: ["proporzionale", "binario"],
          prompt: { title: "L", message: "l" },
          error: { title: "E", message: "e" },
        },
        {
          range: "H6:H7",
          type: "custom",
          formula: "=OR(H6=1,H6=2)",
          prompt: { title: "C", message: "c" },
          error: { title: "E", message: "e" },
        },
      ],
      charts: [
        {
          type: "barClustered",
          title: "Grafico",
          categories: "Dati!$B$3:$B$5",
          values: "Dati!$D$3:$D$5",
          seriesName: "Doppio",
          from: "J2",
          to: "P12",
        },
      ],
      freeze: { rows: 1, columns: 2 },
      columnWidths: { G: 30 },
      protection: PROTECTED,
    },
    {
      name: "Vuoto",
      tables: [
        {
          name: "tblVuota",
          topLeft: "A1",
          style: "TableStyleLight9",
          columns: [
            { header: "A", role: "data", numberFormat: "@" },
            { header: "=B", role: "input", numberFormat: "General" },
          ],
          rows: [],
        },
      ],
      ranges: [],
      conditionalFormats: [],
      validations: [],
      charts: [],
      protection: { ...PROTECTED, protect: false },
    },
  ],
  names: [{ name: "PIRA_X", refersTo: "=Dati!$H$3", comment: 'Un "nome" & <altro>' }],
};

interface Written {
  wb: ExcelJS.Workbook;
  zip: JSZip;
  xml: (file: string) => Promise<string>;
}

async function written(description: WorkbookDescription): Promise<Written> {
  const buffer = await writeXlsx(description);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const zip = await JSZip.loadAsync(buffer);
  return { wb, zip, xml: (file) => zip.file(file)!.async("string") };
}

/** The raw <c> element of one cell in a sheet's XML. */
function cellXml(sheetXml: string, address: string): string {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml);
  if (!m) throw new Error(`cella ${address} assente`);
  return m[0];
}

describe("fileFormula", () => {
  const rows: [string, string][] = [
    ["=IF(A1>0,1,0)", "IF(A1>0,1,0)"],
    ['=""', '""'],
    ["=IFS(A1>1,1,TRUE,0)", "_xlfn.IFS(A1>1,1,TRUE,0)"],
    ["=ifs(A1>1,1,TRUE,0)", "_xlfn.ifs(A1>1,1,TRUE,0)"],
    ['=IF(A1="IFS(x)",SWITCH(A1,1,2),CONCAT("a","b"))', 'IF(A1="IFS(x)",_xlfn.SWITCH(A1,1,2),_xlfn.CONCAT("a","b"))'],
    ["='IFS(a)'!A1+MAXIFS(B:B,C:C,1)", "'IFS(a)'!A1+_xlfn.MAXIFS(B:B,C:C,1)"],
    ["=_xlfn.IFS(A1,1)", "_xlfn.IFS(A1,1)"],
    ["=SUMPRODUCT((A1:A9=1)*(B1:B9>0),C1:C9)", "SUMPRODUCT((A1:A9=1)*(B1:B9>0),C1:C9)"],
    ["=MATCH(PIRA_Anno,{2023,2024},0)", "MATCH(PIRA_Anno,{2023,2024},0)"],
  ];
  it.each(rows)("%s → %s", (formula, expected) => {
    expect(fileFormula(formula)).toBe(expected);
  });
  it("refuses a formula without the leading =", () => {
    expect(() => fileFormula("SUM(A1)")).toThrow(/Formula senza "=" iniziale: «SUM\(A1\)»/);
  });
});

describe("writeXlsx on a hand-made description", () => {
  let out: Written;
  let sheetXml: string;
  beforeAll(async () => {
    out = await written(small);
    sheetXml = await out.xml("xl/worksheets/sheet1.xml");
  });

  it("writes the sheets in order with their tab colours", () => {
    expect(out.wb.worksheets.map((w) => w.name)).toEqual(["Dati", "Vuoto"]);
    expect(out.wb.getWorksheet("Dati")!.properties.tabColor).toEqual({ argb: "FF1F4E79" });
  });

  const literals: [string, string][] = [
    ["B3", "=1+1"],
    ["B4", "+39 06"],
    ["B5", "@SUM(A1)"],
    ["G3", "-5 N."],
  ];
  it.each(literals)("keeps %s as the literal text %p, never a formula", (address, text) => {
    const cell = out.wb.getWorksheet("Dati")!.getCell(address);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(text);
    expect(cellXml(sheetXml, address)).not.toContain("<f>");
  });

  const formulas: [string, string][] = [
    ["D3", "C3*2"],
    ["D4", '_xlfn.IFS(C4>1,"IFS(",TRUE,"no")'],
    ["H2", "SUM(tblDati[Doppio])"],
  ];
  it.each(formulas)("writes %s as the formula %s with no cached value", (address, formula) => {
    expect(out.wb.getWorksheet("Dati")!.getCell(address).formula).toBe(formula);
    expect(cellXml(sheetXml, address)).not.toContain("<v>");
  });

  it("asks for a full calculation on load", async () => {
    expect(await out.xml("xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("writes values of each type and per-cell number formats", () => {
    const ws = out.wb.getWorksheet("Dati")!;
    expect(ws.getCell("C3").value).toBe(0.5);
    // exceljs reads a number in a date format back as a Date: the serial is still 45275.
    expect((ws.getCell("C4").value as Date).toISOString()).toBe("2023-12-15T00:00:00.000Z");
    expect(ws.getCell("C5").value).toBe(true);
    expect(ws.getCell("E4").value).toBeNull();
    // "General" is Excel's built-in format 0, which exceljs reads back as no format.
    const format = (a: string) => ws.getCell(a).numFmt ?? "General";
    expect(["C3", "C4", "C5", "D3", "B3", "G2", "H2", "G3", "H3"].map(format)).toEqual([
      "0.00%",
      "dd/mm/yyyy",
      "General",
      "0.00",
      "@",
      "@",
      "0.0",
      "@",
      "General",
    ]);
  });

  it("makes the table with its name, range, headers and style", async () => {
    const table = await out.xml("xl/tables/table1.xml");
    expect(table).toMatch(/<table [^>]*name="tblDati"[^>]*ref="B2:E5"/);
    expect([...table.matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "Id",
      "Valore",
      "Doppio",
      "Aiuto",
    ]);
    expect(table).toMatch(/<tableStyleInfo name="TableStyleMedium2"[^>]*showRowStripes="1"/);
  });

  it("gives an empty table one blank body row, and keeps a header starting with = as text", async () => {
    const table = await out.xml("xl/tables/table2.xml");
    expect(table).toMatch(/name="tblVuota"[^>]*ref="A1:B2"/);
    const ws = out.wb.getWorksheet("Vuoto")!;
    expect(ws.getCell("B1").value).toBe("=B");
    expect(ws.getCell("B1").type).toBe(ExcelJS.ValueType.String);
  });

  it("sets widths (Excel's character units), hides helper columns and wraps", () => {
    const ws = out.wb.getWorksheet("Dati")!;
    expect(ws.getColumn("B").width).toBe(fileColumnWidth(9));
    expect(ws.getColumn("C").width).toBe(fileColumnWidth(12));
    expect(ws.getColumn("G").width).toBe(fileColumnWidth(30));
    expect(ws.getColumn("E").hidden).toBe(true);
    expect(ws.getColumn("D").hidden).toBe(false);
    expect(["D2", "D3", "D5", "G2", "H3"].map((a) => ws.getCell(a).alignment?.wrapText)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it("formats ranges: bold, size, unlocked", () => {
    const ws = out.wb.getWorksheet("Dati")!;
    expect(ws.getCell("G2").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("H3").protection).toMatchObject({ locked: false });
  });

  it("protects the sheet without a password, unlocking only input and unlocked cells", () => {
    const ws = out.wb.getWorksheet("Dati")!;
    expect(sheetXml).toMatch(/<sheetProtection sheet="1" formatColumns="0" autoFilter="0"\/>/);
    expect(["C3", "C4", "C5"].map((a) => ws.getCell(a).protection?.locked)).toEqual([false, false, false]);
    expect(["B3", "D3", "E3"].map((a) => ws.getCell(a).protection?.locked ?? true)).toEqual([true, true, true]);
  });

  it("leaves the sheet unprotected when asked", async () => {
    expect(await out.xml("xl/worksheets/sheet2.xml")).not.toContain("<sheetProtection");
  });

  it("freezes rows and columns", () => {
    expect(out.wb.getWorksheet("Dati")!.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
  });

  it("adds conditional formats in priority order, with stopIfTrue and their colours", async () => {
    const rules = [...sheetXml.matchAll(/<cfRule ([^>]*)><formula>([^<]*)<\/formula>/g)].map((m) => ({
      attrs: m[1],
      formula: m[2].replace(/&gt;/g, ">").replace(/&lt;/g, "<"),
    }));
    expect(rules.map((r) => r.formula)).toEqual(["$D3>=1", "$D3<1"]);
    expect(rules[0].attrs).toMatch(/type="expression".*priority="1" stopIfTrue="1"/);
    expect(rules[1].attrs).toMatch(/priority="2"/);
    expect(rules[1].attrs).not.toContain("stopIfTrue");
    const styles = await out.xml("xl/styles.xml");
    const dxfs = /<dxfs[^>]*>(.*)<\/dxfs>/s.exec(styles)![1];
    const dxfId = (attrs: string) => Number(/dxfId="(\d+)"/.exec(attrs)![1]);
    const dxf = (id: number) => [...dxfs.matchAll(/<dxf>(.*?)<\/dxf>/gs)][id][1];
    expect(dxf(dxfId(rules[0].attrs))).toMatch(/<color rgb="FF006100"\/>.*<bgColor rgb="FFC6EFCE"\/>/s);
    expect(dxf(dxfId(rules[1].attrs))).toMatch(/<color rgb="FF9C0006"\/>.*<bgColor rgb="FFFFC7CE"\/>/s);
  });

  it("adds data validations over whole ranges, with Italian prompts and errors", () => {
    const validations = [...sheetXml.matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    const at = (sqref: string) => validations.find((v) => v.includes(`sqref="${sqref}"`)) ?? "";
    expect(validations).toHaveLength(5);
    expect(at("C3:C5")).toMatch(/type="decimal" allowBlank="1" showInputMessage="1" promptTitle="Valore"/);
    expect(at("C3:C5")).toMatch(/error="Serve un numero &quot;tra&quot; 0 e 1 &amp; basta\."/);
    expect(at("C3:C5")).toMatch(/<formula1>0<\/formula1><formula2>1<\/formula2>/);
    expect(at("H3")).toMatch(/operator="greaterThanOrEqual".*<formula1>-9\.99e\+307<\/formula1>/);
    expect(at("H4")).toMatch(/type="date" operator="greaterThanOrEqual".*<formula1>1<\/formula1>/);
    expect(at("H5")).toMatch(/type="list".*<formula1>&quot;proporzionale,binario&quot;<\/formula1>/);
    expect(at("H6:H7")).toMatch(/type="custom".*<formula1>OR\(H6=1,H6=2\)<\/formula1>/);
  });

  it("writes the workbook names with their comments", async () => {
    expect(await out.xml("xl/workbook.xml")).toContain(
      '<definedNames><definedName name="PIRA_X" comment="Un &quot;nome&quot; &amp; &lt;altro&gt;">Dati!$H$3</definedName></definedNames>',
    );
  });

  it("writes the chart exceljs 4.4 cannot as DrawingML parts (src/xlsx/charts.ts)", () => {
    expect(Object.keys(out.zip.files).filter((f) => /chart|drawing/.test(f))).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
    ]);
  });
});

describe("writeXlsx refuses what Excel would reject", () => {
  const sheet = small.sheets[1];
  const rows: [string, Partial<SheetSpec>, RegExp][] = [
    [
      "a validation title over 32 characters",
      {
        validations: [
          {
            range: "A2",
            type: "decimal",
            prompt: { title: "x".repeat(33), message: "" },
            error: { title: "", message: "" },
          },
        ],
      },
      /Messaggio di convalida troppo lungo su A2/,
    ],
    [
      "a list value with a comma",
      {
        validations: [
          {
            range: "A2",
            type: "list",
            values: ["a,b"],
            prompt: { title: "", message: "" },
            error: { title: "", message: "" },
          },
        ],
      },
      /Valore di elenco con virgola o virgolette non ammesso: «a,b»/,
    ],
    ["a colour that is not #RRGGBB", { tabColor: "blu" }, /Colore non valido: «blu»/],
    [
      "a formula without =",
      { ranges: [{ topLeft: "D1", rows: [[{ formula: "SUM(A1)" }]] }] },
      /Formula senza "=" iniziale/,
    ],
    ["an infinite number", { ranges: [{ topLeft: "D1", rows: [[Infinity]] }] }, /Numero non valido/],
    [
      "a sheet name Excel forbids (the Office.js adapter's checks)",
      { name: "Dati/2023" },
      /Descrizione del cruscotto non valida: nome di foglio non valido «Dati\/2023»/,
    ],
  ];
  it.each(rows)("%s", async (_name, change, message) => {
    await expect(writeXlsx({ sheets: [{ ...sheet, ...change }], names: [] })).rejects.toThrow(message);
  });
});

describe("writeXlsx on the whole sample", () => {
  const plan = readCruscotto(sampleText());
  const csv = fs.readFileSync(path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv"), "utf8");
  const { actuals } = parseActualsCsv(csv, plan);
  const description = buildWorkbook(plan, { ...defaultSettings(plan), formulaMode: "native" }, actuals);
  let out: Written;
  beforeAll(async () => {
    out = await written(description);
  });

  function expectCell(ws: ExcelJS.Worksheet, address: string, spec: CellSpec, where: string): void {
    const cell = ws.getCell(address);
    if (isFormula(spec)) {
      expect({ where, formula: cell.formula }).toEqual({ where, formula: fileFormula(spec.formula) });
    } else if (typeof spec === "number" && cell.value instanceof Date) {
      expect({ where, serial: 25569 + cell.value.getTime() / 86_400_000 }).toEqual({ where, serial: spec });
    } else {
      expect({ where, value: cell.value }).toEqual({ where, value: spec });
    }
  }

  it("prints each sheet as the description says: landscape A4, the summaries at their computed zoom", () => {
    for (const sheet of description.sheets) {
      const setup = out.wb.getWorksheet(sheet.name)!.pageSetup;
      expect({ sheet: sheet.name, orientation: setup.orientation }).toEqual({
        sheet: sheet.name,
        orientation: sheet.print?.orientation ?? "portrait",
      });
      if (sheet.print) expect(setup).toMatchObject({ paperSize: 9, scale: sheet.print.scale ?? 100 });
    }
  });

  it("holds every table and range cell of the description, literally", () => {
    let checked = 0;
    for (const sheet of description.sheets) {
      const ws = out.wb.getWorksheet(sheet.name)!;
      for (const table of sheet.tables) {
        const top = parseCell(table.topLeft);
        table.columns.forEach((c, ci) => {
          expectCell(ws, `${columnLetter(top.column + ci)}${top.row + 1}`, c.header, `${table.name} header`);
        });
        table.rows.forEach((row, ri) =>
          row.forEach((spec, ci) => {
            const address = `${columnLetter(top.column + ci)}${top.row + 2 + ri}`;
            expectCell(ws, address, spec, `${sheet.name}!${address}`);
            checked++;
          }),
        );
      }
      for (const range of sheet.ranges) {
        const top = parseCell(range.topLeft);
        range.rows.forEach((row, ri) =>
          row.forEach((spec, ci) => {
            const address = `${columnLetter(top.column + ci)}${top.row + 1 + ri}`;
            expectCell(ws, address, spec, `${sheet.name}!${address}`);
            checked++;
          }),
        );
      }
    }
    expect(checked).toBeGreaterThan(58 * 35);
  });

  it("makes every table, rule, validation and name of the description, and protects every sheet", async () => {
    const tables = await Promise.all(
      Object.keys(out.zip.files)
        .filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))
        .map((f) => out.xml(f)),
    );
    const names = tables.map((t) => /<table [^>]*name="([^"]*)"/.exec(t)![1]).sort();
    expect(names).toEqual(description.sheets.flatMap((s) => s.tables.map((t) => t.name)).sort());
    for (let i = 0; i < description.sheets.length; i++) {
      const sheet = description.sheets[i];
      const xml = await out.xml(`xl/worksheets/sheet${i + 1}.xml`);
      expect({ sheet: sheet.name, rules: (xml.match(/<cfRule /g) ?? []).length }).toEqual({
        sheet: sheet.name,
        rules: sheet.conditionalFormats.length,
      });
      expect({ sheet: sheet.name, stop: (xml.match(/stopIfTrue="1"/g) ?? []).length }).toEqual({
        sheet: sheet.name,
        stop: sheet.conditionalFormats.filter((c) => c.stopIfTrue).length,
      });
      expect({ sheet: sheet.name, validations: (xml.match(/<dataValidation /g) ?? []).length }).toEqual({
        sheet: sheet.name,
        validations: sheet.validations.length,
      });
      expect(xml.includes('<sheetProtection sheet="1"')).toBe(sheet.protection.protect);
    }
    const workbook = await out.xml("xl/workbook.xml");
    const all = [...workbook.matchAll(/<definedName name="([^"]*)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);
    const written = all.filter(([name]) => !name.startsWith("_xlnm."));
    expect(written).toEqual(description.names.map((n) => [n.name, n.refersTo.slice(1)]));
    // Print titles and areas are the built-in names, one per sheet that states them.
    const printNames = all.filter(([name]) => name.startsWith("_xlnm.")).map(([name, ref]) => `${name} ${ref}`);
    expect(printNames).toContain("_xlnm.Print_Titles Rendicontazione!$5:$5");
    expect(printNames).toContain("_xlnm.Print_Titles Indicatori!$A:$B,Indicatori!$1:$1");
  });
});
