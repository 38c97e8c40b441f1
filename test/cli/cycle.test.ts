// The yearly cycle from the terminal, on real .xlsx files: the sample's workbook built with a CSV
// of consuntivi and notes, then `pira build REVISED --from OLD`, `pira export-actuals`, a second
// revision, `--no-similar`, a value with no place, and `pira diff`.
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { formatActualsCsv, parseActualsCsv } from "../../src/domain/actualsCsv";
import { describeChange, matchPlans } from "../../src/domain/match";
import { readCruscotto } from "../../src/domain/reader";
import { HEADERS, SHEETS } from "../../src/workbook/layout";
import { readWorkbookContents } from "../../src/xlsx";
import { captureIO, type CapturedIO } from "../helpers/cliIO";
import { fillPlan } from "../helpers/fill";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const REVISED = path.join(__dirname, "..", "fixtures", "revised", "cruscotto-pira-2024.txt");
const oldPlan = readCruscotto(sampleText());
const revisedPlan = readCruscotto(fs.readFileSync(REVISED, "utf8"));
const filled = fillPlan(oldPlan);
const CSV = formatActualsCsv(oldPlan, filled.actuals, ";", filled.notes);

async function run(
  args: string[],
  io: CapturedIO = captureIO({ "valori.csv": CSV }),
): Promise<CapturedIO & { code: number }> {
  const code = await main(args, io);
  return Object.assign(io, { code });
}

function buffer(io: CapturedIO, file: string): Buffer {
  const data = io.written.get(file);
  if (data === undefined) throw new Error(`${file} non scritto`);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

let io: CapturedIO & { code: number };
beforeAll(async () => {
  io = await run(["build", SAMPLE_PATH, "--actuals", "valori.csv", "-o", "old.xlsx"]);
  expect(io.code).toBe(0);
  io = await run(["build", REVISED, "-o", "new.xlsx", "--from", "old.xlsx"], io);
}, 60_000);

describe("pira build REVISED -o new.xlsx --from old.xlsx", () => {
  it("writes the revised workbook and prints the change summary, capped", () => {
    expect(io.code).toBe(0);
    const out = io.stdout();
    expect(out).toMatch(/Scritto new\.xlsx dal piano rivisto, con i valori di old\.xlsx/);
    expect(out).toMatch(/riportati: \d+ consuntivi, \d+ note/);
    expect(out).toMatch(/nel foglio Archivio: \d+ consuntivi, \d+ note/);
    expect(out).toMatch(/corrispondenza accettata: 9\.1 → 9\.1/);
    expect(out).toMatch(/… e altre \d+ modifiche/);
  });

  it("keeps every consuntivo and note: export-actuals lists the carried ones under their new ids, the Archivio holds the others", async () => {
    const exported = await run(["export-actuals", "new.xlsx"], io);
    expect(exported.code).toBe(0);
    const csv = exported.stdout().slice(exported.stdout().indexOf("indicatore;"));
    const carried = parseActualsCsv(csv, revisedPlan);
    expect(carried.problems).toEqual([]);
    const contents = await readWorkbookContents(buffer(io, "new.xlsx"));
    const match = matchPlans(oldPlan, revisedPlan, { acceptProposed: true });
    const missing: string[] = [];
    for (const [source, values] of [
      ["actual", filled.actuals],
      ["note", filled.notes],
    ] as const)
      for (const [oldId, byYear] of Object.entries(values))
        for (const [year, value] of Object.entries(byYear)) {
          const newId = match.idMap[oldId];
          const here =
            newId === undefined ? undefined : (source === "actual" ? carried.actuals : carried.notes)[newId]?.[year];
          const archived = contents.archive.filter(
            (r) => r.oldId === oldId && r.year === Number(year) && (source === "actual" ? r.actual : r.note) === value,
          );
          if (Number(here === value) + archived.length !== 1)
            missing.push(`${source} ${oldId}/${year}: ${String(value)}`);
        }
    expect(missing).toEqual([]);
  });

  it("has the Registro with the first import, then every change of the revision", async () => {
    const contents = await readWorkbookContents(buffer(io, "new.xlsx"));
    expect(contents.register[0].kind).toBe("Importazione iniziale");
    const match = matchPlans(oldPlan, revisedPlan, { acceptProposed: true });
    const descriptions = contents.register.map((r) => r.description);
    for (const c of match.changes) expect(descriptions).toContain(describeChange(c, "it"));
    expect(contents.register.filter((r) => /nome simile accettata/.test(r.kind)).map((r) => r.indicator)).toEqual(
      match.indicators.filter((m) => m.status === "proposed").map((m) => m.newId),
    );
  });

  it("appends to Archivio and Registro at a second revision, rewriting nothing", async () => {
    const first = await readWorkbookContents(buffer(io, "new.xlsx"));
    // The next revision: objective 14 closes.
    const text = fs.readFileSync(REVISED, "utf8");
    const cut = text.search(/^(?:\*\*|<b>)14(?:\D|$)/m);
    expect(cut).toBeGreaterThan(0);
    io.written.set("next.txt", Buffer.from(text.slice(0, cut)));
    const second = await run(["build", "next.txt", "-o", "next.xlsx", "--from", "new.xlsx"], io);
    expect(second.code).toBe(0);
    const after = await readWorkbookContents(buffer(io, "next.xlsx"));
    expect(after.archive.slice(0, first.archive.length)).toEqual(first.archive);
    expect(after.register.slice(0, first.register.length)).toEqual(first.register);
    expect(after.archive.slice(first.archive.length).some((r) => r.objective === 14 && /chiuso/.test(r.reason))).toBe(
      true,
    );
    expect(after.register.slice(first.register.length).some((r) => r.kind === "Obiettivo chiuso")).toBe(true);
  });
});

test("--no-similar refuses the proposals and archives their values instead", async () => {
  const strict = await run(["build", REVISED, "-o", "strict.xlsx", "--from", "old.xlsx", "--no-similar"], io);
  expect(strict.code).toBe(0);
  expect(strict.stdout()).toMatch(/corrispondenza non accettata \(--no-similar\): 9\.1 → 9\.1, valori archiviati/);
  const contents = await readWorkbookContents(buffer(io, "strict.xlsx"));
  expect(contents.archive.some((r) => r.oldId === "9.1" && /non accettata/.test(r.reason))).toBe(true);
  expect(contents.actuals["9.1"]).toBeUndefined();
});

test("--from the file -o overwrites: the old workbook is read whole first", async () => {
  const same = captureIO({ "valori.csv": CSV });
  expect(await main(["build", SAMPLE_PATH, "--actuals", "valori.csv", "-o", "cartella.xlsx"], same)).toBe(0);
  expect(await main(["build", REVISED, "-o", "cartella.xlsx", "--from", "cartella.xlsx"], same)).toBe(0);
  const contents = await readWorkbookContents(buffer(same, "cartella.xlsx"));
  expect(contents.plan.years).toEqual(revisedPlan.years);
  expect(contents.archive.length).toBeGreaterThan(0);
});

test("a value the revised plan cannot take: exit 2, the reason, nothing written", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer(io, "old.xlsx") as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SHEETS.indicators)!;
  const headers = (ws.getRow(1).values as unknown[]).map(String);
  ws.getRow(2).getCell(headers.indexOf(HEADERS.actual(2024))).value = "SI";
  const bad = captureIO({ "bad.xlsx": Buffer.from(await wb.xlsx.writeBuffer()) });
  const code = await main(["build", REVISED, "-o", "out.xlsx", "--from", "bad.xlsx"], bad);
  expect(code).toBe(2);
  expect(bad.stderr()).toMatch(/consuntivo 2024 di 1\.1 \(«SI»\) non adatto al target rivisto/);
  expect(bad.stderr()).toMatch(/nessun file scritto/);
  expect(bad.written.size).toBe(0);
});

