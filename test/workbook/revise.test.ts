// The yearly cycle over workbook descriptions: the sample's workbook, filled, revised by the
// revised fixture. Every typed value ends in its new row or in the Archivio, exactly once; the
// Registro names every change; carried consuntivi score as the domain scores them under the
// revised targets; a second revision appends to Archivio and Registro without rewriting them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describeChange, type Notes } from "../../src/domain/match";
import type { Actual, Actuals, Plan } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { scoreTarget } from "../../src/domain/score";
import { defaultSettings, type Settings } from "../../src/domain/settings";
import { cellAddress } from "../../src/workbook/address";
import { buildWorkbook } from "../../src/workbook/build";
import { HEADERS, NAMES, SHEETS, TABLES, indicatorLayout } from "../../src/workbook/layout";
import { INITIAL_IMPORT } from "../../src/workbook/layoutHistory";
import { readWorkbook, type WorkbookContents } from "../../src/workbook/read";
import { reviseWorkbook } from "../../src/workbook/revise";
import type { WorkbookDescription } from "../../src/workbook/types";
import { fillPlan } from "../helpers/fill";
import { WorkbookEvaluator } from "../helpers/formulaEvaluator";
import { sampleText } from "../helpers/sample";
import { placedTable } from "../helpers/workbookTables";

const REVISED = path.join(__dirname, "..", "fixtures", "revised", "cruscotto-pira-2024.txt");
const oldPlan = readCruscotto(sampleText());
const revisedPlan = readCruscotto(readFileSync(REVISED, "utf8"));
const TODAY = 46000;
const settings: Settings = { ...defaultSettings(oldPlan), formulaMode: "native" };
const filled = fillPlan(oldPlan);

function contentsOf(wb: WorkbookDescription, s: Settings): WorkbookContents {
  const has = (name: string) => wb.sheets.some((sh) => sh.tables.some((t) => t.name === name));
  return readWorkbook({
    indicators: placedTable(wb, TABLES.indicators),
    objectives: placedTable(wb, TABLES.objectives),
    areaWeights: placedTable(wb, TABLES.areaWeights),
    archive: has(TABLES.archive) ? placedTable(wb, TABLES.archive) : null,
    register: has(TABLES.register) ? placedTable(wb, TABLES.register) : null,
    settings: {
      [NAMES.year]: s.year,
      [NAMES.green]: s.greenFrom,
      [NAMES.amber]: s.amberFrom,
      [NAMES.mode]: s.mode,
      [NAMES.formulaMode]: s.formulaMode,
    },
  });
}

const oldWorkbook = buildWorkbook(oldPlan, settings, filled.actuals, { notes: filled.notes, today: TODAY - 300 });
const old = contentsOf(oldWorkbook, settings);
const result = reviseWorkbook(old, revisedPlan, { today: TODAY });
const revised = contentsOf(result.description, result.settings);

interface Value {
  source: "actual" | "note";
  id: string;
  year: string;
  value: Actual;
}

function valuesOf(actuals: Actuals, notes: Notes): Value[] {
  const out: Value[] = [];
  for (const [id, byYear] of Object.entries(actuals))
    for (const [year, value] of Object.entries(byYear)) out.push({ source: "actual", id, year, value });
  for (const [id, byYear] of Object.entries(notes))
    for (const [year, value] of Object.entries(byYear)) out.push({ source: "note", id, year, value });
  return out;
}

const oldValues = valuesOf(filled.actuals, filled.notes);

test("the old workbook reads back as it was filled, with its plan source from the Registro", () => {
  expect(old.actuals).toEqual(filled.actuals);
  expect(old.notes).toEqual(filled.notes);
  expect(old.problems).toEqual([]);
  expect(old.register).toHaveLength(1);
  expect(old.register[0]).toMatchObject({ kind: INITIAL_IMPORT, date: TODAY - 300, planTitle: oldPlan.title });
  expect(old.plan.title).toBe(oldPlan.title);
  expect(oldValues.length).toBeGreaterThan(200);
  expect(result.problems).toEqual([]);
});

