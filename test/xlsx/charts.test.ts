// The Cruscotto's charts in the .xlsx `pira build` writes: DrawingML parts that are well-formed,
// wired into the package (relationships, <drawing> in schema order, content types) beside the
// tables exceljs writes, accepted by openpyxl, and drawn by LibreOffice: its PDF of the Cruscotto
// shows the charts' titles and category labels and the bars in their colour, and through UNO its
// document model has the two charts, one series each, over the description's ranges, with the
// domain's scores as the values it computed.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { nodeIO } from "../../src/cli/files";
import { main } from "../../src/cli/main";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { SHEETS } from "../../src/workbook/layout";
import type { SheetSpec } from "../../src/workbook/types";
import { chartRange, chartXml, describedCell, drawingXml, withDrawingElement } from "../../src/xlsx/charts";
import { scorePlan } from "../../src/domain/rollup";
import { convertWithLibreOffice, freshProfile, sofficePath } from "../helpers/libreoffice";
import { countColour, pdfPageRaster, pdfPages, pdfText, type PdfPage } from "../helpers/pdf";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const ACTUALS_PATH = path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv");
const plan = readCruscotto(sampleText());
const actuals = parseActualsCsv(fs.readFileSync(ACTUALS_PATH, "utf8"), plan).actuals;
const description = buildWorkbook(plan, { ...defaultSettings(plan), formulaMode: "native" }, actuals);
const dashboard = description.sheets.find((s) => s.name === SHEETS.dashboard)!;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pira-charts-"));
const built = path.join(work, "cruscotto.xlsx");
let zip: JSZip;

const part = (name: string) => zip.file(name)!.async("string");

/** The labels a chart's categories show, read from the description (as the cache holds them). */
function categoryLabels(sheet: SheetSpec, reference: string): string[] {
  const range = chartRange(reference);
  const labels: string[] = [];
  for (let row = range.from.row; row <= range.to.row; row++) {
    labels.push(String(describedCell(sheet, { row, column: range.from.column })));
  }
  return labels;
}

