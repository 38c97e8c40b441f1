// Native formulas, PIRA formulas and the domain engine must agree cell by cell. The sample plan is
// filled with seeded random actuals; every score, coverage and status cell the builder writes is
// evaluated in-process (test/helpers/formulaEvaluator.ts) and compared with scorePlan().
import type { Actual, Actuals, Plan, Target } from "../../src/domain/model";
import { isoToSerial } from "../../src/domain/dates";
import { readCruscotto } from "../../src/domain/reader";
import { scorePlan, type PlanScore } from "../../src/domain/rollup";
import {
  FORMULA_MODES,
  SCORING_MODES,
  defaultSettings,
  type FormulaMode,
  type ScoringMode,
  type Settings,
} from "../../src/domain/settings";
import { excelScaleValue } from "../../src/domain/targets";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { buildWorkbook } from "../../src/workbook/build";
import { DASHBOARD_CHAMBER, HEADERS, SHEETS, TABLES } from "../../src/workbook/layout";
import type { WorkbookDescription } from "../../src/workbook/types";
import { ExcelError, WorkbookEvaluator, type Scalar } from "../helpers/formulaEvaluator";
import { seededRandom } from "../helpers/random";
import { sampleText } from "../helpers/sample";

// PIRA_AGREEMENT_SEED reproduces or varies a run; the default keeps CI deterministic.
const SEED = Number(process.env.PIRA_AGREEMENT_SEED ?? 20231031);
const FILLS = 40;
const TOLERANCE = 1e-9;

const plan: Plan = readCruscotto(sampleText());

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** A number as typed: `decimals` places on the user's scale, stored as Excel stores the typed text. */
function typed(n: number, decimals: number, percent: boolean): number {
  const shown = Number(n.toFixed(decimals));
  return percent ? Number((shown / 100).toPrecision(15)) : shown;
}

function numericActual(rng: Rng, target: Target): number {
  const percent = target.unit === "%";
  // Work on the scale the user reads (73 for 73 %), then store on Excel's scale (0.73).
  const t = target.value as number;
  const scale = Math.max(Math.abs(t), 1);
  const exactTarget = excelScaleValue(target) as number;
  switch (pick(rng, ["zero", "target", "near", "under", "over", "far over", "negative", "raw"] as const)) {
    case "zero":
      return 0;
    case "target":
      return exactTarget;
    case "near":
      return typed(t + pick(rng, [-0.01, 0.01, -1, 1]), 2, percent);
    case "under":
      return typed(t * rng(), pick(rng, [0, 2]), percent);
    case "over":
      return typed(t + scale * rng(), 2, percent);
    case "far over":
      return typed(t * (2 + 3 * rng()) + scale, 0, percent);
    case "negative":
      return typed(-scale * 2 * rng(), 2, percent);
    case "raw":
      // An unrounded double, as a formula in the cell or a paste could leave.
      return (exactTarget + scale * (rng() - 0.5) * (percent ? 0.02 : 2)) * (rng() < 0.5 ? 1 : 1 + rng());
  }
}

function deadlineActual(rng: Rng, target: Target): Actual {
  const deadline = isoToSerial(target.deadline as string);
  switch (pick(rng, ["date", "date", "time", "text", "boolean"] as const)) {
    case "date":
      return deadline + pick(rng, [-400, -31, -1, 0, 1, 2, 45, 366]);
    case "time":
      // A completion date-time: on the deadline day it still counts as on time.
      return deadline + pick(rng, [-1, 0, 1]) + pick(rng, [0.25, 0.75, 0.999]);
    case "text":
      return pick(rng, ["SI", "NO", "sì", "Sì", "si", " SI ", "no", "No", "SÍ", "VERO", "FALSO"]);
    case "boolean":
      return rng() < 0.5;
  }
}

function yesNoActual(rng: Rng): Actual {
  return pick(rng, ["SI", "NO", "sì", "no", 1, 0, true, false] as Actual[]);
}

const BLANKS: Actual[] = [null, null, "", "   "];

