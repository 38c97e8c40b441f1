// The yearly cycle in a real spreadsheet engine: the sample's workbook filled with consuntivi and
// notes, revised by `pira build REVISED --from OLD`, recalculated by LibreOffice: carried
// consuntivi score as the domain scores them under the revised targets, and the Diagnostica
// counts the missing notes di scostamento as the domain does.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nodeIO } from "../../src/cli/files";
import { main } from "../../src/cli/main";
import { formatActualsCsv } from "../../src/domain/actualsCsv";
import { missingNotes } from "../../src/domain/notes";
import { readCruscotto } from "../../src/domain/reader";
import { scoreTarget } from "../../src/domain/score";
import { cellAddress } from "../../src/workbook/address";
import { DIAGNOSTIC_NOTES, SHEETS, indicatorLayout } from "../../src/workbook/layout";
import { readWorkbookContents } from "../../src/xlsx";
import { fillPlan } from "../helpers/fill";
import { readComputed, recalculate, type ComputedWorkbook } from "../helpers/libreoffice";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const REVISED = path.join(__dirname, "..", "fixtures", "revised", "cruscotto-pira-2024.txt");
const oldPlan = readCruscotto(sampleText());
const revisedPlan = readCruscotto(fs.readFileSync(REVISED, "utf8"));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pira-lo-cycle-"));
let computed: ComputedWorkbook;
let contents: Awaited<ReturnType<typeof readWorkbookContents>>;

beforeAll(async () => {
  const filled = fillPlan(oldPlan);
  const csv = path.join(work, "valori.csv");
  fs.writeFileSync(csv, formatActualsCsv(oldPlan, filled.actuals, ";", filled.notes));
  const io = { ...nodeIO(), out: () => undefined, err: () => undefined };
  const old = path.join(work, "old.xlsx");
  const revised = path.join(work, "new.xlsx");
  expect(await main(["build", SAMPLE_PATH, "--actuals", csv, "-o", old], io)).toBe(0);
  expect(await main(["build", REVISED, "-o", revised, "--from", old], io)).toBe(0);
  contents = await readWorkbookContents(fs.readFileSync(revised));
  const [file] = recalculate([revised], path.join(work, "ricalcolati"));
  computed = await readComputed(file);
}, 300_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test("carried consuntivi score as the domain scores them under the revised targets", () => {
  const layout = indicatorLayout(revisedPlan.years);
  const cells = computed.get(SHEETS.indicators)!;
  let checked = 0;
  revisedPlan.objectives
    .flatMap((o) => o.indicators)
    .forEach((indicator, r) => {
      for (const year of revisedPlan.years) {
        const actual = contents.actuals[indicator.id]?.[String(year)];
        if (actual === undefined) continue;
        const expected = scoreTarget(indicator.targets[String(year)] ?? null, actual, "proporzionale");
        expect(cells.get(cellAddress(r + 1, layout.perYear.get(year)!.score))).toBeCloseTo(expected!, 9);
        checked++;
      }
    });
  expect(checked).toBeGreaterThan(100);
});

test("the Diagnostica counts the missing notes di scostamento of each year as the domain does", () => {
  const cells = computed.get(SHEETS.diagnostics)!;
  const missing = missingNotes(revisedPlan, contents.actuals, contents.notes, {
    mode: "proporzionale",
    greenFrom: 1,
    amberFrom: 0.7,
  });
  expect(missing.length).toBeGreaterThan(0);
  revisedPlan.years.forEach((year, i) => {
    expect(cells.get(cellAddress(1 + i, DIAGNOSTIC_NOTES.column))).toBe(year);
    expect(cells.get(cellAddress(1 + i, DIAGNOSTIC_NOTES.column + 1))).toBe(
      missing.filter((m) => m.year === year).length,
    );
  });
});
