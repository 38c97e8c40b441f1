// The A1 → R1C1 converter (src/workbook/r1c1.ts) against the fake's own R1C1 → A1 reading
// (test/fakes/formulaFill.ts): worked examples, every body cell of the sample's and the 100×
// workbook description, and random formulas (fast-check).
import fc from "fast-check";
import { toR1C1, uniformR1C1 } from "../../src/workbook/r1c1";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { parseCell, columnLetter } from "../../src/workbook/address";
import { buildWorkbook } from "../../src/workbook/build";
import { isFormula, type WorkbookDescription } from "../../src/workbook/types";
import { fillA1, r1c1ToA1 } from "../fakes/formulaFill";
import { createRecordingExcel } from "../fakes/recordingExcel";
import { sampleText } from "../helpers/sample";
import { syntheticCruscotto } from "../helpers/synthetic";

describe("toR1C1 (worked examples, written in the cell named)", () => {
  const cases: [string, string, string][] = [
    ["C5", "=A1", "=R[-4]C[-2]"],
    ["C5", "=$A$1", "=R1C1"],
    ["C5", "=$A1+A$1", "=R[-4]C1+R1C[-2]"],
    ["C5", "=SUM(C2:C4)", "=SUM(R[-3]C:R[-1]C)"],
    ["B2", "=Obiettivi!$AA$2:$AA$8", "=Obiettivi!R2C27:R8C27"],
    ["B2", "='Il mio foglio'!A1&'l''altro'!$B3", "='Il mio foglio'!R[-1]C[-1]&'l''altro'!R[1]C2"],
    ["D2", "=SUM(A:A)+COUNT($B:$C)", "=SUM(C[-3]:C[-3])+COUNT(C2:C3)"],
    ["F4", '=IF([@Consuntivo]="","",MIN(1,[@Consuntivo]/[@[Valore target]]))', null as unknown as string],
    ["A1", '=IF(B1="A1","$C$3",LOG10(B1))', '=IF(RC[1]="A1","$C$3",LOG10(RC[1]))'],
    ["A1", "=PIRA_Ind_Peso+Q1!B2+tbl[[#This Row],[A1]]", "=PIRA_Ind_Peso+Q1!R[1]C[1]+tbl[[#This Row],[A1]]"],
    ["A1", "=XFE1+A1048577", "=XFE1+A1048577"],
    ["A1", "=1E5+B2", "=1E5+R[1]C[1]"],
  ];
  cases[7][2] = cases[7][1]; // structured references only: unchanged
  it.each(cases)("in %s, %s is %s", (at, a1, r1c1) => {
    const { row, column } = parseCell(at);
    expect(toR1C1(a1, row, column)).toBe(r1c1);
    expect(r1c1ToA1(r1c1, row, column)).toBe(a1);
  });

  it("gives up on whole rows, which it does not convert", () => {
    expect(toR1C1("=SUM(2:2)", 0, 0)).toBeNull();
  });

  it("finds one formula for a uniform column, none for a column of other shapes", () => {
    expect(uniformR1C1(["=A2*2", "=A3*2", "=A4*2"], 1, 1)).toBe("=RC[-1]*2");
    expect(uniformR1C1(["=A2*2", "=A2*2"], 1, 1)).toBeNull();
    expect(uniformR1C1(["=$A$2:$A$3", "=$A$4:$A$9"], 1, 1)).toBeNull();
  });
});

/** Every formula cell of the tables of `wb`, with its 0-based position. */
function bodyFormulas(wb: WorkbookDescription): { formula: string; row: number; column: number }[] {
  return wb.sheets.flatMap((sheet) =>
    sheet.tables.flatMap((table) => {
      const top = parseCell(table.topLeft);
      return table.rows.flatMap((row, r) =>
        row.flatMap((cell, c) =>
          isFormula(cell) ? [{ formula: cell.formula, row: top.row + 1 + r, column: top.column + c }] : [],
        ),
      );
    }),
  );
}

