import * as fs from "node:fs";
import * as path from "node:path";

export const SAMPLE_PATH = path.join(__dirname, "..", "..", "samples", "cruscotto-pira-2023.txt");

/** The bundled sample cruscotto (a copy of ../shared/samples/cruscotto-pira-2023.txt). */
export function sampleText(): string {
  return fs.readFileSync(SAMPLE_PATH, "utf8");
}
