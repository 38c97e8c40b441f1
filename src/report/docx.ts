// The Relazione's tables as a Word document (the only code importing `docx`): A4 landscape, the
// plan's title in the header, page numbers in the footer, Italian text. A summary of the chamber
// and its areas with a bar chart of the area scores (a PNG drawn by barChart.ts), then each area,
// each objective with its indicators (target, consuntivo, grado di raggiungimento, stato, nota),
// and the rules in force. Every status is written beside its colour.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Report, ReportArea, ReportIndicator, ReportObjective, ScoredLine } from "../domain/report";
import { percentText, weightText } from "../domain/report";
import { formatItalianNumber } from "../domain/numbers";
import type { IndicatorStatus } from "../domain/rollup";
import { COMPLIANCE_STYLES } from "../workbook/format";
import { areaBarChart } from "./barChart";
import { encodePng } from "./png";

// A4 portrait in twips; docx swaps them for landscape. 2 cm margins leave 25,7 cm of line.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const LINE_WIDTH = A4.height - 2 * MARGIN;
const FONT = "Liberation Sans";
const TABLE_TEXT = 17; // half-points: 8,5 pt
const CHART_SCALE = 2;

const STATUS_STYLE: Partial<Record<IndicatorStatus, { fill: string; font: string }>> = {
  Raggiunto: COMPLIANCE_STYLES.green,
  "Parzialmente raggiunto": COMPLIANCE_STYLES.amber,
  "Non raggiunto": COMPLIANCE_STYLES.red,
};

function hex(colour: string): string {
  return colour.replace(/^#/, "");
}

interface CellOptions {
  bold?: boolean;
  right?: boolean;
  status?: IndicatorStatus;
  header?: boolean;
}

function cell(text: string, width: number, options: CellOptions = {}): TableCell {
  const style = options.status === undefined ? undefined : STATUS_STYLE[options.status];
  const lines = text.split("\n");
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: options.header
      ? { type: ShadingType.CLEAR, color: "auto", fill: "1F4E79" }
      : style
        ? { type: ShadingType.CLEAR, color: "auto", fill: hex(style.fill) }
        : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [
            new TextRun({
              text: line,
              bold: options.bold || options.header,
              size: TABLE_TEXT,
              color: options.header ? "FFFFFF" : style ? hex(style.font) : undefined,
            }),
          ],
        }),
    ),
  });
}

interface Column {
  header: string;
  /** Share of the line width. */
  share: number;
  right?: boolean;
}

function table(columns: Column[], rows: { cells: string[]; bold?: boolean; status?: IndicatorStatus }[]): Table {
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => Math.floor((c.share / total) * LINE_WIDTH));
  const statusColumn = columns.findIndex((c) => c.header === "Stato");
  return new Table({
    width: { size: LINE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header, widths[i], { header: true, right: c.right })),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.cells.map((text, i) =>
              cell(text, widths[i], {
                bold: row.bold,
                right: columns[i].right,
                status: i === statusColumn ? row.status : undefined,
              }),
            ),
          }),
      ),
    ],
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, keepNext: true, children: [new TextRun({ text })] });
}

function paragraph(
  text: string,
  { keepNext, ...run }: { bold?: boolean; italics?: boolean; size?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, keepNext, children: [new TextRun({ text, ...run })] });
}

function summaryLine(line: ScoredLine): string {
  return `Grado di raggiungimento ${percentText(line.score)} · copertura ${percentText(line.coverage, 0)} · ${line.status}`;
}

const SCORE_COLUMNS: Column[] = [
  { header: "Grado di raggiungimento", share: 14, right: true },
  { header: "Copertura", share: 9, right: true },
  { header: "Stato", share: 16 },
];

function scoreCells(line: ScoredLine): string[] {
  return [percentText(line.score), percentText(line.coverage, 0), line.status];
}

function areaTable(report: Report): Table {
  return table(
    [
      { header: "Ambito strategico", share: 46 },
      { header: "Peso nell'ente", share: 10, right: true },
      ...SCORE_COLUMNS,
    ],
    [
      {
        cells: ["Ente (tutti gli ambiti)", "", ...scoreCells(report.chamber)],
        bold: true,
        status: report.chamber.status,
      },
      ...report.areas.map((a) => ({
        cells: [`${a.code} · ${a.name}`, formatItalianNumber(a.weight, 2), ...scoreCells(a)],
        status: a.status,
      })),
    ],
  );
}

function objectivesTable(objectives: readonly ReportObjective[]): Table {
  return table(
    [
      { header: "N.", share: 5, right: true },
      { header: "Obiettivo strategico", share: 51 },
      { header: "Peso su AS", share: 10, right: true },
      ...SCORE_COLUMNS,
    ],
    objectives.map((o) => ({
      cells: [String(o.number), o.title, weightText(o.weightOnArea), ...scoreCells(o)],
      status: o.status,
    })),
  );
}

function noteText(row: ReportIndicator): string {
  const parts: string[] = [];
  if (row.problem !== null) parts.push(`Consuntivo non valutabile: ${row.problem}`);
  if (row.note !== null) parts.push(row.note);
  return parts.join("\n");
}

