// Renaming sheets and tables inside formulas and descriptions (the swap's temporary names).
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { quoteSheetName, renameInFormula, renameSheetsAndTables, type Renames } from "../../src/workbook/rename";
import { isFormula } from "../../src/workbook/types";
import fc from "fast-check";
import { sampleText } from "../helpers/sample";

const sheets = new Map([
  ["Indicatori", "PIRA_nuovo_1"],
  ["Il mio foglio", "PIRA_nuovo_2"],
  ["Cruscotto", "Cruscotto 2024"],
]);
const tables = new Map([["tblIndicatori", "tblIndicatori_nuovo1"]]);

describe("renameInFormula", () => {
  it.each([
    ["=Indicatori!$A$1+1", "=PIRA_nuovo_1!$A$1+1"],
    ["=indicatori!A1", "=PIRA_nuovo_1!A1"],
    ["='Il mio foglio'!B2*2", "=PIRA_nuovo_2!B2*2"],
    ["=SUM(Cruscotto!C9:C12)", "=SUM('Cruscotto 2024'!C9:C12)"],
    ["=SUM(tblIndicatori[Peso])", "=SUM(tblIndicatori_nuovo1[Peso])"],
    ["=tblIndicatori[[#Headers],[Codice]]", "=tblIndicatori_nuovo1[[#Headers],[Codice]]"],
    // Text, other sheets that merely end alike, names and columns that look alike stay as they are.
    ['="Indicatori!A1"&Indicatori!A1', '="Indicatori!A1"&PIRA_nuovo_1!A1'],
    ["=MieiIndicatori!A1", "=MieiIndicatori!A1"],
    ["=xtblIndicatori[Peso]+Indicatori", "=xtblIndicatori[Peso]+Indicatori"],
    ["=[@[Indicatori!]]*tblObiettivi[Peso]", "=[@[Indicatori!]]*tblObiettivi[Peso]"],
    ["=IF(PIRA_Anno=2023,\"Indicatori\",'Altro foglio'!A1)", "=IF(PIRA_Anno=2023,\"Indicatori\",'Altro foglio'!A1)"],
    // A quoted name is a sheet only before "!"; an escaped ' inside a column name does not end the reference.
    ["='Indicatori'&Indicatori!A1", "='Indicatori'&PIRA_nuovo_1!A1"],
    ["='Il mio foglio'!A1+'Il mio foglio'", "=PIRA_nuovo_2!A1+'Il mio foglio'"],
    [
      "=tblIndicatori[[#This Row],[Col ']']]]+tblIndicatori[x]",
      "=tblIndicatori_nuovo1[[#This Row],[Col ']']]]+tblIndicatori_nuovo1[x]",
    ],
    ["=x.tblIndicatori[y]+_Indicatori!A1", "=x.tblIndicatori[y]+_Indicatori!A1"],
    ["=1+2", "=1+2"],
    // A structured reference is copied to its matching bracket, however deep.
    ["=[[[a]]Indicatori!A1]+Indicatori!A1", "=[[[a]]Indicatori!A1]+PIRA_nuovo_1!A1"],
  ])("%s → %s", (formula, expected) => {
    expect(renameInFormula(formula, sheets, tables)).toBe(expected);
  });

  it("quotes sheet names only when a formula needs it", () => {
    expect(["Indicatori", "PIRA_nuovo_1", "Il mio foglio", "AB12", "R1C1", "Foglio'1"].map(quoteSheetName)).toEqual([
      "Indicatori",
      "PIRA_nuovo_1",
      "'Il mio foglio'",
      "'AB12'",
      "'R1C1'",
      "'Foglio''1'",
    ]);
  });
});

