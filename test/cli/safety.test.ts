// The CLI never destroys data, on real files in a temporary folder: a workbook holding consuntivi
// (or notes) survives `pira build -o` onto it and `pira export-actuals W -o W` byte for byte; every
// write goes through a temporary file, so a failure at any step leaves the old file as it was and
// no temporary file behind; oversized inputs are refused before they are read.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { nodeFileOps, nodeIO, type FileOps } from "../../src/cli/files";
import { SIZE_LIMITS } from "../../src/cli/limits";
import { main } from "../../src/cli/main";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import { readCruscotto } from "../../src/domain/reader";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const ACTUALS_PATH = path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv");
const plan = readCruscotto(sampleText());
const EXAMPLE_COUNT = Object.values(parseActualsCsv(fs.readFileSync(ACTUALS_PATH, "utf8"), plan).actuals).reduce(
  (n, byYear) => n + Object.keys(byYear).length,
  0,
);

interface Run {
  code: number;
  out: string;
  err: string;
}

/** `pira …` in-process on the real file system, with stdout and stderr captured. */
async function pira(args: string[], ops: FileOps = nodeFileOps): Promise<Run> {
  let out = "";
  let err = "";
  const io = { ...nodeIO(ops), out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

/** One line on stderr, naming the command. */
function expectOneLine(run: Run, command: string): void {
  expect(run.err.split("\n").filter(Boolean)).toHaveLength(1);
  expect(run.err.startsWith(`pira ${command}: `)).toBe(true);
}

let dir: string;
/** The filled workbook (built with --actuals), and its bytes as built. */
let filled: string;
let filledBytes: Buffer;
/** A workbook of ours with nothing typed. */
let blank: string;

const at = (name: string) => path.join(dir, name);
const copyOfFilled = (name: string) => {
  fs.copyFileSync(filled, at(name));
  return at(name);
};
/** What is in the folder, by name (a temporary file left behind would show here). */
const listing = () => fs.readdirSync(dir).sort();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pira-safety-"));
  filled = at("filled.xlsx");
  blank = at("blank.xlsx");
  for (const args of [
    ["build", SAMPLE_PATH, "-o", filled, "--actuals", ACTUALS_PATH],
    ["build", SAMPLE_PATH, "-o", blank],
  ]) {
    const run = await pira(args);
    if (run.code !== 0) throw new Error(run.err);
  }
  filledBytes = fs.readFileSync(filled);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The filled workbook with a "Nota 2023" column after the last one, `notes` of its rows noted. */
async function withNotes(name: string, notes: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(filled);
  const ws = wb.getWorksheet("Indicatori")!;
  let header = 1;
  while (ws.getCell(header, 1).value !== "Indicatore") header++;
  const column = ws.getRow(header).cellCount + 1;
  ws.getCell(header, column).value = "Nota 2023";
  for (let i = 1; i <= notes; i++) ws.getCell(header + i, column).value = `motivazione dello scostamento ${i}`;
  await wb.xlsx.writeFile(at(name));
  return at(name);
}

describe("pira build onto an existing file", () => {
  it.each<[string, () => Promise<string>, RegExp]>([
    [
      "a workbook with consuntivi",
      async () => copyOfFilled("target.xlsx"),
      new RegExp(
        `contiene dati inseriti a mano \\(${EXAMPLE_COUNT} consuntivi\\).*--from .*pira export-actuals.*--force`,
      ),
    ],
    [
      "a workbook with consuntivi and notes",
      () => withNotes("noted.xlsx", 3),
      new RegExp(`\\(${EXAMPLE_COUNT} consuntivi e 3 note\\)`),
    ],
    [
      "a text file named .xlsx",
      async () => {
        fs.writeFileSync(at("text.xlsx"), "appunti importanti\n");
        return at("text.xlsx");
      },
      /esiste già e non è una cartella di lavoro del cruscotto \(non è un file \.xlsx leggibile\): usa --force/,
    ],
    [
      "a workbook that is not a cruscotto",
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Bilancio").getCell("A1").value = "Entrate";
        await wb.xlsx.writeFile(at("bilancio.xlsx"));
        return at("bilancio.xlsx");
      },
      /non è una cartella di lavoro del cruscotto \(manca il foglio «Indicatori»\)/,
    ],
    [
      "a file over the workbook limit (not read)",
      async () => {
        fs.writeFileSync(at("huge.xlsx"), "");
        fs.truncateSync(at("huge.xlsx"), SIZE_LIMITS.workbook.bytes + 1);
        return at("huge.xlsx");
      },
      /non si può verificare \(.*è troppo grande \(50,0 MB; per una cartella di lavoro il massimo è 50 MB\)\)/,
    ],
  ])("refuses %s (exit 2, one line), leaving it byte for byte", async (_name, make, message) => {
    const target = await make();
    const before = fs.readFileSync(target);
    const files = listing();
    const run = await pira(["build", SAMPLE_PATH, "-o", target]);
    expect(run.code).toBe(2);
    expectOneLine(run, "build");
    expect(run.err).toMatch(message);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(listing()).toEqual(files);
    expect(run.out).toBe("");
  });

  it("refuses a folder as the target, with or without --force", async () => {
    fs.mkdirSync(at("folder.xlsx"));
    for (const force of [[], ["--force"]]) {
      const run = await pira(["build", SAMPLE_PATH, "-o", at("folder.xlsx"), ...force]);
      expect(run.code).toBe(2);
      expect(run.err.trim().split("\n").pop()).toMatch(/^pira build: .*"[^"]*folder\.xlsx".* è una cartella/);
      expect(fs.readdirSync(at("folder.xlsx"))).toEqual([]);
    }
  });

  it.each<[string, () => Promise<string>]>([
    ["a workbook of ours with nothing typed, without asking", async () => blank],
    ["a workbook with consuntivi, with --force", async () => copyOfFilled("forced.xlsx")],
    [
      "a text file named .xlsx, with --force",
      async () => {
        fs.writeFileSync(at("appunti.xlsx"), "appunti\n");
        return at("appunti.xlsx");
      },
    ],
  ])("replaces %s", async (name, make) => {
    const target = await make();
    const force = name.includes("--force") ? ["--force"] : [];
    const run = await pira(["build", SAMPLE_PATH, "-o", target, ...force]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Scritto .*: \d+ indicatori, 0 consuntivi/);
    // The new workbook holds no consuntivi: export-actuals prints the header alone.
    const exported = await pira(["export-actuals", target]);
    expect(exported.code).toBe(0);
    expect(exported.out.trim()).toBe("indicatore;anno;consuntivo");
  });
});

describe("pira export-actuals never writes onto a workbook", () => {
  it.each<[string, () => string, RegExp]>([
    ["the input itself", () => filled, /è la cartella di lavoro da leggere/],
    ["the input by a relative path", () => path.relative(process.cwd(), filled), /è la cartella di lavoro da leggere/],
    [
      "the input through a symlink",
      () => {
        fs.symlinkSync(filled, at("link.csv"));
        return at("link.csv");
      },
      /è la cartella di lavoro da leggere/,
    ],
    ["the input via ./..", () => `${dir}/./../${path.basename(dir)}/filled.xlsx`, /è la cartella di lavoro da leggere/],
    [
      "another .xlsx (not existing)",
      () => at("nuovo.xlsx"),
      /\(\.xlsx\/\.xlsm\): scrivi i consuntivi in un file \.csv/,
    ],
    ["another .XLSM", () => at("macro.XLSM"), /\(\.xlsx\/\.xlsm\)/],
    ["a workbook renamed .csv (a zip by content)", () => copyOfFilled("copia.csv"), /è un file zip/],
  ])("refuses %s (exit 2, one line), the workbook unchanged", async (_name, out, message) => {
    const target = out();
    const files = listing();
    const before = fs.existsSync(target) ? fs.readFileSync(target) : null;
    const run = await pira(["export-actuals", filled, "-o", target]);
    expect(run.code).toBe(2);
    expectOneLine(run, "export-actuals");
    expect(run.err).toMatch(message);
    expect(fs.readFileSync(filled).equals(filledBytes)).toBe(true);
    expect(before === null ? fs.existsSync(target) : fs.readFileSync(target).equals(before)).toBe(before !== null);
    expect(listing()).toEqual(files);
  });

  it("writes the CSV elsewhere, which builds the same consuntivi back", async () => {
    const run = await pira(["export-actuals", filled, "-o", at("consuntivi.csv")]);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`Scritto ${at("consuntivi.csv")}: ${EXAMPLE_COUNT} consuntivi da ${filled}.\n`);
    expect(fs.readFileSync(filled).equals(filledBytes)).toBe(true);
  });
});

