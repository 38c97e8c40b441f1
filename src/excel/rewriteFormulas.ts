// Switches the formula mode of an imported workbook in place: only the formula and helper
// columns of the existing tables, and the formula cells of the description's ranges, are
// rewritten. Input columns (the actuals users typed) and literal cells are never written.
import type { CellSpec, ColumnSpec, RangeSpec, SheetSpec, TableSpec, WorkbookDescription } from "../workbook/types";
import { isFormula } from "../workbook/types";
import { blockAddress, parseCell, splitSheetAddress, wholeColumnAddress } from "../workbook/address";
import { SyncLedger } from "./batch";
import { UNPACED, type Pacer } from "./pace";
import { toFormulaInput } from "./cells";
import { checkDescription, isHidden } from "../workbook/checks";
import { queueProtect } from "./sheetFormats";
import {
  WriteQueue,
  queueCellColumns,
  queueFormulaRows,
  queueNumberFormat,
  rangeFormats,
  rangeShape,
} from "./writeQueue";
import { reportOf, type ApplyReport } from "./applyWorkbook";

function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase("it") === b.toLocaleUpperCase("it");
}

function isRewritten(column: ColumnSpec): boolean {
  return column.role === "formula" || column.role === "helper";
}

function hasFormula(range: RangeSpec): boolean {
  return range.rows.some((row) => row.some((cell) => isFormula(cell)));
}

interface TableTarget {
  sheet: SheetSpec;
  spec: TableSpec;
  header: Excel.Range;
  body: Excel.Range;
}

export async function rewriteFormulas(
  context: Excel.RequestContext,
  wb: WorkbookDescription,
  pacer: Pacer = UNPACED,
): Promise<ApplyReport> {
  checkDescription(wb);
  const ledger = new SyncLedger(context, pacer);
  const targets = wb.sheets.filter(
    (s) => s.tables.some((t) => t.columns.some(isRewritten)) || s.ranges.some(hasFormula),
  );

  // Read 1: which sheets and tables exist, and which sheets are protected.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await ledger.sync();

  const missingSheets = targets.filter((s) => !worksheets.items.some((w) => sameName(w.name, s.name)));
  const tableSpecs = targets.flatMap((sheet) =>
    sheet.tables.filter((t) => t.columns.some(isRewritten)).map((spec) => ({ sheet, spec })),
  );
  const missingTables = tableSpecs.filter((t) => !tables.items.some((e) => sameName(e.name, t.spec.name)));
  if (missingSheets.length > 0 || missingTables.length > 0) {
    const missing = [
      ...missingSheets.map((s) => `foglio «${s.name}»`),
      ...missingTables.map((t) => `tabella «${t.spec.name}»`),
    ];
    throw new Error(`Mancano ${missing.join(", ")}: ripristinali (annulla le modifiche) e riprova.`);
  }
  const wasProtected = new Map(targets.map((s) => [s.name, isProtected(worksheets.items, s.name)]));

  // Read 2: where each table is and how its columns are named now (users may reorder columns).
  const tableTargets: TableTarget[] = tableSpecs.map(({ sheet, spec }) => {
    const table = tables.getItem(spec.name);
    const header = table.getHeaderRowRange();
    header.load("values,address");
    const body = table.getDataBodyRange();
    body.load("rowCount");
    return { sheet, spec, header, body };
  });
  await ledger.sync();

  // Read 3: each table's first column (its row key: indicator id, objective…). Formulas and helper
  // values are per row, so rows sorted since the import would get another row's formulas.
  const keyColumns = tableTargets.map((target) => {
    const headers = (target.header.values[0] ?? []).map((h) => String(h));
    const index = headers.findIndex((h) => sameName(h, target.spec.columns[0].header));
    if (index < 0) return null;
    const cells = target.body.getColumn(index);
    cells.load("values");
    return cells;
  });
  await ledger.sync();
  tableTargets.forEach((target, i) => checkRowOrder(target.spec, keyColumns[i]));

  const list = new WriteQueue();
  for (const sheet of targets) {
    const proxy = (): Excel.Worksheet => worksheets.getItem(sheet.name);
    if (wasProtected.get(sheet.name)) {
      const password = sheet.protection.password;
      list.add(() => {
        if (password) proxy().protection.unprotect(password);
        else proxy().protection.unprotect();
      });
    }
    for (const target of tableTargets.filter((t) => t.sheet === sheet))
      await queueTableRewrite(list, proxy, target, pacer);
    for (const range of sheet.ranges) queueRangeFormulaCells(list, proxy, range);
    queueProtect(list, proxy, sheet.protection);
  }
  await ledger.run(list);
  return reportOf(
    ledger,
    list.commands.length,
    targets.map((s) => s.name),
    [],
  );
}

