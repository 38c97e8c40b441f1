// What one line of a cruscotto is, decided once: the assembler only acts on the verdict. The
// verdict depends on the line and on a little of what came before (a label waiting for its value,
// an indicator row just above), which the assembler passes as the context.

import { cleanText } from "../text";
import { parseTarget } from "../targets";
import {
  AREA_LINE,
  BOLD,
  findLabels,
  INDICATOR_HEADER,
  isTargetHeaderRow,
  OBJECTIVE_HEADER,
  splitIndicatorRow,
  titleAndDate,
  UNDERLINE,
  WEIGHT_CELL,
  type IndicatorRow,
  type LabelHit,
} from "./rules";

/** One row of a document as a source gives it: its 1-based number and its cells as written (markup kept). */
export interface SourceRow {
  number: number;
  cells: string[];
}

export interface SourceLine {
  number: number;
  /** The row as written, cells joined by tabs (markup kept: bold tells headers from values). */
  raw: string;
  /** Cells, each cleaned. */
  cells: string[];
  /** The whole row cleaned. */
  text: string;
}

export function sourceLine(row: SourceRow): SourceLine {
  const raw = row.cells.join("\t");
  return { number: row.number, raw, cells: row.cells.map(cleanText), text: cleanText(raw) };
}

/** What the assembler knows when it looks at a line. */
export interface LineContext {
  /** The line right above was an indicator row (or its continuation). */
  afterIndicator: boolean;
  /** A non-blank line came before (the first one is the title). */
  seenContent: boolean;
  /** An objective has started. */
  inObjective: boolean;
  /** Labels are waiting for their values on this line. */
  pending: boolean;
  /** The "Peso su AS" is among them: a "14,29%" line is its value, not an indicator row. */
  pendingWeight: boolean;
  /** The current objective has its area already. */
  areaSet: boolean;
  /** Target columns in the current indicator table. */
  expectedTargets: number;
}

export type LineKind =
  | { kind: "blank" }
  | { kind: "underline" }
  | { kind: "continuation" }
  | { kind: "title"; title: string; date: string }
  | { kind: "objectiveHeader"; number: number; title: string }
  | { kind: "beforeFirstObjective" }
  | { kind: "indicatorHeader" }
  | { kind: "indicatorRow"; row: IndicatorRow }
  | { kind: "fieldLabels"; labels: LabelHit[] }
  | { kind: "fieldValue" }
  | { kind: "areaLine" }
  | { kind: "splitTableHeader" }
  | { kind: "unrecognised" };

/**
 * A line right under an indicator row that is no row, label, header or value of its own: the
 * PDF wrapped the indicator's name ("…pagate entro" / "30 giorni dal ricevimento").
 */
function isNameContinuation(line: SourceLine): boolean {
  const text = line.text;
  if (text === "" || UNDERLINE.test(text) || BOLD.test(line.raw)) return false;
  if (WEIGHT_CELL.test(line.cells[0]) || findLabels(text).length > 0 || INDICATOR_HEADER.test(text)) return false;
  if (isTargetHeaderRow(line.cells) || AREA_LINE.test(text) || /^[+-]?[\d.,]+\s*[%€]/.test(text)) return false;
  const cells = line.cells.filter((c) => c !== "");
  return cells.length === 1 && parseTarget(cells[0])?.kind === "unreadable";
}

function objectiveHeader(line: SourceLine, context: LineContext): { number: number; title: string } | null {
  const header = OBJECTIVE_HEADER.exec(line.text);
  if (
    header &&
    !/^(?:Target|Anno)\b/i.test(header[2]) &&
    !INDICATOR_HEADER.test(line.text) &&
    // "011 Competitività…" is a code, not objective 11; after "Missione:" a plain line is its value.
    !/^0\d/.test(header[1]) &&
    !(context.pending && !BOLD.test(line.raw))
  ) {
    return { number: Number(header[1]), title: header[2].trim() };
  }
  return null;
}

/** The kind of one line; the order of the tests is the reader's precedence. */
export function classify(line: SourceLine, context: LineContext): LineKind {
  const text = line.text;
  if (context.afterIndicator && isNameContinuation(line)) return { kind: "continuation" };
  if (text === "") return { kind: "blank" };
  if (UNDERLINE.test(text)) return { kind: "underline" };
  if (!context.seenContent && !OBJECTIVE_HEADER.test(text) && findLabels(text).length === 0) {
    return { kind: "title", ...titleAndDate(text) };
  }
  const header = objectiveHeader(line, context);
  if (header) return { kind: "objectiveHeader", ...header };
  if (!context.inObjective) return { kind: "beforeFirstObjective" };
  if (INDICATOR_HEADER.test(line.cells[0] ?? "") || (isTargetHeaderRow(line.cells) && /^Indicatori/i.test(text))) {
    return { kind: "indicatorHeader" };
  }
  if (!context.pendingWeight && WEIGHT_CELL.test(line.cells[0])) {
    const row = splitIndicatorRow(line.cells, context.expectedTargets);
    if (row && row.name !== "") return { kind: "indicatorRow", row };
  }
  const labels = findLabels(text);
  if (labels.length > 0) return { kind: "fieldLabels", labels };
  if (context.pending) return { kind: "fieldValue" };
  if (AREA_LINE.test(text) && !context.areaSet) return { kind: "areaLine" };
  // A header row the conversion split in two: the indicator header follows.
  if (isTargetHeaderRow(line.cells)) return { kind: "splitTableHeader" };
  return { kind: "unrecognised" };
}
