// The test evaluator against results Excel gives for the same formulas: if it is wrong here, the
// agreement test (test/workbook/agreement.test.ts) proves nothing.
import type { CellSpec, SheetSpec, WorkbookDescription } from "../../src/workbook/types";
import { ExcelError, Matrix, WorkbookEvaluator, evaluateFormula, type Scalar } from "./formulaEvaluator";

type Plain = number | string | boolean | null | { error: string } | Plain[][];

function plain(v: Scalar | Matrix): Plain {
  if (v instanceof Matrix) return v.rows.map((row) => row.map((x) => plain(x) as Plain));
  if (v instanceof ExcelError) return { error: v.code };
  return v;
}

const err = (code: string) => ({ error: code });
const f = (formula: string): CellSpec => ({ formula });

function sheetOf(name: string, parts: Partial<SheetSpec>): SheetSpec {
  return {
    name,
    tables: [],
    ranges: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    protection: { protect: false, password: "", allowAutoFilter: true, allowSort: true, allowFormatColumns: true },
    ...parts,
  };
}

// Dati!A1:H1 holds one value of each kind; tblT (A4:C8) is a small roll-up; 'Il mio foglio' has
// references across sheets, through names and in circles.
const WORKBOOK: WorkbookDescription = {
  sheets: [
    sheetOf("Dati", {
      ranges: [{ topLeft: "A1", rows: [[1, "testo", true, null, f("=1/0"), "", " 2 ", "sì"]] }],
      tables: [
        {
          name: "tblT",
          topLeft: "A4",
          style: "TableStyleLight1",
          columns: ["Chiave", "Peso", "Punteggio"].map((header) => ({ header, role: "data", numberFormat: "General" })),
          rows: [
            [1, 0.5, 0.8],
            [2, 0.25, 0.4],
            [1, 0.25, f('=IF(TRUE,"",0)')],
            [1, 0, 1],
          ],
        },
      ],
    }),
    sheetOf("Il mio foglio", {
      ranges: [
        { topLeft: "A1", rows: [[10, f("=Dati!A1*2"), f("=C1+1"), f("=D2"), f("=Dati!D1"), f("=Dati!B1:B2")]] },
        { topLeft: "D2", rows: [[f("=D1")]] },
      ],
    }),
  ],
  names: [
    { name: "Dieci", refersTo: "='Il mio foglio'!$A$1" },
    { name: "Chiavi", refersTo: "=Dati!$A$5:$A$8" },
  ],
};

function run(formula: string): Plain {
  return plain(new WorkbookEvaluator(WORKBOOK).evaluate(formula, "Dati"));
}

