#!/usr/bin/env node
// Renders the README's pictures from the demo workbook: `pira build` on the bundled sample with
// its consuntivi, LibreOffice prints it to PDF, and the first page of the Cruscotto and of the
// Rendicontazione become docs/images/*.png (pdftoppm, 60 dpi). Needs soffice and poppler-utils.
// Usage: node scripts/render-readme-images.js
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pira-images-"));
const out = path.join(root, "docs", "images");

function run(program, args) {
  const result = spawnSync(program, args, { encoding: "utf8", timeout: 600_000 });
  if (result.status !== 0) throw new Error(`${program} non riuscito: ${result.stderr || result.error}`);
  return result.stdout;
}

try {
  const xlsx = path.join(work, "cruscotto.xlsx");
  run(process.execPath, [
    path.join(root, "bin", "pira.js"),
    "build",
    path.join(root, "samples", "cruscotto-pira-2023.txt"),
    "-o",
    xlsx,
    "--actuals",
    path.join(root, "samples", "consuntivi-2023-esempio.csv"),
  ]);
  const profile = path.join(work, "profile");
  run("soffice", [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--convert-to",
    "pdf",
    "--outdir",
    work,
    xlsx,
  ]);
  const pdf = path.join(work, "cruscotto.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))[1]);
  // A page's sheet is named at the right of its header (first line of its text).
  const firstPageOf = (sheet) => {
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], {
        encoding: "utf8",
      });
      const header = text.split("\n").find((line) => line.trim() !== "") ?? "";
      if (header.trim().endsWith(sheet)) return page;
    }
    throw new Error(`Nessuna pagina del foglio ${sheet}`);
  };
  fs.mkdirSync(out, { recursive: true });
  for (const [sheet, name] of [
    ["Cruscotto", "cruscotto"],
    ["Rendicontazione", "rendicontazione"],
  ]) {
    const page = String(firstPageOf(sheet));
    run("pdftoppm", ["-png", "-r", "60", "-f", page, "-l", page, "-singlefile", pdf, path.join(out, name)]);
    const size = fs.statSync(path.join(out, `${name}.png`)).size;
    if (size >= 200 * 1024) throw new Error(`${name}.png pesa ${size} byte (massimo 200 kB)`);
    console.log(`docs/images/${name}.png: pagina ${page}, ${Math.round(size / 1024)} kB`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
