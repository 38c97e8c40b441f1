// The exceljs adapter: the only code that touches exceljs. It writes a workbook description as
// an .xlsx and reads such a file back into the plain tables src/workbook/read.ts reads.
export { fileColumnWidth, fileFormula } from "./cells";
export { readWorkbookActuals, readWorkbookContents } from "./read";
export { writeXlsx } from "./write";
export { WorkbookFormatError, type CellProblem, type WorkbookActuals, type WorkbookContents } from "../workbook/read";
