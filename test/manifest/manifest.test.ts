// manifest.xml checks that need no Excel and no network (`office-addin-manifest validate` is an online service):
// XSD validation with xmllint, then the shared-runtime rules the 2020 schemas cannot express.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { EXAMPLE_PRODUCTION_URL, DEV_URL, productionUrl, toProductionManifest } from "../../scripts/manifest-urls";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const SCHEMA_PATH = path.resolve(ROOT, "test/schemas/manifest/OfficeAppManifestV1_1.xsd");
const MANIFEST = fs.readFileSync(MANIFEST_PATH, "utf8");

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElements(nodes: OrderedNode[]): El[] {
  const out: El[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (name === undefined || name === "#text" || name.startsWith("?")) continue;
    const kids = node[name] as OrderedNode[];
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("");
    out.push({ name, attrs: node[":@"] ?? {}, children: toElements(kids), text });
  }
  return out;
}

function parseManifest(xml: string): El {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const roots = toElements(parser.parse(xml) as OrderedNode[]);
  expect(roots).toHaveLength(1);
  return roots[0];
}

/** All descendants (and `el` itself) named `name`, in document order. */
function findAll(el: El, name: string): El[] {
  const here = el.name === name ? [el] : [];
  return here.concat(...el.children.map((c) => findAll(c, name)));
}

function findOne(el: El, name: string): El {
  const found = findAll(el, name);
  expect(found.map((f) => f.name)).toEqual([name]);
  return found[0];
}

function childNamed(el: El, name: string): El {
  const found = el.children.filter((c) => c.name === name);
  expect(found.map((f) => f.name)).toEqual([name]);
  return found[0];
}

/** Elements carrying a resid, with the resource kind each one must point at. */
function residKind(el: El, parent: El): "Urls" | "ShortStrings" | "LongStrings" | "Images" {
  if (el.name === "bt:Image") return "Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(el.name)) return "Urls";
  if (el.name === "Description") return "LongStrings";
  if (["Label", "Title", "Namespace"].includes(el.name)) return "ShortStrings";
  throw new Error(`unexpected resid on <${el.name}> inside <${parent.name}>`);
}

function residReferences(el: El, parent: El = el): { el: El; resid: string; kind: ReturnType<typeof residKind> }[] {
  const here = el.attrs.resid !== undefined ? [{ el, resid: el.attrs.resid, kind: residKind(el, parent) }] : [];
  return here.concat(...el.children.map((c) => residReferences(c, el)));
}

const app = parseManifest(MANIFEST);
const resources = findOne(app, "Resources");

/** id → DefaultValue per resource kind (bt:Urls, bt:ShortStrings, bt:LongStrings, bt:Images). */
function resourceTable(kind: string): Map<string, El> {
  const table = new Map<string, El>();
  for (const group of resources.children.filter((c) => c.name === `bt:${kind}`)) {
    for (const item of group.children) {
      expect(table.has(item.attrs.id)).toBe(false);
      table.set(item.attrs.id, item);
    }
  }
  return table;
}

const tables = {
  Urls: resourceTable("Urls"),
  ShortStrings: resourceTable("ShortStrings"),
  LongStrings: resourceTable("LongStrings"),
  Images: resourceTable("Images"),
};

function urlOf(resid: string): string {
  const entry = tables.Urls.get(resid);
  if (!entry) throw new Error(`no bt:Url ${resid}`);
  return entry.attrs.DefaultValue;
}

