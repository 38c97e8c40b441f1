// Production build checks: runs webpack once (as `npm run build` does) and inspects what would be deployed.
// It builds into a temporary directory rather than dist/, so it never races another build in the same tree.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { devMetadata, manifestVersion, readRecord, sha256 } from "../../scripts/functions-metadata";
import { DEV_URL } from "../../scripts/manifest-urls";

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA_PATH = path.resolve(ROOT, "test/schemas/manifest/OfficeAppManifestV1_1.xsd");
const PRODUCTION_URL = "https://pira.build-test.example/addin/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const EXPECTED_FUNCTIONS = ["SCORE", "STATUS", "MET", "WEIGHTED", "ROLLUP", "COVERAGE", "TARGET"];
const BUILD_TIMEOUT_MS = 230_000;

let out = "";
let buildLog = "";

function runWebpack(outputPath: string): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const child = spawn(process.execPath, [cli, "--mode", "production", "--output-path", outputPath], {
      cwd: ROOT,
      env: { ...process.env, PIRA_PRODUCTION_URL: PRODUCTION_URL },
    });
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), BUILD_TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, log });
    });
  });
}

function read(file: string): string {
  return fs.readFileSync(path.join(out, file), "utf8");
}

/** The attributes of every <script> tag, in document order (works on minified, unquoted HTML). */
function scriptTags(html: string): Record<string, string>[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([a-zA-Z-]+)(?:=("[^"]*"|'[^']*'|[^\s"'>]+))?/g)) {
      attrs[a[1].toLowerCase()] = (a[2] ?? "").replace(/^["']|["']$/g, "");
    }
    return attrs;
  });
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "pira-build-"));
  const { code, log } = await runWebpack(out);
  buildLog = log;
  if (code !== 0) throw new Error(`webpack --mode production failed (exit ${code}):\n${log}`);
}, 240_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe("production build", () => {
  test("compiles without errors", () => {
    expect(buildLog).toMatch(/compiled successfully/);
  });

  test("emits the page, the three bundles, the metadata, the manifest and every asset", () => {
    for (const file of [
      "taskpane.html",
      "taskpane.css",
      "functions.js",
      "functions.json",
      "ribbon.js",
      "taskpane.js",
      "manifest.xml",
    ]) {
      expect({ file, exists: fs.existsSync(path.join(out, file)) }).toEqual({ file, exists: true });
    }
    expect(fs.readdirSync(path.join(out, "assets")).sort()).toEqual(fs.readdirSync(path.join(ROOT, "assets")).sort());
  });

  test("no source maps are deployed", () => {
    expect(fs.readdirSync(out).filter((f) => f.endsWith(".map"))).toEqual([]);
  });

  test("taskpane.html loads office.js, then functions, commands, taskpane as classic deferred scripts", () => {
    const html = read("taskpane.html");
    const scripts = scriptTags(html);
    expect(scripts.map((s) => s.src)).toEqual([OFFICE_JS, "functions.js", "ribbon.js", "taskpane.js"]);
    // office.js must run synchronously before the bundles; the bundles keep document order (no modules, no async).
    expect(scripts[0]).not.toHaveProperty("defer");
    expect(scripts[0]).not.toHaveProperty("async");
    for (const bundle of scripts.slice(1)) {
      expect(bundle).toHaveProperty("defer");
      expect(bundle).not.toHaveProperty("async");
      expect(bundle.type ?? "text/javascript").not.toBe("module");
    }
    expect(html).toMatch(/<div\b[^>]*\bid=["']?root["'\s>]/);
    expect(html).toMatch(/href=["']?taskpane\.css/);
  });

  test("dist/manifest.xml points at the production URL only and still validates", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${PRODUCTION_URL}taskpane.html" />`);
    expect(manifest).toContain(`DefaultValue="${PRODUCTION_URL}functions.js"`);
    expect(manifest).toContain(`DefaultValue="${PRODUCTION_URL}functions.json"`);
    expect(fs.existsSync(SCHEMA_PATH)).toBe(true);
    const lint = spawnSync("xmllint", ["--noout", "--schema", SCHEMA_PATH, path.join(out, "manifest.xml")], {
      encoding: "utf8",
    });
    if (lint.error) throw new Error(`xmllint could not run (${lint.error.message}); install libxml2-utils`);
    expect(lint.status).toBe(0);
  });

  test("functions.json declares exactly the PIRA functions", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: { id: string; name: string }[] };
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...EXPECTED_FUNCTIONS].sort());
  });

  test("functions.json ships without allowCustomDataForDataTypeAny, each function's help on the production guide", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: { id: string; helpUrl?: string }[] };
    expect(Object.keys(metadata)).toEqual(["functions"]);
    const guide = read("assets/guida.html");
    for (const f of metadata.functions) {
      const anchor = `pira-${f.id.toLowerCase()}`;
      expect(f.helpUrl).toBe(`${PRODUCTION_URL}assets/guida.html#${anchor}`);
      // Minified HTML drops the quotes.
      expect(guide).toMatch(new RegExp(`id="?${anchor}"?[\\s>]`));
    }
    expect(guide).toMatch(/id="?celle-vuote"?[\s>]/);
  });

  test("the metadata shipped is the one functions-version.json records for the manifest's <Version>", async () => {
    const shipped = read("functions.json");
    const dev = await devMetadata();
    // Same content, URLs aside: the record's hash covers what Excel caches.
    expect(shipped.split(PRODUCTION_URL).join(DEV_URL)).toBe(dev);
    expect(readRecord()).toEqual({ version: manifestVersion(read("manifest.xml")), functionsSha256: sha256(dev) });
  });

  test("a production build without PIRA_PRODUCTION_URL stops before compiling, saying what to set", () => {
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.PIRA_PRODUCTION_URL;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pira-build-nourl-"));
    try {
      const run = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", dir], {
        cwd: ROOT,
        env,
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(run.status).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).toMatch(/PIRA_PRODUCTION_URL is not set/);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("functions.js associates every declared function when loaded, and ribbon.js runs on its runtime", () => {
    const associated: string[] = [];
    const onReady: unknown[] = [];
    const sandbox: Record<string, unknown> = {
      console,
      CustomFunctions: {
        associate: (id: string, fn: unknown) => {
          expect(typeof fn).toBe("function");
          associated.push(id);
        },
        Error: class extends Error {},
        ErrorCode: {},
      },
      Office: {
        onReady: (cb: unknown) => {
          onReady.push(cb);
          return Promise.resolve({ host: null, platform: null });
        },
      },
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    const context = vm.createContext(sandbox);
    vm.runInContext(read("functions.js"), context, { filename: "functions.js" });
    vm.runInContext(read("ribbon.js"), context, { filename: "ribbon.js" });
    const metadata = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
    expect([...associated].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(onReady.length).toBeGreaterThanOrEqual(1);
  });

  test("functions.js stays lean: no React or Fluent UI in the custom-functions bundle", () => {
    const functionsJs = read("functions.js");
    expect(functionsJs).not.toMatch(/react\.(transitional\.)?element|@fluentui|__reactFiber/);
    expect(Buffer.byteLength(functionsJs)).toBeLessThan(150 * 1024);
  });
});
