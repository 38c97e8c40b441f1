// Reading the plan as published: the sample PDF and Word file (bytes → reader text → plan, median of
// several runs), and a PDF 100× the sample, printed here by Chromium from an HTML of 100 copies.
// The size of the lazily loaded pdf.js chunk is reported by taskpane.bench.ts, which builds the pane.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readCruscotto } from "../src/domain/reader";
import { readSource } from "../src/domain/sources/document";
import { nodeSourceReaders } from "../src/sources-node/readers";
import { printPdf } from "../scripts/make-renditions";
import { renditionHtml } from "../test/helpers/renditions";
import { medianMsAsync, report } from "./harness";

const ROOT = path.resolve(__dirname, "..");

async function planOf(bytes: Uint8Array): Promise<number> {
  return readCruscotto((await readSource(bytes, nodeSourceReaders)).text).objectives.length;
}

async function indicatorsOf(bytes: Uint8Array): Promise<number> {
  const plan = readCruscotto((await readSource(bytes, nodeSourceReaders)).text);
  return plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
}

async function main(): Promise<void> {
  for (const [name, file] of [
    ["sources.pdf.sample.median", "samples/cruscotto-pira-2023.pdf"],
    ["sources.docx.sample.median", "samples/cruscotto-pira-2023.docx"],
  ]) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, file)));
    if ((await planOf(bytes)) !== 14) throw new Error(`${file}: not 14 objectives`);
    report(name, await medianMsAsync(() => planOf(bytes), 9), "ms");
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pira-bench-"));
  try {
    const file = path.join(dir, "cruscotto-100x.pdf");
    await printPdf(renditionHtml({ copies: 100 }), file, { landscape: true, furniture: true, format: "A4" });
    const bytes = new Uint8Array(fs.readFileSync(file));
    report("sources.pdf.100x.bytes", bytes.length / (1024 * 1024), "MiB");
    const objectives = await planOf(bytes);
    report("sources.pdf.100x.objectives", objectives, "count");
    report("sources.pdf.100x.indicators", await indicatorsOf(bytes), "count");
    report("sources.pdf.100x.median", await medianMsAsync(() => planOf(bytes), 3, 0), "ms");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
