// The .xlsx that `pira build` writes, recalculated by a real spreadsheet engine (LibreOffice Calc
// headless), shows for every indicator, objective, area and the chamber exactly what the domain
// engine computes for the same actuals: every year, every scoring mode, and after a user changes
// the settings cells (mode, year in view) in the workbook itself.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writeXlsx } from "../../src/xlsx";
import { isoToSerial } from "../../src/domain/dates";
import type { Actual, Actuals, Plan } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { scorePlan } from "../../src/domain/rollup";
import { defaultSettings, SCORING_MODES, type ScoringMode, type Settings } from "../../src/domain/settings";
import { excelScaleValue } from "../../src/domain/targets";
import { buildWorkbook } from "../../src/workbook/build";
import { DASHBOARD_CHAMBER, HEADERS, SHEETS, TABLES } from "../../src/workbook/layout";
import { columnLetter, parseCell } from "../../src/workbook/address";
import type { WorkbookDescription } from "../../src/workbook/types";
import { readComputed, recalculate, type Computed, type ComputedWorkbook } from "../helpers/libreoffice";
import { permutation, permuteTableRows } from "../helpers/permute";
import { seededRandom } from "../helpers/random";
import { sampleText } from "../helpers/sample";

const plan: Plan = readCruscotto(sampleText());
const TOLERANCE = 1e-9;

/**
 * Actuals for every indicator and year: blanks, zeros, negatives, exact hits, misses and
 * overshoots on Excel's scale (82 % is 0.82); for deadlines completion dates around the deadline
 * (date-times too), SI/NO in several spellings; a few texts that are not actuals at all. No
 * booleans: LibreOffice has none (TRUE is 1 in a boolean format, and a deadline's date format
 * hides it), which is why the CSV import turns VERO/FALSO for deadlines into SI/NO.
 */
function randomActuals(seed: number, blankRate = 0.1): Actuals {
  const next = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const actuals: Actuals = {};
  for (const indicator of plan.objectives.flatMap((o) => o.indicators)) {
    for (const year of plan.years) {
      const target = indicator.targets[String(year)] ?? null;
      const r = next();
      let actual: Actual;
      if (r < 0.1 || next() < (blankRate - 0.1) / 0.9) continue;
      if (target?.kind === "deadline") {
        const deadline = isoToSerial(target.deadline!);
        if (r < 0.6) actual = deadline + Math.round((next() - 0.5) * 120);
        else if (r < 0.65) actual = deadline + 0.5;
        else actual = pick(["SI", "NO", "si", "Sì", "no", "NO "]);
      } else {
        const t = target ? (excelScaleValue(target) ?? 1) : 1;
        if (r < 0.16) actual = 0;
        else if (r < 0.22) actual = -next() * Math.max(Math.abs(t), 1) * 2;
        else if (r < 0.28) actual = t;
        else if (r < 0.3) actual = pick(["n.d.", "circa 5"]);
        else actual = t * (next() * 1.6) + (t === 0 ? next() * 3 - 1 : 0);
      }
      (actuals[indicator.id] ??= {})[String(year)] = actual;
    }
  }
  return actuals;
}

const actuals = randomActuals(20231031);

interface Variant {
  file: string;
  /** The actuals typed in it (the shared random fill unless said otherwise). */
  actuals?: Actuals;
  settings: Settings;
  description: WorkbookDescription;
  /** Settings cells a user changes in the built workbook before it is recalculated. */
  edits?: { mode: ScoringMode; year: number };
}

function settingsFor(mode: ScoringMode, year: number): Settings {
  return { ...defaultSettings(plan), mode, year, formulaMode: "native" };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "pira-agreement-"));
const variants: Variant[] = SCORING_MODES.flatMap((mode) =>
  plan.years.map((year) => {
    const settings = settingsFor(mode, year);
    return {
      file: path.join(work, `${mode}-${year}.xlsx`),
      settings,
      description: buildWorkbook(plan, settings, actuals),
    };
  }),
);
// Built with the defaults, then switched to binario and 2025 in the Impostazioni sheet.
const edited: Variant = {
  file: path.join(work, "modificato.xlsx"),
  settings: settingsFor("binario", 2025),
  description: buildWorkbook(plan, settingsFor("proporzionale", 2023), actuals),
  edits: { mode: "binario", year: 2025 },
};

