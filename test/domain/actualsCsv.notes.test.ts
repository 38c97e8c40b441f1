// The optional «nota» column of the actuals CSV: read, written, and a round trip.
import { formatActualsCsv, parseActualsCsv, type CsvSeparator } from "../../src/domain/actualsCsv";
import type { Notes } from "../../src/domain/match";
import type { Actuals } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { sampleText } from "../helpers/sample";

const plan = readCruscotto(sampleText());

describe("parseActualsCsv with a note column", () => {
  const rows: [string, string, Actuals, Notes][] = [
    [
      "Italian header with «nota»; a note without actual; a row ending after the consuntivo",
      'indicatore;anno;consuntivo;nota\r\n1.1;2023;6,5;"Ritardo; fornitore"\r\n1.2;2024;;Slitta al 2025\r\n2.2;2023;80%\r\n',
      { "1.1": { "2023": 6.5 }, "2.2": { "2023": 0.8 } },
      { "1.1": { "2023": "Ritardo; fornitore" }, "1.2": { "2024": "Slitta al 2025" } },
    ],
    [
      "English header with «note»; a note that looks like a formula stays text; a line break in quotes",
      'indicator,year,actual,note\n1.1,2023,6.5,=SUM(A1)\n9.10,2024,"4,25","due\nrighe"\n',
      { "1.1": { "2023": 6.5 }, "9.10": { "2024": 4.25 } },
      { "1.1": { "2023": "=SUM(A1)" }, "9.10": { "2024": "due\nrighe" } },
    ],
  ];
  it.each(rows)("%s", (_, text, actuals, notes) => {
    const read = parseActualsCsv(text, plan);
    expect(read.problems).toEqual([]);
    expect(read.actuals).toEqual(actuals);
    expect(read.notes).toEqual(notes);
  });

  it("names a note for an unknown indicator and a five-column row", () => {
    const read = parseActualsCsv("indicatore;anno;consuntivo;nota\n99.9;2023;;x\n1.1;2023;1;x;y\n", plan);
    expect(read.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(read.problems[1].message).toMatch(/4 \(indicatore, anno, consuntivo, nota\)/);
    expect(read.notes).toEqual({});
  });

  it("refuses a fourth column of another name", () => {
    expect(parseActualsCsv("indicatore;anno;consuntivo;commento\n", plan).problems[0].message).toMatch(
      /intestazione non riconosciuta/,
    );
  });
});

describe.each([";", ","] as CsvSeparator[])("formatActualsCsv with notes (separator %s)", (separator) => {
  const actuals: Actuals = { "1.1": { "2023": 6.5 }, "2.2": { "2023": 0.825, "2024": 0.9 } };
  const notes: Notes = { "2.2": { "2023": '"Sotto"; vedi =A1' }, "1.2": { "2025": " spazi " } };

  it("adds the note column only when there are notes, and reads back the same values", () => {
    const plain = formatActualsCsv(plan, actuals, separator);
    expect(plain.split("\r\n")[0].split(separator)).toHaveLength(3);
    const text = formatActualsCsv(plan, actuals, separator, notes);
    expect(text.split("\r\n")[0].split(separator)).toHaveLength(4);
    const read = parseActualsCsv(text, plan);
    expect(read.problems).toEqual([]);
    expect(read.actuals).toEqual(actuals);
    expect(read.notes).toEqual(notes);
  });
});

describe.each([";", ","] as CsvSeparator[])(
  "a note that a spreadsheet would read as a formula (separator %s)",
  (separator) => {
    // Real notes di scostamento opening with = + - @, one already opening with an apostrophe, and
    // negative consuntivi (numbers, never touched).
    const notes: Notes = {
      "1.1": { "2023": "=troppi ritardi" },
      "9.3": { "2023": "-3 gg rispetto al target" },
      "2.2": { "2023": "@ufficio: rivedere", "2024": "+5 punti rispetto al 2023" },
      "1.2": { "2024": "'=già con apostrofo" },
      "9.10": { "2023": "\tinizia con una tabulazione" },
    };
    const actuals: Actuals = { "9.3": { "2023": -12, "2024": -10.5 }, "1.1": { "2023": 6.5 } };

    it("is written after an apostrophe, numbers as they are, and reads back as typed", () => {
      const text = formatActualsCsv(plan, actuals, separator, notes);
      const lines = text.split("\r\n");
      const row = (id: string, year: string) => lines.find((l) => l.startsWith(`${id}${separator}${year}${separator}`));
      // With commas, a decimal comma is quoted.
      const decimal = (text: string) => (separator === ";" ? text : `"${text}"`);
      expect(row("1.1", "2023")).toBe(["1.1", "2023", decimal("6,5"), "'=troppi ritardi"].join(separator));
      expect(row("9.3", "2023")).toBe(["9.3", "2023", "-12", "'-3 gg rispetto al target"].join(separator));
      expect(row("9.3", "2024")).toBe(["9.3", "2024", decimal("-10,5"), ""].join(separator));
      expect(row("2.2", "2023")).toBe(["2.2", "2023", "", "'@ufficio: rivedere"].join(separator));
      expect(row("1.2", "2024")).toBe(["1.2", "2024", "", "''=già con apostrofo"].join(separator));
      const read = parseActualsCsv(text, plan);
      expect(read.problems).toEqual([]);
      expect(read.actuals).toEqual(actuals);
      expect(read.notes).toEqual(notes);
    });
  },
);
