import * as fs from "node:fs";
import * as path from "node:path";

export const SAMPLE_PATH = path.join(__dirname, "..", "..", "samples", "cruscotto-pira-2023.txt");

/** The bundled sample cruscotto (the text conversion of the published annex). */
export function sampleText(): string {
  return fs.readFileSync(SAMPLE_PATH, "utf8");
}
