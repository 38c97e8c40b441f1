// The workbook's history across revisions: the Archivio rows (values a revised plan has no
// place for) and the Registro rows (every change applied). Plain data, carried from one
// workbook to the next and only ever appended to.
import type { Actual } from "../domain/model";

export interface ArchiveRow {
  oldId: string;
  objective: number | null;
  name: string;
  year: number | null;
  /** The target in force for that year, as written. */
  target: string;
  actual: Actual;
  /** The score under that target when it was archived (0..1); null without one. */
  score: number | null;
  note: string | null;
  /** Why it was archived, in Italian. */
  reason: string;
  /** The plan the value was typed against. */
  planTitle: string;
  planDate: string;
}

export interface RegisterRow {
  /** When the change was applied (an Excel date serial); null when not known. */
  date: number | null;
  /** Italian label of the kind of change. */
  kind: string;
  objective: number | null;
  indicator: string;
  before: string;
  after: string;
  description: string;
  /** The plan that brought the change. */
  planTitle: string;
  planDate: string;
}

/** A plan's title and date, as the Registro and the Archivio name their source. */
export interface PlanSource {
  title: string;
  date: string;
}
