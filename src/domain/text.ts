// Text clean-up shared by the reader and the target grammar: PDF-to-text output carries
// markdown bold, <b> cells, non-breaking spaces and stray whitespace.

const HTML_TAG = /<\/?[a-zA-Z][^>]*>/g;
const HTML_ENTITY = /&(nbsp|amp|lt|gt|quot);/g;
const HTML_ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };
const ODD_SPACE = /[\t\n\r\f\v\u00a0\u2007\u202f]| {2}/;
const SPACE_RUN = /[\s\u00a0\u2007\u202f]+/g;

/** Removes markup and normalises whitespace; keeps every other character as written. */
export function cleanText(raw: string): string {
  // The checks before each replace keep the reader fast: most cells hold no markup.
  let s = raw;
  if (s.includes("<")) s = s.replace(HTML_TAG, "");
  if (s.includes("&")) s = s.replace(HTML_ENTITY, (m) => HTML_ENTITIES[m] ?? m);
  if (s.includes("**")) s = s.replace(/\*\*/g, "");
  if (ODD_SPACE.test(s)) s = s.replace(SPACE_RUN, " ");
  return s.trim();
}
