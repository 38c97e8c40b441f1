#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so a clone works after `npm install` with no build step.
// Whatever fails, even loading, ends as one line and exit 1, never a stack trace.
function internalError(e) {
  const detail = e instanceof Error ? e.message || e.name : String(e);
  process.stderr.write(`pira: errore interno: ${detail.replace(/[\r\n]+/g, " ")}\n`);
  process.exitCode = 1;
}
// `pira parse x.txt | head`: a closed pipe ends the output, it is no failure.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  internalError(e);
});
process.on("uncaughtException", (e) => {
  internalError(e);
  process.exit(1);
});
try {
  require("tsx/cjs");
  const { main } = require("../src/cli/main.ts");
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, internalError);
} catch (e) {
  internalError(e);
}
