// Text clean-up shared by the reader and the target grammar: PDF-to-text output carries
// markdown bold, <b> cells, non-breaking spaces and stray whitespace.

const HTML_TAG = /<\/?[a-zA-Z][^>]*>/g;
const HTML_ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

/** Removes markup and normalises whitespace; keeps every other character as written. */
export function cleanText(raw: string): string {
  return raw
    .replace(HTML_TAG, "")
    .replace(/&(nbsp|amp|lt|gt|quot);/g, (m) => HTML_ENTITIES[m] ?? m)
    .replace(/\*\*/g, "")
    .replace(/[\u00a0\u2007\u202f\t]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
