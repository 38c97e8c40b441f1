// The Relazione's model: for the sample with the example actuals, every objective, area and the
// chamber carry the domain's scores (scorePlan), every indicator row its target, consuntivo,
// score, status and note; the plan, consuntivi and settings read back from the built workbook
// give the same report; and a year outside the plan is refused.
import * as fs from "node:fs";
import * as path from "node:path";
import { writeXlsx } from "../../src/xlsx";
import { formatActual, parseActualsCsv } from "../../src/domain/actualsCsv";
import type { Actual, Actuals } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { parseTarget } from "../../src/domain/targets";
import { isoToSerial } from "../../src/domain/dates";
import { buildReport, deviationText, percentText, ReportYearError, type Notes } from "../../src/domain/report";
import { scorePlan } from "../../src/domain/rollup";
import { defaultSettings, type Settings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { readWorkbookReport } from "../../src/xlsx/readReport";
import { sampleText } from "../helpers/sample";

// Building and reading whole workbooks takes seconds on a loaded machine.
jest.setTimeout(30_000);

const ACTUALS_PATH = path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv");
const plan = readCruscotto(sampleText());
const actuals = parseActualsCsv(fs.readFileSync(ACTUALS_PATH, "utf8"), plan).actuals;
const settings: Settings = { ...defaultSettings(plan), formulaMode: "native" };
const indicators = plan.objectives.flatMap((o) => o.indicators);

describe("buildReport on the sample with the example actuals", () => {
  const report = buildReport(plan, actuals, settings, 2023);
  const scores = scorePlan(plan, actuals, 2023, settings);
  const objectives = [...report.areas.flatMap((a) => a.objectives), ...report.unassigned];

  it("has every objective once, with the domain's score, coverage and status", () => {
    expect(objectives.map((o) => o.number).sort((a, b) => a - b)).toEqual(plan.objectives.map((o) => o.number));
    for (const o of objectives) {
      const expected = scores.objectives.find((s) => s.number === o.number)!;
      expect({ score: o.score, coverage: o.coverage, status: o.status }).toEqual({
        score: expected.score,
        coverage: expected.coverage,
        status: expected.status,
      });
      const source = plan.objectives.find((p) => p.number === o.number)!;
      expect([o.title, o.weightOnArea, o.areaCode]).toEqual([source.title, source.weightOnArea, source.areaCode]);
    }
  });

  it("has every area in plan order and the chamber with the domain's results", () => {
    expect(report.areas.map((a) => a.code)).toEqual(plan.areas.map((a) => a.code));
    for (const area of report.areas) {
      const expected = scores.areas.find((s) => s.code === area.code)!;
      expect([area.score, area.coverage, area.status]).toEqual([expected.score, expected.coverage, expected.status]);
    }
    expect(report.chamber).toEqual(scores.chamber);
  });

  it("has every indicator row with its target, consuntivo and the domain's score", () => {
    const rows = objectives.flatMap((o) => o.indicators);
    expect(rows.map((r) => r.id).sort()).toEqual(indicators.map((i) => i.id).sort());
    for (const row of rows) {
      const indicator = indicators.find((i) => i.id === row.id)!;
      const expected = scores.indicators.find((s) => s.id === row.id)!;
      const target = indicator.targets["2023"] ?? null;
      expect(row).toMatchObject({
        name: indicator.name,
        weight: indicator.weight,
        target: target?.text ?? null,
        actual: formatActual(actuals[row.id]?.["2023"] ?? null, target),
        score: expected.score,
        status: expected.status,
        deviation: expected.score === null ? null : deviationText(target, actuals[row.id]?.["2023"] ?? null),
        problem: null,
        note: null,
      });
    }
    expect(report.counts).toEqual({
      indicators: indicators.length,
      withActual: Object.values(actuals).filter((byYear) => byYear["2023"] !== undefined).length,
      scored: scores.indicators.filter((s) => s.score !== null).length,
    });
  });

  it("states the thresholds and the scoring mode in force", () => {
    const rules = report.rules.lines.join("\n");
    expect(rules).toContain(`«Raggiunto» da ${percentText(settings.greenFrom)}`);
    expect(rules).toContain(`«Parzialmente raggiunto» da ${percentText(settings.amberFrom)}`);
    expect(rules).toContain("metodo proporzionale");
    expect(rules).toMatch(/Copertura: peso di ciò che ha un punteggio/);
  });
});

describe("buildReport with other settings, notes and bad consuntivi", () => {
  const firstId = indicators[0].id;
  const other: Settings = { ...settings, mode: "binario", greenFrom: 0.9, amberFrom: 0.5, areaWeights: { "011": 3 } };
  const odd: Actuals = { ...actuals, [firstId]: { "2023": "molti" } };
  const notes: Notes = {
    [firstId]: { "2023": "  Ritardo dovuto al fornitore «X» & co.  " },
    [indicators[1].id]: { "2024": "altro anno" },
  };
  const report = buildReport(plan, odd, other, 2023, notes);
  const rows = report.areas.flatMap((a) => a.objectives.flatMap((o) => o.indicators));

  it("follows the mode, thresholds and area weights given", () => {
    const scores = scorePlan(plan, odd, 2023, other);
    expect(report.chamber).toEqual(scores.chamber);
    expect(report.areas.flatMap((a) => a.objectives).map((o) => o.score)).toEqual(
      scores.objectives
        .filter((o) => plan.areas.some((a) => a.code === plan.objectives.find((p) => p.number === o.number)!.areaCode))
        .map((o) => o.score),
    );
    expect(report.rules.lines.join("\n")).toContain("metodo binario");
    expect(report.rules.lines.join("\n")).toContain("011 3,00");
  });

  it("keeps the note of the year, trimmed, and says why a typed consuntivo has no score", () => {
    const first = rows.find((r) => r.id === firstId)!;
    expect(first.note).toBe("Ritardo dovuto al fornitore «X» & co.");
    expect(first.actual).toBe("molti");
    expect(first.score).toBeNull();
    expect(first.problem).toMatch(/Consuntivo non numerico: "molti"/);
    expect(rows.find((r) => r.id === indicators[1].id)!.note).toBeNull();
  });

  it("refuses a year outside the plan, naming the plan's years", () => {
    expect(() => buildReport(plan, actuals, settings, 2030)).toThrow(ReportYearError);
    expect(() => buildReport(plan, actuals, settings, 2030)).toThrow(
      "anno 2030 non nel piano: scegli tra 2023, 2024, 2025, 2026.",
    );
  });
});

describe("deviationText: consuntivo minus target in the target's unit", () => {
  const rows: [string, Actual, string | null][] = [
    [">= 700 N.", 640, "-60 N."],
    [">= 13 N.", 15, "+2 N."],
    [">= 0,40 N.", 0.38, "-0,02 N."],
    ["<= 18 gg", 21, "+3 gg"],
    ["<= 1,45 gg", "1,2", "-0,25 gg"],
    ["0 N.", 0, "0 N."],
    [">= 82,00 %", 0.795, "-2,50 punti %"],
    [">= -9,90 %", -0.042, "+5,70 punti %"],
    [">= 1.600 €", 1750.5, "+150,50 €"],
    ["Entro 31-12-2023", isoToSerial("2024-01-05"), "+5 gg di ritardo"],
    ["Entro 31-12-2023", isoToSerial("2023-12-31") + 0.75, "nei termini"],
    ["Entro 31-12-2023", "SI", null],
    ["Entro 31-12-2023", 1, null],
    ["SI", "SI", null],
    [">= 13 N.", null, null],
    [">= 13 N.", "molti", null],
  ];
  it.each(rows)("%s with %p → %p", (target, actual, expected) => {
    expect(deviationText(parseTarget(target), actual)).toBe(expected);
  });
});

describe("readWorkbookReport on the built workbook", () => {
  it("gives back the plan, consuntivi and settings, so the report is the same", async () => {
    const custom: Settings = {
      ...settings,
      formulaMode: "pira",
      year: 2024,
      greenFrom: 0.95,
      // Thresholds of no named profile: the workbook holds them in the custom profile.
      profile: "Personalizzato",
      mode: "lineare",
      areaWeights: { "011": 2, "032": 1, "012": 1, "016": 0.5 },
    };
    const read = await readWorkbookReport(await writeXlsx(buildWorkbook(plan, custom, actuals)));
    expect(read.problems).toEqual([]);
    expect(read.settings).toEqual(custom);
    expect(read.actuals).toEqual(actuals);
    expect(read.plan.areas).toEqual(plan.areas);
    expect(read.plan.years).toEqual(plan.years);
    expect(read.plan.objectives.map((o) => ({ ...o, indicators: o.indicators.map((i) => i.id) }))).toEqual(
      plan.objectives.map((o) => ({ ...o, indicators: o.indicators.map((i) => i.id) })),
    );
    for (const year of plan.years) {
      expect(buildReport(read.plan, read.actuals, read.settings, year)).toEqual(
        buildReport(plan, actuals, custom, year),
      );
    }
  });
});
