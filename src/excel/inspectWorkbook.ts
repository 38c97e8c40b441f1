// What the description would overwrite: which of its sheets exist, and how many actuals users
// have typed in the input columns of its existing tables (so the UI can ask before replacing).
import { TABLES, splitYearlyHeader } from "../workbook/layout";
import type { TableSpec, WorkbookDescription } from "../workbook/types";

export interface WorkbookInspection {
  /** The description's sheets that already exist, in description order. */
  existingSheets: string[];
  /**
   * Non-empty cells in the input columns (role "input") of the existing tables, and in the columns
   * an earlier import made for other years ("Consuntivo 2022" when the plan now starts in 2024).
   */
  typedActuals: number;
  /** Body rows of the Archivio and Registro tables: history that a replacement must not drop. */
  historyRows: number;
}

/** The stem of a per-year header, as Excel compares names ("Consuntivo 2023" → "CONSUNTIVO"); null without a year. */
function yearlyStem(header: string): string | null {
  return splitYearlyHeader(header)?.stem.toLocaleUpperCase("it") ?? null;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase("it") === b.toLocaleUpperCase("it");
}

function isTyped(value: unknown): boolean {
  return value !== "" && value !== null && value !== undefined;
}

/** Three reads at most, whatever the size: existence, then headers, then the input columns. */
export async function inspectWorkbook(
  context: Excel.RequestContext,
  wb: WorkbookDescription,
): Promise<WorkbookInspection> {
  const worksheets = context.workbook.worksheets;
  const sheets = wb.sheets.map((spec) => {
    const proxy = worksheets.getItemOrNullObject(spec.name);
    proxy.load("name");
    return { spec, proxy };
  });
  const withInputs: TableSpec[] = wb.sheets.flatMap((s) => s.tables).filter((t) => t.columns.some(isInput));
  const tables = withInputs.map((spec) => {
    const proxy = context.workbook.tables.getItemOrNullObject(spec.name);
    proxy.load("name");
    return { spec, proxy };
  });
  const history = [TABLES.archive, TABLES.register].map((name) => {
    const proxy = context.workbook.tables.getItemOrNullObject(name);
    proxy.load("name");
    return proxy;
  });
  await context.sync();
  const historyBodies = history
    .filter((t) => !t.isNullObject)
    .map((t) => {
      const body = t.getDataBodyRange();
      body.load("values");
      return body;
    });

  const existingSheets = sheets.filter((s) => !s.proxy.isNullObject).map((s) => s.spec.name);
  const found = tables.filter((t) => !t.proxy.isNullObject);
  if (found.length === 0) {
    if (historyBodies.length > 0) await context.sync();
    return { existingSheets, typedActuals: 0, historyRows: countRows(historyBodies) };
  }

  const withHeaders = found.map((t) => {
    const header = t.proxy.getHeaderRowRange();
    header.load("values");
    return { ...t, header };
  });
  await context.sync();

  // Only the input columns are read back: a whole table body can exceed the 5 MB response limit.
  const inputColumns: Excel.Range[] = [];
  for (const t of withHeaders) {
    const headers = (t.header.values[0] ?? []).map((h) => String(h));
    const body = t.proxy.getDataBodyRange();
    const inputs = t.spec.columns.filter(isInput).map((c) => c.header);
    const yearly = new Set(inputs.map(yearlyStem).filter((stem) => stem !== null));
    headers.forEach((header, index) => {
      const stem = yearlyStem(header);
      const isInputColumn = inputs.some((h) => sameName(h, header)) || (stem !== null && yearly.has(stem));
      if (!isInputColumn) return;
      const cells = body.getColumn(index);
      cells.load("values");
      inputColumns.push(cells);
    });
  }
  await context.sync();

  let typedActuals = 0;
  for (const cells of inputColumns) {
    for (const row of cells.values) for (const value of row) if (isTyped(value)) typedActuals++;
  }
  return { existingSheets, typedActuals, historyRows: countRows(historyBodies) };
}

/** Rows with anything in them (an empty table body still has one blank row). */
function countRows(bodies: Excel.Range[]): number {
  return bodies.reduce((n, body) => n + body.values.filter((row) => row.some(isTyped)).length, 0);
}

function isInput(column: { role: string }): boolean {
  return column.role === "input";
}
