// Native formulas, PIRA formulas and the domain engine must agree cell by cell. The sample plan is
// filled with seeded random actuals (from nearly full to nearly empty, with actuals that do not
// fit their target); every score, coverage and status cell the builder writes is evaluated
// in-process (test/helpers/formulaEvaluator.ts) and compared with scorePlan(), with empty cells
// reaching the custom functions as null (Excel on the web) and as 0 (Excel desktop).
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
import { FUNCTIONS_NOT_LOADED } from "../../src/workbook/formulas";
import { DASHBOARD_CHAMBER, HEADERS, SHEETS, TABLES } from "../../src/workbook/layout";
import type { WorkbookDescription } from "../../src/workbook/types";
import {
  BLANK_SEMANTICS,
  ExcelError,
  WorkbookEvaluator,
  type BlankSemantics,
  type EvaluatorOptions,
  type Scalar,
} from "../helpers/formulaEvaluator";
import { permutation, permuteTableRows } from "../helpers/permute";
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

/** Actuals that fit no target of the kind: the workbook and the domain give no score and say why. */
function unfitActual(rng: Rng, target: Target): Actual {
  switch (target.kind) {
    case "deadline":
      // Numbers that are no completion date (a count, a percent), and a word that is no answer.
      return pick(rng, [2, 0.82, 500, "forse"] as Actual[]);
    case "yesno":
      return pick(rng, [2, 0.5, "forse"] as Actual[]);
    default:
      // A percent target refuses 82 typed for 82 % (Excel's 8200 %); any target refuses words.
      return target.unit === "%" ? pick(rng, [82, -5, "SI"] as Actual[]) : pick(rng, ["SI", "n.d."] as Actual[]);
  }
}