describe("every typed value ends in its new row or in the Archivio, exactly once", () => {
  const idMap = result.match.idMap;
  const archive = revised.archive;
  it.each(oldValues.map((v) => [`${v.source} ${v.id}/${v.year}`, v] as const))("%s", (_, v) => {
    const newId = idMap[v.id];
    const inRow =
      newId !== undefined && revisedPlan.years.includes(Number(v.year))
        ? (v.source === "actual" ? revised.actuals : revised.notes)[newId]?.[v.year]
        : undefined;
    const archived = archive.filter(
      (r) => r.oldId === v.id && r.year === Number(v.year) && (v.source === "actual" ? r.actual : r.note) !== null,
    );
    expect(Number(inRow !== undefined) + archived.length).toBe(1);
    if (inRow !== undefined) expect(inRow).toEqual(v.value);
    else expect(v.source === "actual" ? archived[0].actual : archived[0].note).toEqual(v.value);
  });

  it("holds nothing else: the revised workbook's values are the carried ones", () => {
    const carried = valuesOf(revised.actuals, revised.notes).length;
    const archivedValues = archive.reduce((n, r) => n + Number(r.actual !== null) + Number(r.note !== null), 0);
    expect(carried + archivedValues).toBe(oldValues.length);
    expect(carried).toBe(result.carryOver.carried.length);
  });

  it("says in Italian why each row was archived, and from which plan", () => {
    for (const r of archive) {
      expect(r.reason).toMatch(/eliminato|chiuso|non più nel piano|non accettata/);
      expect(r.planTitle).toBe(oldPlan.title);
      expect(r.planDate).toBe(oldPlan.date);
      expect(r.target).toBe(
        oldPlan.objectives.flatMap((o) => o.indicators).find((i) => i.id === r.oldId)!.targets[String(r.year)]?.text ??
          "",
      );
    }
    // The sample's 2023 is no longer planned: all its values are here.
    expect(archive.some((r) => r.year === 2023)).toBe(true);
  });
});

test("the Registro keeps the first import and names every change, with the revised plan as source", () => {
  const rows = revised.register;
  expect(rows[0]).toEqual(old.register[0]);
  const added = rows.slice(1);
  expect(
    added.every((r) => r.date === TODAY && r.planTitle === revisedPlan.title && r.planDate === revisedPlan.date),
  ).toBe(true);
  const descriptions = added.map((r) => r.description);
  for (const c of result.changes) expect(descriptions).toContain(describeChange(c, "it"));
  for (const p of result.summary.acceptedProposals)
    expect(
      added.some((r) => /accettata$/.test(r.kind) && r.before.startsWith(p.oldId) && r.after.startsWith(p.newId)),
    ).toBe(true);
  expect(result.changes.length).toBeGreaterThan(20);
});

test("carried consuntivi score under the revised targets as the domain scores them", () => {
  const ev = new WorkbookEvaluator(result.description);
  const layout = indicatorLayout(revisedPlan.years);
  const ids = revisedPlan.objectives.flatMap((o) => o.indicators);
  let checked = 0;
  ids.forEach((indicator, r) => {
    for (const year of revisedPlan.years) {
      const actual = result.carryOver.actuals[indicator.id]?.[String(year)];
      if (actual === undefined) continue;
      const expected = scoreTarget(indicator.targets[String(year)] ?? null, actual, result.settings.mode);
      const got = ev.value(SHEETS.indicators, cellAddress(r + 1, layout.perYear.get(year)!.score));
      expect(got).toBeCloseTo(expected!, 12);
      checked++;
    }
  });
  expect(checked).toBe(result.summary.carriedActuals);
  expect(checked).toBeGreaterThan(100);
});

