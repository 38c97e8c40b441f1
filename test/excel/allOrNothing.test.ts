// All or nothing in Excel: every sync of an import or a replace is made to fail in turn, with
// only a prefix of its batch applied (Office.js keeps the commands before the failing one), and
// the workbook must then be exactly as it was: sheets, tables, names, every cell, protection.
import { applyWorkbook } from "../../src/excel/applyWorkbook";
import { MAX_REQUEST_BYTES, MAX_WRITE_SYNCS } from "../../src/excel/batch";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import type { WorkbookDescription } from "../../src/workbook/types";
import { cloneRecordingExcel } from "../fakes/cloneRecordingExcel";
import { createRecordingExcel, parseAddress, type RecordingExcel } from "../fakes/recordingExcel";
import { sampleText } from "../helpers/sample";
import { syntheticCruscotto } from "../helpers/synthetic";
import { generatedDescription, smallDescription } from "./descriptions";

const plan = readCruscotto(sampleText());
const settings = defaultSettings(plan);

/** Built once: a description is only read by the writes (each scenario writes it hundreds of times). */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/** A revision: same plan, PIRA formulas instead of native ones (every formula cell changes). */
const sampleWorkbook = once((): WorkbookDescription => buildWorkbook(plan, settings));
const sampleRevision = once((): WorkbookDescription => buildWorkbook(plan, { ...settings, formulaMode: "pira" }));
const generatedOnce = once(() => generatedDescription(1));
const revisedGenerated = once(() => revised(generatedDescription(1)));

/** A revision of the generated description: other titles and thresholds. */
function revised(wb: WorkbookDescription): WorkbookDescription {
  const copy = structuredClone(wb);
  const table = copy.sheets[0].tables[0];
  table.rows = table.rows.map((row) => row.map((cell) => (typeof cell === "string" ? `${cell} (rev.)` : cell)));
  return copy;
}

