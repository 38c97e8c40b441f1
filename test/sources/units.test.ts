// The pieces every source shares: rows of cells → reader text (blank cells kept), Word's HTML tables
// → rows, bytes → text (UTF-8, UTF-16, Windows-1252), kinds by content, layout texts → items.
import * as fs from "node:fs";
import * as path from "node:path";
import { readCruscotto } from "../../src/domain/reader";
import { decodeText } from "../../src/domain/encoding";
import { detectSource } from "../../src/domain/sources/document";
import { htmlToRows } from "../../src/domain/sources/docx";
import { layoutTextItems, looksLikeLayoutText } from "../../src/domain/sources/layoutText";
import { readLayout } from "../../src/domain/sources/pdfLayout";
import { joinWrapped } from "../../src/domain/sources/pdfLines";
import { rowsToReaderText } from "../../src/domain/sources/rows";
import { ROOT } from "../helpers/sourceText";

const HEADER = ["", "Indicatori (100%)", "Target 2023", "Target 2024", "Target 2025"];
const OBJECTIVE = [
  ["1", "Semplificazione"],
  ["Ambito strategico (AS):", "011 - Utenti"],
  ["Peso su AS:", "100,00%", "Risorse economiche:", "1.000,00 €"],
];

describe("rowsToReaderText", () => {
  it("keeps a blank target cell as an empty cell the reader reads as null", () => {
    const text = rowsToReaderText([...OBJECTIVE, HEADER, ["100,00%", "DFP 3.3", ">= 73,00 %", "", ">= 75,00 %"]]);
    expect(text).toContain("100,00%\tDFP 3.3\t>= 73,00 %\t\t>= 75,00 %\n");
    const plan = readCruscotto(text);
    expect(plan.objectives[0].indicators[0].targets).toMatchObject({
      "2023": { value: 73 },
      "2024": null,
      "2025": { value: 75 },
    });
    expect(plan.objectives[0]).toMatchObject({ areaCode: "011", weightOnArea: 100, resources: 1000 });
  });

  it("writes a header repeated inside the same table once, and a table's end before a note", () => {
    const text = rowsToReaderText([
      ...OBJECTIVE,
      HEADER,
      ["50%", "A", "1", "2", "3"],
      HEADER,
      ["50%", "B", "1", "2", "3"],
      [],
      ["Nota"],
    ]);
    expect(text.match(/Indicatori/g)).toHaveLength(1);
    expect(text).toMatch(/50%\tB\t1\t2\t3\n\nNota\n$/);
  });

  it("splits a weight written in the name's cell", () => {
    const text = rowsToReaderText([
      ...OBJECTIVE,
      ["Indicatori (100%)", "", "Target 2023", "Target 2024", "Target 2025"],
      ["33,33% Istanze", "", "<= 1 N.", "", ""],
    ]);
    expect(text).toContain("33,33%\tIstanze\t<= 1 N.\t\t\n");
  });
});

describe("htmlToRows (mammoth's HTML)", () => {
  it("keeps empty cells, spreads a colspan, decodes entities and joins a cell's paragraphs", () => {
    const html =
      '<h1>Titolo</h1><table><tr><td colspan="2"><p><strong>Peso su AS:</strong></p></td><td><p>14,29%</p></td></tr>' +
      "<tr><td><p>0,00%</p></td><td><p>DFP</p><p>3.3</p></td><td><p>&gt;= 73,00 %</p></td><td></td></tr></table><p>Nota &amp; fine</p>";
    expect(htmlToRows(html)).toEqual({
      rows: [["Titolo"], ["Peso su AS:", "", "14,29%"], ["0,00%", "DFP 3.3", ">= 73,00 %", ""], [], ["Nota & fine"]],
      tables: 1,
    });
  });
});