function indicatorTable(rows: readonly ReportIndicator[]): Table {
  return table(
    [
      { header: "Indicatore", share: 8 },
      { header: "Nome", share: 22 },
      { header: "Peso", share: 7, right: true },
      { header: "Target", share: 10 },
      { header: "Consuntivo", share: 9, right: true },
      { header: "Scostamento", share: 10, right: true },
      { header: "Grado di raggiungimento", share: 11, right: true },
      { header: "Stato", share: 10 },
      { header: "Nota (motivazione dello scostamento)", share: 19 },
    ],
    rows.map((r) => ({
      cells: [
        r.id,
        r.common ? `${r.name} (OC)` : r.name,
        weightText(r.weight),
        r.target ?? "nessun target",
        r.actual ?? "—",
        r.deviation ?? "—",
        percentText(r.score),
        r.status,
        noteText(r),
      ],
      status: r.status,
    })),
  );
}

function objectiveSection(o: ReportObjective): (Paragraph | Table)[] {
  return [
    heading(`Obiettivo ${o.number} · ${o.title}`, HeadingLevel.HEADING_3),
    // Heading, summary and table start on the same page.
    paragraph(`Peso su AS ${weightText(o.weightOnArea)} · ${summaryLine(o)}`, { keepNext: true }),
    o.indicators.length > 0 ? indicatorTable(o.indicators) : paragraph("Nessun indicatore.", { italics: true }),
    paragraph(""),
  ];
}

function areaSection(area: ReportArea): (Paragraph | Table)[] {
  return [
    heading(`Ambito strategico ${area.code} · ${area.name}`, HeadingLevel.HEADING_2),
    paragraph(`${summaryLine(area)} · peso nell'ente ${formatItalianNumber(area.weight, 2)}`, { keepNext: true }),
    area.objectives.length > 0 ? objectivesTable(area.objectives) : paragraph("Nessun obiettivo.", { italics: true }),
    paragraph(""),
    ...area.objectives.flatMap(objectiveSection),
  ];
}

function chartParagraphs(report: Report): Paragraph[] {
  if (report.areas.length === 0) return [];
  const chart = areaBarChart(
    report.areas.map((a) => ({ label: a.code, score: a.score, status: a.status })),
    report.rules,
    CHART_SCALE,
  );
  const png = encodePng(chart.width, chart.height, chart.rgb);
  // Drawn at twice the printed size, so it stays sharp on paper.
  const size = { width: chart.width / CHART_SCALE, height: chart.height / CHART_SCALE };
  const caption =
    `Figura 1 – Grado di raggiungimento per ambito strategico, ${report.year} (linee tratteggiate: soglie ` +
    `${percentText(report.rules.amberFrom)} e ${percentText(report.rules.greenFrom)}). ` +
    report.areas.map((a) => `${a.code}: ${a.name}`).join("; ") +
    ".";
  return [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: size,
          altText: {
            name: "Grafico degli ambiti",
            title: "Grado di raggiungimento per ambito strategico",
            description: report.areas
              .map((a) => `${a.code} ${a.name}: ${percentText(a.score)}, ${a.status}`)
              .join("; "),
          },
        }),
      ],
    }),
    paragraph(caption, { italics: true, size: 18 }),
  ];
}

/** The report as .docx bytes. */
export async function reportDocx(report: Report): Promise<Buffer> {
  const title = report.title || "Piano degli indicatori e dei risultati attesi";
  const { indicators, withActual, scored } = report.counts;
  const body: (Paragraph | Table)[] = [
    heading(`Relazione sulla performance ${report.year}`, HeadingLevel.HEADING_1),
    paragraph("Grado di raggiungimento degli obiettivi strategici e degli indicatori, per la validazione dell'OIV.", {
      italics: true,
    }),
    paragraph(title),
    heading("Sintesi dell'ente", HeadingLevel.HEADING_2),
    paragraph(`Ente (tutti gli ambiti): ${summaryLine(report.chamber)}.`, { bold: true }),
    paragraph(`${indicators} indicatori, ${withActual} con consuntivo ${report.year}, ${scored} valutati.`),
    areaTable(report),
    paragraph(""),
    ...chartParagraphs(report),
    ...report.areas.flatMap(areaSection),
  ];
  if (report.unassigned.length > 0) {
    body.push(
      heading("Obiettivi senza ambito strategico", HeadingLevel.HEADING_2),
      paragraph("Il loro ambito non è nel piano: hanno un punteggio ma non entrano in quello dell'ente."),
      objectivesTable(report.unassigned),
      paragraph(""),
      ...report.unassigned.flatMap(objectiveSection),
    );
  }
  body.push(
    heading("Regole applicate", HeadingLevel.HEADING_2),
    ...report.rules.lines.map((line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line)] })),
  );

  const document = new Document({
    creator: "Cruscotto PIRA",
    title: `Relazione sulla performance ${report.year}`,
    description: title,
    styles: { default: { document: { run: { font: FONT, size: 20, language: { value: "it-IT" } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${title} · Relazione sulla performance ${report.year}`, size: 16 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ["Pagina ", PageNumber.CURRENT, " di ", PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
