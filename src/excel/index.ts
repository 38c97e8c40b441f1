// The Excel adapter: the only code that touches Excel.* (Office.js).
export { applyWorkbook, type ApplyOptions, type ApplyReport } from "./applyWorkbook";
export { inspectWorkbook, type WorkbookInspection } from "./inspectWorkbook";
export { rewriteFormulas } from "./rewriteFormulas";
export { readTable, readTableIfPresent, selectCell, selectTableCell } from "./navigation";
export { isNotFound, officeErrorMessage, runExcel, supportsExcelApi } from "./run";
export { readNamedValues, rewriteSheetRanges, splitReference } from "./settingsCells";
export { MAX_REQUEST_BYTES, MAX_WRITE_SYNCS } from "./batch";

/**
 * The ExcelApi requirement set the adapter needs: data validation is 1.8; freeze panes, tab
 * colours, chart categories and protection passwords 1.7; conditional formats and calculation
 * suspension 1.6. Check with Office.context.requirements.isSetSupported("ExcelApi", ...).
 */
export const REQUIRED_EXCEL_API = "1.8";
export { readWorkbookTables } from "./readWorkbookTables";
export { watchSheets, type StopWatching } from "./changes";