type Fault = { afterBytes: (size: number) => number } | { step: keyof FileOps; code: string };

/**
 * node:fs with one fault: the write fails with ENOSPC once `afterBytes(size of the file)` bytes
 * are written (those bytes do reach the temporary file), or the call `step` fails with `code`.
 */
function faulty(fault: Fault): FileOps {
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  if ("afterBytes" in fault) {
    let written = 0;
    return {
      ...nodeFileOps,
      write: (fd, data, offset, length) => {
        const room = fault.afterBytes(data.length) - written;
        if (room <= 0) throw fail("ENOSPC");
        const n = nodeFileOps.write(fd, data, offset, Math.min(length, room));
        written += n;
        return n;
      },
    };
  }
  return {
    ...nodeFileOps,
    [fault.step]: () => {
      throw fail(fault.code);
    },
  };
}

describe("a failed write leaves the old file byte for byte, and no temporary file", () => {
  const FAULTS: [string, Fault, RegExp][] = [
    ["a full disk at the first byte", { afterBytes: () => 0 }, /\(ENOSPC\): disco pieno; nessun file modificato\.$/],
    ["a full disk halfway", { afterBytes: (size) => Math.floor(size / 2) }, /\(ENOSPC\): disco pieno/],
    ["a full disk one byte short", { afterBytes: (size) => size - 1 }, /\(ENOSPC\)/],
    ["fsync failing", { step: "fsync", code: "EIO" }, /\(EIO\)\.$/],
    ["the rename failing", { step: "rename", code: "EACCES" }, /\(EACCES\): permesso negato/],
    ["the temporary file not creatable", { step: "createExclusive", code: "EROFS" }, /\(EROFS\): disco di sola/],
  ];

  it.each(FAULTS)("pira build --force, with %s", async (_name, fault, message) => {
    const target = copyOfFilled("victim.xlsx");
    const files = listing();
    const run = await pira(["build", SAMPLE_PATH, "-o", target, "--force"], faulty(fault));
    expect(run.code).toBe(2);
    expect(run.err.trim().split("\n").pop()).toMatch(message);
    expect(run.err.trim().split("\n").pop()).toMatch(/^pira build: impossibile scrivere "[^"]*victim\.xlsx"/);
    expect(fs.readFileSync(target).equals(filledBytes)).toBe(true);
    expect(listing()).toEqual(files);
  });

  it.each(FAULTS)("pira export-actuals onto an old CSV, with %s", async (_name, fault, message) => {
    const old = "indicatore;anno;consuntivo\n1.1;2023;1\n".repeat(40);
    fs.writeFileSync(at("old.csv"), old);
    const files = listing();
    const run = await pira(["export-actuals", filled, "-o", at("old.csv")], faulty(fault));
    expect(run.code).toBe(2);
    expectOneLine(run, "export-actuals");
    expect(run.err.trim()).toMatch(message);
    expect(fs.readFileSync(at("old.csv"), "utf8")).toBe(old);
    expect(listing()).toEqual(files);
  });

  it("writes whole through short writes (a write may take fewer bytes than given)", async () => {
    const ops: FileOps = {
      ...nodeFileOps,
      write: (fd, data, offset, length) => nodeFileOps.write(fd, data, offset, Math.min(length, 777)),
    };
    const target = copyOfFilled("short.xlsx");
    const files = listing();
    const run = await pira(["build", SAMPLE_PATH, "-o", target, "--force", "--actuals", ACTUALS_PATH], ops);
    expect(run.code).toBe(0);
    const exported = await pira(["export-actuals", target]);
    expect(exported.out.trim().split("\n")).toHaveLength(EXAMPLE_COUNT + 1);
    expect(listing()).toEqual(files);
  });
});