function randomActual(rng: Rng, target: Target | null): Actual {
  if (rng() < 0.12) return pick(rng, BLANKS);
  if (target === null || target.kind === "unreadable") {
    // No target (DFP 3.3 in 2025-26): whatever is typed there scores nothing.
    return pick(rng, [0, 0.5, 1, 73, -2, 12.5]);
  }
  switch (target.kind) {
    case "deadline":
      return deadlineActual(rng, target);
    case "yesno":
      return yesNoActual(rng);
    default:
      return numericActual(rng, target);
  }
}

function randomActuals(rng: Rng): Actuals {
  const actuals: Actuals = {};
  for (const objective of plan.objectives) {
    for (const indicator of objective.indicators) {
      const byYear: Record<string, Actual> = {};
      for (const year of plan.years) byYear[String(year)] = randomActual(rng, indicator.targets[String(year)] ?? null);
      actuals[indicator.id] = byYear;
    }
  }
  return actuals;
}

// ---------------------------------------------------------------------------------------------
// Where the cells are

interface TablePlace {
  sheet: string;
  top: number;
  left: number;
  headers: string[];
  rows: number;
}

function table(wb: WorkbookDescription, name: string): TablePlace {
  for (const sheet of wb.sheets) {
    const t = sheet.tables.find((x) => x.name === name);
    if (t) {
      const { row, column } = parseCell(t.topLeft);
      return {
        sheet: sheet.name,
        top: row,
        left: column,
        headers: t.columns.map((c) => c.header),
        rows: t.rows.length,
      };
    }
  }
  throw new Error(`Tabella non trovata: ${name}`);
}

function address(t: TablePlace, bodyRow: number, header: string): string {
  const column = t.headers.indexOf(header);
  if (column < 0) throw new Error(`Colonna "${header}" non trovata (${t.headers.join(", ")})`);
  return cellAddress(t.top + 1 + bodyRow, t.left + column);
}

// ---------------------------------------------------------------------------------------------
// Comparison

type Expected = { kind: "score"; value: number | null } | { kind: "status"; value: string };

interface Mismatch {
  cell: string;
  formula: string | null;
  got: string;
  expected: string;
  about: string;
}

function show(v: Scalar): string {
  if (v instanceof ExcelError) return v.code;
  return v === null ? "(vuota)" : JSON.stringify(v);
}

function agrees(got: Scalar, expected: Expected): boolean {
  if (expected.kind === "status") return got === expected.value;
  if (expected.value === null) return got === "";
  return typeof got === "number" && Math.abs(got - expected.value) <= TOLERANCE;
}

function sameCell(a: Scalar, b: Scalar): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= TOLERANCE;
  if (a instanceof ExcelError && b instanceof ExcelError) return a.code === b.code;
  return a === b;
}

interface Check {
  cell: string;
  sheet: string;
  address: string;
  /** What the domain says the cell must show, given the plan's scores by year and the year in view. */
  expected: (byYear: Map<number, PlanScore>, inView: number) => Expected;
  /** What the cell is about, for a failure message. */
  about: (actuals: Actuals) => string;
}

interface Layout {
  /** Indicatori and Obiettivi cells of every year: they do not depend on the year in view. */
  tables: Check[];
  /** The Cruscotto's cells, which show the year in view. */
  dashboard: Check[];
}

