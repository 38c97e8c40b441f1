// The Rendicontazione sheet: for the year in view, the chamber's results laid out as the
// Relazione sulla Performance tables are (area header rows, objective rows in bold, indicator
// rows indented), with a legend of the bands and the rules in force; printable as it is.
//
// Every number is looked up by key (indicator id, objective number, area code) from the
// Indicatori and Obiettivi tables and the Cruscotto's area table, the column chosen by its header
// for the year in view (MATCH("Punteggio "&PIRA_Anno, …)), never by position: the sheet stays
// right when users sort or filter those tables. Native functions only (INDEX, MATCH, IF, TEXT).
import { AGGREGATION_RULE, COVERAGE_RULE } from "../../domain/report";
import type { Indicator, Objective, Plan, Target } from "../../domain/model";
import { absolute, cellAddress, columnLetter, parseCell } from "../address";
import { FORMAT } from "../format";
import { DASHBOARD_CHAMBER, HEADERS, NAMES, SHEETS, STEMS, summaryHeaders } from "../layout";
import { REPORT_COLUMN as C, REPORT_SHEET } from "../layoutReport";
import { printSpec } from "../print";
import type { CellSpec, RangeSpec, SheetSpec } from "../types";
import { LEGEND_ROWS, complianceFormats, legendRanges, profileLine, sheet } from "./common";
import { LOOKUP_COLUMN, LOOKUP_TOP, Lookups, NAMED_SOURCES, type Source } from "./reportLookups";

const AREA_FILL = "#DDEBF7";

/** Beside the printed columns: the row each line was found at in its source table. */
const ORIGIN_COLUMN = REPORT_SHEET.columns.length;
const ORIGIN_HEADER = "Riga di origine";
const OBJECTIVE_FILL = "#F2F2F2";

const yearly = (stem: string) => `"${stem} "&${NAMES.year}`;
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The number format of a consuntivo: the one of its target in the year built for, else of any year. */
function actualFormat(indicator: Indicator, year: number): string {
  const targets = [indicator.targets[String(year)], ...Object.values(indicator.targets)].filter(
    (t): t is Target => t !== null && t !== undefined,
  );
  const target = targets[0];
  if (target?.unit === "%") return FORMAT.percent;
  if (target?.kind === "deadline") return FORMAT.date;
  return FORMAT.general;
}

/**
 * Above this many indicators the sheet states that the plan is too large for it instead of
 * listing them: its rows would double what the add-in writes in one import (Excel's request
 * budget), and a report of hundreds of pages is `pira report`'s job. Chambers' plans have tens.
 */
export const REPORT_MAX_INDICATORS = 1000;

function tooLarge(plan: Plan, count: number): SheetSpec {
  return sheet(SHEETS.report, {
    tabColor: "#C55A11",
    ranges: [
      { topLeft: "A1", rows: [["Rendicontazione degli obiettivi strategici"]], bold: true, fontSize: 14 },
      {
        topLeft: "A3",
        rows: [
          [
            `Il piano ha ${count} indicatori: la rendicontazione nel foglio ne mostra al massimo ` +
              `${REPORT_MAX_INDICATORS}. Per la Relazione usa «pira report» sulla cartella salvata.`,
          ],
        ],
      },
    ],
    print: printSpec({ title: plan.title }),
  });
}

