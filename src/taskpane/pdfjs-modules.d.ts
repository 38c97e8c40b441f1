// pdfjs-dist's ES module builds, imported by path inside the parse worker; their API is used through
// the structural PdfJsLike of src/domain/sources/pdfItems.ts, so no more than this is declared.
declare module "pdfjs-dist/build/pdf.mjs";
declare module "pdfjs-dist/build/pdf.worker.mjs";