// A partial fill (about 15 % of the consuntivi typed): coverage compounds down the tree.
const sparseActuals = randomActuals(20240101, 0.85);
const sparse: Variant = {
  file: path.join(work, "parziale.xlsx"),
  actuals: sparseActuals,
  settings: settingsFor("proporzionale", 2023),
  description: buildWorkbook(plan, settingsFor("proporzionale", 2023), sparseActuals),
};
// Indicatori and Obiettivi rows sorted another way, as a user sorting the tables would: the
// roll-ups sum by key and the Cruscotto looks objectives up by number.
const sortedRng = seededRandom(7);
const sorted: Variant = {
  file: path.join(work, "ordinati.xlsx"),
  settings: settingsFor("lineare", 2024),
  description: permuteTableRows(
    permuteTableRows(
      buildWorkbook(plan, settingsFor("lineare", 2024), actuals),
      TABLES.indicators,
      permutation(
        plan.objectives.reduce((n, o) => n + o.indicators.length, 0),
        sortedRng,
      ),
    ),
    TABLES.objectives,
    permutation(plan.objectives.length, sortedRng),
  ),
};
const extra = [sparse, sorted];

async function applyEdits(buffer: Buffer, edits: { mode: ScoringMode; year: number }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const settingsSheet = wb.getWorksheet(SHEETS.settings)!;
  const label = (text: string): ExcelJS.Cell => {
    let found: ExcelJS.Cell | undefined;
    settingsSheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === text) found = cell;
      }),
    );
    if (!found) throw new Error(`Etichetta «${text}» non trovata in Impostazioni`);
    return settingsSheet.getCell(Number(found.row), Number(found.col) + 1);
  };
  label("Anno in vista").value = edits.year;
  label("Modalità di punteggio").value = edits.mode;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let computedByFile: Map<string, ComputedWorkbook>;