describe("formula evaluator: results Excel gives", () => {
  const cases: Array<[string, Plain]> = [
    // precedence and associativity
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=2^3^2", 64],
    ["=-2^2", 4],
    ["=2^-1", 0.5],
    ["=-(2^2)", -4],
    ["=--TRUE", 1],
    ["=-+-3", 3],
    ["=1&2+3", "15"],
    ["=1+2=3", true],
    ['="a"&1="A1"', true],
    ["=2*3^2", 18],
    ["=10-4-3", 3],
    ["=12/4/3", 1],
    // arithmetic coercions and errors
    ["=10/4", 2.5],
    ["=1/0", err("#DIV/0!")],
    ['="abc"+1', err("#VALUE!")],
    ['=""+1', err("#VALUE!")],
    ['=" 2 "*3', 6],
    ['="50%"*2', 1],
    ["=TRUE+TRUE", 2],
    ["=D1+1", 1],
    ["=D1*5", 0],
    ["=G1+1", 3],
    ["=B1*1", err("#VALUE!")],
    ["=E1+1", err("#DIV/0!")],
    ["=0^0", err("#NUM!")],
    ["=0^-1", err("#DIV/0!")],
    ["=(-8)^(1/3)", err("#NUM!")],
    ["=#N/A+1", err("#N/A")],
    // text conversion
    ['=1/3&""', "0.333333333333333"],
    ['=1E+20&""', "1E+20"],
    ['=0.1+0.2&""', "0.3"],
    ['=TRUE&""', "TRUE"],
    ['=D1&"x"', "x"],
    // comparisons: case-insensitive text, numbers < text < booleans, empty as 0 / "" / FALSE
    ['="abc"="ABC"', true],
    ['="sì"="SÌ"', true],
    ['="si"="sì"', false],
    ['="a"<"B"', true],
    ['="b"<"A"', false],
    ['="1"=1', false],
    ['="a">1E+300', true],
    ['=""=0', false],
    ['=TRUE>"zzz"', true],
    ["=FALSE>99", true],
    ["=TRUE=1", false],
    ['=D1=""', true],
    ["=D1=0", true],
    ["=D1=FALSE", true],
    ["=D1<1", true],
    ['=D1<"a"', true],
    ['=F1=""', true],
    ["=F1=0", false],
    ["=1/0=1", err("#DIV/0!")],
    ['="a"<>"A"', false],
    ["=2>=2", true],
    ["=2<=1", false],
    // IF is lazy; omitted branches
    ["=IF(TRUE,1,2)", 1],
    ["=IF(0,1)", false],
    ["=IF(1,,2)", 0],
    ["=IF(FALSE,1,)", 0],
    ['=IF("x",1,2)', err("#VALUE!")],
    ["=IF(TRUE,1,1/0)", 1],
    ["=IF(FALSE,1/0,2)", 2],
    ["=IF(D1,1,2)", 2],
    ["=IF(1/0,1,2)", err("#DIV/0!")],
    ["=IF(A1,B1,C1)", "testo"],
    // IFERROR is lazy too
    ['=IFERROR(1/0,"x")', "x"],
    ["=IFERROR(5,1/0)", 5],
    ["=IFERROR(MATCH(5,{1,2},0),-1)", -1],
    ["=IFERROR(E1,)", 0],
    // AND / OR / NOT
    ["=AND(TRUE,1)", true],
    ["=AND(TRUE,0)", false],
    ["=OR(FALSE,0)", false],
    ["=OR(FALSE,2)", true],
    ['=AND("x")', err("#VALUE!")],
    ["=AND(A1:C1)", true],
    ["=AND(B1)", err("#VALUE!")],
    ["=OR(1/0,TRUE)", err("#DIV/0!")],
    ["=OR(E1,TRUE)", err("#DIV/0!")],
    ['=AND({1,TRUE,"x"})', true],
    ["=NOT(0)", true],
    ["=NOT(D1)", true],
    ['=NOT("x")', err("#VALUE!")],
    // IS functions never propagate errors
    ["=ISNUMBER(1)", true],
    ['=ISNUMBER("1")', false],
    ["=ISNUMBER(1/0)", false],
    ["=ISNUMBER(D1)", false],
    ["=ISNUMBER(C7)", false],
    ["=ISLOGICAL(TRUE)", true],
    ["=ISLOGICAL(1)", false],
    ["=ISLOGICAL(C1)", true],
    // TRIM only removes ASCII spaces; UPPER; INT floors; MAX; ABS
    ['=TRIM("  a   b  ")', "a b"],
    ['=TRIM(D1)=""', true],
    ['=TRIM("   ")=""', true],
    ['=TRIM("\u00a0")=""', false],
    ["=TRIM(12.5)", "12.5"],
    ["=UPPER(H1)", "SÌ"],
    ["=UPPER(TRUE)", "TRUE"],
    ['=UPPER(TRIM(" no "))="NO"', true],
    ["=INT(-1.5)", -2],
    ["=INT(2.7)", 2],
    ['=INT("3.9")', 3],
    ['=INT("x")', err("#VALUE!")],
    ["=INT(E1)", err("#DIV/0!")],
    ["=MAX(1,5,3)", 5],
    ["=MAX(0,-2)", 0],
    ["=MAX(A1:H1)", err("#DIV/0!")],
    ["=MAX(A1:D1)", 1],
    ["=MAX(B1:D1)", 0],
    ['=MAX("7",2)', 7],
    ['=MAX("x",1)', err("#VALUE!")],
    ["=MAX(TRUE,0)", 1],
    ["=ABS(-3)", 3],
    ["=ABS(D1)", 0],
    // SUMPRODUCT: equal shapes, non-numbers as 0, errors propagate
    ["=SUMPRODUCT({1,2,3},{4,5,6})", 32],
    ["=SUMPRODUCT({1,2},{1,2,3})", err("#VALUE!")],
    ['=SUMPRODUCT({1,"a",TRUE},{1,1,1})', 1],
    ["=SUMPRODUCT(--({1,2,3}>1))", 2],
    ["=SUMPRODUCT(A1:E1)", err("#DIV/0!")],
    ["=SUMPRODUCT(B5:B8)", 1],
    ["=SUMPRODUCT({1;2;3},{1;1;1})", 6],
    ["=SUMPRODUCT({1;2;3},{1,1,1})", err("#VALUE!")],
    ["=SUMPRODUCT((A5:A8=1)*(B5:B8>0),B5:B8,--ISNUMBER(C5:C8))", 0.5],
    ["=SUMPRODUCT((A5:A8=1)*(B5:B8>0),B5:B8,C5:C8)", 0.4],
    ["=SUMPRODUCT((Chiavi=1)*(B5:B8>0),B5:B8)", 0.75],
    ["=SUMPRODUCT(--(B5:B8>0),B5:B8,--ISNUMBER(C5:C8))", 0.75],
    // CHOOSE truncates and is lazy
    ['=CHOOSE(2,"a","b","c")', "b"],
    ['=CHOOSE(2.9,"a","b","c")', "b"],
    ['=CHOOSE(3,"a","b")', err("#VALUE!")],
    ['=CHOOSE(0,"a","b")', err("#VALUE!")],
    ["=CHOOSE(1,1,1/0)", 1],
    ["=CHOOSE(2,A1,D1)", null],
    // MATCH, exact
    ["=MATCH(2024,{2023,2024,2025},0)", 2],
    ['=MATCH("B",{"a","b"},0)', 2],
    ["=MATCH(5,{1,2},0)", err("#N/A")],
    ['=MATCH("2",{1,2},0)', err("#N/A")],
    ['=MATCH("b*",{"a","bcd"},0)', 2],
    ['=MATCH("?",{"ab","c"},0)', 2],
    ['=MATCH("~*",{"a","*"},0)', 2],
    ["=MATCH(2,A5:A8,0)", 2],
    ["=MATCH(TRUE,A1:C1,0)", 3],
    ["=MATCH(D1,A1:H1,0)", err("#N/A")],
    ["=ROUND(0.6999999999999998,9)", 0.7],
    ["=ROUND(2.5,0)", 3],
    ["=ROUND(-2.5,0)", -3],
    ['=ROUND("x",2)', err("#VALUE!")],
    ["=MATCH(1,A5:B6,0)", err("#N/A")],
    // element-wise arrays and broadcasting
    ["={1,2,3}*2", [[2, 4, 6]]],
    [
      "={1;2}+{10,20}",
      [
        [11, 21],
        [12, 22],
      ],
    ],
    ["={1,2,3}+{1,2}", [[2, 4, err("#N/A")]]],
    ["=A5:A7=1", [[true], [false], [true]]],
    ["=-{1,-2}", [[-1, 2]]],
    ["=ISNUMBER(C5:C8)", [[true], [true], [false], [true]]],
    ['=IF({TRUE,FALSE},"s","n")', [["s", "n"]]],
    ["=IFERROR({1,2}/{1,0},-1)", [[1, -1]]],
    // references, sheets, names
    ["='Il mio foglio'!$A$1", 10],
    ["='il MIO foglio'!B1", 2],
    ["=Dieci*2", 20],
    ["=dieci", 10],
    ["='Il mio foglio'!E1", 0],
    ["=Dati!$A$5:$B$5", [[1, 0.5]]],
    // PIRA functions delegate to src/functions/functions.ts
    ['=PIRA.SCORE(">= 10 N.",5)', 0.5],
    ['=PIRA.SCORE(">= 10 N.",5,"binario")', 0],
    ['=PIRA.SCORE(">= 10 N.",D1)', ""],
    ['=PIRA.SCORE(">= 10 N.",F1)', ""],
    ['=PIRA.SCORE("",5)', err("#VALUE!")],
    ["=PIRA.SCORE(D1,5)", err("#VALUE!")],
    ['=PIRA.SCORE(">= 10 N.","abc")', err("#VALUE!")],
    ['=PIRA.SCORE(">= 10 N.",1/0)', err("#DIV/0!")],
    ['=PIRA.SCORE("Entro 31-12-2023",H1)', 1],
    ['=PIRA.SCORE(">= 10 N.",5,"nessuno")', err("#VALUE!")],
    ['=IFERROR(PIRA.SCORE("",5),"")', ""],
    ['=PIRA.STATUS(">= 10 N.",10)', "Raggiunto"],
    ['=PIRA.STATUS(">= 10 N.",8,1,0.7,"proporzionale")', "Parzialmente raggiunto"],
    ['=PIRA.STATUS(">= 10 N.",8,,,"binario")', "Non raggiunto"],
    ['=PIRA.STATUS(">= 10 N.",D1)', "n.d."],
    ['=PIRA.STATUS(">= 10 N.",8,0.5,0.9)', err("#VALUE!")],
  ];

  test.each(cases)("%s", (formula, expected) => {
    expect(run(formula)).toEqual(expected);
  });

  test("a formula cell shows 0 for a reference to an empty cell, and its value otherwise", () => {
    const ev = new WorkbookEvaluator(WORKBOOK);
    expect(ev.value("Il mio foglio", "E1")).toBe(0);
    expect(ev.value("Il mio foglio", "B1")).toBe(2);
    expect(ev.value("Dati", "C7")).toBe("");
    expect(ev.value("Dati", "B4")).toBe("Peso");
    expect(ev.value("Dati", "Z99")).toBeNull();
    expect(ev.formula("Dati", "E1")).toBe("=1/0");
    expect(ev.formula("Dati", "A1")).toBeNull();
  });

  test("formula cells are evaluated once (memoised)", () => {
    const ev = new WorkbookEvaluator(WORKBOOK);
    const spy = jest.spyOn(ev, "eval");
    ev.value("Il mio foglio", "B1");
    const calls = spy.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    ev.value("Il mio foglio", "B1");
    expect(spy.mock.calls.length).toBe(calls);
  });
});

