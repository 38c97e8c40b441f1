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
