// Reads an opened or dropped file into the reader's text. Texts are read in the page (they need no
// library); PDF and Word files go to the parse worker as an ArrayBuffer, which loads pdf.js or
// mammoth only then. The page itself never imports them: no chunk loading in the shared runtime.
import { readSource, screenSource, SourceError, type SourceReading } from "../../domain/sources/document";
import type { SourceRequest, SourceResponse } from "../parseWorker";
import { PARSE_WORKER_URL } from "./planParser";

export type SourceReader = (file: Blob) => Promise<SourceReading>;

function bytesOf(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(file);
  });
}

export function createSourceReader(url = PARSE_WORKER_URL): SourceReader {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (r: SourceReading) => void; reject: (e: Error) => void }>();

  function start(): Worker | null {
    if (worker || typeof Worker === "undefined") return worker;
    try {
      worker = new Worker(url);
    } catch {
      return null;
    }
    worker.onmessage = (event: MessageEvent<SourceResponse>) => {
      const job = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      if ("source" in event.data) job?.resolve(event.data.source);
      else job?.reject(new SourceError(event.data.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const [id, job] of waiting) {
        waiting.delete(id);
        job.reject(new SourceError("il file non si può leggere: la lettura in background non è riuscita."));
      }
      worker?.terminate();
      worker = null;
    };
    return worker;
  }

  return async (file) => {
    const bytes = await bytesOf(file);
    const kind = screenSource(new Uint8Array(bytes));
    if (kind === "text") return readSource(new Uint8Array(bytes), NO_LIBRARIES);
    const w = start();
    if (!w) {
      throw new SourceError(
        "qui i PDF e i documenti Word non si possono leggere (manca il Web Worker): incolla il testo del cruscotto.",
      );
    }
    return new Promise<SourceReading>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      const request: SourceRequest = { id, bytes };
      // Transferred, not copied: a 20 MB PDF crosses to the worker at no cost.
      w.postMessage(request, [bytes]);
    });
  };
}

/** Texts need no PDF or Word library: asking one for a text is a bug, said so. */
const NO_LIBRARIES = {
  pdfItems: () => Promise.reject(new Error("PDF non atteso")),
  docxHtml: () => Promise.reject(new Error("Word non atteso")),
};