test("the previous year's consuntivi stay in view, read-only, beside the first revised year", () => {
  const table = result.description.sheets.find((s) => s.name === SHEETS.indicators)!.tables[0];
  const column = table.columns.findIndex((c) => c.header === HEADERS.baseline(2023));
  expect(column).toBe(table.columns.length - 1);
  expect(table.columns[column].role).toBe("data");
  const ids = revisedPlan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
  const newToOld = new Map(Object.entries(result.match.idMap).map(([o, n]) => [n, o]));
  ids.forEach((id, r) => {
    const oldId = newToOld.get(id);
    expect(table.rows[r][column]).toEqual(oldId === undefined ? null : (filled.actuals[oldId]?.["2023"] ?? null));
  });
});

test("--no-similar: proposals are refused, their values archived, and the Registro says so", () => {
  const strict = reviseWorkbook(old, revisedPlan, { today: TODAY, acceptProposals: false });
  expect(result.summary.acceptedProposals.length).toBeGreaterThan(0);
  expect(strict.summary.refusedProposals).toEqual(result.summary.acceptedProposals);
  for (const p of strict.summary.refusedProposals) {
    expect(strict.match.idMap[p.oldId]).toBeUndefined();
    const archived = strict.archiveAdded.filter((r) => r.oldId === p.oldId);
    expect(archived.length).toBeGreaterThan(0);
    expect(archived.every((r) => /non accettata/.test(r.reason))).toBe(true);
  }
  expect(strict.registerAdded.filter((r) => /non accettata/.test(r.kind))).toHaveLength(
    strict.summary.refusedProposals.length,
  );
});

test("a second revision appends to the Archivio and the Registro without rewriting earlier rows", () => {
  // The next year: objective 2 closed, and indicator 1.1 removed.
  const next: Plan = structuredClone(revisedPlan);
  next.title = "Revisione 2025";
  next.date = "2025-10-30";
  next.objectives = next.objectives.filter((o) => o.number !== 2);
  next.objectives[0].indicators = next.objectives[0].indicators.filter((i) => i.id !== "1.1");
  const second = reviseWorkbook(revised, next, { today: TODAY + 365 });
  expect(second.problems).toEqual([]);
  const after = contentsOf(second.description, second.settings);
  expect(after.archive.slice(0, revised.archive.length)).toEqual(revised.archive);
  expect(after.register.slice(0, revised.register.length)).toEqual(revised.register);
  expect(after.archive.length).toBeGreaterThan(revised.archive.length);
  expect(after.register.length).toBeGreaterThan(revised.register.length);
  const added = after.archive.slice(revised.archive.length);
  expect(added.every((r) => r.planTitle === revisedPlan.title)).toBe(true);
  expect(added.some((r) => r.oldId === "1.1")).toBe(true);
  expect(added.some((r) => r.objective === 2 && /chiuso/.test(r.reason))).toBe(true);
  // Nothing lost across both revisions.
  const carried = valuesOf(after.actuals, after.notes).length;
  const archivedValues = after.archive.reduce((n, r) => n + Number(r.actual !== null) + Number(r.note !== null), 0);
  expect(carried + archivedValues).toBe(oldValues.length);
});

test("a value the revised workbook cannot take is refused, named, and nothing is to be written", () => {
  const broken: WorkbookContents = structuredClone(old);
  const id = revisedPlan.objectives[0].indicators[0].id; // 1.1, a number target in every year
  broken.actuals[id] = { ...broken.actuals[id], "2024": "forse" };
  const refused = reviseWorkbook(broken, revisedPlan, { today: TODAY });
  expect(refused.problems).toHaveLength(1);
  expect(refused.problems[0]).toMatch(/consuntivo 2024 di 1\.1 \(«forse»\) non adatto al target rivisto di 1\.1/);
});

test("a workbook revised by its own plan changes nothing, carries every value and archives none", () => {
  const same = reviseWorkbook(old, oldPlan, { today: TODAY });
  expect(same.problems).toEqual([]);
  expect(same.changes).toEqual([]);
  expect(same.archiveAdded).toEqual([]);
  expect(same.carryOver.actuals).toEqual(filled.actuals);
  expect(same.carryOver.notes).toEqual(filled.notes);
  expect(same.registerAdded.map((r) => r.kind)).toEqual(["Revisione del piano"]);
});