describe("renameSheetsAndTables on the sample's workbook", () => {
  const plan = readCruscotto(sampleText());
  const wb = buildWorkbook(plan, defaultSettings(plan));
  const sheetRenames = new Map(wb.sheets.map((s, i) => [s.name, `PIRA_nuovo_${i + 1}`]));
  const tableRenames = new Map(wb.sheets.flatMap((s) => s.tables.map((t) => [t.name, `${t.name}_nuovo`])));
  const renamed = renameSheetsAndTables(wb, sheetRenames, tableRenames);
  const formulas = (d: typeof wb): string[] =>
    d.sheets
      .flatMap((s) => [...s.tables.flatMap((t) => t.rows.flat()), ...s.ranges.flatMap((r) => r.rows.flat())])
      .flatMap((c) => (isFormula(c) ? [c.formula] : []));

  it("renames every sheet and table and leaves no reference to an old sheet", () => {
    expect(renamed.sheets.map((s) => s.name)).toEqual(wb.sheets.map((_, i) => `PIRA_nuovo_${i + 1}`));
    expect(renamed.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual([...tableRenames.values()]);
    const old = new RegExp(`(^|[^A-Za-z_])(${wb.sheets.map((s) => s.name).join("|")})!`);
    const all = [
      ...formulas(renamed),
      ...renamed.sheets.flatMap((s) => s.charts.flatMap((c) => [`=${c.categories}`, `=${c.values}`])),
      ...renamed.sheets.flatMap((s) => s.conditionalFormats.map((cf) => cf.formula)),
    ];
    expect(all.filter((f) => old.test(f))).toEqual([]);
    expect(formulas(renamed).filter((f) => /PIRA_nuovo_\d+!/.test(f)).length).toBeGreaterThan(0);
  });

  it("comes back to the same description when renamed back", () => {
    const back = (m: Map<string, string>) => new Map([...m].map(([a, b]) => [b, a]));
    expect(renameSheetsAndTables(renamed, back(sheetRenames), back(tableRenames))).toEqual(wb);
  });

  it("keeps the workbook names for the swap", () => {
    expect(renamed.names).toEqual(wb.names);
  });
});

// The rename as it was first written, a character at a time (ten times slower): the oracle the
// one-pass version must agree with, on any text, well formed or not.
const IDENTIFIER_START = /[A-Za-z_\\\u00C0-\u024F]/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_.\\\u00C0-\u024F]/;

function lookup(renames: Renames, name: string): string | undefined {
  const upper = name.toUpperCase();
  for (const [from, to] of renames) if (from.toUpperCase() === upper) return to;
  return undefined;
}

function referenceRename(formula: string, sheets: Renames, tables: Renames): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      const name = formula.slice(i + 1, j).replace(/''/g, "'");
      const renamed = formula[j + 1] === "!" ? lookup(sheets, name) : undefined;
      out += renamed === undefined ? formula.slice(i, j + 1) : quoteSheetName(renamed);
      i = j + 1;
    } else if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "'") {
          j++;
          continue;
        }
        if (formula[j] === "[") depth++;
        if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (IDENTIFIER_START.test(ch) && (i === 0 || !IDENTIFIER_CHAR.test(formula[i - 1]))) {
      let j = i + 1;
      while (j < formula.length && IDENTIFIER_CHAR.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const next = formula[j];
      const sheet = next === "!" ? lookup(sheets, word) : undefined;
      const table = next === "[" ? lookup(tables, word) : undefined;
      out += sheet !== undefined ? quoteSheetName(sheet) : (table ?? word);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

test("the one-pass rename agrees with the character-by-character one on any text", () => {
  const pieces = [
    "Indicatori",
    "indicatori",
    "'",
    '"',
    "[",
    "]",
    "!",
    "A1",
    "tblIndicatori",
    "(",
    " ",
    "Il mio foglio",
  ];
  const more = [",", "x", "1", "#", "@", ".", "_", "\n", "Cruscotto", "$B$2", ":", "''", '""', "[[", "]]"];
  const formula = fc.array(fc.constantFrom(...pieces, ...more), { maxLength: 16 }).map((p) => `=${p.join("")}`);
  fc.assert(
    fc.property(formula, (f) => renameInFormula(f, sheets, tables) === referenceRename(f, sheets, tables)),
    { numRuns: 20_000 },
  );
});