describe.each([
  ["the sample's", () => readCruscotto(sampleText())],
  ["the 100× plan's", () => readCruscotto(syntheticCruscotto(100))],
])("%s workbook description", (_, plan) => {
  const p = plan();
  const wbs = [buildWorkbook(p, defaultSettings(p)), buildWorkbook(p, { ...defaultSettings(p), formulaMode: "pira" })];

  it("reads back, converted and read at its own cell, as the original A1 formula in every body cell", () => {
    let cells = 0;
    const wrong: string[] = [];
    for (const wb of wbs) {
      for (const { formula, row, column } of bodyFormulas(wb)) {
        cells++;
        const r1c1 = toR1C1(formula, row, column);
        if (r1c1 === null || r1c1ToA1(r1c1, row, column) !== formula) wrong.push(`${columnLetter(column)}${row + 1}`);
        // No A1 reference is left behind outside strings and brackets.
        else if (/(^|[^A-Za-z0-9_.!'"\]])\$?[A-Z]{1,3}\$?[0-9]+(?![0-9(A-Za-z_])/.test(stripQuoted(r1c1))) {
          wrong.push(`${columnLetter(column)}${row + 1} ${r1c1.slice(0, 80)}`);
        }
      }
    }
    expect(cells).toBeGreaterThan(100);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

/**
 * `formula` without its string literals, its R1C1 references and its bracketed parts (where
 * A1-looking text is text): what is left must hold no A1 reference.
 */
function stripQuoted(formula: string): string {
  return formula
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?|C(\[-?\d+\]|\d+)?(?=:C)|(?<=:)C(\[-?\d+\]|\d+)?/g, "#")
    .replace(/\[[^\]]*\]?\]/g, "[]");
}

// Random formulas from the pieces ours are made of.
const column = fc.integer({ min: 0, max: 60 });
const row = fc.integer({ min: 0, max: 6000 });
const cellRef = fc
  .record({ c: column, r: row, ca: fc.boolean(), ra: fc.boolean() })
  .map(({ c, r, ca, ra }) => `${ca ? "$" : ""}${columnLetter(c)}${ra ? "$" : ""}${r + 1}`);
const reference = fc.oneof(
  cellRef,
  fc.tuple(cellRef, cellRef).map(([a, b]) => `${a}:${b}`),
  fc.tuple(column, column, fc.boolean()).map(([a, b, abs]) => {
    const d = abs ? "$" : "";
    return `${d}${columnLetter(a)}:${d}${columnLetter(b)}`;
  }),
  fc
    .tuple(fc.constantFrom("Obiettivi", "Indicatori", "'Il mio foglio'", "'l''altro'", "Q1"), cellRef)
    .map(([s, r]) => `${s}!${r}`),
);
const other = fc.constantFrom(
  '"A1"',
  '"$B$2:C3"',
  "[@Consuntivo]",
  "tblIndicatori[[#This Row],[Peso]]",
  "PIRA_Ind_Peso",
  "LOG10(2)",
  "TRUE",
  "1E5",
  "0.5",
  '">0"',
);
const formula = fc
  .array(fc.oneof(reference, other), { minLength: 1, maxLength: 8 })
  .chain((parts) =>
    fc
      .array(fc.constantFrom("+", "-", "*", ",", "&", "="), { minLength: parts.length, maxLength: parts.length })
      .map((ops) => `=F(${parts.map((p, i) => (i === 0 ? p : `${ops[i]}${p}`)).join("")})`),
  );

describe("random formulas (fast-check)", () => {
  it("read back as themselves from R1C1, in any cell whose references stay on the sheet", () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 60 }), (f, r, c) => {
        const r1c1 = toR1C1(f, r, c);
        expect(r1c1).not.toBeNull();
        expect(r1c1ToA1(r1c1 as string, r, c)).toBe(f);
      }),
      { numRuns: 2000 },
    );
  });

  it("are one R1C1 formula down a filled column (the fake's fill and the converter agree)", () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 1, max: 50 }), (f, rows) => {
        const filled = Array.from({ length: rows }, (_, r) => fillA1(f, r, 0));
        const one = uniformR1C1(filled, 0, 0);
        expect(one).toBe(toR1C1(f, 0, 0));
        filled.forEach((a1, r) => expect(r1c1ToA1(one as string, r, 0)).toBe(a1));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the recording fake's single-value writes", () => {
  it("fills an A1 formula over a range like Excel, and reads R1C1 at each cell", async () => {
    const fake = createRecordingExcel();
    const sheet = fake.context.workbook.worksheets.getItem("Foglio1");
    sheet.getRange("B1:C3").formulas = "=A1*$A$1" as unknown as string[][];
    sheet.getRange("D1:D3").formulasR1C1 = "=RC[-3]+R1C1" as unknown as string[][];
    await fake.context.sync();
    const s = fake.workbook.sheet("Foglio1");
    expect(["B1", "C1", "B3", "C3"].map((a) => s.cell(a).formula)).toEqual([
      "=A1*$A$1",
      "=B1*$A$1",
      "=A3*$A$1",
      "=B3*$A$1",
    ]);
    expect(["D1", "D2", "D3"].map((a) => s.cell(a).formula)).toEqual(["=A1+$A$1", "=A2+$A$1", "=A3+$A$1"]);
  });
});
