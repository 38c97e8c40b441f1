// pdf.js glue for Node (the CLI, the bench, the scripts): a PDF's bytes → positioned text items.
// pdfjs-dist ships ES modules only; it is imported on first use by absolute file URL.
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { pdfItems, type PdfJsLike } from "../domain/sources/pdfItems";
import type { TextItem } from "../domain/sources/pdfLayout";

let loaded: Promise<PdfJsLike> | null = null;

function pdfjs(): Promise<PdfJsLike> {
  // A real import() even where TypeScript compiles to CommonJS (tsx, ts-jest): pdf.mjs cannot be require()d.
  const importEsm = new Function("url", "return import(url)") as (url: string) => Promise<PdfJsLike>;
  const file = path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "legacy/build/pdf.mjs");
  loaded ??= importEsm(pathToFileURL(file).href);
  return loaded;
}

export async function readPdfItems(bytes: Uint8Array): Promise<{ items: TextItem[]; pages: number }> {
  return pdfItems(await pdfjs(), bytes);
}
