// The issue's acceptance, with a real spreadsheet engine: `pira build SAMPLE -o out.xlsx
// --actuals CSV` opened in LibreOffice shows, for each filled indicator, the score `pira score`
// gives. Also: the harness really recalculates, document text never becomes a formula, and a
// workbook saved by LibreOffice still exports the same actuals.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { nodeIO } from "../../src/cli/files";
import { main } from "../../src/cli/main";
import { readWorkbookActuals, writeXlsx } from "../../src/xlsx";
import { formatActual, parseActualsCsv } from "../../src/domain/actualsCsv";
import type { Actuals } from "../../src/domain/model";
import { readCruscotto } from "../../src/domain/reader";
import { columnLetter } from "../../src/workbook/address";
import { DASHBOARD_CHAMBER, indicatorLayout } from "../../src/workbook/layout";
import type { WorkbookDescription } from "../../src/workbook/types";
import { captureIO } from "../helpers/cliIO";
import { readComputed, recalculate, type ComputedWorkbook } from "../helpers/libreoffice";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const plan = readCruscotto(sampleText());
const ACTUALS_PATH = path.join(__dirname, "..", "..", "samples", "consuntivi-2023-esempio.csv");
const actuals = parseActualsCsv(fs.readFileSync(ACTUALS_PATH, "utf8"), plan).actuals;
const SCORE_2023 = columnLetter(indicatorLayout(plan.years).perYear.get(2023)!.score);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pira-lo-build-"));

// Document text that a careless writer would turn into formulas or numbers.
const hostile: WorkbookDescription = {
  sheets: [
    {
      name: "Testi",
      tables: [],
      ranges: [{ topLeft: "A1", rows: [["=1+1", "+39 06 1234", "-5 N.", "@SUM(B1)", '=A1&"x"', "1.600"]] }],
      conditionalFormats: [],
      validations: [],
      charts: [],
      protection: { protect: false, password: "", allowAutoFilter: false, allowSort: false, allowFormatColumns: false },
    },
  ],
  names: [],
};

let built: ComputedWorkbook;
let stale: ComputedWorkbook;
let texts: ComputedWorkbook;
let savedByLibreOffice: Buffer;

beforeAll(async () => {
  const cwd = process.cwd();
  const io = { ...nodeIO(), out: () => undefined, cwd };
  const out = path.join(work, "out.xlsx");
  expect(await main(["build", SAMPLE_PATH, "-o", out, "--actuals", ACTUALS_PATH], io)).toBe(0);

  // A cached result that is wrong: only a real recalculation replaces it.
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Foglio").getCell("A1").value = { formula: "1+1", result: 99 } as ExcelJS.CellFormulaValue;
  fs.writeFileSync(path.join(work, "stale.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
  fs.writeFileSync(path.join(work, "texts.xlsx"), await writeXlsx(hostile));

  const [outFile, staleFile, textsFile] = recalculate(
    ["out.xlsx", "stale.xlsx", "texts.xlsx"].map((f) => path.join(work, f)),
    path.join(work, "ricalcolati"),
  );
  built = await readComputed(outFile);
  stale = await readComputed(staleFile);
  texts = await readComputed(textsFile);
  savedByLibreOffice = fs.readFileSync(outFile);
}, 300_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("LibreOffice harness", () => {
  it("recalculates on load instead of trusting cached values", () => {
    expect(stale.get("Foglio")!.get("A1")).toBe(2);
  });
});

describe("pira build, opened in LibreOffice", () => {
  const filled = plan.objectives
    .flatMap((o) => o.indicators)
    .map((indicator, row) => ({ indicator, row, actual: actuals[indicator.id]?.["2023"] }))
    .filter((f) => f.actual !== undefined);

  it("has actuals for most indicators of 2023", () => {
    expect(filled.length).toBeGreaterThan(50);
  });

  it.each(filled.map((f) => [f.indicator.id, f] as const))(
    "shows for %s the score pira score gives",
    async (_id, { indicator, row, actual }) => {
      const target = indicator.targets["2023"]!;
      const io = captureIO();
      expect(await main(["score", "--", target.text, formatActual(actual!, target)!], io)).toBe(0);
      const cli = io.stdout().trim();
      const shown = built.get("Indicatori")!.get(`${SCORE_2023}${row + 2}`);
      if (cli === "") {
        expect(shown).toBe("");
      } else {
        expect(typeof shown).toBe("number");
        expect(Math.abs((shown as number) - Number(cli))).toBeLessThanOrEqual(1e-9);
      }
    },
  );

  it("shows the chamber score of the year in view", () => {
    const dashboard = built.get("Cruscotto")!;
    expect(dashboard.get(DASHBOARD_CHAMBER.label)).toBe("Ente (tutti gli ambiti)");
    expect(typeof dashboard.get(DASHBOARD_CHAMBER.score)).toBe("number");
    expect(dashboard.get("B3")).toBe(2023);
  });
});

describe("document text", () => {
  it.each(["=1+1", "+39 06 1234", "-5 N.", "@SUM(B1)", '=A1&"x"', "1.600"].map((t, i) => [t, i] as const))(
    "%p stays that text in LibreOffice",
    (text, i) => {
      expect(texts.get("Testi")!.get(`${String.fromCharCode(65 + i)}1`)).toBe(text);
    },
  );
});

describe("a workbook saved by LibreOffice", () => {
  // LibreOffice saves numbers with 15 significant digits, so 0.8540000000000001 (85,4 % read as
  // 85.4 / 100) comes back as 0.854: equal to the last digit LibreOffice keeps.
  it("exports the same actuals, to LibreOffice's 15 significant digits", async () => {
    const read = await readWorkbookActuals(savedByLibreOffice);
    expect(read.problems).toEqual([]);
    const fifteen = (a: Actuals) =>
      JSON.parse(JSON.stringify(a, (_k, v: unknown) => (typeof v === "number" ? Number(v.toPrecision(15)) : v)));
    expect(fifteen(read.actuals)).toEqual(fifteen(actuals));
    expect(Object.keys(read.actuals)).toEqual(Object.keys(actuals));
  });
});
