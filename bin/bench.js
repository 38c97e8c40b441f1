#!/usr/bin/env node
// Runs every bench/*.bench.ts in its own process (clean heap for memory figures) and
// forwards their output: one JSON object per line, {"name", "value", "unit"}.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const dir = path.join(__dirname, "..", "bench");
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = false;
for (const file of files) {
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(dir, file)], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) {
    failed = true;
    process.stderr.write(`bench ${file} failed with exit ${r.status}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
