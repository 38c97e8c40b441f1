// The Cruscotto sheet: for the year in view, the chamber score over its areas, each area and
// objective with score, coverage and status, and two bar charts of the scores.
import type { Plan } from "../../domain/model";
import { absolute, cellAddress, columnLetter, parseCell } from "../address";
import { FORMAT } from "../format";
import {
  blockIntactFormula,
  ratioFormula,
  statusExpression,
  sumByKey,
  weightedCoverageOverRows,
  weightedScoreOverRows,
  type KeyedRows,
} from "../formulas";
import {
  AREA_WEIGHT_COLUMN,
  DASHBOARD_AREA_TOP,
  DASHBOARD_CHAMBER,
  DASHBOARD_CHAMBER_HEADERS,
  NAMES,
  RANGE_NAMES,
  SETTINGS_SHEET,
  SHEETS,
  STEMS,
  SUMMARY_COLUMN,
  TABLES,
  objectiveLayout,
  summaryHeaders,
} from "../layout";
import type { CellSpec, ConditionalFormatSpec, RangeSpec, SheetSpec, TableSpec } from "../types";
import { printSpec } from "../print";
import { LEGEND_ROWS, complianceFormats, legendRanges, profileLine, sheet } from "./common";

// Both tables: label, weight, score, coverage, status, then the key the roll-ups match on.
function summaryTable(
  name: string,
  top: number,
  headers: string[],
  weightFormat: string,
  rows: CellSpec[][],
  style: string,
): TableSpec {
  const [label, weight, score, coverage, status, key] = headers;
  return {
    name,
    topLeft: cellAddress(top, 0),
    columns: [
      { header: label, role: "data", numberFormat: FORMAT.text, width: 64, wrap: true },
      { header: weight, role: "formula", numberFormat: weightFormat, width: 13 },
      { header: score, role: "formula", numberFormat: FORMAT.percent, width: 12 },
      { header: coverage, role: "formula", numberFormat: FORMAT.coverage, width: 11 },
      { header: status, role: "formula", numberFormat: FORMAT.general, width: 24 },
      { header: key, role: "data", numberFormat: FORMAT.text, width: 9 },
    ],
    rows: rows.length > 0 ? rows : [["", null, null, null, null, ""]],
    style,
  };
}

const DASHBOARD_WIDTHS = { A: 64, B: 13, C: 12, D: 11, E: 24, F: 9 } as const;