function xmllint(file: string): { status: number | null; output: string } {
  expect(fs.existsSync(SCHEMA_PATH)).toBe(true);
  const result = spawnSync("xmllint", ["--noout", "--schema", SCHEMA_PATH, file], { encoding: "utf8" });
  if (result.error) {
    throw new Error(`xmllint could not run (${result.error.message}); install libxml2-utils`);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Repo file served at a dev URL (dev server root = repo's dist, which mirrors assets/). */
function localFileOf(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(ROOT, url.slice(DEV_URL.length));
}

describe("manifest.xml against the Office add-in XSD", () => {
  test("the schemas are where the project expects them", () => {
    expect(fs.existsSync(SCHEMA_PATH)).toBe(true);
  });

  test("xmllint validates manifest.xml", () => {
    const { status, output } = xmllint(MANIFEST_PATH);
    expect(output).toContain("validates");
    expect(status).toBe(0);
  });

  test("xmllint rejects a misplaced element (the check is not vacuous)", () => {
    const broken = MANIFEST.replace("<Permissions>", "<Bogus/><Permissions>");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pira-manifest-")), "broken.xml");
    fs.writeFileSync(file, broken);
    const { status } = xmllint(file);
    expect(status).not.toBe(0);
  });
});

describe("manifest.xml identity", () => {
  test("task pane add-in for Excel, Italian by default", () => {
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(childNamed(app, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(childNamed(app, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(childNamed(app, "DefaultLocale").text).toBe("it-IT");
    expect(childNamed(app, "DisplayName").attrs.DefaultValue).toBe("Cruscotto PIRA");
    expect(childNamed(app, "Description").attrs.DefaultValue).toMatch(/cruscotto/i);
    expect(childNamed(app, "Permissions").text).toBe("ReadWriteDocument");
    expect(childNamed(app, "Hosts").children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
  });

  test("top-level elements follow Microsoft's manifest element ordering", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const names = app.children.map((c) => c.name);
    for (const name of names) expect(order).toContain(name);
    expect(new Set(names).size).toBe(names.length);
    const positions = names.map((n) => order.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description"]) {
      expect(names).toContain(required);
    }
  });

  test("only locales with a translation are overridden (en-US)", () => {
    const locales = new Set(
      findAll(app, "Override")
        .concat(findAll(app, "bt:Override"))
        .map((o) => o.attrs.Locale),
    );
    expect([...locales]).toEqual(["en-US"]);
  });
});

describe("manifest.xml shared runtime", () => {
  test("requires SharedRuntime 1.1", () => {
    const sets = findAll(childNamed(app, "Requirements"), "Set");
    expect(sets.filter((s) => s.attrs.Name === "SharedRuntime").map((s) => s.attrs.MinVersion)).toEqual(["1.1"]);
  });

  test("exactly one runtime, with lifetime long", () => {
    const runtimes = findAll(app, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs.lifetime).toBe("long");
  });

  test("runtime, custom-functions page, function file and task pane share one resid", () => {
    const runtime = findOne(app, "Runtime").attrs.resid;
    const cfPage = childNamed(findOne(app, "Page"), "SourceLocation").attrs.resid;
    const functionFile = findOne(app, "FunctionFile").attrs.resid;
    const showTaskpane = findAll(app, "Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
    const taskpane = showTaskpane.map((a) => childNamed(a, "SourceLocation").attrs.resid);
    expect([cfPage, functionFile, ...taskpane]).toEqual(Array(2 + taskpane.length).fill(runtime));
  });

  test("the default source location is the runtime page itself", () => {
    const runtimeUrl = urlOf(findOne(app, "Runtime").attrs.resid);
    const defaultSource = childNamed(childNamed(app, "DefaultSettings"), "SourceLocation").attrs.DefaultValue;
    expect(runtimeUrl).toBe(`${DEV_URL}taskpane.html`);
    expect(defaultSource).toBe(runtimeUrl);
  });

  test("a single task pane: one ShowTaskpane action and no TaskpaneId", () => {
    const actions = findAll(app, "Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
    expect(actions).toHaveLength(1);
    const all: El[] = [];
    const walk = (el: El): void => {
      all.push(el);
      el.children.forEach(walk);
    };
    walk(app);
    expect(all.filter((el) => el.name.toLowerCase() === "taskpaneid")).toEqual([]);
  });

  test("custom functions: functions.js, functions.json, namespace PIRA in every locale", () => {
    const ext = findAll(app, "ExtensionPoint").filter((e) => e.attrs["xsi:type"] === "CustomFunctions");
    expect(ext).toHaveLength(1);
    const script = childNamed(childNamed(ext[0], "Script"), "SourceLocation").attrs.resid;
    const metadata = childNamed(childNamed(ext[0], "Metadata"), "SourceLocation").attrs.resid;
    expect(urlOf(script)).toBe(`${DEV_URL}functions.js`);
    expect(urlOf(metadata)).toBe(`${DEV_URL}functions.json`);
    const namespace = tables.ShortStrings.get(childNamed(ext[0], "Namespace").attrs.resid);
    expect(namespace?.attrs.DefaultValue).toBe("PIRA");
    for (const override of namespace?.children ?? []) expect(override.attrs.Value).toBe("PIRA");
  });
});

describe("manifest.xml resources", () => {
  const refs = residReferences(app);

  test("every resid is defined, of the right kind, and at most 32 characters", () => {
    expect(refs.length).toBeGreaterThan(10);
    for (const { el, resid, kind } of refs) {
      expect({ el: el.name, resid, defined: tables[kind].has(resid) }).toEqual({ el: el.name, resid, defined: true });
      expect(resid.length).toBeLessThanOrEqual(32);
    }
  });

  test("every resource is used (no stale ids)", () => {
    const used = new Set(refs.map((r) => r.resid));
    for (const table of Object.values(tables)) {
      for (const id of table.keys()) expect({ id, used: used.has(id) }).toEqual({ id, used: true });
    }
  });

  test("every URL is https, and AppDomains lists nothing beyond the add-in's own origin", () => {
    const urls: string[] = [];
    const walk = (el: El): void => {
      for (const [name, value] of Object.entries(el.attrs)) {
        if (!name.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:/i.test(value)) urls.push(value);
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(el.text.trim())) urls.push(el.text.trim());
      el.children.forEach(walk);
    };
    walk(app);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    const ownOrigin = new URL(DEV_URL).origin;
    for (const domain of findAll(app, "AppDomain")) expect(new URL(domain.text.trim()).origin).toBe(ownOrigin);
  });

  test("Home tab carries the group 'Cruscotto PIRA' with the button 'Apri cruscotto'", () => {
    const surface = findAll(app, "ExtensionPoint").filter((e) => e.attrs["xsi:type"] === "PrimaryCommandSurface");
    expect(surface).toHaveLength(1);
    const tab = childNamed(surface[0], "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = childNamed(tab, "Group");
    expect(tables.ShortStrings.get(childNamed(group, "Label").attrs.resid)?.attrs.DefaultValue).toBe("Cruscotto PIRA");
    const button = childNamed(group, "Control");
    expect(button.attrs["xsi:type"]).toBe("Button");
    expect(tables.ShortStrings.get(childNamed(button, "Label").attrs.resid)?.attrs.DefaultValue).toBe("Apri cruscotto");
    expect(childNamed(button, "Action").attrs["xsi:type"]).toBe("ShowTaskpane");
  });

  test("GetStarted has a title, a description and a learn-more link", () => {
    const getStarted = findOne(app, "GetStarted");
    expect(getStarted.children.map((c) => c.name)).toEqual(["Title", "Description", "LearnMoreUrl"]);
    expect(fs.existsSync(localFileOf(urlOf(childNamed(getStarted, "LearnMoreUrl").attrs.resid)))).toBe(true);
  });

  test("every icon exists in assets/ with the pixel size the manifest declares", () => {
    const declared: { url: string; size: number }[] = [
      { url: childNamed(app, "IconUrl").attrs.DefaultValue, size: 32 },
      { url: childNamed(app, "HighResolutionIconUrl").attrs.DefaultValue, size: 64 },
    ];
    for (const use of findAll(findOne(app, "VersionOverrides"), "bt:Image").filter((i) => i.attrs.size)) {
      const resource = tables.Images.get(use.attrs.resid);
      if (!resource) throw new Error(`no bt:Image ${use.attrs.resid}`);
      declared.push({ url: resource.attrs.DefaultValue, size: Number(use.attrs.size) });
    }
    expect(declared.length).toBeGreaterThan(2);
    for (const { url, size } of declared) {
      const file = localFileOf(url);
      expect({ file, exists: fs.existsSync(file) }).toEqual({ file, exists: true });
      expect({ file, ...pngSize(file) }).toEqual({ file, width: size, height: size });
    }
  });

  test("assets/ holds every icon size the generator templates ship", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    const logo = pngSize(path.join(ROOT, "assets/logo-filled.png"));
    expect(logo.width).toBe(logo.height);
  });
});

describe("production manifest (the transform webpack applies to dist/manifest.xml)", () => {
  const devUrlCount = MANIFEST.split(DEV_URL).length - 1;

  test("every dev URL is replaced, none is left, and the result still validates", () => {
    const base = "https://pira.camera.example/addin/";
    const prod = toProductionManifest(MANIFEST, base);
    expect(devUrlCount).toBeGreaterThan(5);
    expect(prod).not.toMatch(/localhost/i);
    expect(prod.split(base).length - 1).toBe(devUrlCount);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pira-manifest-")), "manifest.xml");
    fs.writeFileSync(file, prod);
    expect(xmllint(file).status).toBe(0);
    const prodApp = parseManifest(prod);
    expect(childNamed(childNamed(prodApp, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(
      `${base}taskpane.html`,
    );
  });

  test("refuses to ship a localhost URL it did not recognise", () => {
    const sneaky = MANIFEST.replace("<Hosts>", "<!-- http://localhost:3000 --><Hosts>");
    expect(() => toProductionManifest(sneaky, EXAMPLE_PRODUCTION_URL)).toThrow(/localhost/);
  });

  test("PIRA_PRODUCTION_URL: required, trailing slash, https only", () => {
    // No default: a production build without the variable stops, saying what to set.
    expect(() => productionUrl({})).toThrow(/PIRA_PRODUCTION_URL is not set.*npm run build/);
    expect(() => productionUrl({ PIRA_PRODUCTION_URL: "  " })).toThrow(/PIRA_PRODUCTION_URL is not set/);
    expect(productionUrl({ PIRA_PRODUCTION_URL: "https://addin.example.it/pira" })).toBe(
      "https://addin.example.it/pira/",
    );
    expect(productionUrl({ PIRA_PRODUCTION_URL: "https://addin.example.it" })).toBe("https://addin.example.it/");
    expect(() => productionUrl({ PIRA_PRODUCTION_URL: "http://addin.example.it/" })).toThrow(/https/);
    expect(() => productionUrl({ PIRA_PRODUCTION_URL: "addin.example.it" })).toThrow(/not a URL/);
    expect(() => productionUrl({ PIRA_PRODUCTION_URL: "https://localhost:8443/" })).toThrow(/localhost/);
    expect(() => productionUrl({ PIRA_PRODUCTION_URL: "https://addin.example.it/?v=1" })).toThrow(/query/);
  });
});
