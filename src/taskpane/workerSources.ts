// The document libraries inside the task pane's parse worker, each loaded only when a file of its
// kind is opened (dynamic import → its own webpack chunk), so the pane's initial scripts stay small.
// pdf.js runs in this worker thread without a nested worker: its worker module is imported too and
// handed over as globalThis.pdfjsWorker, pdf.js's documented "fake worker" path.
import type { SourceReaders } from "../domain/sources/document";
import { pdfItems, type PdfJsLike } from "../domain/sources/pdfItems";

export const workerSourceReaders: SourceReaders = {
  async pdfItems(bytes) {
    const [pdfjs, pdfWorker] = await Promise.all([
      import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/build/pdf.mjs"),
      import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/build/pdf.worker.mjs"),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfWorker;
    return pdfItems(pdfjs as unknown as PdfJsLike, bytes);
  },
  async docxHtml(bytes) {
    const mammoth = await import(/* webpackChunkName: "mammoth" */ "mammoth");
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return (await mammoth.convertToHtml({ arrayBuffer })).value;
  },
};