function install(fake: RecordingExcel): RecordingExcel {
  (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
  return fake;
}

/**
 * The user's own content next to ours: values and formulas (pointing at our sheet and table
 * when `ours` is there), a protected sheet, a name of theirs, and two sheets of theirs the
 * description does not include (Archivio and Registro are ours now: the description carries them).
 */
async function addUserContent(fake: RecordingExcel, ours: boolean): Promise<void> {
  const book = fake.workbook;
  const foglio = book.sheet("Foglio1");
  foglio.type("A1", "Note della segreteria");
  foglio.type("B2", 42);
  foglio.type("B3", "=B2*2");
  if (ours) foglio.type("B4", "=COUNTA(Indicatori!A:A)");
  for (const name of ["Appunti", "Storico"]) {
    const sheet = book.addSheet(name);
    sheet.type("A1", `${name} 2022`);
    sheet.type("B1", 0.75);
  }
  book.sheet("Storico").protection = { protected: true, options: { allowSort: true }, password: undefined };
  book.names.push({ name: "MioTotale", formula: "=Foglio1!$B$2", comment: "dell'utente" });
  await Promise.resolve();
}

interface Scenario {
  title: string;
  /**
   * The workbook before the write (a fresh fake each time); `pointing`: the user's formulas
   * refer to our sheets (they cannot survive the old sheets' deletion, so not in a success).
   */
  setup: (pointing?: boolean) => Promise<RecordingExcel>;
  wb: () => WorkbookDescription;
  replace: boolean;
  /** The same content written fresh into a workbook without our sheets. */
  fresh: () => Promise<RecordingExcel>;
}

function firstImport(title: string, wb: () => WorkbookDescription): Scenario {
  const setup = async (): Promise<RecordingExcel> => {
    const fake = install(createRecordingExcel());
    await addUserContent(fake, false);
    return fake;
  };
  return { title: `first import over a used workbook, ${title}`, setup, wb, replace: false, fresh: setup };
}

/** A first import that replaces a stray sheet of the user's with one of ours. */
function firstImportReplacing(title: string, wb: () => WorkbookDescription): Scenario {
  return {
    title: `first import replacing a sheet of the same name, ${title}`,
    setup: async () => {
      const fake = install(createRecordingExcel({ sheets: ["Foglio1", wb().sheets[0].name] }));
      fake.workbook.sheet(wb().sheets[0].name).type("A1", "una bozza dell'utente");
      await addUserContent(fake, false);
      return fake;
    },
    wb,
    replace: true,
    fresh: async () => {
      const fake = install(createRecordingExcel());
      await addUserContent(fake, false);
      return fake;
    },
  };
}

function replaceOf(title: string, old: () => WorkbookDescription, wb: () => WorkbookDescription): Scenario {
  return {
    title: `replace, ${title}`,
    setup: async (pointing = true) => {
      const fake = install(createRecordingExcel());
      await applyWorkbook(fake.context, old(), { replace: false });
      await addUserContent(fake, pointing);
      return fake;
    },
    wb,
    replace: true,
    fresh: async () => {
      const fake = install(createRecordingExcel());
      await addUserContent(fake, false);
      return fake;
    },
  };
}

const scenarios: Scenario[] = [
  firstImport("small", smallDescription),
  firstImport("1× generated", generatedOnce),
  firstImportReplacing("the sample's workbook (6 tables)", sampleWorkbook),
  replaceOf("small, same description", smallDescription, smallDescription),
  replaceOf("1× generated, revised", generatedOnce, revisedGenerated),
  replaceOf("the sample's workbook (6 tables), revised", sampleWorkbook, sampleRevision),
];

/** The successful write's batches (what each sync carries), counted from the setup's last sync. */
async function dryRun(s: Scenario): Promise<{ base: number; batches: string[][] }> {
  const fake = await s.setup();
  const base = fake.log.syncs;
  await applyWorkbook(fake.context, s.wb(), { replace: s.replace });
  return { base, batches: fake.log.batches.slice(base) };
}

/** Prefix lengths to try in a batch: every one in the swap, a few in the content before it. */
const FINALE = ["protection.unprotect", "table.name", "worksheet.name", "names.add", "namedItem.formula"];
/** What the swap at the end of the last request is made of (FINALE, then protection and clean-up). */
const SWAP = new Set([...FINALE, "protection.protect", "worksheet.activate", "worksheet.delete", "load"]);
/** Content commands tried one by one from the start: the sheets and the first tables added under temporary names. */
const CONTENT_HEAD = 24;

function prefixes(ops: string[]): number[] {
  // The swap is the batch's tail of SWAP commands (a `table.name` also follows each `tables.add` in
  // the content, so the first FINALE command is not where the swap starts).
  let swap = ops.length;
  while (swap > 0 && SWAP.has(ops[swap - 1])) swap--;
  const picks = new Set([0, ops.length >> 2, ops.length >> 1, (3 * ops.length) >> 2, ops.length]);
  for (let p = 1; p <= Math.min(ops.length, CONTENT_HEAD); p++) picks.add(p);
  // Every prefix of the swap and the two commands before it: where a half-applied swap differs.
  for (let p = Math.max(0, swap - 2); p <= ops.length; p++) picks.add(p);
  return [...picks].sort((a, b) => a - b);
}

/** Names and tables in name order (a replace keeps an existing name where it was). */
function comparable(fake: RecordingExcel): unknown {
  const state = fake.workbook.snapshot() as { names: { name: string }[]; tables: { name: string }[] };
  return {
    ...state,
    names: [...state.names].sort((a, b) => a.name.localeCompare(b.name)),
    tables: [...state.tables].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function freshState(s: Scenario): Promise<unknown> {
  const fake = await s.fresh();
  await applyWorkbook(fake.context, s.wb(), { replace: false });
  return comparable(fake);
}

describe.each(scenarios)("$title", (s) => {
  it("ends, when every sync succeeds, as a fresh import next to the user's sheets", async () => {
    const fake = await s.setup(false);
    const report = await applyWorkbook(fake.context, s.wb(), { replace: s.replace });
    expect(comparable(fake)).toEqual(await freshState(s));
    expect(fake.workbook.sheetNames().some((n) => /^PIRA_(nuovo|vecchio)_/.test(n))).toBe(false);
    expect(fake.workbook.tables.some((t) => /_(nuovo|vecchio)\d*$/.test(t.name))).toBe(false);
    expect(report.syncs).toBe(2);
    expect(fake.workbook.sheet("Appunti").cell("A1").value).toBe("Appunti 2022");
    expect(fake.workbook.sheet("Storico").protection.protected).toBe(true);
    expect(fake.workbook.name("MioTotale")?.formula).toBe("=Foglio1!$B$2");
  });

  it("leaves the workbook as it was when any sync fails, whatever prefix of it was applied", async () => {
    const { base, batches } = await dryRun(s);
    const fresh = JSON.stringify(await freshState(s));
    // One set-up workbook, cloned for each injected failure (building it again each time is what
    // made this test take minutes); a clone must be the set-up state itself.
    const setUp = await s.setup();
    const before = setUp.workbook.snapshot();
    const beforeJson = JSON.stringify(before);
    expect(JSON.stringify(cloneRecordingExcel(setUp).workbook.snapshot())).toBe(beforeJson);
    const hadPointing = setUp.workbook.sheet("Foglio1").cell("B4").kind === "formula";
    let undone = 0;
    let finished = 0;
    for (let k = 0; k < batches.length; k++) {
      for (const applied of prefixes(batches[k])) {
        const fake = install(cloneRecordingExcel(setUp));
        expect(fake.log.syncs).toBe(base);
        fake.fakeContext.failAtSync(base + k + 1, applied);
        const outcome = await applyWorkbook(fake.context, s.wb(), { replace: s.replace }).then(
          () => "written",
          (error: unknown) => error,
        );
        expect(fake.log.failedSyncs).toEqual([base + k + 1]);
        const firstDelete = batches[k].indexOf("worksheet.delete");
        if (firstDelete >= 0 && applied > firstDelete) {
          // An old sheet is gone: the rest of the swap was applied, so the write is finished.
          expect(outcome).toBe("written");
          // The user's formula into a replaced sheet breaks, as with any sheet Excel deletes.
          const pointing = fake.workbook.sheet("Foglio1");
          if (hadPointing) {
            expect(pointing.cell("B4").formula).toBe("=COUNTA(#REF!A:A)");
            pointing.cells.delete(parseAddress("B4").row * 16_384 + parseAddress("B4").column);
          }
          const after = comparable(fake);
          if (JSON.stringify(after) !== fresh) expect(after).toEqual(JSON.parse(fresh));
          finished++;
        } else {
          expect(outcome).toMatchObject({ code: "GeneralException" });
          const after = fake.workbook.snapshot();
          // JSON first (fast); the deep comparison only to show the difference.
          if (JSON.stringify(after) !== beforeJson) {
            expect({ sync: k + 1, applied, state: after }).toEqual({ sync: k + 1, applied, state: before });
          }
          undone++;
        }
      }
    }
    expect(undone).toBeGreaterThan(batches.length);
    expect(finished > 0).toBe(s.replace && batches.flat().includes("worksheet.delete"));
  }, 1_200_000);

  it("names what to delete by hand when the clean-up fails too", async () => {
    const { base, batches } = await dryRun(s);
    const fake = await s.setup();
    const last = batches[batches.length - 1];
    const sheetsBefore = fake.workbook.sheetNames();
    fake.fakeContext.failAtSync(
      base + batches.length,
      last.findIndex((op) => FINALE.includes(op)),
    );
    fake.fakeContext.failAtSync(base + batches.length + 2, 0);
    const error = (await applyWorkbook(fake.context, s.wb(), { replace: s.replace }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^Importazione non riuscita \(.*\) e non annullata del tutto: elimina i fogli «/);
    expect(error.message.split("\n")).toHaveLength(1);
    const left = fake.workbook.sheetNames().filter((n) => !sheetsBefore.includes(n));
    expect(left.length).toBeGreaterThan(0);
    for (const name of left) expect(error.message).toContain(`«${name}»`);
  });
});

describe("the finale", () => {
  it("rides in the last request and deletes the old sheets last, after every rename", async () => {
    const fake = install(createRecordingExcel());
    await applyWorkbook(fake.context, sampleWorkbook(), { replace: false });
    const base = fake.log.syncs;
    await applyWorkbook(fake.context, sampleRevision(), { replace: true });
    const ops = fake.log.batches.slice(base);
    expect(ops).toHaveLength(2);
    const last = ops[1];
    const deletes = last.flatMap((op, i) => (op === "worksheet.delete" ? [i] : []));
    expect(deletes).toHaveLength(sampleRevision().sheets.length);
    expect(Math.min(...deletes)).toBeGreaterThan(last.lastIndexOf("table.name"));
    expect(Math.min(...deletes)).toBeGreaterThan(last.lastIndexOf("protection.protect"));
    // After the last delete only the recalculation the last request asks for (no write).
    expect(last.slice(deletes[deletes.length - 1] + 1).every((op) => op === "load")).toBe(true);
    expect(fake.log.calculations.at(-1)?.sync).toBe(fake.log.syncs);
  });

  it("keeps a 100× replace within the write budget and 4 MB per request", async () => {
    const big = readCruscotto(syntheticCruscotto(100));
    const wb = buildWorkbook(big, defaultSettings(big));
    const fake = install(createRecordingExcel());
    const first = await applyWorkbook(fake.context, wb, { replace: false });
    const report = await applyWorkbook(fake.context, wb, { replace: true });
    expect(report.syncs).toBeLessThanOrEqual(MAX_WRITE_SYNCS + 1);
    expect(report.syncs).toBe(first.syncs);
    expect(Math.max(...fake.log.requestBytes)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(fake.workbook.sheetNames().filter((n) => n.startsWith("PIRA_"))).toEqual([]);
  }, 60_000);
});
