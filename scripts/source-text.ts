// Prints, as JSON, what readSource makes of each file given: [{file, kind, summary, text} | {file, error}].
// Used by the tests for PDFs (pdf.js is an ES module that jest's CommonJS runtime cannot import).
import * as fs from "node:fs";
import { readSource, SourceError } from "../src/domain/sources/document";
import { nodeSourceReaders } from "../src/sources-node/readers";

async function main(files: string[]): Promise<void> {
  const out: unknown[] = [];
  for (const file of files) {
    try {
      out.push({ file, ...(await readSource(new Uint8Array(fs.readFileSync(file)), nodeSourceReaders)) });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      out.push({ file, error: error.message });
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
