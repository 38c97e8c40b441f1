// The Archivio sheet: consuntivi and notes a revision could not carry, never deleted.
import { parseTarget } from "../../domain/targets";
import { FORMAT } from "../format";
import type { ArchiveRow } from "../history";
import { SHEETS, TABLES } from "../layout";
import { ARCHIVE_COLUMN, ARCHIVE_COLUMNS } from "../layoutHistory";
import type { CellSpec, SheetSpec } from "../types";
import { printSpec } from "../print";
import { rowOf, sheet } from "./common";

/** A consuntivo shows as its target wrote it: a percent, a date, or a plain value. */
function actualFormat(row: ArchiveRow): string {
  if (typeof row.actual !== "number") return FORMAT.general;
  const target = parseTarget(row.target);
  if (target?.unit === "%") return FORMAT.percent;
  // 1 and 0 in a deadline's cell mean SI and NO, not dates.
  if (target?.kind === "deadline" && row.actual > 1) return FORMAT.date;
  return FORMAT.general;
}

export function buildArchive(rows: readonly ArchiveRow[], planTitle: string): SheetSpec {
  const columns = ARCHIVE_COLUMNS.map((c, i) =>
    i === ARCHIVE_COLUMN.actual && rows.length > 0 ? { ...c, cellNumberFormats: rows.map(actualFormat) } : c,
  );
  const empty = new Array<CellSpec>(ARCHIVE_COLUMNS.length).fill(null);
  return sheet(SHEETS.archive, {
    tabColor: "#7F7F7F",
    print: printSpec({ title: planTitle, titleRows: "$1:$1" }),
    tables: [
      {
        name: TABLES.archive,
        topLeft: "A1",
        columns,
        rows: rows.length > 0 ? rows.map((r) => rowOf(r, ARCHIVE_COLUMN, ARCHIVE_COLUMNS.length)) : [empty],
        style: "TableStyleLight1",
      },
    ],
    freeze: { rows: 1, columns: 1 },
  });
}