/** Where every score, coverage and status cell is; the same for every build of the plan. */
function layoutOf(wb: WorkbookDescription): Layout {
  const layout: Layout = { tables: [], dashboard: [] };
  const score = (value: number | null): Expected => ({ kind: "score", value });
  const status = (value: string): Expected => ({ kind: "status", value });
  const add = (
    list: Check[],
    t: TablePlace,
    row: number,
    header: string,
    check: Omit<Check, "cell" | "sheet" | "address">,
  ) => {
    const a = address(t, row, header);
    list.push({ cell: `${t.sheet}!${a}`, sheet: t.sheet, address: a, ...check });
  };

  const ind = table(wb, TABLES.indicators);
  const obj = table(wb, TABLES.objectives);
  const indicators = plan.objectives.flatMap((o) => o.indicators);
  if (ind.rows !== indicators.length || obj.rows !== plan.objectives.length) throw new Error("Righe inattese");
  for (const year of plan.years) {
    indicators.forEach((indicator, i) => {
      const about = (actuals: Actuals) =>
        `indicatore ${indicator.id} (peso ${indicator.weight}), ${year}: ` +
        `target ${JSON.stringify(indicator.targets[String(year)]?.text ?? null)}, ` +
        `consuntivo ${JSON.stringify(actuals[indicator.id]?.[String(year)] ?? null)}`;
      const of = (byYear: Map<number, PlanScore>) => {
        const e = byYear.get(year)!.indicators[i];
        if (e.id !== indicator.id) throw new Error(`Ordine degli indicatori: ${e.id} invece di ${indicator.id}`);
        return e;
      };
      add(layout.tables, ind, i, HEADERS.score(year), { expected: (b) => score(of(b).score), about });
      add(layout.tables, ind, i, HEADERS.status(year), { expected: (b) => status(of(b).status), about });
    });
    plan.objectives.forEach((objective, i) => {
      const about = () => `obiettivo ${objective.number}, ${year}`;
      const of = (byYear: Map<number, PlanScore>) => {
        const e = byYear.get(year)!.objectives[i];
        if (e.number !== objective.number) throw new Error(`Ordine degli obiettivi: ${e.number}`);
        return e;
      };
      add(layout.tables, obj, i, HEADERS.score(year), { expected: (b) => score(of(b).score), about });
      add(layout.tables, obj, i, HEADERS.coverage(year), { expected: (b) => score(of(b).coverage), about });
      add(layout.tables, obj, i, HEADERS.status(year), { expected: (b) => status(of(b).status), about });
    });
  }

  const dash = SHEETS.dashboard;
  const chamber: Array<[string, (e: PlanScore) => Expected]> = [
    [DASHBOARD_CHAMBER.score, (e) => score(e.chamber.score)],
    [DASHBOARD_CHAMBER.coverage, (e) => score(e.chamber.coverage)],
    [DASHBOARD_CHAMBER.status, (e) => status(e.chamber.status)],
  ];
  for (const [a, pick] of chamber) {
    layout.dashboard.push({
      cell: `${dash}!${a}`,
      sheet: dash,
      address: a,
      expected: (b, inView) => pick(b.get(inView)!),
      about: () => "ente",
    });
  }
  const areas = table(wb, TABLES.dashboardAreas);
  if (areas.rows !== plan.areas.length) throw new Error("Righe degli ambiti inattese");
  plan.areas.forEach((area, i) => {
    const of = (byYear: Map<number, PlanScore>, inView: number) => {
      const e = byYear.get(inView)!.areas[i];
      if (e.code !== area.code) throw new Error(`Ordine degli ambiti: ${e.code} invece di ${area.code}`);
      return e;
    };
    const about = () => `ambito ${area.code}`;
    add(layout.dashboard, areas, i, "Punteggio", { expected: (b, y) => score(of(b, y).score), about });
    add(layout.dashboard, areas, i, "Copertura", { expected: (b, y) => score(of(b, y).coverage), about });
    add(layout.dashboard, areas, i, "Stato", { expected: (b, y) => status(of(b, y).status), about });
  });
  const dashObjectives = table(wb, TABLES.dashboardObjectives);
  if (dashObjectives.rows !== plan.objectives.length) throw new Error("Righe degli obiettivi inattese");
  plan.objectives.forEach((objective, i) => {
    const of = (byYear: Map<number, PlanScore>, inView: number) => byYear.get(inView)!.objectives[i];
    const about = () => `obiettivo ${objective.number} nel cruscotto`;
    add(layout.dashboard, dashObjectives, i, "Punteggio", { expected: (b, y) => score(of(b, y).score), about });
    add(layout.dashboard, dashObjectives, i, "Copertura", { expected: (b, y) => score(of(b, y).coverage), about });
    add(layout.dashboard, dashObjectives, i, "Stato", { expected: (b, y) => status(of(b, y).status), about });
  });
  return layout;
}