beforeAll(async () => {
  const io = { ...nodeIO(), out: () => undefined, err: () => undefined };
  expect(await main(["build", SAMPLE_PATH, "-o", built, "--actuals", ACTUALS_PATH], io)).toBe(0);
  zip = await JSZip.loadAsync(fs.readFileSync(built));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("chart parts of the built workbook", () => {
  it("declares the two charts the Cruscotto describes", () => {
    expect(dashboard.charts.map((c) => c.title)).toEqual([
      "Punteggio per ambito strategico",
      "Punteggio per obiettivo",
    ]);
  });

  it("writes every part well-formed (xmllint)", async () => {
    const dir = path.join(work, "parts");
    const names = Object.keys(zip.files).filter((f) => /\.(xml|rels)$/.test(f));
    for (const name of names) {
      const target = path.join(dir, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, await part(name));
    }
    const lint = spawnSync("xmllint", ["--noout", ...names.map((n) => path.join(dir, n))], { encoding: "utf8" });
    expect(lint.error).toBeUndefined();
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(0);
    expect(names).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml"]),
    );
  });

  it("links the drawing from the Cruscotto next to its tables, with <drawing> in schema order", async () => {
    const rels = await part("xl/worksheets/_rels/sheet1.xml.rels");
    const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rels.match(/relationships\/table"/g)).toHaveLength(2);
    const drawingId = /Id="(rId\d+)" Type="[^"]+\/drawing" Target="\.\.\/drawings\/drawing1\.xml"/.exec(rels)?.[1];
    expect(drawingId).toBeDefined();
    const sheet = await part("xl/worksheets/sheet1.xml");
    // CT_Worksheet: … pageMargins, pageSetup, headerFooter, … drawing, legacyDrawing, … tableParts, extLst.
    const order = ["</sheetData>", "<pageSetup ", `<drawing r:id="${drawingId}"/>`, "<tableParts "].map((t) =>
      sheet.indexOf(t),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Only the Cruscotto has charts.
    for (let n = 2; n <= description.sheets.length; n++) {
      expect(await part(`xl/worksheets/sheet${n}.xml`)).not.toContain("<drawing");
    }
    const drawingRels = await part("xl/drawings/_rels/drawing1.xml.rels");
    expect(drawingRels).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"',
    );
    expect(drawingRels).toContain(
      'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart2.xml"',
    );
  });

  it("lists the new parts in [Content_Types].xml", async () => {
    const types = await part("[Content_Types].xml");
    for (const n of [1, 2]) {
      expect(types).toContain(
        `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    }
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
  });

  it("points each series at the description's ranges, with the labels cached", async () => {
    for (const [i, spec] of dashboard.charts.entries()) {
      const xml = await part(`xl/charts/chart${i + 1}.xml`);
      expect(xml).toContain('<c:barDir val="bar"/>');
      expect(xml.match(/<c:ser>/g)).toHaveLength(1);
      expect(xml).toContain(`<c:cat><c:strRef><c:f>${spec.categories}</c:f>`);
      expect(xml).toContain(`<c:val><c:numRef><c:f>${spec.values}</c:f>`);
      const cached = [...xml.matchAll(/<c:strCache>.*?<\/c:strCache>/g)][0][0];
      const labels = [...cached.matchAll(/<c:v>(.*?)<\/c:v>/g)].map((m) => m[1].replace(/&amp;/g, "&"));
      expect(labels).toEqual(categoryLabels(dashboard, spec.categories));
      expect(xml).toContain('<c:dLbls><c:numFmt formatCode="0.00%" sourceLinked="0"/>');
    }
    // Axis titles: the table header above the categories, the series name for the values.
    const first = await part("xl/charts/chart1.xml");
    expect(first).toMatch(/<c:catAx>.*<a:t>Ambito strategico<\/a:t>.*<\/c:catAx>/);
    expect(first).toMatch(/<c:valAx>.*<a:t>Punteggio<\/a:t>.*<\/c:valAx>/);
  });

  it("anchors each chart from its top-left cell to the bottom-right of its last cell", () => {
    const xml = drawingXml([{ ...dashboard.charts[0], from: "H2", to: "O16" }]);
    expect(xml).toContain("<xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    expect(xml).toContain("<xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row>");
  });

  it("loads in openpyxl without a warning (python3 -W error), which reads the charts back", () => {
    // openpyxl 3 parses chart parts with its schema classes: sheet, kind, series and their references.
    const script = [
      "import json, openpyxl, sys",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "out = {ws.title: [{'barDir': c.type, 'series': [[s.cat.strRef.f, s.val.numRef.f] for s in c.series],",
      "  'from': [c.anchor._from.col, c.anchor._from.row], 'to': [c.anchor.to.col, c.anchor.to.row]} for c in ws._charts] for ws in wb}",
      "print(json.dumps(out))",
    ].join("\n");
    const run = spawnSync("/usr/bin/python3", ["-W", "error", "-c", script, built], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const read = JSON.parse(run.stdout) as Record<string, unknown[]>;
    expect(Object.keys(read)).toEqual(description.sheets.map((s) => s.name));
    expect(read[SHEETS.dashboard]).toEqual(
      dashboard.charts.map((c) => {
        const from = chartRange(`${SHEETS.dashboard}!${c.from}`).from;
        const to = chartRange(`${SHEETS.dashboard}!${c.to}`).from;
        return {
          barDir: "bar",
          series: [[c.categories, c.values]],
          from: [from.column, from.row],
          to: [to.column + 1, to.row + 1],
        };
      }),
    );
    for (const sheet of description.sheets.filter((s) => s !== dashboard)) expect(read[sheet.name]).toEqual([]);
  }, 60_000);
});

describe("withDrawingElement", () => {
  const open = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  const rows: [string, string, string][] = [
    [
      "before the table parts",
      `${open}<sheetData/><pageSetup/><tableParts count="1"/></worksheet>`,
      "<pageSetup/><drawing",
    ],
    [
      "before a legacy drawing",
      `${open}<sheetData/><legacyDrawing r:id="rId1"/><extLst/></worksheet>`,
      "<sheetData/><drawing",
    ],
    ["at the end of a bare sheet", `${open}<sheetData/><headerFooter/></worksheet>`, "<headerFooter/><drawing"],
  ];
  it.each(rows)("puts <drawing> %s and declares the r: namespace", (_name, xml, expected) => {
    const out = withDrawingElement(xml, "rId7");
    expect(out).toContain(expected);
    expect(out).toContain('<drawing r:id="rId7"/>');
    expect(out).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  });

  it("refuses a sheet that already has a drawing", () => {
    expect(() => withDrawingElement(`${open}<sheetData/><drawing r:id="rId1"/></worksheet>`, "rId2")).toThrow(
      /già un disegno/,
    );
  });
});

describe("chartXml", () => {
  it("escapes text from the document in labels and titles", () => {
    const sheet: SheetSpec = {
      ...dashboard,
      ranges: [{ topLeft: "A1", rows: [["Voci"], ["R&S <nuovo>"], ["=1+1"]] }],
      tables: [],
    };
    const xml = chartXml(
      {
        type: "barClustered",
        title: 'A "b" & c',
        categories: "Cruscotto!$A$2:$A$3",
        values: "Cruscotto!$B$2:$B$3",
        seriesName: "S",
        from: "C1",
        to: "D2",
      },
      [sheet],
    );
    expect(xml).toContain("<a:t>A &quot;b&quot; &amp; c</a:t>");
    expect(xml).toContain('<c:pt idx="0"><c:v>R&amp;S &lt;nuovo&gt;</c:v></c:pt><c:pt idx="1"><c:v>=1+1</c:v></c:pt>');
  });
});

describe("LibreOffice draws the charts", () => {
  let pdf: string;
  /** The Cruscotto's pages (it comes first; each chart starts a page of its own): 1..last. */
  let last: number;
  beforeAll(() => {
    [pdf] = convertWithLibreOffice([built], path.join(work, "pdf"), "pdf");
    const pages = pdfPages(pdf);
    const named = (p: PdfPage) =>
      p.words
        .filter((w) => w.yMin < 35 && w.xMin > p.width / 2)
        .map((w) => w.text)
        .join(" ") === SHEETS.dashboard;
    last = pages.findIndex((p) => !named(p));
    expect(last).toBeGreaterThan(0);
  }, 300_000);

  it("shows both titles and every category label on the Cruscotto page", () => {
    // The Cruscotto's pages (one page width); long labels wrap, so compare word by word.
    const words = pdfText(pdf, { first: 1, last }).split(/\s+/).join(" ");
    for (const spec of dashboard.charts) {
      expect(words).toContain(spec.title);
    }
    // Every label appears twice, in the table and on the chart's category axis; long ones wrap or
    // are cut on the chart, so compare their first words.
    for (const spec of dashboard.charts) {
      for (const label of categoryLabels(dashboard, spec.categories)) {
        const start = label.split(/\s+/).slice(0, 4).join(" ");
        const escaped = start.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        expect(words.match(new RegExp(`(?<![\\d])${escaped}`, "g"))?.length ?? 0).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("draws the bars (the series colour fills a visible area of the page)", () => {
    let pixels = 0;
    for (let page = 1; page <= last; page++) pixels += countColour(pdfPageRaster(pdf, page, 60), "#548235");
    // 4 area bars and 14 objective bars; at 60 dpi each is several hundred pixels.
    expect(pixels).toBeGreaterThan(2000);
  });
});

interface UnoChart {
  name: string;
  title: string;
  series: number;
  categories: { range: string; labels: string[] } | null;
  values: { range: string; data: number[] }[];
}

describe("LibreOffice's document model (python3-uno)", () => {
  let charts: Record<string, UnoChart[]>;
  beforeAll(() => {
    sofficePath(); // fails with the install hint when LibreOffice is missing
    const profile = freshProfile();
    try {
      const run = spawnSync(
        "/usr/bin/python3",
        [path.join(__dirname, "..", "helpers", "uno_charts.py"), profile, built],
        {
          encoding: "utf8",
          timeout: 300_000,
        },
      );
      if (run.status !== 0) throw new Error(`uno_charts.py non riuscito (${run.status}): ${run.stderr}`);
      charts = JSON.parse(run.stdout) as Record<string, UnoChart[]>;
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }, 300_000);

  /** "Cruscotto!$A$9:$A$12" as LibreOffice writes it: "$Cruscotto.$A$9:$A$12". */
  const unoRange = (reference: string) => {
    const range = chartRange(reference);
    return `$${range.sheet}.${range.formula.slice(range.formula.lastIndexOf("!") + 1)}`;
  };

  it("sees the two charts on the Cruscotto only, one series each, over the description's ranges", () => {
    expect(
      Object.entries(charts)
        .filter(([, list]) => list.length > 0)
        .map(([sheet]) => sheet),
    ).toEqual([SHEETS.dashboard]);
    const seen = charts[SHEETS.dashboard];
    expect(seen.map((c) => [c.title, c.series])).toEqual(dashboard.charts.map((c) => [c.title, 1]));
    seen.forEach((chart, i) => {
      const spec = dashboard.charts[i];
      expect(chart.categories?.range).toBe(unoRange(spec.categories));
      expect(chart.categories?.labels).toEqual(categoryLabels(dashboard, spec.categories));
      expect(chart.values.map((v) => v.range)).toEqual([unoRange(spec.values)]);
    });
  });

  it("plots the domain's area and objective scores", () => {
    const scores = scorePlan(plan, actuals, 2023, { ...defaultSettings(plan), formulaMode: "native" });
    const [areas, objectives] = charts[SHEETS.dashboard].map((c) => c.values[0].data);
    expect(areas).toHaveLength(scores.areas.length);
    areas.forEach((v, i) => expect(v).toBeCloseTo(scores.areas[i].score!, 12));
    expect(objectives).toHaveLength(scores.objectives.length);
    objectives.forEach((v, i) => expect(v).toBeCloseTo(scores.objectives[i].score!, 12));
  });
});
