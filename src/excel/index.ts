// The Excel adapter: the only code that touches Excel.* (Office.js).
export { applyWorkbook, type ApplyOptions, type ApplyReport } from "./applyWorkbook";
export { inspectWorkbook, type WorkbookInspection } from "./inspectWorkbook";
export { rewriteFormulas } from "./rewriteFormulas";
export { readTable, selectCell, type TableCell, type TableContent } from "./navigation";
export { MAX_REQUEST_BYTES, MAX_WRITE_SYNCS } from "./batch";
