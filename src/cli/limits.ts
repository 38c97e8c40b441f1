// The largest input the CLI reads, by kind: checked on the file's size before it is read, so an
// oversized file is one Italian line instead of a heap exhausted minutes later. Stated in the README.
import { MAX_SOURCE_BYTES } from "../domain/sources/document";

const MB = 1024 * 1024;

export const SIZE_LIMITS = {
  /** A cruscotto: text, PDF or Word; the same limit the task pane applies (domain/sources). */
  document: { bytes: MAX_SOURCE_BYTES, label: "un documento" },
  /** A workbook made by pira build or the add-in (the 100× plan's is about 3 MB). */
  workbook: { bytes: 50 * MB, label: "una cartella di lavoro" },
  /** A CSV of consuntivi (one short line per indicator and year). */
  csv: { bytes: 5 * MB, label: "un CSV di consuntivi" },
} as const;

export type InputKind = keyof typeof SIZE_LIMITS;

/** 52428800 → "50", 1572864 → "1,5": megabytes in Italian notation. */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return (Number.isInteger(mb) ? String(mb) : mb.toFixed(1)).replace(".", ",");
}