describe("a real file system that refuses the write", () => {
  it("a read-only folder: exit 2, one line, the old file unchanged, nothing left behind", async () => {
    const locked = at("locked");
    fs.mkdirSync(locked);
    const target = path.join(locked, "cruscotto.xlsx");
    fs.copyFileSync(filled, target);
    fs.chmodSync(locked, 0o555);
    // root ignores permissions: make the folder immutable instead (ext4 and most file systems).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync("chattr", ["+i", locked]);
    try {
      for (const args of [
        ["build", SAMPLE_PATH, "-o", target, "--force"],
        ["export-actuals", filled, "-o", path.join(locked, "consuntivi.csv")],
      ]) {
        const run = await pira(args);
        expect(run.code).toBe(2);
        expect(run.err.trim().split("\n").pop()).toMatch(
          /impossibile scrivere ".*" \((EACCES|EPERM)\): permesso negato/,
        );
        expect(fs.readdirSync(locked)).toEqual(["cruscotto.xlsx"]);
        expect(fs.readFileSync(target).equals(filledBytes)).toBe(true);
      }
    } finally {
      if (asRoot) execFileSync("chattr", ["-i", locked]);
      fs.chmodSync(locked, 0o755);
    }
  });

  it("a folder as the CSV target: exit 2, one line", async () => {
    fs.mkdirSync(at("cartella.csv"));
    const run = await pira(["export-actuals", filled, "-o", at("cartella.csv")]);
    expect(run.code).toBe(2);
    expectOneLine(run, "export-actuals");
    expect(run.err).toMatch(/impossibile scrivere ".*cartella\.csv": è una cartella\.$/m);
  });
});