beforeAll(async () => {
  for (const v of [...variants, edited, ...extra]) {
    let buffer = await writeXlsx(v.description);
    if (v.edits) buffer = await applyEdits(buffer, v.edits);
    fs.writeFileSync(v.file, buffer);
  }
  const outputs = recalculate(
    [...variants, edited, ...extra].map((v) => v.file),
    path.join(work, "ricalcolati"),
  );
  computedByFile = new Map();
  for (let i = 0; i < outputs.length; i++) {
    computedByFile.set([...variants, edited, ...extra][i].file, await readComputed(outputs[i]));
  }
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The A1 address of body row `row` (0-based) in the column headed `header` of a table. */
function tableCell(description: WorkbookDescription, tableName: string, header: string, row: number): string {
  for (const sheet of description.sheets) {
    const table = sheet.tables.find((t) => t.name === tableName);
    if (!table) continue;
    const column = table.columns.findIndex((c) => c.header === header);
    if (column < 0) throw new Error(`Colonna «${header}» assente in ${tableName}`);
    const top = parseCell(table.topLeft);
    return `${columnLetter(top.column + column)}${top.row + 2 + row}`;
  }
  throw new Error(`Tabella ${tableName} assente`);
}

/** The chamber's score, coverage and status cells. */
function chamberCells(): [string, string, string] {
  return [DASHBOARD_CHAMBER.score, DASHBOARD_CHAMBER.coverage, DASHBOARD_CHAMBER.status];
}

function expectScore(computed: Computed | undefined, expected: number | null, where: string): void {
  if (expected === null) {
    expect({ where, value: computed ?? "" }).toEqual({ where, value: "" });
  } else {
    expect({ where, type: typeof computed }).toEqual({ where, type: "number" });
    if (Math.abs((computed as number) - expected) > TOLERANCE) {
      throw new Error(`${where}: LibreOffice ${String(computed)}, dominio ${expected}`);
    }
  }
}

function expectText(computed: Computed | undefined, expected: string, where: string): void {
  expect({ where, value: computed }).toEqual({ where, value: expected });
}

function checkIndicatorsAndObjectives(v: Variant, sheets: ComputedWorkbook, year: number, mode: ScoringMode): void {
  const expected = scorePlan(plan, v.actuals ?? actuals, year, { ...v.settings, mode });
  const indicators = sheets.get(SHEETS.indicators)!;
  const all = plan.objectives.flatMap((o) => o.indicators);
  all.forEach((indicator, i) => {
    const e = expected.indicators[i];
    expect(e.id).toBe(indicator.id);
    const where = `${path.basename(v.file)} ${indicator.id} ${year}`;
    const scoreAt = tableCell(v.description, TABLES.indicators, HEADERS.score(year), i);
    const statusAt = tableCell(v.description, TABLES.indicators, HEADERS.status(year), i);
    expectScore(indicators.get(scoreAt), e.score, `${where} punteggio ${scoreAt}`);
    // The domain's status says why a typed actual has no score, as the workbook does.
    expectText(indicators.get(statusAt), e.status, `${where} stato ${statusAt}`);
  });
  const objectives = sheets.get(SHEETS.objectives)!;
  expected.objectives.forEach((o, i) => {
    const where = `${path.basename(v.file)} obiettivo ${o.number} ${year}`;
    expectScore(objectives.get(tableCell(v.description, TABLES.objectives, HEADERS.score(year), i)), o.score, where);
    expectScore(
      objectives.get(tableCell(v.description, TABLES.objectives, HEADERS.coverage(year), i)),
      o.coverage,
      `${where} copertura`,
    );
    expectText(
      objectives.get(tableCell(v.description, TABLES.objectives, HEADERS.status(year), i)),
      o.status,
      `${where} stato`,
    );
  });
}

function checkDashboard(v: Variant, sheets: ComputedWorkbook): void {
  const expected = scorePlan(plan, v.actuals ?? actuals, v.settings.year, v.settings);
  const dashboard = sheets.get(SHEETS.dashboard)!;
  const name = path.basename(v.file);
  const [score, coverage, status] = chamberCells();
  expectScore(dashboard.get(score), expected.chamber.score, `${name} ente`);
  expectScore(dashboard.get(coverage), expected.chamber.coverage, `${name} ente copertura`);
  expectText(dashboard.get(status), expected.chamber.status, `${name} ente stato`);
  expected.areas.forEach((a, i) => {
    const cell = (header: string) => dashboard.get(tableCell(v.description, TABLES.dashboardAreas, header, i));
    expectScore(cell("Punteggio"), a.score, `${name} ambito ${a.code}`);
    expectScore(cell("Copertura"), a.coverage, `${name} ambito ${a.code} copertura`);
    expectText(cell("Stato"), a.status, `${name} ambito ${a.code} stato`);
  });
  expected.objectives.forEach((o, i) => {
    const cell = (header: string) => dashboard.get(tableCell(v.description, TABLES.dashboardObjectives, header, i));
    expectScore(cell("Punteggio"), o.score, `${name} cruscotto obiettivo ${o.number}`);
    expectScore(cell("Copertura"), o.coverage, `${name} cruscotto obiettivo ${o.number} copertura`);
    expectText(cell("Stato"), o.status, `${name} cruscotto obiettivo ${o.number} stato`);
  });
}

describe("LibreOffice recalculation agrees with scorePlan", () => {
  it("uses actuals of every kind: blanks, zeros, negatives, dates, SI/NO, texts", () => {
    const values = Object.values(actuals).flatMap((byYear) => Object.values(byYear));
    expect(values.filter((a) => a === 0).length).toBeGreaterThan(3);
    expect(values.filter((a) => typeof a === "number" && a < 0).length).toBeGreaterThan(3);
    expect(values.filter((a) => typeof a === "number" && a > 40000).length).toBeGreaterThan(2);
    expect(values.filter((a) => typeof a === "string" && /^s/i.test(a)).length).toBeGreaterThan(0);
    expect(values.filter((a) => typeof a === "string" && /^n\.d|circa/.test(a)).length).toBeGreaterThan(0);
    const cells = plan.objectives.flatMap((o) => o.indicators).length * plan.years.length;
    expect(values.length).toBeLessThan(cells);
  });

  const byMode = SCORING_MODES.map((mode) => [mode, variants.filter((v) => v.settings.mode === mode)] as const);
  describe.each(byMode)("%s", (mode, modeVariants) => {
    it.each(plan.years)("Indicatori and Obiettivi, %i", (year) => {
      const v = modeVariants[0];
      checkIndicatorsAndObjectives(v, computedByFile.get(v.file)!, year, mode);
    });
    it.each(modeVariants.map((v) => [v.settings.year, v] as const))("Cruscotto with %i in view", (_year, v) => {
      checkDashboard(v, computedByFile.get(v.file)!);
    });
  });

  it("follows the mode and year typed into Impostazioni after the build", () => {
    const sheets = computedByFile.get(edited.file)!;
    for (const year of plan.years) checkIndicatorsAndObjectives(edited, sheets, year, "binario");
    checkDashboard(edited, sheets);
  });

  it("a partial fill: Indicatori, Obiettivi and the Cruscotto's compounded coverage", () => {
    const sheets = computedByFile.get(sparse.file)!;
    checkIndicatorsAndObjectives(sparse, sheets, 2023, "proporzionale");
    checkDashboard(sparse, sheets);
    const chamber = scorePlan(plan, sparseActuals, 2023, sparse.settings).chamber;
    expect(chamber.coverage).toBeGreaterThan(0);
    expect(chamber.coverage).toBeLessThan(0.5);
  });

  it("rows sorted in Indicatori and Obiettivi: the Cruscotto shows the same numbers", () => {
    checkDashboard(sorted, computedByFile.get(sorted.file)!);
  });
});