describe("formula evaluator: what it refuses", () => {
  const refusals: Array<[string, RegExp]> = [
    ["=SUM(1,2)", /non supportata.*SUM/],
    ["=FOO(1)", /non supportata.*FOO/],
    ["=PIRA.ROLLUP(A5:A8,1,B5:B8,C5:C8)", /non supportata.*PIRA\.ROLLUP/],
    ["=NonDefinito+1", /Nome sconosciuto: NonDefinito/],
    ["=Altro!A1", /Foglio sconosciuto: Altro/],
    ["=50%", /non supportato/],
    ["=1+", /non leggibile/],
    ["=(1", /non leggibile/],
    ["=1 2", /non leggibile/],
    ["=A:A", /non supportati/],
    ["={1,2;3}", /lunghezza diversa/],
    ['="abc', /non chiuso/],
    ["=MATCH(1,{1,2})", /solo la corrispondenza esatta/],
    ["=MATCH(1,{1,2},1)", /solo la corrispondenza esatta/],
    ["=IF(TRUE)", /argomenti/],
    ["=PIRA.SCORE(A5:A6,1)", /valore singolo/],
  ];

  test.each(refusals)("%s throws", (formula, message) => {
    expect(() => run(formula)).toThrow(message);
  });

  test("circular references throw, naming the cell", () => {
    const ev = new WorkbookEvaluator(WORKBOOK);
    expect(() => ev.value("Il mio foglio", "C1")).toThrow(/circolare in Il mio foglio!C1/);
    expect(() => ev.value("Il mio foglio", "D1")).toThrow(/circolare/);
  });

  test("a formula cell whose result is a whole range throws instead of guessing an intersection", () => {
    expect(() => new WorkbookEvaluator(WORKBOOK).value("Il mio foglio", "F1")).toThrow(/restituisce un intervallo/);
  });

  test("a description that writes a cell twice is refused", () => {
    const clash: WorkbookDescription = {
      sheets: [
        sheetOf("S", {
          ranges: [
            { topLeft: "A1", rows: [[1, 2]] },
            { topLeft: "B1", rows: [[3]] },
          ],
        }),
      ],
      names: [],
    };
    expect(() => new WorkbookEvaluator(clash)).toThrow(/S!B1 scritta due volte/);
  });

  test("standalone formulas need no workbook", () => {
    expect(plain(evaluateFormula("=MAX(0,1-(10-7)/ABS(10))"))).toBeCloseTo(0.7, 15);
    expect(() => evaluateFormula("=A1")).toThrow(/senza foglio/);
  });
});
