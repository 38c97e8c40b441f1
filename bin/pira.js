#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so a clone works after `npm install` with no build step.
require("tsx/cjs");
require("../src/cli/main.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
