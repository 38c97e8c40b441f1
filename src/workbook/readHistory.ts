// The history sheets read back, pure: the Archivio's and the Registro's rows as their tables hold them.
import type { ArchiveRow, RegisterRow } from "./history";
import { ARCHIVE_COLUMN, ARCHIVE_COLUMNS, REGISTER_COLUMN, REGISTER_COLUMNS } from "./layoutHistory";
import { cellNumber, cellText, columnOf, type Cell, type CellError, type Table } from "./readCells";

/** A column of a history table found by its layout header; -1 when the table lacks it. */
function historyColumns(table: { headers: string[] }, columns: readonly { header: string }[]): number[] {
  return columns.map((c) => columnOf(table, c.header));
}

function cellAt(row: (Cell | CellError)[], col: number): Cell {
  const v = col < 0 ? null : (row[col] ?? null);
  return v !== null && typeof v === "object" ? null : v;
}

/** The Archivio's rows as the sheet holds them (a row with no old id is the empty table's placeholder). */
export function archiveFromTable(table: Table<Cell | CellError>): ArchiveRow[] {
  const c = historyColumns(table, ARCHIVE_COLUMNS);
  const out: ArchiveRow[] = [];
  for (const row of table.rows) {
    const at = (k: number) => cellAt(row, c[k]);
    const oldId = cellText(at(ARCHIVE_COLUMN.oldId));
    if (oldId === "") continue;
    const note = at(ARCHIVE_COLUMN.note);
    out.push({
      oldId,
      objective: cellNumber(at(ARCHIVE_COLUMN.objective)),
      name: cellText(at(ARCHIVE_COLUMN.name)),
      year: cellNumber(at(ARCHIVE_COLUMN.year)),
      target: cellText(at(ARCHIVE_COLUMN.target)),
      actual: at(ARCHIVE_COLUMN.actual),
      score: cellNumber(at(ARCHIVE_COLUMN.score)),
      note: note === null ? null : String(note),
      reason: cellText(at(ARCHIVE_COLUMN.reason)),
      planTitle: cellText(at(ARCHIVE_COLUMN.planTitle)),
      planDate: cellText(at(ARCHIVE_COLUMN.planDate)),
    });
  }
  return out;
}

/** The Registro's rows as the sheet holds them, oldest first (an all-empty row is the placeholder). */
export function registerFromTable(table: Table<Cell | CellError>): RegisterRow[] {
  const c = historyColumns(table, REGISTER_COLUMNS);
  const out: RegisterRow[] = [];
  for (const row of table.rows) {
    const at = (k: number) => cellAt(row, c[k]);
    const kind = cellText(at(REGISTER_COLUMN.kind));
    if (kind === "") continue;
    out.push({
      date: cellNumber(at(REGISTER_COLUMN.date)),
      kind,
      objective: cellNumber(at(REGISTER_COLUMN.objective)),
      indicator: cellText(at(REGISTER_COLUMN.indicator)),
      before: cellText(at(REGISTER_COLUMN.before)),
      after: cellText(at(REGISTER_COLUMN.after)),
      description: cellText(at(REGISTER_COLUMN.description)),
      planTitle: cellText(at(REGISTER_COLUMN.planTitle)),
      planDate: cellText(at(REGISTER_COLUMN.planDate)),
    });
  }
  return out;
}