export function buildDashboard(plan: Plan): SheetSpec {
  const objectives = objectiveLayout(plan.years);
  const nObjRows = Math.max(plan.objectives.length, 1);
  const objectiveColumn = (column: number) =>
    absolute(SHEETS.objectives, { row: 1, column }, { row: nObjRows, column });
  // One value per year, the one of the year in view (CHOOSE evaluates only the chosen one).
  const inView = (perYear: (year: number) => string) =>
    `CHOOSE(${NAMES.yearIndex},${plan.years.map(perYear).join(",")})`;
  // Objective rows are looked up by number, not by position: sorting Obiettivi changes nothing.
  // The row where the import put it when the number is still there (no search), else MATCH.
  const numbers = objectiveColumn(objectives.fixed.number);
  const objectiveRow = (n: number, i: number) =>
    `IF(INDEX(${numbers},${i + 1})=${n},${i + 1},MATCH(${n},${numbers},0))`;
  const lookUp = (column: number, n: number, i: number) => `INDEX(${objectiveColumn(column)},${objectiveRow(n, i)})`;

  // Both tables put score, coverage and status in columns C:E, under the chamber row; each row is
  // labelled "code · name", which the charts show too.
  const areaTop = DASHBOARD_AREA_TOP;
  const nAreas = Math.max(plan.areas.length, 1);
  const objTop = areaTop + nAreas + 3;
  const nObj = Math.max(plan.objectives.length, 1);
  const objRange = (column: number) =>
    absolute(SHEETS.dashboard, { row: objTop + 1, column }, { row: objTop + nObj, column });
  const areaRange = (column: number) =>
    absolute(SHEETS.dashboard, { row: areaTop + 1, column }, { row: areaTop + nAreas, column });
  const S = SUMMARY_COLUMN;
  const letter = columnLetter;
  const nAreaWeights = Math.max(plan.areas.length, 1);
  const areaWeightColumn = (column: number) =>
    absolute(
      SHEETS.settings,
      { row: SETTINGS_SHEET.areaWeightsTop + 1, column },
      { row: SETTINGS_SHEET.areaWeightsTop + nAreaWeights, column },
    );

  // Where each area's objectives are in Obiettivi (plan order): from its first to its last row.
  const areaBlocks = new Map<string, KeyedRows>();
  for (const area of plan.areas) {
    const rows = plan.objectives.flatMap((o, i) => (o.areaCode === area.code ? [1 + i] : []));
    const first = rows[0];
    const last = rows[rows.length - 1];
    areaBlocks.set(area.code, {
      keys: RANGE_NAMES.objectiveArea,
      rows: nObjRows,
      block:
        rows.length === 0
          ? null
          : (column) => absolute(SHEETS.objectives, { row: first, column }, { row: last, column }),
      keyColumn: objectives.fixed.area,
      count: rows.length,
    });
  }

  const label = (code: string | number, name: string) =>
    `${code} · ${name.length > 70 ? name.slice(0, 69) + "…" : name}`;
  const areaRows: CellSpec[][] = plan.areas.map((a, i) => {
    const r = areaTop + 1 + i;
    const key = `$${letter(S.key)}${r + 1}`;
    // Σ over the area's objectives (SUMIFS by area code over the Obiettivi terms), year in view.
    // Over the area's own block of Obiettivi rows while they are where the import put them.
    const k = areaBlocks.get(a.code)!;
    const intact = blockIntactFormula(k, key).slice(1);
    const sum = (name: (year: number) => string, column: (year: number) => number) =>
      inView((y) => sumByKey({ name: name(y), column: column(y) }, k, key, intact));
    const perYear = (y: number) => objectives.helpers.perYear.get(y)!;
    const total = sumByKey(
      { name: RANGE_NAMES.objectiveWeight, column: objectives.helpers.areaWeight },
      k,
      key,
      intact,
    );
    return [
      label(a.code, a.name),
      {
        formula: `=INDEX(${areaWeightColumn(AREA_WEIGHT_COLUMN.weight)},MATCH(${key},${areaWeightColumn(AREA_WEIGHT_COLUMN.code)},0))`,
      },
      {
        formula: ratioFormula(
          sum(RANGE_NAMES.objectiveWeightedScore, (y) => perYear(y).areaWeighted),
          sum(RANGE_NAMES.objectiveScoredWeight, (y) => perYear(y).areaScored),
        ),
      },
      {
        formula: ratioFormula(
          sum(RANGE_NAMES.objectiveWeightedCoverage, (y) => perYear(y).areaCoverage),
          total,
        ),
      },
      { formula: `=${statusExpression(cellAddress(r, S.score))}` },
      a.code,
    ];
  });
  const objectiveRows: CellSpec[][] = plan.objectives.map((o, i) => {
    const r = objTop + 1 + i;
    return [
      label(o.number, o.title),
      { formula: `=${lookUp(objectives.fixed.weight, o.number, i)}` },
      { formula: `=${inView((y) => lookUp(objectives.perYear.get(y)!.score, o.number, i))}` },
      { formula: `=${inView((y) => lookUp(objectives.perYear.get(y)!.coverage, o.number, i))}` },
      { formula: `=${statusExpression(cellAddress(r, S.score))}` },
      o.areaCode,
    ];
  });

  const c = DASHBOARD_CHAMBER;
  const chamber = parseCell(c.label);
  const ranges: RangeSpec[] = [
    { topLeft: "A1", rows: [["Cruscotto obiettivi strategici PIRA"]], bold: true, fontSize: 16 },
    { topLeft: "A2", rows: [[plan.title || "Piano degli indicatori e dei risultati attesi"]] },
    { topLeft: "A4", rows: [[{ formula: profileLine() }]], italic: true },
    {
      topLeft: "A3",
      rows: [["Anno", { formula: `=${NAMES.year}` }]],
      bold: true,
      numberFormat: [[FORMAT.text, FORMAT.integer]],
    },
    { topLeft: cellAddress(chamber.row - 1, S.score), rows: [[...DASHBOARD_CHAMBER_HEADERS]], bold: true },
    {
      topLeft: c.label,
      rows: [
        [
          "Ente (tutti gli ambiti)",
          null,
          { formula: weightedScoreOverRows(areaRange(S.weight), areaRange(S.score)) },
          { formula: weightedCoverageOverRows(areaRange(S.weight), areaRange(S.coverage)) },
          { formula: `=${statusExpression(c.score)}` },
        ],
      ],
      numberFormat: [[FORMAT.text, FORMAT.general, FORMAT.percent, FORMAT.coverage, FORMAT.general]],
      bold: true,
    },
  ];

  const tables: TableSpec[] = [
    summaryTable(
      TABLES.dashboardAreas,
      areaTop,
      summaryHeaders("areas"),
      FORMAT.general,
      areaRows,
      "TableStyleMedium9",
    ),
    summaryTable(
      TABLES.dashboardObjectives,
      objTop,
      summaryHeaders("objectives"),
      FORMAT.percent,
      objectiveRows,
      "TableStyleMedium2",
    ),
  ];

  const scores = (top: number, n: number) => `${letter(S.score)}${top + 2}:${letter(S.status)}${top + 1 + n}`;
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...complianceFormats(`${c.score}:${c.status}`, `$${c.score}`, 1),
    ...complianceFormats(scores(areaTop, nAreas), `$${letter(S.score)}${areaTop + 2}`, 4),
    ...complianceFormats(scores(objTop, nObj), `$${letter(S.score)}${objTop + 2}`, 7),
  ];
  // Below the tables: the legend, then the two charts across the table columns, so the sheet
  // prints on one page width (charts beside the tables would need a second one).
  const legendTop = objTop + nObj + 2;
  ranges.push(...legendRanges(legendTop, S.label));
  const areaChartTop = legendTop + LEGEND_ROWS + 2; // 1-based row of the first chart
  const objChartTop = areaChartTop + 18;
  return sheet(SHEETS.dashboard, {
    tabColor: "#548235",
    // Printed for reports: status text stands beside every colour, on one page width.
    // Each chart starts a page, so none is cut in two.
    print: printSpec({
      title: plan.title,
      fitColumns: Object.values(DASHBOARD_WIDTHS),
      pageBreaks: [areaChartTop - 1, objChartTop - 1],
    }),
    ranges,
    tables,
    conditionalFormats,
    charts: [
      {
        type: "barClustered",
        title: `${STEMS.score} per ambito strategico`,
        categories: areaRange(S.label),
        values: areaRange(S.score),
        seriesName: STEMS.score,
        from: `A${areaChartTop}`,
        to: `E${areaChartTop + 16}`,
      },
      {
        type: "barClustered",
        title: `${STEMS.score} per obiettivo`,
        categories: objRange(S.label),
        values: objRange(S.score),
        seriesName: STEMS.score,
        from: `A${objChartTop}`,
        to: `E${objChartTop + Math.max(nObj + 4, 16)}`,
      },
    ],
    columnWidths: { ...DASHBOARD_WIDTHS },
  });
}