interface Outcome {
  values: Map<string, Scalar>;
  mismatches: Mismatch[];
}

/** Evaluates the checked cells of `wb` and lists where they disagree with the domain. */
function compare(
  wb: WorkbookDescription,
  checks: Check[],
  actuals: Actuals,
  settings: Settings,
  byYear: Map<number, PlanScore>,
): Outcome {
  const ev = new WorkbookEvaluator(wb);
  const outcome: Outcome = { values: new Map(), mismatches: [] };
  for (const check of checks) {
    const got = ev.value(check.sheet, check.address);
    outcome.values.set(check.cell, got);
    const expected = check.expected(byYear, settings.year);
    if (!agrees(got, expected)) {
      outcome.mismatches.push({
        cell: check.cell,
        formula: ev.formula(check.sheet, check.address),
        got: show(got),
        expected: expected.value === null ? '""' : JSON.stringify(expected.value),
        about:
          `${check.about(actuals)}; modalità ${settings.mode}, formule ${settings.formulaMode}, ` +
          `anno in vista ${settings.year}`,
      });
    }
  }
  return outcome;
}

function expectedByYear(actuals: Actuals, settings: Settings): Map<number, PlanScore> {
  return new Map(plan.years.map((year) => [year, scorePlan(plan, actuals, year, settings)]));
}

function settingsFor(mode: ScoringMode, formulaMode: FormulaMode, year: number): Settings {
  return { ...defaultSettings(plan), mode, formulaMode, year };
}

// ---------------------------------------------------------------------------------------------

