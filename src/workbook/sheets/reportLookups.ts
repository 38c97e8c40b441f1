// The Rendicontazione's lookups: the tables it looks values up in (by workbook names, REPORT_NAMES),
// and the block beside the report where each source column is found once by its header.
import type { Plan } from "../../domain/model";
import { absolute, columnLetter } from "../address";
import {
  DASHBOARD_AREA_TOP,
  SHEETS,
  SUMMARY_COLUMN,
  indicatorLayout,
  objectiveLayout,
  summaryHeaders,
} from "../layout";
import { REPORT_NAMES } from "../layoutReport";
import type { CellSpec, NameSpec } from "../types";

/**
 * Columns the lookups scan beyond the Indicatori layout: columns other features add later
 * (a «Nota AAAA» per year) are found by header as long as they sit within this margin.
 */
const LOOKUP_MARGIN = 16;

/** A lookup table: header row, key column and body of a sheet's table, as absolute references. */
export interface Source {
  header: string;
  keys: string;
  body: string;
  /** What the row of looked-up column positions is labelled. */
  label: string;
}

/** The references of a lookup table (header row, key column, body) on its sheet. */
function sourceRanges(sheetName: string, headerRow: number, rows: number, keyColumn: number, width: number): Source {
  const last = { row: headerRow + Math.max(rows, 1), column: width - 1 };
  return {
    header: absolute(sheetName, { row: headerRow, column: 0 }, { row: headerRow, column: width - 1 }),
    keys: absolute(sheetName, { row: headerRow + 1, column: keyColumn }, { row: last.row, column: keyColumn }),
    body: absolute(sheetName, { row: headerRow + 1, column: 0 }, last),
    label: sheetName,
  };
}

type SourceKey = "indicators" | "objectives" | "areas";

/** The three lookup tables of the sheet (indicators, objectives, the Cruscotto's areas), as references. */
function sources(plan: Plan): Record<SourceKey, Source> {
  const indicators = indicatorLayout(plan.years);
  const objectives = objectiveLayout(plan.years);
  const nIndicators = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
  return {
    indicators: sourceRanges(
      SHEETS.indicators,
      0,
      nIndicators,
      indicators.fixed.id,
      indicators.columns.length + LOOKUP_MARGIN,
    ),
    objectives: sourceRanges(
      SHEETS.objectives,
      0,
      plan.objectives.length,
      objectives.fixed.number,
      objectives.columns.length,
    ),
    areas: sourceRanges(
      SHEETS.dashboard,
      DASHBOARD_AREA_TOP,
      plan.areas.length,
      SUMMARY_COLUMN.key,
      summaryHeaders("areas").length,
    ),
  };
}

function named(prefix: string, label: string): Source {
  return { header: `${prefix}_Intestazioni`, keys: `${prefix}_Chiavi`, body: `${prefix}_Valori`, label };
}

/**
 * The formulas name their lookup tables (REPORT_NAMES): shorter formulas (a 100× plan has 5,800
 * rows of them), and INDEX(PIRA_Rend_Ind_Valori,…) reads better than a block of addresses.
 */
export const NAMED_SOURCES: Record<SourceKey, Source> = {
  indicators: named(REPORT_NAMES.indicators, "Colonne in Indicatori"),
  objectives: named(REPORT_NAMES.objectives, "Colonne in Obiettivi"),
  areas: named(REPORT_NAMES.areas, "Colonne in Cruscotto (ambiti)"),
};

/** The workbook names the Rendicontazione's lookups read. */
export function reportNames(plan: Plan): NameSpec[] {
  const refs = sources(plan);
  const what = { indicators: "Indicatori", objectives: "Obiettivi", areas: "ambiti del Cruscotto" } as const;
  return (["indicators", "objectives", "areas"] as const).flatMap((k) => [
    { name: NAMED_SOURCES[k].header, refersTo: `=${refs[k].header}`, comment: `Intestazioni (${what[k]})` },
    { name: NAMED_SOURCES[k].keys, refersTo: `=${refs[k].keys}`, comment: `Chiavi di ricerca (${what[k]})` },
    { name: NAMED_SOURCES[k].body, refersTo: `=${refs[k].body}`, comment: `Valori (${what[k]})` },
  ]);
}

/**
 * The lookups of the sheet, computed once: each row finds its source row in column «Riga di
 * origine» (MATCH on its key), and each source column needed is found once by its header, in a
 * small block beside the report (outside the print area). The cells then read
 * INDEX(values, row, column): short formulas even for a 5,800-row plan.
 */
export class Lookups {
  readonly cells: CellSpec[][] = [];
  private readonly columns = new Map<string, string>();
  private readonly kinds: Source[] = [];

  /** The cell holding the column of `header` (an expression) in `src`. */
  column(src: Source, header: string): string {
    const id = `${src.body}|${header}`;
    const known = this.columns.get(id);
    if (known !== undefined) return known;
    let line = this.kinds.indexOf(src);
    if (line < 0) {
      line = this.kinds.push(src) - 1;
      this.cells.push([src.label]);
    }
    const row = this.cells[line];
    row.push({ formula: `=MATCH(${header},${src.header},0)` });
    const address = `$${columnLetter(LOOKUP_COLUMN + row.length - 1)}$${LOOKUP_TOP + line + 1}`;
    this.columns.set(id, address);
    return address;
  }
}

/** Where the block of looked-up column positions sits (0-based), and the label of each of its rows. */
export const LOOKUP_TOP = 1;
export const LOOKUP_COLUMN = 11;