test("--from with --actuals, and --no-similar without --from, are refused", async () => {
  expect(
    (await run(["build", REVISED, "-o", "x.xlsx", "--from", "old.xlsx", "--actuals", "valori.csv"], io)).code,
  ).toBe(2);
  const lone = await run(["build", REVISED, "-o", "y.xlsx", "--no-similar"]);
  expect(lone.code).toBe(2);
  expect(lone.stderr()).toMatch(/--no-similar vale solo con --from/);
});

describe("pira diff", () => {
  it("prints the changes between two documents, and the proposals, writing nothing", async () => {
    const diff = await run(["diff", SAMPLE_PATH, REVISED]);
    expect(diff.code).toBe(0);
    const match = matchPlans(oldPlan, revisedPlan);
    expect(diff.stdout()).toContain(`${match.changes.length} modifiche`);
    expect(diff.stdout()).toContain(describeChange(match.changes[0], "it"));
    expect(diff.stdout()).toMatch(/Corrispondenze proposte[^\n]*\n {2}- 9\.1 → 9\.1 \(nome simile/);
    expect(diff.written.size).toBe(0);
  });

  it("with --all lists every change; a built workbook is a plan too", async () => {
    const all = await run(["diff", "old.xlsx", REVISED, "--all"], captureIO({ "old.xlsx": buffer(io, "old.xlsx") }));
    expect(all.code).toBe(0);
    const match = matchPlans(oldPlan, revisedPlan);
    for (const c of match.changes) expect(all.stdout()).toContain(describeChange(c, "it"));
    expect(all.stdout()).not.toContain("… e altre");
  });

  it("wants two plans", async () => {
    const one = await run(["diff", SAMPLE_PATH]);
    expect(one.code).toBe(2);
    expect(one.stderr()).toMatch(/servono due piani/);
  });
});
