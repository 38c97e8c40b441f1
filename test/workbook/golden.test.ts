// Golden files of the workbook description for the sample, in both formula modes. A change to
// the sheets shows up here as a reviewable diff; regenerate with UPDATE_GOLDEN=1 after review.
import * as fs from "node:fs";
import * as path from "node:path";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings, FORMULA_MODES } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { sampleText } from "../helpers/sample";

const plan = readCruscotto(sampleText());

describe.each(FORMULA_MODES)("golden workbook description (%s formulas)", (formulaMode) => {
  const file = path.join(__dirname, "golden", `sample-${formulaMode}.json`);

  it("matches the reviewed golden file", () => {
    const actual = JSON.stringify(buildWorkbook(plan, { ...defaultSettings(plan), formulaMode }), null, 1) + "\n";
    if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(file, actual);
    expect(fs.existsSync(file)).toBe(true);
    expect(actual).toBe(fs.readFileSync(file, "utf8"));
  });
});
