// The .xlsx adapter, loaded on first use: exceljs takes a quarter of a second to load, which only
// the commands that write or read .xlsx should pay (`pira score` and `pira parse` start without it).
// A plain require: the CLI runs as CommonJS under tsx, where import() would need the file's extension.
type XlsxAdapter = typeof import("./xlsx");
type TypedCellsReader = typeof import("../xlsx/typedCells");

export function xlsxAdapter(): XlsxAdapter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("./xlsx") as XlsxAdapter;
}

/** Counts what a user typed into a workbook (consuntivi, notes) before `pira build` replaces it. */
export function typedCellsReader(): TypedCellsReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../xlsx/typedCells") as TypedCellsReader;
}