describe("inputs over the size limits are refused before they are read", () => {
  const sparse = (name: string, bytes: number) => {
    fs.writeFileSync(at(name), "");
    fs.truncateSync(at(name), bytes);
    return at(name);
  };
  it.each<[string, () => string[], RegExp]>([
    [
      "a document",
      () => ["parse", sparse("grande.txt", 50 * 1024 * 1024)],
      /^pira parse: il file ".*grande\.txt" è troppo grande \(50 MB; per un documento il massimo è 20 MB\)\.$/,
    ],
    [
      "a document for build",
      () => ["build", sparse("grande.pdf", SIZE_LIMITS.document.bytes + 1), "-o", at("x.xlsx")],
      /^pira build: il file ".*grande\.pdf" è troppo grande \(20,0 MB; per un documento il massimo è 20 MB\)\.$/,
    ],
    [
      "a CSV of consuntivi",
      () => ["build", SAMPLE_PATH, "-o", at("x.xlsx"), "--actuals", sparse("grande.csv", 6 * 1024 * 1024)],
      /^pira build: il file dei consuntivi ".*grande\.csv" è troppo grande \(6 MB; per un CSV di consuntivi il massimo è 5 MB\)\.$/,
    ],
    [
      "a workbook",
      () => ["export-actuals", sparse("grande.xlsx", 64 * 1024 * 1024)],
      /^pira export-actuals: il file ".*grande\.xlsx" è troppo grande \(64 MB; per una cartella di lavoro il massimo è 50 MB\)\.$/,
    ],
  ])("%s", async (_name, makeArgs, message) => {
    const args = makeArgs();
    const run = await pira(args);
    expect(run.code).toBe(2);
    // The last line (build prints the document's warnings before it reads the CSV).
    expect(run.err.trim().split("\n").pop()).toMatch(message);
    expect(fs.existsSync(at("x.xlsx"))).toBe(false);
  });
});
