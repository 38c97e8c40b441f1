// Notes di scostamento: one «Nota YYYY» column per year (user text, unlocked, wrapped), its
// «Controllo nota YYYY» check, the amber rule on the note, the count in Diagnostica, read back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseActualsCsv } from "../../src/domain/actualsCsv";
import type { Notes } from "../../src/domain/match";
import { missingNotes, needsNote } from "../../src/domain/notes";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings, type Settings } from "../../src/domain/settings";
import { cellAddress } from "../../src/workbook/address";
import { buildWorkbook } from "../../src/workbook/build";
import { DIAGNOSTIC_NOTES, HEADERS, NOTE_MISSING, SHEETS, TABLES, indicatorLayout } from "../../src/workbook/layout";
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

  it("has an unlocked, wrapped text column «Nota YYYY» and a computed check per year, after every other column", () => {
    const first = Math.min(...[...layout.notes.values()].map((n) => n.note));
    expect(first).toBe(layout.columns.length - 2 * plan.years.length);
    for (const year of plan.years) {
      const { note, check } = layout.notes.get(year)!;
      expect(table.columns[note]).toMatchObject({ header: HEADERS.note(year), numberFormat: "@", wrap: true });
      expect(isEditable(table.columns[note])).toBe(true);
      expect(table.columns[check]).toMatchObject({ header: HEADERS.noteCheck(year), role: "formula" });
    }
  });

  it("writes every note as the text typed, never a formula", () => {
    expect(notesFromTable(placedTable(wb, TABLES.indicators), plan.years)).toEqual(notes);
    const read = workbookActuals(placedTable(wb, TABLES.indicators));
    expect(read.notes).toEqual(notes);
    expect(read.actuals).toEqual(actuals);
  });

  it("colours a note cell amber only through its check", () => {
    const rules = indicators.conditionalFormats.filter((c) => c.formula.includes(NOTE_MISSING));
    expect(rules).toHaveLength(plan.years.length);
    for (const [yi, year] of plan.years.entries()) {
      const { note, check } = layout.notes.get(year)!;
      expect(rules[yi].range).toBe(`${cellAddress(1, note)}:${cellAddress(ids.length, check)}`);
      expect(rules[yi].meaning).toBe("amber");
    }
  });

  if (formulaMode === "native") {
    it("marks «nota mancante» exactly where the domain needs a note and none is written, and counts them in Diagnostica", () => {
      const ev = new WorkbookEvaluator(wb);
      const expected = new Set(missingNotes(plan, actuals, notes, settings).map((m) => `${m.indicator.id}/${m.year}`));
      expect(expected.size).toBeGreaterThan(0);
      const marked = new Set<string>();
      ids.forEach((id, r) => {
        for (const year of plan.years) {
          const value = ev.value(SHEETS.indicators, cellAddress(r + 1, layout.notes.get(year)!.check));
          expect(["", NOTE_MISSING]).toContain(value);
          if (value === NOTE_MISSING) marked.add(`${id}/${year}`);
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
