// Task-pane budget: the gzip size of the scripts taskpane.html loads (production build) and the
// first render in headless Chromium (navigation start → the pane's first commit, the
// "pira-pane-rendered" mark). Exits non-zero when a budget is exceeded.
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { buildAddin, fakeExcelBundle, launch, officeHostScript, openPane, serve } from "../test/e2e/browser";
import { report } from "./harness";

const BUNDLE_BUDGET_KB = 300;
const FIRST_RENDER_BUDGET_MS = 1500;
const RENDERS = 7;

/** The local scripts the page loads, in order (Office.js comes from Microsoft's CDN and is not ours). */
function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/i.test(src));
}

async function main(): Promise<void> {
  const out = await buildAddin("production");
  const server = await serve(out);
  const browser = await launch();
  try {
    let totalKb = 0;
    for (const script of pageScripts(fs.readFileSync(path.join(out, "taskpane.html"), "utf8"))) {
      const kb = zlib.gzipSync(fs.readFileSync(path.join(out, script))).length / 1024;
      report(`taskpane.bundle.gzip.${script}`, kb, "KB");
      totalKb += kb;
    }
    report("taskpane.bundle.gzip.total", totalKb, "KB");

    // The fake host stands in for Office.js, so its own parse time is counted; real Office.js is
    // fetched from the CDN and cached by Office, which this cannot measure.
    const host = officeHostScript(fakeExcelBundle());
    const times: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const { context, page } = await openPane(browser, server.url, host);
      await page.goto(`${server.url}taskpane.html`);
      await page.waitForFunction(() => performance.getEntriesByName("pira-pane-rendered").length > 0, undefined, {
        timeout: 60_000,
      });
      times.push(await page.evaluate(() => performance.getEntriesByName("pira-pane-rendered")[0].startTime));
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    report("taskpane.firstRender.median", median, "ms");
    report("taskpane.firstRender.max", times[times.length - 1], "ms");

    if (totalKb > BUNDLE_BUDGET_KB) {
      process.stderr.write(`taskpane bench: scripts total ${totalKb.toFixed(1)} KB gzip > ${BUNDLE_BUDGET_KB} KB\n`);
      process.exitCode = 1;
    }
    if (median > FIRST_RENDER_BUDGET_MS) {
      process.stderr.write(`taskpane bench: first render ${median.toFixed(0)} ms > ${FIRST_RENDER_BUDGET_MS} ms\n`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
