// A document as it is published (PDF, Word, or text copied out of them) → the reader's text, told
// apart by content, never by file name. The PDF and Word libraries are injected (Node and the task
// pane's worker load their own), so this stays pure and every host reads a file the same way.
import { decodeText, looksBinary, type TextEncodingName } from "../encoding";
import { docxHtmlToReaderText } from "./docx";
import { layoutTextItems, looksLikeLayoutText } from "./layoutText";
import { readLayout, type TextItem } from "./pdfLayout";
import { looksLikeViewerCopy, viewerCopyToReaderText } from "./viewerText";

/** Files above this are refused before any reading (documented in the README). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export type SourceKind = "pdf" | "docx" | "text" | "layout-text" | "viewer-text";

/** A document that cannot be read: `message` is one Italian line, ready for the user. */
export class SourceError extends Error {}

export interface SourceReaders {
  /** Positioned text items of every page (pdf.js); throws SourceError for encrypted or damaged files. */
  pdfItems(bytes: Uint8Array): Promise<{ items: TextItem[]; pages: number }>;
  /** The HTML of a .docx (mammoth's convertToHtml). */
  docxHtml(bytes: Uint8Array): Promise<string>;
}

export interface SourceReading {
  kind: SourceKind;
  /** The reader's text. */
  text: string;
  /** What was read, for the preview: "PDF, 7 pagine", "Word, 14 tabelle", "testo". */
  summary: string;
  /** How a text file's bytes were decoded (UTF-8 for PDF and Word, whose text comes decoded). */
  encoding: TextEncodingName;
}

const startsWith = (bytes: Uint8Array, ascii: string): boolean =>
  bytes.length >= ascii.length && [...ascii].every((ch, i) => bytes[i] === ch.charCodeAt(0));

function contains(bytes: Uint8Array, ascii: string): boolean {
  outer: for (let i = 0; i + ascii.length <= bytes.length; i++) {
    for (let k = 0; k < ascii.length; k++) if (bytes[i + k] !== ascii.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** A zip (PK\x03\x04) naming word/document.xml among its entries: a Word document. */
function isDocx(bytes: Uint8Array): boolean {
  // Entry names are stored in plain ASCII in local headers and the central directory.
  return startsWith(bytes, "PK\x03\x04") && contains(bytes, "word/document.xml");
}

export function detectSource(bytes: Uint8Array): "pdf" | "docx" | "zip" | "text" | "binary" {
  // "%PDF-" may follow a few bytes of junk (some mail gateways); the standard allows 1024.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, "PK\x03\x04")) return isDocx(bytes) ? "docx" : "zip";
  const head64 = bytes.subarray(0, 65536);
  return looksBinary(head64, decodeText(head64)) ? "binary" : "text";
}

const pages = (n: number): string => (n === 1 ? "1 pagina" : `${n} pagine`);
const tables = (n: number): string => (n === 1 ? "1 tabella" : `${n} tabelle`);
const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1).replace(".", ",");

/** Reads a document's bytes into the reader's text; every refusal is a SourceError with one Italian line. */
/**
 * What a file is, or the SourceError that refuses it, from its bytes alone (no library): hosts call
 * it before handing a file to a worker, so an empty, oversized, binary or cut file is refused at once.
 */
export function screenSource(bytes: Uint8Array): "pdf" | "docx" | "text" {
  if (bytes.length === 0) throw new SourceError("il file è vuoto.");
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new SourceError(
      `il file è troppo grande (${megabytes(bytes.length)} MB; il massimo è ${MAX_SOURCE_BYTES / (1024 * 1024)} MB).`,
    );
  }
  const kind = detectSource(bytes);
  if (kind === "zip") throw new SourceError("il file è un archivio zip ma non un documento Word (.docx).");
  if (kind === "binary") {
    throw new SourceError("il file non è un testo, un PDF o un documento Word (sembra un file binario).");
  }
  // Every PDF ends with %%EOF (after each incremental update too): without it the file was cut short.
  if (kind === "pdf" && !contains(bytes.subarray(Math.max(0, bytes.length - 65536)), "%%EOF")) {
    throw new SourceError("il PDF è incompleto o danneggiato (manca la fine del file).");
  }
  return kind;
}

/** Reads a document's bytes into the reader's text; every refusal is a SourceError with one Italian line. */
export async function readSource(bytes: Uint8Array, readers: SourceReaders): Promise<SourceReading> {
  switch (screenSource(bytes)) {
    case "pdf": {
      const { items, pages: count } = await readers.pdfItems(bytes);
      const layout = readLayout(items);
      if (layout.textItems === 0)
        throw new SourceError(
          "il PDF non contiene testo: è una scansione? Serve un PDF con il testo (non un'immagine).",
        );
      return { kind: "pdf", text: layout.text, summary: `PDF, ${pages(count)}`, encoding: "utf-8" };
    }
    case "docx": {
      let html: string;
      try {
        html = await readers.docxHtml(bytes);
      } catch {
        throw new SourceError("il documento Word è danneggiato o non si può leggere.");
      }
      const { text, tables: count } = docxHtmlToReaderText(html);
      if (count === 0)
        throw new SourceError("il documento Word non contiene tabelle: il cruscotto vi è atteso in tabelle.");
      return { kind: "docx", text, summary: `Word, ${tables(count)}`, encoding: "utf-8" };
    }
    case "text": {
      const { text, encoding } = decodeText(bytes);
      if (looksLikeLayoutText(text)) {
        return {
          kind: "layout-text",
          text: readLayout(layoutTextItems(text), { evenLines: true, grid: true }).text,
          summary: "testo impaginato (colonne di spazi)",
          encoding,
        };
      }
      if (looksLikeViewerCopy(text)) {
        return {
          kind: "viewer-text",
          text: viewerCopyToReaderText(text),
          summary: "testo copiato da un PDF",
          encoding,
        };
      }
      return { kind: "text", text, summary: "testo", encoding };
    }
  }
}
