// The Excel adapter: the only code that touches Excel.* (Office.js).
export { applyWorkbook, type ApplyOptions, type ApplyReport } from "./applyWorkbook";
export { inspectWorkbook, type WorkbookInspection } from "./inspectWorkbook";
export { rewriteFormulas } from "./rewriteFormulas";
export { readTable, readTableColumns, readTableIfPresent, selectCell, selectTableCell } from "./navigation";
export type { TableColumns } from "./navigation";
export { isNotFound, officeErrorMessage, runExcel, supportsExcelApi } from "./run";
export { readNamedValues, rewriteSheetRanges } from "./settingsCells";
export { MAX_REQUEST_BYTES, MAX_WRITE_SYNCS, tell } from "./batch";
export { UNPACED, type Pacer } from "./pace";

/**
 * The ExcelApi requirement set the adapter's import needs: data validation is 1.8; freeze panes,
 * tab colours, chart categories and protection passwords 1.7; conditional formats and calculation
 * suspension 1.6 (page setup and screen-updating suspension are 1.9). The manifest requires
 * SharedRuntime 1.1, which only hosts with ExcelApi 1.11 or later have, so this check does not fail
 * where the shipped manifest loads: it stays as a clear message, instead of a failed sync halfway
 * through the writes, for a host that reports fewer sets (a manifest edited to drop SharedRuntime).
 */
export const REQUIRED_EXCEL_API = "1.8";
export { readWorkbookTables } from "./readWorkbookTables";
export { watchSheets, type StopWatching } from "./changes";
