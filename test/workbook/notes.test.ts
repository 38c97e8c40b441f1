// Notes di scostamento: one «Nota YYYY» column per year (user text, unlocked, wrapped), the amber
// rule on a missing note, the count in Diagnostica, read back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import type { Notes } from "../../src/domain/match";
import { missingNotes, needsNote } from "../../src/domain/notes";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings, type Settings } from "../../src/domain/settings";
import { cellAddress, columnLetter } from "../../src/workbook/address";
import { buildWorkbook } from "../../src/workbook/build";
import { noteMissingRule } from "../../src/workbook/formulas";
import { DIAGNOSTIC_NOTES, HEADERS, SHEETS, TABLES, indicatorLayout } from "../../src/workbook/layout";
import { notesFromTable, workbookActuals } from "../../src/workbook/read";
import { isEditable } from "../../src/workbook/types";
import { WorkbookEvaluator } from "../helpers/formulaEvaluator";
import { sampleText } from "../helpers/sample";
import { placedTable } from "../helpers/workbookTables";

const plan = readCruscotto(sampleText());
const csv = readFileSync(path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv"), "utf8");
const { actuals } = parseActualsCsv(csv, plan);
const ids = plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
// Every third typed consuntivo gets a note, one of them a would-be formula; one note has no actual.
const notes: Notes = {};
Object.keys(actuals)
  .filter((_, i) => i % 3 === 0)
  .forEach((id, i) => ((notes[id] ??= {})["2023"] = i === 0 ? "=SOMMA(A1:A3) ritardo" : `Nota ${id}\nsu due righe`));
const unfilled = ids.find((id) => actuals[id] === undefined)!;
notes[unfilled] = { "2024": "Previsto ritardo" };

describe.each(["native", "pira"] as const)("notes in %s formula mode", (formulaMode) => {
  const settings: Settings = { ...defaultSettings(plan), formulaMode };
  const wb = buildWorkbook(plan, settings, actuals, { notes });
  const layout = indicatorLayout(plan.years);
  const indicators = wb.sheets.find((s) => s.name === SHEETS.indicators)!;
  const table = indicators.tables[0];

  it("has an unlocked, wrapped text column «Nota YYYY» per year, after every other column", () => {
    expect([...layout.notes.values()]).toEqual(plan.years.map((_, i) => layout.columns.length - plan.years.length + i));
    for (const year of plan.years) {
      const note = layout.notes.get(year)!;
      expect(table.columns[note]).toMatchObject({ header: HEADERS.note(year), numberFormat: "@", wrap: true });
      expect(isEditable(table.columns[note])).toBe(true);
    }
  });

  it("writes every note as the text typed, never a formula", () => {
    expect(notesFromTable(placedTable(wb, TABLES.indicators), plan.years)).toEqual(notes);
    const read = workbookActuals(placedTable(wb, TABLES.indicators));
    expect(read.notes).toEqual(notes);
    expect(read.actuals).toEqual(actuals);
  });

  /** The note rule of a year as Excel applies it to row r (0-based body row): relative rows shift. */
  function ruleAt(year: number, r: number): string {
    const col = layout.perYear.get(year)!;
    const at = (c: number) => cellAddress(r + 1, c);
    return noteMissingRule(at(col.actual), at(col.status), at(layout.notes.get(year)!));
  }

  it("colours a note cell amber, on the note column only, with one rule per year", () => {
    const rules = indicators.conditionalFormats.filter((c) => c.meaning === "amber" && c.formula.includes("TRIM("));
    expect(rules).toHaveLength(plan.years.length);
    for (const [yi, year] of plan.years.entries()) {
      const note = layout.notes.get(year)!;
      expect(rules[yi].range).toBe(`${cellAddress(1, note)}:${cellAddress(ids.length, note)}`);
      // The rule evaluated below, anchored: actual and status columns fixed, rows relative.
      const col = layout.perYear.get(year)!;
      const anchored = (c: number) => `$${columnLetter(c)}2`;
      expect(rules[yi].formula).toBe(noteMissingRule(anchored(col.actual), anchored(col.status), cellAddress(1, note)));
    }
  });

  if (formulaMode === "native") {
    it("marks exactly where the domain needs a note and none is written, and counts them in Diagnostica", () => {
      const ev = new WorkbookEvaluator(wb);
      const expected = new Set(missingNotes(plan, actuals, notes, settings).map((m) => `${m.indicator.id}/${m.year}`));
      expect(expected.size).toBeGreaterThan(0);
      const marked = new Set<string>();
      ids.forEach((id, r) => {
        for (const year of plan.years) {
          const value = ev.evaluate(ruleAt(year, r), SHEETS.indicators);
          expect(typeof value).toBe("boolean");
          if (value === true) marked.add(`${id}/${year}`);
        }
      });
      expect([...marked].sort()).toEqual([...expected].sort());
      plan.years.forEach((year, yi) => {
        expect(ev.value(SHEETS.diagnostics, cellAddress(1 + yi, DIAGNOSTIC_NOTES.column))).toBe(year);
        const count = ev.value(SHEETS.diagnostics, cellAddress(1 + yi, DIAGNOSTIC_NOTES.column + 1));
        expect(count).toBe([...expected].filter((k) => k.endsWith(`/${year}`)).length);
      });
    });
  }
});

test("needsNote: typed and short of «Raggiunto», or with no score at all", () => {
  const settings = defaultSettings(plan);
  const byId = new Map(plan.objectives.flatMap((o) => o.indicators.map((i) => [i.id, i] as const)));
  // 1.1 ">= 13 N.": 13 met, 6.5 partial, a word is a wrong actual; no actual needs no note.
  const rows: [string, unknown, boolean][] = [
    ["1.1", 13, false],
    ["1.1", 6.5, true],
    ["1.1", "forse", true],
    ["1.1", null, false],
  ];
  for (const [id, actual, expected] of rows)
    expect(needsNote(byId.get(id)!, 2023, { [id]: { "2023": actual as number } }, settings)).toBe(expected);
});
