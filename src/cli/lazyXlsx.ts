// The .xlsx adapter, loaded on first use: exceljs takes a quarter of a second to load, which only
// the commands that write or read .xlsx should pay (`pira score` and `pira parse` start without it).
// A plain require: the CLI runs as CommonJS under tsx, where import() would need the file's extension.
type XlsxAdapter = typeof import("../xlsx");

export function xlsxAdapter(): XlsxAdapter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../xlsx") as XlsxAdapter;
}

type ReportAdapter = typeof import("../report/docx");

/** The Word writer (the docx package), loaded only by the commands that write a Relazione. */
export function reportAdapter(): ReportAdapter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../report/docx") as ReportAdapter;
}
