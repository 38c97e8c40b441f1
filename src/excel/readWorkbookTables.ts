// The tables a revision reads (src/workbook/read.ts readWorkbook): Indicatori, Obiettivi, the area
// weights, Archivio, Registro and the settings' named cells, each in as few syncs as possible and
// only the Indicatori columns the reader uses (the score and status formulas are never read back).
import { HEADERS, SETTING_NAMES, SHEETS, STEMS, TABLES, splitYearlyHeader } from "../workbook/layout";
import { sameHeader, type Cell, type CellError, type Table, type WorkbookTables } from "../workbook/read";
import { readNamedValues } from "./settingsCells";

const ERROR_VALUE =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** Excel hands errors over as their text («#DIV/0!»): the reader must know they are not values. */
function cellOf(value: unknown): Cell | CellError {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "string" && ERROR_VALUE.test(value)) return { error: value };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return { error: String(value) };
}

const PLAN_HEADERS = [
  HEADERS.indicatorId,
  HEADERS.indicatorName,
  HEADERS.objective,
  HEADERS.weight,
  HEADERS.common,
  HEADERS.objectiveTitle,
  HEADERS.area,
];
const YEARLY_STEMS: string[] = [STEMS.target, STEMS.actual, STEMS.note];

/** A column the revision reads: the plan's own, and every «Target/Consuntivo/Nota YYYY». */
function isRead(header: string): boolean {
  if (PLAN_HEADERS.some((h) => sameHeader(h, header))) return true;
  const yearly = splitYearlyHeader(header);
  return yearly !== null && YEARLY_STEMS.some((stem) => sameHeader(stem, yearly.stem));
}

/** The workbook's tables for readWorkbook; null when it holds no Indicatori table (never imported). */
export async function readWorkbookTables(context: Excel.RequestContext): Promise<WorkbookTables | null> {
  const names = [TABLES.indicators, TABLES.objectives, TABLES.areaWeights, TABLES.archive, TABLES.register];
  const probes = names.map((name) => ({ name, proxy: context.workbook.tables.getItemOrNullObject(name) }));
  for (const p of probes) p.proxy.load("name");
  await context.sync();
  const present = new Map(probes.filter((p) => !p.proxy.isNullObject).map((p) => [p.name, p.proxy]));
  const indicators = present.get(TABLES.indicators);
  if (!indicators) return null;

  const headers = new Map<string, Excel.Range>();
  for (const [name, proxy] of present) {
    const header = proxy.getHeaderRowRange();
    header.load(name === TABLES.indicators ? "values,rowIndex,columnIndex" : "values");
    headers.set(name, header);
  }
  await context.sync();

  const headerRow = (name: string) => (headers.get(name)?.values[0] ?? []).map((h) => String(h));
  const bodies = new Map<string, Excel.Range>();
  const indicatorColumns = new Map<number, Excel.Range>();
  const indicatorHeaders = headerRow(TABLES.indicators);
  const indicatorBody = indicators.getDataBodyRange();
  indicatorBody.load("rowCount");
  indicatorHeaders.forEach((h, c) => {
    if (!isRead(h)) return;
    const column = indicatorBody.getColumn(c);
    column.load("values");
    indicatorColumns.set(c, column);
  });
  for (const [name, proxy] of present) {
    if (name === TABLES.indicators) continue;
    const body = proxy.getDataBodyRange();
    body.load("values");
    bodies.set(name, body);
  }
  await context.sync();
  const settings = await readNamedValues(context, SETTING_NAMES);

  const rows: (Cell | CellError)[][] = Array.from({ length: indicatorBody.rowCount }, () =>
    indicatorHeaders.map(() => null),
  );
  for (const [c, column] of indicatorColumns) column.values.forEach((v, r) => (rows[r][c] = cellOf(v[0])));
  const plain = (name: string): Table<Cell | CellError> | null => {
    const body = bodies.get(name);
    return body ? { headers: headerRow(name), rows: body.values.map((row) => row.map(cellOf)) } : null;
  };
  const header = headers.get(TABLES.indicators)!;
  return {
    indicators: {
      sheet: SHEETS.indicators,
      topLeft: { row: header.rowIndex, column: header.columnIndex },
      headers: indicatorHeaders,
      rows,
    },
    objectives: plain(TABLES.objectives),
    areaWeights: plain(TABLES.areaWeights),
    archive: plain(TABLES.archive),
    register: plain(TABLES.register),
    settings,
  };
}
