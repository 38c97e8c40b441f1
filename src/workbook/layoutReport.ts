// The layout of the Rendicontazione sheet: its columns and the names it looks values up through,
// in the contract layout.ts keeps.
import { HEADERS, STEMS } from "./layout";

/** The Rendicontazione sheet: its columns (header, width) and the row of its header. */
export const REPORT_SHEET = {
  headerRow: 4,
  columns: [
    { header: HEADERS.code, width: 9 },
    { header: "Descrizione", width: 41 },
    { header: HEADERS.weight, width: 10 },
    { header: STEMS.target, width: 16 },
    { header: STEMS.actual, width: 13 },
    { header: "Grado di raggiungimento", width: 14 },
    { header: STEMS.coverage, width: 10 },
    // "Parzialmente raggiunto" in bold on one line: the status is a formula, no height can guess it.
    { header: STEMS.status, width: 21 },
    { header: "Nota di scostamento", width: 28 },
  ],
} as const;
export const REPORT_COLUMN = {
  code: 0,
  description: 1,
  weight: 2,
  target: 3,
  actual: 4,
  score: 5,
  coverage: 6,
  status: 7,
  note: 8,
} as const;

/** Prefixes of the workbook names over the tables the Rendicontazione looks values up in. */
export const REPORT_NAMES = {
  indicators: "PIRA_Rend_Ind",
  objectives: "PIRA_Rend_Obj",
  areas: "PIRA_Rend_Ambiti",
} as const;