export function buildReport(plan: Plan, year: number): SheetSpec {
  const count = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
  if (count > REPORT_MAX_INDICATORS) return tooLarge(plan, count);
  const { indicators: ind, objectives: obj, areas } = NAMED_SOURCES;
  const [, areaWeightHeader] = summaryHeaders("areas");

  const width = REPORT_SHEET.columns.length;
  const ranges: RangeSpec[] = [];
  const top = REPORT_SHEET.headerRow;
  let row = top + 1;
  const key = (r: number) => `$${columnLetter(C.code)}${r + 1}`;
  const lookups = new Lookups();
  // Row of the source table for the row being built: column «Riga di origine».
  const origin = (src: Source, cells: CellSpec[]) => {
    cells[ORIGIN_COLUMN] = { formula: `=MATCH(${key(row)},${src.keys},0)` };
  };
  const lookup = (src: Source, _key: string, header: string) =>
    `INDEX(${src.body},$${columnLetter(ORIGIN_COLUMN)}${row + 1},${lookups.column(src, header)})`;
  const blank = (): CellSpec[] => new Array<CellSpec>(width + 1).fill(null);
  const formats = (code: string, actual: string = FORMAT.general): string[][] => [
    [
      code,
      FORMAT.text,
      FORMAT.percent,
      FORMAT.text,
      actual,
      FORMAT.percent,
      FORMAT.coverage,
      FORMAT.text,
      FORMAT.text,
      FORMAT.integer,
    ],
  ];

  const areaRow = (code: string, name: string, known: boolean) => {
    const cells = blank();
    cells[C.code] = code;
    cells[C.description] = `Ambito strategico ${code} – ${name}`;
    if (known) {
      const k = key(row);
      origin(areas, cells);
      cells[C.weight] = { formula: `=${lookup(areas, k, quoted(areaWeightHeader))}` };
      cells[C.score] = { formula: `=${lookup(areas, k, quoted(STEMS.score))}` };
      cells[C.coverage] = { formula: `=${lookup(areas, k, quoted(STEMS.coverage))}` };
      cells[C.status] = { formula: `=${lookup(areas, k, quoted(STEMS.status))}` };
    }
    // The weight of an area is relative (Impostazioni), not a percent.
    const numberFormat = formats(FORMAT.text);
    numberFormat[0][C.weight] = FORMAT.general;
    ranges.push({
      topLeft: cellAddress(row++, 0),
      rows: [cells],
      bold: true,
      wrap: true,
      fill: AREA_FILL,
      border: true,
      numberFormat,
    });
  };
  const objectiveRow = (o: Objective) => {
    const cells = blank();
    const k = key(row);
    origin(obj, cells);
    cells[C.code] = o.number;
    cells[C.description] = o.title;
    cells[C.weight] = { formula: `=${lookup(obj, k, quoted(HEADERS.weightOnArea))}` };
    cells[C.score] = { formula: `=${lookup(obj, k, yearly(STEMS.score))}` };
    cells[C.coverage] = { formula: `=${lookup(obj, k, yearly(STEMS.coverage))}` };
    cells[C.status] = { formula: `=${lookup(obj, k, yearly(STEMS.status))}` };
    ranges.push({
      topLeft: cellAddress(row++, 0),
      rows: [cells],
      bold: true,
      wrap: true,
      fill: OBJECTIVE_FILL,
      border: true,
      numberFormat: formats(FORMAT.integer),
    });
  };
  // One block per objective's indicators: fewer, larger writes (a 100× plan has 5,800 rows).
  const indicatorRows = (list: readonly Indicator[]) => {
    if (list.length === 0) return;
    const first = row;
    const cells = list.map(indicatorCells);
    ranges.push({
      topLeft: cellAddress(first, 0),
      rows: cells,
      wrap: true,
      indent: 1,
      border: true,
      numberFormat: list.map((i) => formats(FORMAT.text, actualFormat(i, year))[0]),
    });
  };
  const indicatorCells = (i: Indicator): CellSpec[] => {
    const cells = blank();
    const k = key(row);
    origin(ind, cells);
    const actual = lookup(ind, k, yearly(STEMS.actual));
    cells[C.code] = i.id;
    cells[C.description] = i.common ? `${i.name} (OC)` : i.name;
    cells[C.weight] = { formula: `=${lookup(ind, k, quoted(HEADERS.weight))}` };
    // "&""" shows an empty cell as empty (INDEX of a blank is 0).
    cells[C.target] = { formula: `=${lookup(ind, k, yearly(STEMS.target))}&""` };
    cells[C.actual] = { formula: `=IF(${actual}="","",${actual})` };
    cells[C.score] = { formula: `=${lookup(ind, k, yearly(STEMS.score))}` };
    cells[C.status] = { formula: `=${lookup(ind, k, yearly(STEMS.status))}` };
    // The note column may not exist (workbooks made before notes): then no note.
    cells[C.note] = { formula: `=IFERROR(${lookup(ind, k, `IFERROR(${yearly(STEMS.note)},"")`)}&"","")` };
    row++;
    return cells;
  };

  const listed = new Set(plan.areas.map((a) => a.code));
  const groups = [
    ...plan.areas.map((a) => ({ code: a.code, name: a.name, known: true })),
    // Objectives whose area the plan does not list: shown, with no area total (the chamber leaves them out).
    ...[...new Set(plan.objectives.map((o) => o.areaCode).filter((c) => !listed.has(c)))].map((code) => ({
      code,
      name: "ambito non elencato nel piano",
      known: false,
    })),
  ];
  for (const group of groups) {
    areaRow(group.code, group.name, group.known);
    for (const o of plan.objectives.filter((x) => x.areaCode === group.code)) {
      objectiveRow(o);
      indicatorRows(o.indicators);
    }
  }
  const chamber = blank();
  const dashboard = (cell: string) => ({ formula: `=${absolute(SHEETS.dashboard, parseCell(cell))}` });
  chamber[C.description] = "Ente – tutti gli ambiti";
  chamber[C.score] = dashboard(DASHBOARD_CHAMBER.score);
  chamber[C.coverage] = dashboard(DASHBOARD_CHAMBER.coverage);
  chamber[C.status] = dashboard(DASHBOARD_CHAMBER.status);
  const lastBody = row;
  ranges.push({
    topLeft: cellAddress(row++, 0),
    rows: [chamber],
    bold: true,
    wrap: true,
    fill: AREA_FILL,
    border: true,
    numberFormat: formats(FORMAT.text),
  });

  // Legend: colour, status and threshold in one cell each, then the rules in force.
  row++;
  ranges.push(...legendRanges(row, C.description));
  row += LEGEND_ROWS;
  // The live lines (formulas) do not wrap, so no row height has to guess their length; the
  // fixed sentences wrap within the description column.
  const live: CellSpec[][] = [[{ formula: profileLine() }], [{ formula: `="Modalità di punteggio: "&${NAMES.mode}` }]];
  ranges.push({ topLeft: cellAddress(row, C.description), rows: live });
  row += live.length;
  const rules: CellSpec[][] = [
    [AGGREGATION_RULE],
    [COVERAGE_RULE],
    ["Soglie, profilo e modalità si scelgono nel foglio Impostazioni; l'anno in vista è PIRA_Anno."],
  ];
  ranges.push({ topLeft: cellAddress(row, C.description), rows: rules, wrap: true });
  row += rules.length;

  const titleRows: RangeSpec[] = [
    {
      topLeft: "A1",
      rows: [[{ formula: `="Rendicontazione degli obiettivi strategici – anno "&${NAMES.year}` }]],
      bold: true,
      fontSize: 14,
    },
    { topLeft: "A2", rows: [[plan.title || "Piano degli indicatori e dei risultati attesi"]] },
    { topLeft: "A3", rows: [[{ formula: profileLine() }]], italic: true },
    {
      topLeft: cellAddress(top, 0),
      rows: [[...REPORT_SHEET.columns.map((c) => c.header), ORIGIN_HEADER]],
      bold: true,
      wrap: true,
      fill: "#1F4E79",
      fontColor: "#FFFFFF",
      border: true,
    },
  ];

  const scoreLetter = columnLetter(C.score);
  const columnWidths: Record<string, number> = {};
  REPORT_SHEET.columns.forEach((c, i) => (columnWidths[columnLetter(i)] = c.width));
  const lastLetter = columnLetter(width - 1);
  const lookupBlock: RangeSpec[] = [
    {
      topLeft: cellAddress(LOOKUP_TOP - 1, LOOKUP_COLUMN),
      rows: [["Posizioni cercate per l'anno in vista (calcolate; non si stampano)"]],
      italic: true,
    },
    {
      topLeft: cellAddress(LOOKUP_TOP, LOOKUP_COLUMN),
      rows: lookups.cells,
      numberFormat: FORMAT.general,
      italic: true,
    },
  ];
  columnWidths[columnLetter(ORIGIN_COLUMN)] = 9;
  columnWidths[columnLetter(LOOKUP_COLUMN)] = 28;
  return sheet(SHEETS.report, {
    tabColor: "#C55A11",
    ranges: [...titleRows, ...ranges, ...lookupBlock],
    conditionalFormats: complianceFormats(
      `${scoreLetter}${top + 2}:${columnLetter(C.status)}${lastBody + 1}`,
      `$${scoreLetter}${top + 2}`,
      1,
    ),
    columnWidths,
    freeze: { rows: top + 1, columns: 0 },
    print: printSpec({
      title: plan.title,
      titleRows: `$${top + 1}:$${top + 1}`,
      printArea: `A1:${lastLetter}${row}`,
      fitColumns: REPORT_SHEET.columns.map((c) => c.width),
    }),
    protection: { protect: true, password: "", allowAutoFilter: false, allowSort: false, allowFormatColumns: true },
  });
}
