// Shared by the end-to-end test and the task-pane benchmark: build the add-in into a temporary
// directory, serve it over plain http on 127.0.0.1, start Debian's Chromium through playwright-core,
// and stand in for Office.js with a fake host whose Excel.run drives the recording Excel fake.
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const { spawn } = require("node:child_process");

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
const DEFAULT_CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where Chromium is; PIRA_CHROMIUM overrides the Debian path. Throws when it is missing: never a skip. */
function chromiumPath() {
  const file = process.env.PIRA_CHROMIUM || DEFAULT_CHROMIUM;
  if (!fs.existsSync(file)) {
    throw new Error(
      `Chromium not found at ${file}. Install it (Debian: apt-get install chromium) or set PIRA_CHROMIUM. ` +
        `This test never skips, on CI or elsewhere.`,
    );
  }
  return file;
}

/** Runs webpack (the project's config) into a fresh temporary directory; resolves to that directory. */
function buildAddin(mode) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `pira-${mode}-`));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return new Promise((resolve, reject) => {
    // A production build needs the URL it will be hosted at (for the manifest); a local build served
    // on 127.0.0.1 never uses it, so any https URL does when none is given.
    const env = { ...process.env, PIRA_PRODUCTION_URL: process.env.PIRA_PRODUCTION_URL || "https://pira.invalid/" };
    const child = spawn(process.execPath, [cli, "--mode", mode, "--output-path", out], { cwd: ROOT, env });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && /compiled successfully/.test(log)) resolve(out);
      else reject(new Error(`webpack --mode ${mode} failed (exit ${code}):\n${log.slice(-4000)}`));
    });
  });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** A static file server for `dir` on 127.0.0.1 and a free port. */
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://127.0.0.1");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** The recording Excel fake as a browser script defining the global PiraFake. */
function fakeExcelBundle() {
  const result = require("esbuild").buildSync({
    entryPoints: [path.join(ROOT, "test/fakes/recordingExcel.ts")],
    bundle: true,
    format: "iife",
    globalName: "PiraFake",
    platform: "browser",
    target: "es2020",
    write: false,
  });
  return result.outputFiles[0].text;
}

/**
 * What the page gets instead of Office.js: the fake bundle, then an Office global that is ready at
 * once (Excel host on PC) with the given UI language and theme, Excel.run over a recording
 * workbook (window.__pira.fake) that executes each batch in slices of 20 ms, as Excel does it out of the
 * page's thread, and a CustomFunctions global that records associations.
 */
function officeHostScript(fakeBundle, { displayLanguage = "it-IT", bodyBackgroundColor = "#FFFFFF" } = {}) {
  const options = JSON.stringify({ displayLanguage, bodyBackgroundColor });
  return `${fakeBundle}
;(function () {
  var options = ${options};
  var fake = PiraFake.createRecordingExcel({ sheets: ["Foglio1"], hostSliceMs: 20 });
  var pira = { fake: fake, associated: [] };
  window.__pira = pira;
  window.Excel = fake.excelNamespace;
  function CustomFunctionsError(code, message) { this.code = code; this.message = message; }
  CustomFunctionsError.prototype = Object.create(Error.prototype);
  window.CustomFunctions = {
    associate: function (id) { pira.associated.push(id); },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!",
      nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" }
  };
  var dark = options.bodyBackgroundColor !== "#FFFFFF";
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC" },
    onReady: function (callback) {
      var info = { host: "Excel", platform: "PC" };
      var ready = Promise.resolve(info);
      if (callback) ready.then(callback);
      return ready;
    },
    context: {
      displayLanguage: options.displayLanguage,
      officeTheme: {
        bodyBackgroundColor: options.bodyBackgroundColor,
        bodyForegroundColor: dark ? "#FFFFFF" : "#000000",
        controlBackgroundColor: options.bodyBackgroundColor,
        controlForegroundColor: dark ? "#FFFFFF" : "#000000",
        isDarkTheme: dark
      },
      requirements: { isSetSupported: function () { return true; } }
    },
    actions: { associate: function () {} }
  };
})();
`;
}

/** Starts Chromium (a fresh temporary profile each time) with the page's Office.js swapped for `hostScript`. */
async function launch() {
  const { chromium } = require("playwright-core");
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** A page of the pane's width whose Office.js request returns `hostScript` and which reaches nothing else. */
async function openPane(browser, baseUrl, hostScript, viewport = { width: 360, height: 900 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "it-IT" });
  const page = await context.newPage();
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("https://appsforoffice.microsoft.com/")) {
      return route.fulfill({ status: 200, contentType: "application/javascript", body: hostScript });
    }
    // Everything else must come from our server: a test that reaches the network is not a test.
    return url.startsWith(baseUrl) ? route.continue() : route.abort();
  });
  return { context, page };
}

module.exports = {
  ROOT,
  OFFICE_JS,
  buildAddin,
  serve,
  fakeExcelBundle,
  officeHostScript,
  launch,
  openPane,
  chromiumPath,
};