describe("decodeText", () => {
  const text = "Capacità ≥ 13 N.";
  it.each<[string, Uint8Array]>([
    ["UTF-8", Uint8Array.from(Buffer.from(text, "utf8"))],
    ["UTF-8 with BOM", Uint8Array.from(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]))],
    ["UTF-16 LE with BOM", Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))],
    ["UTF-16 LE without BOM", Uint8Array.from(Buffer.from(text, "utf16le"))],
    [
      "UTF-16 BE with BOM",
      Uint8Array.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()])),
    ],
  ])("reads %s", (_name, bytes) => {
    expect(decodeText(bytes)?.text).toBe(text);
  });

  it("reads what is not UTF-8 as Windows-1252", () => {
    expect(decodeText(Uint8Array.from([0x43, 0x61, 0x70, 0x61, 0x63, 0x69, 0x74, 0xe0, 0x20, 0x80]))).toEqual({
      text: "Capacità €",
      encoding: "windows-1252",
    });
  });
});

describe("detectSource", () => {
  const sample = (name: string) => new Uint8Array(fs.readFileSync(path.join(ROOT, "samples", name)));
  it.each<[string, Uint8Array, string]>([
    ["the sample PDF", sample("cruscotto-pira-2023.pdf"), "pdf"],
    ["a PDF after a few junk bytes", Uint8Array.from(Buffer.from("\r\n%PDF-1.4\n%%EOF")), "pdf"],
    ["the sample Word file", sample("cruscotto-pira-2023.docx"), "docx"],
    ["the sample text", sample("cruscotto-pira-2023.txt"), "text"],
  ])("tells %s by content", (_name, bytes, kind) => {
    expect(detectSource(bytes)).toBe(kind);
  });
});

describe("layout texts", () => {
  it("tells a `pdftotext -layout` text from the tab-separated sample", () => {
    const layout = fs.readFileSync(path.join(ROOT, "test/fixtures/renditions/cruscotto-pira-2023.layout.txt"), "utf8");
    expect(looksLikeLayoutText(layout)).toBe(true);
    expect(looksLikeLayoutText(fs.readFileSync(path.join(ROOT, "samples/cruscotto-pira-2023.txt"), "utf8"))).toBe(
      false,
    );
  });

  it("reads columns of spaces as cells, blank cells included, and a deadline wrapped in its cell", () => {
    const text = [
      "Indicatori (100%)          Target 2023    Target 2024    Target 2025",
      "  0,00% DFP 3.3            >= 73,00 %                    >= 75,00 %",
      " 50,00% Azioni per         Entro 31-12-   Entro 31-12-   Entro 31-12-",
      "        aumentare          2023           2024           2025",
    ].join("\n");
    expect(readLayout(layoutTextItems(text), { evenLines: true }).rows).toEqual([
      ["", "Indicatori (100%)", "Target 2023", "Target 2024", "Target 2025"],
      ["0,00%", "DFP 3.3", ">= 73,00 %", "", ">= 75,00 %"],
      ["50,00%", "Azioni per aumentare", "Entro 31-12-2023", "Entro 31-12-2024", "Entro 31-12-2025"],
    ]);
  });

  it("joins a cell's wrapped lines, with no space after a hyphen inside a word", () => {
    expect(joinWrapped(["Entro 31-12-", "2023"])).toBe("Entro 31-12-2023");
    expect(joinWrapped(["016 - Economico -", "Finanziaria"])).toBe("016 - Economico - Finanziaria");
  });
});

describe("page furniture", () => {
  const item = (str: string, x: number, y: number, page: number) => ({
    str,
    x,
    y,
    width: str.length * 5,
    height: 10,
    page,
  });
  it("drops running headers, footers and page numbers, and keeps the document's title", () => {
    const body = (page: number) => [1, 2, 3, 4].map((k) => item(`Riga ${page}.${k}`, 40, 100 + 40 * k, page));
    const items = [1, 2, 3].flatMap((page) => [
      item("Cruscotto PIRA 2023", 40, 20, page),
      ...body(page),
      item(`Pagina ${page} di 3`, 400, 800, page),
    ]);
    const rows = readLayout(items).rows;
    expect(rows).toHaveLength(12);
    expect(rows.flat().filter((r) => /Cruscotto|Pagina/.test(r))).toEqual([]);
    // When the first page starts with an objective, its first running line was the document's title.
    const titled = [...items, item("1", 40, 60, 1), item("Obiettivo", 100, 60, 1)];
    expect(readLayout(titled).rows.slice(0, 2)).toEqual([["Cruscotto PIRA 2023"], ["1", "Obiettivo"]]);
  });
});
