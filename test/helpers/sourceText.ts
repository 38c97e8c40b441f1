// The reader's text of documents, read by the real pipeline (readSource with pdf.js and mammoth) in a
// child process: pdf.js is an ES module, which jest's CommonJS runtime cannot import.
import { execFileSync } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

export type SourceTextResult =
  { file: string; kind: string; summary: string; text: string } | { file: string; error: string };

export function sourceTexts(files: string[]): Map<string, SourceTextResult> {
  const json = execFileSync(
    process.execPath,
    ["--require", require.resolve("tsx/cjs"), path.join(ROOT, "scripts/source-text.ts"), ...files],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 300_000 },
  );
  const results = JSON.parse(json) as SourceTextResult[];
  return new Map(results.map((r) => [r.file, r]));
}