describe("native formulas, PIRA formulas and the domain engine agree on the sample", () => {
  const rng = seededRandom(SEED);
  const fills = Array.from({ length: FILLS }, () => randomActuals(rng));
  const layout = layoutOf(buildWorkbook(plan, defaultSettings(plan)));
  const cellsOf = (l: Layout) => [...l.tables, ...l.dashboard].map((c) => c.cell);

  test("both formula modes put the checked cells in the same places", () => {
    for (const formulaMode of FORMULA_MODES) {
      const wb = buildWorkbook(plan, settingsFor("lineare", formulaMode, plan.years[2]), fills[0]);
      expect(cellsOf(layoutOf(wb))).toEqual(cellsOf(layout));
    }
  });

  test(`${FILLS} random fills × ${SCORING_MODES.length} scoring modes × ${FORMULA_MODES.length} formula modes × every year in view (seed ${SEED})`, () => {
    const mismatches: Mismatch[] = [];
    const betweenModes: string[] = [];
    let compared = 0;
    let crossCompared = 0;
    const seen = new Map<string, number>();

    fills.forEach((actuals, fill) => {
      for (const mode of SCORING_MODES) {
        const byYear = expectedByYear(actuals, settingsFor(mode, "native", plan.years[0]));
        for (const year of plan.years) {
          // Indicatori and Obiettivi once per fill and mode (in a different year in view each fill).
          const checks =
            year === plan.years[fill % plan.years.length] ? [...layout.tables, ...layout.dashboard] : layout.dashboard;
          const values = new Map<FormulaMode, Map<string, Scalar>>();
          for (const formulaMode of FORMULA_MODES) {
            const settings = settingsFor(mode, formulaMode, year);
            const outcome = compare(buildWorkbook(plan, settings, actuals), checks, actuals, settings, byYear);
            values.set(formulaMode, outcome.values);
            compared += outcome.values.size;
            mismatches.push(...outcome.mismatches.map((m) => ({ ...m, about: `${m.about}; riempimento ${fill}` })));
          }
          const native = values.get("native")!;
          const pira = values.get("pira")!;
          for (const check of checks) {
            const v = native.get(check.cell)!;
            const w = pira.get(check.cell)!;
            crossCompared++;
            if (!sameCell(v, w)) {
              betweenModes.push(
                `${check.cell} (${mode}, anno ${year}, riempimento ${fill}): native ${show(v)}, pira ${show(w)}`,
              );
            }
            const what =
              typeof v === "number"
                ? v === 0
                  ? "score 0"
                  : v === 1
                    ? "score 1"
                    : "score between"
                : `${check.sheet} ${String(v)}`;
            seen.set(what, (seen.get(what) ?? 0) + 1);
          }
        }
      }
    });

    // Show a readable handful; the count says how widespread a disagreement is.
    expect({ count: mismatches.length, first: mismatches.slice(0, 12) }).toEqual({ count: 0, first: [] });
    expect({ count: betweenModes.length, first: betweenModes.slice(0, 12) }).toEqual({ count: 0, first: [] });

    // Every cell was checked: for each fill, scoring and formula mode, indicators × years × 2 and
    // objectives × years × 3 once, and on the Cruscotto of every year in view the chamber's 3
    // and (areas + objectives) × 3.
    const indicators = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
    const tables = indicators * plan.years.length * 2 + plan.objectives.length * plan.years.length * 3;
    const dashboard = 3 + (plan.areas.length + plan.objectives.length) * 3;
    expect(layout.tables.length).toBe(tables);
    expect(layout.dashboard.length).toBe(dashboard);
    const perFill = tables + dashboard * plan.years.length;
    expect(compared).toBe(perFill * FILLS * SCORING_MODES.length * FORMULA_MODES.length);
    expect(crossCompared).toBe(compared / 2);

    // The fills reach every outcome, so agreement is not agreement on blanks.
    for (const what of [
      "score 0",
      "score 1",
      "score between",
      "Indicatori Raggiunto",
      "Indicatori Parzialmente raggiunto",
      "Indicatori Non raggiunto",
      "Indicatori n.d.",
      "Indicatori ",
      "Obiettivi Parzialmente raggiunto",
      "Obiettivi Non raggiunto",
      "Cruscotto Parzialmente raggiunto",
    ]) {
      expect([what, (seen.get(what) ?? 0) > 0]).toEqual([what, true]);
    }
  });

  test("the comparison catches a wrong formula (it can fail)", () => {
    const actuals = fills[0];
    const settings = settingsFor("proporzionale", "native", plan.years[1]);
    const wb = buildWorkbook(plan, settings, actuals);
    const byYear = expectedByYear(actuals, settings);
    const checks = [...layout.tables, ...layout.dashboard];
    expect(compare(wb, checks, actuals, settings, byYear).mismatches).toEqual([]);

    // Off by a hair beyond the tolerance, and a status that ignores the score.
    const obj = table(wb, TABLES.objectives);
    const objRows = wb.sheets.find((s) => s.name === SHEETS.objectives)!.tables[0].rows;
    const scoreColumn = obj.headers.indexOf(HEADERS.score(plan.years[1]));
    const original = objRows[0][scoreColumn] as { formula: string };
    objRows[0][scoreColumn] = { formula: `${original.formula}+1E-8` };
    const ind = wb.sheets.find((s) => s.name === SHEETS.indicators)!.tables[0];
    const statusColumn = ind.columns.findIndex((c) => c.header === HEADERS.status(plan.years[0]));
    const row = byYear.get(plan.years[0])!.indicators.findIndex((i) => i.status !== "Raggiunto");
    ind.rows[row][statusColumn] = { formula: '=IF(TRUE,"Raggiunto")' };

    // Both are caught, and the objective's error reaches the Cruscotto row that reads it.
    const cells = compare(wb, checks, actuals, settings, byYear).mismatches.map((m) => m.cell);
    expect(cells).toContain(`${SHEETS.objectives}!${address(obj, 0, HEADERS.score(plan.years[1]))}`);
    expect(cells).toContain(`${SHEETS.dashboard}!${address(table(wb, TABLES.dashboardObjectives), 0, "Punteggio")}`);
    expect(cells).toContain(
      `${SHEETS.indicators}!${address(table(wb, TABLES.indicators), row, HEADERS.status(plan.years[0]))}`,
    );
  });
});
