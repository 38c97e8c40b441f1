// The one step every document source ends with: rows of cells (a table model, as a PDF's layout or a
// Word document's tables give them) → the text form the reader reads best: objective header lines
// "N Title", a label and its value on lines of their own, the indicator table as tab-separated rows
// in which a blank cell stays an empty cell between tabs (the reader reads "\t\t" as a blank target).

/**
 * One row of a document: its cells in reading order, "" for a blank cell. A row with no cells at
 * all marks the end of a table (a Word table closing, a paragraph after it).
 */
export type Row = string[];

/** The labels of an objective's block, as the reader knows them. */
const LABEL =
  /^(Ambito strategico(?:\s*\(AS\))?|Peso su AS|Risorse economiche|Prospettiva BSC|Missione|Programma)\s*:(?:\s*\(ex D\.\s?M\.[^)]*\))?/i;
const WEIGHT = /^[+-]?\d{1,3}(?:[.,]\d+)?\s*%$/;
const WEIGHT_THEN_TEXT = /^([+-]?\d{1,3}(?:[.,]\d+)?\s*%)\s+(\S.*)$/;
const TARGET_HEADER = /^(?:Target|Anno)(?:\s+\d{4})?$/i;
const INDICATOR_HEADER = /^Indicatori\b/i;
const OBJECTIVE_NUMBER = /^\d{1,4}[.)]?$/;

/** Whitespace of a cell collapsed (a cell's wrapped lines arrive joined by newlines or runs of spaces). */
export function tidyCell(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/g, " ").trim();
}

/** The header row of an indicator table: "Indicatori (100%)" and/or "Target 2023"… cells. */
export function isIndicatorHeader(cells: readonly string[]): boolean {
  const targets = cells.filter((c) => TARGET_HEADER.test(c)).length;
  return targets >= 1 && (targets >= 2 || cells.some((c) => INDICATOR_HEADER.test(c)));
}

export function isWeight(text: string): boolean {
  return WEIGHT.test(text);
}

export function startsWithLabel(text: string): boolean {
  return LABEL.test(text);
}

/** Where the columns of an indicator table are, by its header row. */
interface TableColumns {
  weight: number;
  name: number;
  targets: number[];
  header: string[];
}

function tableColumns(header: readonly string[]): TableColumns {
  const targets = header.flatMap((c, i) => (TARGET_HEADER.test(c) ? [i] : []));
  let name = header.findIndex((c) => INDICATOR_HEADER.test(c));
  if (name < 0) name = Math.max(0, targets[0] - 1);
  // The weight column has no header of its own: the cell before the names, when there is one.
  const weight = name > 0 && header[name - 1] === "" ? name - 1 : -1;
  return { weight, name, targets, header: targets.map((i) => header[i]) };
}

/** An indicator row read through the table's columns: weight, name and one cell per target column. */
function indicatorLine(cells: readonly string[], columns: TableColumns): string | null {
  let weight = columns.weight >= 0 ? (cells[columns.weight] ?? "") : "";
  const nameCells = cells.slice(columns.weight >= 0 ? columns.weight + 1 : 0, columns.targets[0]).filter((c) => c);
  let name = nameCells.join(" ");
  if (!weight) {
    // Weight and name in one cell ("33,33% Assenza di …"), or the weight alone before the names.
    const joined = WEIGHT_THEN_TEXT.exec(name);
    if (joined) [weight, name] = [joined[1], joined[2]];
    else if (nameCells.length > 1 && WEIGHT.test(nameCells[0]))
      [weight, name] = [nameCells[0], nameCells.slice(1).join(" ")];
  }
  const targets = columns.targets.map((i) => cells[i] ?? "");
  if (!weight && !name && targets.every((t) => !t)) return null;
  return [weight, name, ...targets].join("\t");
}

/** The lines a row outside the indicator table gives: a header "N Title", or each cell on its own line. */
function plainLines(cells: readonly string[]): string[] {
  const filled = cells.filter((c) => c !== "");
  if (filled.length === 0) return [];
  if (filled.length >= 2 && OBJECTIVE_NUMBER.test(filled[0]) && !LABEL.test(filled[1]) && /^\p{L}/u.test(filled[1])) {
    return [`${filled[0].replace(/[.)]$/, "")} ${filled.slice(1).join(" ")}`];
  }
  return filled;
}

/**
 * The reader's text for a document given as rows. An indicator table runs from its header row to
 * the first row that is a label, an objective header or another header; a header repeated at the
 * top of a page inside the same table (Word's repeated heading rows) is not written twice.
 */
export function rowsToReaderText(rows: readonly Row[]): string {
  const out: string[] = [];
  let columns: TableColumns | null = null;
  for (const raw of rows) {
    if (raw.length === 0) {
      if (columns) out.push("");
      columns = null;
      continue;
    }
    const cells = raw.map(tidyCell);
    if (isIndicatorHeader(cells)) {
      const next = tableColumns(cells);
      const repeated = columns !== null && next.header.join("|") === columns.header.join("|");
      columns = next;
      if (!repeated) {
        const title = cells[next.name] && INDICATOR_HEADER.test(cells[next.name]) ? cells[next.name] : "Indicatori";
        out.push("", [title, "", ...next.header].join("\t"));
      }
      continue;
    }
    const filled = cells.filter((c) => c !== "");
    if (filled.length === 0) continue;
    const leavesTable =
      filled.some((c) => LABEL.test(c)) ||
      (OBJECTIVE_NUMBER.test(filled[0]) && filled.length >= 2 && /^\p{L}/u.test(filled[1]));
    if (columns && !leavesTable) {
      const line = indicatorLine(cells, columns);
      if (line !== null) out.push(line);
      continue;
    }
    if (columns) out.push("");
    columns = null;
    const lines = plainLines(cells);
    // Blank lines around each line keep header, label and value apart, as in the conversions the reader knows.
    for (const line of lines) out.push(line, "");
  }
  // Only blank lines are trimmed: a last row ending in blank cells keeps its tabs.
  const text = out.join("\n").replace(/\n{3,}/g, "\n\n");
  return `${text.replace(/^\n+|\n+$/g, "")}\n`;
}
