// The exceljs adapter: the only code that touches exceljs. It writes a workbook description as
// an .xlsx and reads such a file back into the plain tables src/workbook/read.ts reads.
export { fileColumnWidth, fileFormula } from "./cells";
export { readTypedCells, readWorkbookActuals, readWorkbookContents, type TypedCells } from "./read";
export { readWorkbookReport, type WorkbookReportInput } from "./readReport";
export { writeXlsx } from "./write";
export { WorkbookFormatError, type CellProblem, type WorkbookActuals, type WorkbookContents } from "../workbook/read";
