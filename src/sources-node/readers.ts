// The document libraries for Node hosts (CLI, bench, scripts): pdf.js for PDF, mammoth for Word.
import * as mammoth from "mammoth";
import type { SourceReaders } from "../domain/sources/document";
import { readPdfItems } from "./pdfjs";

export const nodeSourceReaders: SourceReaders = {
  pdfItems: readPdfItems,
  docxHtml: async (bytes) => (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value,
};
