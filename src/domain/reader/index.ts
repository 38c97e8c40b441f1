// The cruscotto reader: the approved document → Plan, as a small pipeline.
//
//   source (text, PDF, DOCX…) → rows of cells → classify (what each line is) → assemble (one case
//   per kind of line) → checks (what the plan lacks) → Plan with diagnostics.
//
// The seam for a new document format is `readRows`: a source that yields numbered rows of cells
// (markup such as <b> or ** kept in the cells: it tells headers from values) plugs in there and
// gets the same reading, diagnostics and line numbers as text. `readCruscottoDetailed(text)` is
// the text source: it splits lines on line breaks and cells on tabs or runs of 2+ spaces, which
// is also what the PDF and DOCX sources produce as tab-separated text.
//
// It never throws, never drops a line silently: what it cannot use becomes a diagnostic.

import { decodeText, ENCODING_LABELS, type DecodedText } from "../encoding";
import type { Plan } from "../model";
import { Assembler, type ReadResult } from "./assemble";
import { sourceLine, type SourceRow } from "./classify";
import { diagnostic } from "./messages";

export type { ReadResult } from "./assemble";
export type { SourceRow } from "./classify";
export { WEIGHT_TOLERANCE } from "./checks";
export { DIAGNOSTIC_CODES, diagnosticMessage, NO_YEARS_MESSAGE } from "./messages";
export type { DiagnosticCode, DiagnosticParams, Language } from "./messages";

/** Reads a cruscotto from numbered rows of cells, as any document source gives them. */
export function readRows(rows: readonly SourceRow[]): ReadResult {
  return new Assembler(rows.map(sourceLine)).read();
}

/** The rows of a text: lines on line breaks, cells on tabs or runs of 2+ spaces. */
export function textRows(text: string): SourceRow[] {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return normalised.split("\n").map((line, i) => ({
    number: i + 1,
    cells: line.replace(/[\u00a0\u2007\u202f]/g, " ").split(/\t| {2,}/),
  }));
}

/** Reads a cruscotto and reports which lines were used, for callers that check for silent loss. */
export function readCruscottoDetailed(text: string): ReadResult {
  return readRows(textRows(text));
}

/** Reads a cruscotto obiettivi strategici PIRA. Never throws; problems are in plan.diagnostics. */
export function readCruscotto(text: string): Plan {
  return readCruscottoDetailed(text).plan;
}

/**
 * Reads a decoded document; a text that was not UTF-8 gets an info diagnostic naming its
 * encoding, since a wrong guess would show as wrong accents.
 */
export function readDecoded({ text, encoding }: DecodedText): ReadResult {
  const result = readCruscottoDetailed(text);
  if (encoding !== "utf-8") {
    const params = { encoding: ENCODING_LABELS[encoding] };
    result.plan.diagnostics.unshift(diagnostic("text-encoding", params, { line: 0, severity: "info" }));
  }
  return result;
}

/** Reads a cruscotto from a file's bytes, in whichever encoding decodeText finds. */
export function readCruscottoBytes(bytes: Uint8Array): ReadResult {
  return readDecoded(decodeText(bytes));
}
