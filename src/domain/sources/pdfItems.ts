// The one use of a pdf.js-like library, pure: its document → the positioned text items pdfLayout
// reads. The library itself is passed in (Node loads pdfjs-dist's legacy build, the task pane's
// worker loads its own chunk), so this file imports nothing and runs anywhere.
import { SourceError } from "./document";
import type { TextItem } from "./pdfLayout";

/** What this code needs of pdfjs-dist's API (a structural subset of its types). */
export interface PdfJsLike {
  getDocument(source: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    useSystemFonts?: boolean;
    disableFontFace?: boolean;
    stopAtErrors?: boolean;
    /** 0: errors only; pdf.js's warnings would otherwise reach the console (the CLI's stderr). */
    verbosity?: number;
  }): { promise: Promise<PdfDocumentLike>; destroy?: () => Promise<void> };
}

interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
  destroy?: () => Promise<void>;
}

interface PdfPageLike {
  getViewport(options: { scale: number }): { convertToViewportPoint(x: number, y: number): number[] };
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup?: () => void;
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Why a PDF could not be opened, as one Italian line (pdf.js names its exceptions). */
export function pdfOpenMessage(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? "";
  if (name === "PasswordException")
    return "il PDF è protetto da password (cifrato): salvalo senza protezione e riprova.";
  if (name === "InvalidPDFException" || name === "FormatError" || name === "UnknownErrorException") {
    return "il PDF è danneggiato o non è un PDF valido.";
  }
  return `il PDF non si può leggere (${(error as Error)?.message ?? String(error)}).`;
}

/** Text items of every page, top-left origin, with the page count. */
export async function pdfItems(pdfjs: PdfJsLike, bytes: Uint8Array): Promise<{ items: TextItem[]; pages: number }> {
  let doc: PdfDocumentLike;
  try {
    // A copy: pdf.js transfers (detaches) the buffer it is given.
    doc = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new SourceError(pdfOpenMessage(error));
  }
  const items: TextItem[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      for (const raw of content.items) {
        const item = raw as Partial<PdfTextItem>;
        if (typeof item.str !== "string" || !item.transform || item.str.trim() === "") continue;
        const [a, b, c, d, e, f] = item.transform;
        const [x, y] = viewport.convertToViewportPoint(e, f);
        const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
        items.push({ str: item.str, x, y, width: item.width ?? 0, height: size, page: n });
      }
      page.cleanup?.();
    }
    return { items, pages: doc.numPages };
  } catch (error) {
    throw new SourceError(pdfOpenMessage(error));
  } finally {
    await doc.destroy?.();
  }
}
