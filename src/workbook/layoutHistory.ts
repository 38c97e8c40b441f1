// The layout of the history sheets (Archivio, Registro): their columns, in the contract layout.ts keeps.
import { FORMAT } from "./format";
import { HEADERS, STEMS } from "./layout";
import type { ColumnSpec } from "./types";

/**
 * The Archivio sheet (table tblArchivio): consuntivi and notes a revised plan has no place for
 * (indicator removed, objective closed, year dropped), one row per indicator and year, never deleted.
 */
export const ARCHIVE_COLUMNS: ColumnSpec[] = [
  { header: "Indicatore (vecchio)", role: "data", numberFormat: FORMAT.text, width: 12 },
  { header: HEADERS.objective, role: "data", numberFormat: FORMAT.integer, width: 11 },
  { header: HEADERS.indicatorName, role: "data", numberFormat: FORMAT.text, width: 50, wrap: true },
  { header: "Anno", role: "data", numberFormat: FORMAT.integer, width: 8 },
  { header: "Target in vigore", role: "data", numberFormat: FORMAT.text, width: 18 },
  { header: STEMS.actual, role: "data", numberFormat: FORMAT.general, width: 14 },
  { header: STEMS.score, role: "data", numberFormat: FORMAT.percent, width: 12 },
  { header: STEMS.note, role: "data", numberFormat: FORMAT.text, width: 40, wrap: true },
  { header: "Motivo dell'archiviazione", role: "data", numberFormat: FORMAT.text, width: 50, wrap: true },
  { header: "Piano di provenienza", role: "data", numberFormat: FORMAT.text, width: 40, wrap: true },
  { header: "Data del piano", role: "data", numberFormat: FORMAT.text, width: 14 },
];
export const ARCHIVE_COLUMN = {
  oldId: 0,
  objective: 1,
  name: 2,
  year: 3,
  target: 4,
  actual: 5,
  score: 6,
  note: 7,
  reason: 8,
  planTitle: 9,
  planDate: 10,
} as const;

/**
 * The Registro sheet (table tblRegistro): every change a revision applied, one row each,
 * appended at each revision and never rewritten; a first import writes «Importazione iniziale».
 */
export const REGISTER_COLUMNS: ColumnSpec[] = [
  { header: "Data", role: "data", numberFormat: FORMAT.date, width: 12 },
  { header: "Tipo di modifica", role: "data", numberFormat: FORMAT.text, width: 30, wrap: true },
  { header: HEADERS.objective, role: "data", numberFormat: FORMAT.integer, width: 11 },
  { header: HEADERS.indicatorId, role: "data", numberFormat: FORMAT.text, width: 12 },
  { header: "Prima", role: "data", numberFormat: FORMAT.text, width: 30, wrap: true },
  { header: "Dopo", role: "data", numberFormat: FORMAT.text, width: 30, wrap: true },
  { header: "Descrizione", role: "data", numberFormat: FORMAT.text, width: 60, wrap: true },
  { header: "Piano", role: "data", numberFormat: FORMAT.text, width: 40, wrap: true },
  { header: "Data del piano", role: "data", numberFormat: FORMAT.text, width: 14 },
];
export const REGISTER_COLUMN = {
  date: 0,
  kind: 1,
  objective: 2,
  indicator: 3,
  before: 4,
  after: 5,
  description: 6,
  planTitle: 7,
  planDate: 8,
} as const;

/** The Registro's kind of its first row, written by a first import. */
export const INITIAL_IMPORT = "Importazione iniziale";