function checkRowOrder(spec: TableSpec, keys: Excel.Range | null): void {
  // A table with rows added or removed is refused with its own message, when it is rewritten.
  if (keys === null || spec.rows.length === 0 || keys.values.length !== spec.rows.length) return;
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v)).trim();
  const moved = spec.rows.findIndex((row, r) => text(keys.values[r]?.[0]) !== text(row[0]));
  if (moved >= 0) {
    throw new Error(
      `Le righe della tabella «${spec.name}» non sono più nell'ordine dell'importazione ` +
        `(alla riga ${moved + 1} c'è «${text(keys.values[moved]?.[0])}» invece di «${text(spec.rows[moved][0])}»): ` +
        `riordinala per «${spec.columns[0].header}» come dopo l'importazione e riprova.`,
    );
  }
}

function isProtected(items: Excel.Worksheet[], name: string): boolean {
  const sheet = items.find((w) => sameName(w.name, name));
  return sheet ? sheet.protection.protected : false;
}

async function queueTableRewrite(
  list: WriteQueue,
  sheet: () => Excel.Worksheet,
  target: TableTarget,
  pacer: Pacer,
): Promise<void> {
  const { spec, header, body } = target;
  const located = splitSheetAddress(header.address);
  if (!sameName(located.sheet, target.sheet.name)) {
    throw new Error(`La tabella «${spec.name}» è sul foglio «${located.sheet}» invece di «${target.sheet.name}».`);
  }
  const expectedRows = Math.max(spec.rows.length, 1);
  if (body.rowCount !== expectedRows) {
    throw new Error(
      `La tabella «${spec.name}» ha ${body.rowCount} righe, il cruscotto ne prevede ${expectedRows}: ripristina le righe eliminate o aggiunte e riprova.`,
    );
  }
  const top = parseCell(located.address.split(":")[0]);
  const headers = (header.values[0] ?? []).map((h) => String(h));
  // Existing column index of every rewritten column of the description.
  const placed = spec.columns
    .map((column, specIndex) => ({ column, specIndex, index: headers.findIndex((h) => sameName(h, column.header)) }))
    .filter((p) => isRewritten(p.column));
  const absent = placed.filter((p) => p.index < 0).map((p) => p.column.header);
  if (absent.length > 0) {
    throw new Error(
      `Nella tabella «${spec.name}» mancano le colonne ${absent.map((h) => `«${h}»`).join(", ")}: ripristina le colonne (annulla le modifiche) e riprova.`,
    );
  }
  placed.sort((a, b) => a.index - b.index);
  const columnBody = (index: number): string =>
    blockAddress({ row: top.row + 1, column: top.column + index }, expectedRows, 1);
  // The cells may hold "@" from the previous import, and Excel stores a formula written into a
  // text cell as text: formats are reset first and set to the description's after the write.
  for (const p of placed) {
    queueNumberFormat(list, sheet, columnBody(p.index), "General");
    await pacer.step();
  }
  // Contiguous runs of rewritten columns become one 2-D write each; input columns lie between runs.
  let runStart = 0;
  for (let i = 1; i <= placed.length; i++) {
    if (i < placed.length && placed[i].index === placed[i - 1].index + 1) continue;
    const run = placed.slice(runStart, i);
    runStart = i;
    if (spec.rows.length > 0) {
      const rows = spec.rows.map((row) => run.map((p) => row[p.specIndex]));
      await queueCellColumns(
        list,
        sheet,
        { row: top.row + 1, column: top.column + run[0].index },
        rows,
        run.length,
        pacer,
      );
    }
  }
  for (const p of placed) {
    await pacer.step();
    if (p.column.numberFormat !== "General") queueNumberFormat(list, sheet, columnBody(p.index), p.column.numberFormat);
    const whole = wholeColumnAddress(top.column + p.index);
    const hidden = isHidden(p.column);
    list.add(() => {
      sheet().getRange(whole).columnHidden = hidden;
    });
  }
}

/** Rewrites only the formula cells of a range, one write per run of adjacent formula cells. */
function queueRangeFormulaCells(list: WriteQueue, sheet: () => Excel.Worksheet, range: RangeSpec): void {
  if (!hasFormula(range)) return;
  const { topLeft, rows, columns } = rangeShape(range);
  const formats = rangeFormats(range, rows, columns);
  range.rows.forEach((row: CellSpec[], r) => {
    let c = 0;
    while (c < row.length) {
      if (!isFormula(row[c])) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && isFormula(row[c])) c++;
      const cells = [row.slice(start, c).map(toFormulaInput)];
      const at = { row: topLeft.row + r, column: topLeft.column + start };
      const address = blockAddress(at, 1, c - start);
      queueNumberFormat(list, sheet, address, "General");
      queueFormulaRows(list, sheet, at, cells);
      const own = formats ? [formats[r].slice(start, c)] : null;
      if (own) {
        list.add(() => {
          sheet().getRange(address).numberFormat = own;
        }, own);
      }
    }
  });
}