function randomActual(rng: Rng, target: Target | null, blankRate: number): Actual {
  if (rng() < blankRate) return pick(rng, BLANKS);
  if (target !== null && target.kind !== "unreadable" && rng() < 0.05) return unfitActual(rng, target);
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

/** Partial fills, from nearly full to a few typed consuntivi (coverage far from 100 %). */
const BLANK_RATES = [0.12, 0.5, 0.85];

function randomActuals(rng: Rng, blankRate: number): Actuals {
  const actuals: Actuals = {};
  for (const objective of plan.objectives) {
    for (const indicator of objective.indicators) {
      const byYear: Record<string, Actual> = {};
      for (const year of plan.years) {
        byYear[String(year)] = randomActual(rng, indicator.targets[String(year)] ?? null, blankRate);
      }
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
  options: EvaluatorOptions = {},
): Outcome {
  const ev = new WorkbookEvaluator(wb, options);
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
          `anno in vista ${settings.year}, celle vuote come ${options.blanks ?? "null"}`,
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
  const fills = Array.from({ length: FILLS }, (_, i) => randomActuals(rng, BLANK_RATES[i % BLANK_RATES.length]));
  const layout = layoutOf(buildWorkbook(plan, defaultSettings(plan)));
  const cellsOf = (l: Layout) => [...l.tables, ...l.dashboard].map((c) => c.cell);

  test("both formula modes put the checked cells in the same places", () => {
    for (const formulaMode of FORMULA_MODES) {
      const wb = buildWorkbook(plan, settingsFor("lineare", formulaMode, plan.years[2]), fills[0]);
      expect(cellsOf(layoutOf(wb))).toEqual(cellsOf(layout));
    }
  });

  test(`${FILLS} random fills × ${SCORING_MODES.length} scoring modes × ${FORMULA_MODES.length} formula modes × blanks as null and as 0 × every year in view (seed ${SEED})`, () => {
    const mismatches: Mismatch[] = [];
    const betweenModes: string[] = [];
    let compared = 0;
    let crossCompared = 0;
    const seen = new Map<string, number>();
    const runs = FORMULA_MODES.flatMap((formulaMode) =>
      BLANK_SEMANTICS.map((blanks) => ({ formulaMode, blanks, name: `${formulaMode}/${blanks}` })),
    );

    fills.forEach((actuals, fill) => {
      for (const mode of SCORING_MODES) {
        const byYear = expectedByYear(actuals, settingsFor(mode, "native", plan.years[0]));
        for (const year of plan.years) {
          // Indicatori and Obiettivi once per fill and mode (in a different year in view each fill).
          const checks =
            year === plan.years[fill % plan.years.length] ? [...layout.tables, ...layout.dashboard] : layout.dashboard;
          const values = new Map<string, Map<string, Scalar>>();
          for (const run of runs) {
            const settings = settingsFor(mode, run.formulaMode, year);
            const wb = buildWorkbook(plan, settings, actuals);
            const outcome = compare(wb, checks, actuals, settings, byYear, { blanks: run.blanks });
            values.set(run.name, outcome.values);
            compared += outcome.values.size;
            mismatches.push(...outcome.mismatches.map((m) => ({ ...m, about: `${m.about}; riempimento ${fill}` })));
          }
          const native = values.get("native/null")!;
          for (const run of runs.filter((r) => r.name !== "native/null")) {
            const other = values.get(run.name)!;
            for (const check of checks) {
              const v = native.get(check.cell)!;
              const w = other.get(check.cell)!;
              crossCompared++;
              if (!sameCell(v, w)) {
                betweenModes.push(
                  `${check.cell} (${mode}, anno ${year}, riempimento ${fill}): native ${show(v)}, ${run.name} ${show(w)}`,
                );
              }
            }
          }
          for (const check of checks) {
            const v = native.get(check.cell)!;
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
    const runsPerFill = SCORING_MODES.length * FORMULA_MODES.length * BLANK_SEMANTICS.length;
    expect(compared).toBe(perFill * FILLS * runsPerFill);
    expect(crossCompared).toBe(
      (compared * (runsPerFill / SCORING_MODES.length - 1)) / (runsPerFill / SCORING_MODES.length),
    );

    // The fills reach every outcome, so agreement is not agreement on blanks.
    for (const what of [
      "score 0",
      "score 1",
      "score between",
      "Indicatori Raggiunto",
      "Indicatori Parzialmente raggiunto",
      "Indicatori Non raggiunto",
      "Indicatori n.d.",
      "Indicatori Consuntivo non valido",
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

  test("sorting Indicatori or Obiettivi rows changes no roll-up (sums by key, look-ups by number)", () => {
    const order = seededRandom(SEED + 1);
    const indicatorRows = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
    fills.slice(0, 6).forEach((actuals, fill) => {
      for (const formulaMode of FORMULA_MODES) {
        const settings = settingsFor(pick(order, SCORING_MODES), formulaMode, pick(order, plan.years));
        const byYear = expectedByYear(actuals, settings);
        const built = buildWorkbook(plan, settings, actuals);
        const sortedIndicators = permuteTableRows(built, TABLES.indicators, permutation(indicatorRows, order));
        // Obiettivi keep their place here, so their cells are checked where they are.
        const objectiveChecks = layout.tables.filter((c) => c.sheet === SHEETS.objectives);
        const outcome = compare(sortedIndicators, [...objectiveChecks, ...layout.dashboard], actuals, settings, byYear);
        expect({ fill, formulaMode, mismatches: outcome.mismatches.slice(0, 5) }).toEqual({
          fill,
          formulaMode,
          mismatches: [],
        });
        const sortedBoth = permuteTableRows(
          sortedIndicators,
          TABLES.objectives,
          permutation(plan.objectives.length, order),
        );
        const dashboard = compare(sortedBoth, layout.dashboard, actuals, settings, byYear);
        expect({ fill, formulaMode, mismatches: dashboard.mismatches.slice(0, 5) }).toEqual({
          fill,
          formulaMode,
          mismatches: [],
        });
      }
    });
  });

  test("the permutation moves the rows (the test above can fail)", () => {
    const settings = settingsFor("proporzionale", "native", plan.years[0]);
    const built = buildWorkbook(plan, settings, fills[0]);
    const indicatorRows = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
    const order = permutation(indicatorRows, seededRandom(SEED + 2));
    const sorted = permuteTableRows(built, TABLES.indicators, order);
    const ind = table(built, TABLES.indicators);
    const i = order.findIndex((to, from) => to !== from);
    const header = HEADERS.score(plan.years[0]);
    const before = new WorkbookEvaluator(built).value(SHEETS.indicators, address(ind, i, header));
    const after = new WorkbookEvaluator(sorted).value(SHEETS.indicators, address(ind, order[i], header));
    expect(after).toEqual(before);
    // A roll-up by position would now read another objective's indicators: SUMIFS by number does not.
    const wrong = structuredClone(sorted);
    const objRows = wrong.sheets.find((s) => s.name === SHEETS.objectives)!.tables[0].rows;
    const obj = table(wrong, TABLES.objectives);
    const column = obj.headers.indexOf(HEADERS.indicatorsScoredWeight(plan.years[0]));
    const scoredLetter = ind.headers.indexOf(HEADERS.scoredWeight(plan.years[0]));
    expect(column).toBeGreaterThan(0);
    expect(scoredLetter).toBeGreaterThan(0);
    const first = plan.objectives[0].indicators.length;
    objRows[0][column] = {
      formula: `=SUMPRODUCT(${SHEETS.indicators}!${cellAddress(1, scoredLetter)}:${cellAddress(first, scoredLetter)})`,
    };
    const byYear = expectedByYear(fills[0], settings);
    expect(compare(wrong, layout.tables, fills[0], settings, byYear).mismatches.length).toBeGreaterThan(0);
  });

  test.each(BLANK_SEMANTICS)(
    "PIRA formulas before the functions load (blanks as %s): #NAME? stays visible, statuses explain, roll-ups stay numbers",
    (blanks: BlankSemantics) => {
      const actuals = fills[0];
      const settings = settingsFor("proporzionale", "pira", plan.years[0]);
      const wb = buildWorkbook(plan, settings, actuals);
      const ev = new WorkbookEvaluator(wb, { blanks, customFunctions: false });
      const ind = table(wb, TABLES.indicators);
      const year = plan.years[0];
      const key = String(year);
      let typed = 0;
      plan.objectives
        .flatMap((o) => o.indicators)
        .forEach((indicator, i) => {
          const score = ev.value(SHEETS.indicators, address(ind, i, HEADERS.score(year)));
          const status = ev.value(SHEETS.indicators, address(ind, i, HEADERS.status(year)));
          const actual = actuals[indicator.id]?.[key] ?? null;
          const blank = actual === null || (typeof actual === "string" && actual.trim() === "");
          if (blank || !indicator.targets[key]) {
            expect({ id: indicator.id, score, status }).toEqual({ id: indicator.id, score: "", status: "n.d." });
          } else {
            typed++;
            expect({ id: indicator.id, score: show(score), status }).toEqual({
              id: indicator.id,
              score: "#NAME?",
              status: FUNCTIONS_NOT_LOADED,
            });
          }
        });
      expect(typed).toBeGreaterThan(10);
      // No indicator is scored, so nothing is covered: the roll-ups say so with numbers, not errors.
      const obj = table(wb, TABLES.objectives);
      plan.objectives.forEach((o, i) => {
        expect(ev.value(SHEETS.objectives, address(obj, i, HEADERS.score(year)))).toBe("");
        expect(ev.value(SHEETS.objectives, address(obj, i, HEADERS.coverage(year)))).toBe(0);
      });
      expect(ev.value(SHEETS.dashboard, DASHBOARD_CHAMBER.score)).toBe("");
      expect(ev.value(SHEETS.dashboard, DASHBOARD_CHAMBER.coverage)).toBe(0);
      expect(ev.value(SHEETS.dashboard, DASHBOARD_CHAMBER.status)).toBe("n.d.");
    },
  );

  test("blanks as 0 catch a PIRA score formula without the blank guard (the agreement above can fail)", () => {
    const settings = settingsFor("proporzionale", "pira", plan.years[0]);
    const wb = buildWorkbook(plan, settings, {});
    const ind = wb.sheets.find((s) => s.name === SHEETS.indicators)!.tables[0];
    const column = ind.columns.findIndex((c) => c.header === HEADERS.score(plan.years[0]));
    const target = ind.columns.findIndex((c) => c.header === HEADERS.target(plan.years[0]));
    const actual = ind.columns.findIndex((c) => c.header === HEADERS.actual(plan.years[0]));
    // The formula of before: no guard, and IFERROR hiding every error.
    ind.rows.forEach((row, i) => {
      row[column] = {
        formula: `=IFERROR(PIRA.SCORE(${cellAddress(i + 1, target)},${cellAddress(i + 1, actual)},PIRA_Modalita),"")`,
      };
    });
    const byYear = expectedByYear({}, settings);
    const checks = layout.tables.filter((c) => c.sheet === SHEETS.indicators);
    expect(compare(wb, checks, {}, settings, byYear, { blanks: "null" }).mismatches).toEqual([]);
    // On Excel desktop every empty consuntivo would be scored ("0 N." met, ">= 13 N." missed).
    expect(compare(wb, checks, {}, settings, byYear, { blanks: "zero" }).mismatches.length).toBeGreaterThan(40);
  });
});
