// The Archivio sheet: consuntivi and notes a revision could not carry, never deleted.
import { parseTarget } from "../../domain/targets";
import { FORMAT } from "../format";
import type { ArchiveRow } from "../history";
import { ARCHIVE_COLUMN, ARCHIVE_COLUMNS, SHEETS, TABLES } from "../layout";
import type { CellSpec, SheetSpec } from "../types";
import { sheet } from "./common";

function archiveCells(row: ArchiveRow): CellSpec[] {
  const cells = new Array<CellSpec>(ARCHIVE_COLUMNS.length).fill(null);
  cells[ARCHIVE_COLUMN.oldId] = row.oldId;
  cells[ARCHIVE_COLUMN.objective] = row.objective;
  cells[ARCHIVE_COLUMN.name] = row.name;
  cells[ARCHIVE_COLUMN.year] = row.year;
  cells[ARCHIVE_COLUMN.target] = row.target;
  cells[ARCHIVE_COLUMN.actual] = row.actual;
  cells[ARCHIVE_COLUMN.score] = row.score;
  cells[ARCHIVE_COLUMN.note] = row.note;
  cells[ARCHIVE_COLUMN.reason] = row.reason;
  cells[ARCHIVE_COLUMN.planTitle] = row.planTitle;
  cells[ARCHIVE_COLUMN.planDate] = row.planDate;
  // An empty text is an empty cell, as both adapters write nothing for it.
  return cells.map((c) => (c === "" ? null : c));
}

/** A consuntivo shows as its target wrote it: a percent, a date, or a plain value. */
function actualFormat(row: ArchiveRow): string {
  if (typeof row.actual !== "number") return FORMAT.general;
  const target = parseTarget(row.target);
  if (target?.unit === "%") return FORMAT.percent;
  // 1 and 0 in a deadline's cell mean SI and NO, not dates.
  if (target?.kind === "deadline" && row.actual > 1) return FORMAT.date;
  return FORMAT.general;
}

export function buildArchive(rows: readonly ArchiveRow[]): SheetSpec {
  const columns = ARCHIVE_COLUMNS.map((c, i) =>
    i === ARCHIVE_COLUMN.actual && rows.length > 0 ? { ...c, cellNumberFormats: rows.map(actualFormat) } : c,
  );
  const empty = new Array<CellSpec>(ARCHIVE_COLUMNS.length).fill(null);
  return sheet(SHEETS.archive, {
    tabColor: "#7F7F7F",
    print: { orientation: "landscape", fitToWidth: true },
    tables: [
      {
        name: TABLES.archive,
        topLeft: "A1",
        columns,
        rows: rows.length > 0 ? rows.map(archiveCells) : [empty],
        style: "TableStyleLight1",
      },
    ],
    freeze: { rows: 1, columns: 1 },
  });
}
