// Every rendition of the sample plan (the bundled PDF and Word file, and those scripts/make-renditions.ts
// made with other generators, layouts and years) reads to the sample's plan, cell by cell: every
// objective, indicator, weight and target, the blank 2025/2026 targets of DFP 3.3 as null.
import * as fs from "node:fs";
import * as path from "node:path";
import { readCruscotto } from "../../src/domain/reader";
import { EXPECTED_TYPED_TARGETS, planDifferences, typedTargets } from "../helpers/expectedPlan";
import { ROOT, sourceTexts } from "../helpers/sourceText";

interface Rendition {
  file: string;
  kind: string;
  summary: RegExp;
  yearShift: number;
  /** What this rendition is known to lose, exactly (the test fails if it reads better or worse). */
  known?: string[];
}

// LibreOffice's narrow name column broke "sull'internazionalizzazione", too long for it, without a
// hyphen: a break inside a word without a hyphen looks like a line break between words, so the
// name gets a space there (the PDF's text layer has nothing to tell them apart).
const BROKEN_WORD = [
  "6.2 name: " +
    JSON.stringify(
      "Valutazioni positive rilevate tramite customer satisfaction da parte dei destinatari delle iniziative sull'internazionalizzazion e e mercati esteri",
    ) +
    " ≠ " +
    JSON.stringify(
      "Valutazioni positive rilevate tramite customer satisfaction da parte dei destinatari delle iniziative sull'internazionalizzazione e mercati esteri",
    ),
];

const R = "test/fixtures/renditions";
const RENDITIONS: Rendition[] = [
  { file: "samples/cruscotto-pira-2023.txt", kind: "text", summary: /^testo$/, yearShift: 0 },
  { file: "samples/cruscotto-pira-2023.pdf", kind: "pdf", summary: /^PDF, 7 pagine$/, yearShift: 0 },
  { file: "samples/cruscotto-pira-2023.docx", kind: "docx", summary: /^Word, 28 tabelle$/, yearShift: 0 },
  {
    file: `${R}/libreoffice-from-docx.pdf`,
    kind: "pdf",
    summary: /^PDF, \d+ pagine$/,
    yearShift: 0,
    known: BROKEN_WORD,
  },
  { file: `${R}/chromium-portrait-typeset.pdf`, kind: "pdf", summary: /^PDF, \d+ pagine$/, yearShift: 0 },
  { file: `${R}/chromium-2024-2027-centred.pdf`, kind: "pdf", summary: /^PDF, \d+ pagine$/, yearShift: 1 },
  { file: `${R}/chromium-landscape-serif-merged.pdf`, kind: "pdf", summary: /^PDF, \d+ pagine$/, yearShift: 0 },
  { file: `${R}/chromium-letter-2024-2027-narrow.pdf`, kind: "pdf", summary: /^PDF, \d+ pagine$/, yearShift: 1 },
  { file: `${R}/libreoffice-from-html.docx`, kind: "docx", summary: /^Word, \d+ tabelle$/, yearShift: 0 },
  {
    file: `${R}/cruscotto-pira-2023.copy.txt`,
    kind: "viewer-text",
    summary: /^testo copiato da un PDF$/,
    yearShift: 0,
  },
  { file: `${R}/cruscotto-pira-2023.layout.txt`, kind: "layout-text", summary: /colonne di spazi/, yearShift: 0 },
  {
    file: `${R}/libreoffice-from-docx.layout.txt`,
    kind: "layout-text",
    summary: /colonne di spazi/,
    yearShift: 0,
    known: BROKEN_WORD,
  },
  { file: `${R}/chromium-portrait-typeset.layout.txt`, kind: "layout-text", summary: /colonne di spazi/, yearShift: 0 },
  {
    file: `${R}/chromium-2024-2027-centred.layout.txt`,
    kind: "layout-text",
    summary: /colonne di spazi/,
    yearShift: 1,
  },
  { file: `${R}/chromium-landscape-serif-merged.layout.txt`, kind: "layout-text", summary: /colonne/, yearShift: 0 },
  { file: `${R}/chromium-letter-2024-2027-narrow.layout.txt`, kind: "layout-text", summary: /colonne/, yearShift: 1 },
];

const texts = sourceTexts(RENDITIONS.map((r) => r.file));

it("covers every file under test/fixtures/renditions", () => {
  const listed = new Set(RENDITIONS.map((r) => r.file));
  const files = fs.readdirSync(path.join(ROOT, R)).map((f) => `${R}/${f}`);
  expect(files.filter((f) => !listed.has(f))).toEqual([]);
});

describe.each(RENDITIONS)("$file", ({ file, kind, summary, yearShift, known = [] }) => {
  const result = texts.get(file)!;
  const read = () => {
    if ("error" in result) throw new Error(result.error);
    return result;
  };

  it(`is read as ${kind}, saying what was read`, () => {
    expect(read().kind).toBe(kind);
    expect(read().summary).toMatch(summary);
  });

  it("reads to the sample's plan, every cell", () => {
    const plan = readCruscotto(read().text);
    expect(planDifferences(plan, yearShift)).toEqual(known);
    expect(typedTargets(plan)).toBe(EXPECTED_TYPED_TARGETS);
    const dfp = plan.objectives[0].indicators[3];
    expect(dfp.name).toBe("DFP 3.3");
    expect(dfp.targets[String(2025 + yearShift)]).toBeNull();
    expect(dfp.targets[String(2026 + yearShift)]).toBeNull();
  });

  it("reports no problem the text sample does not have", () => {
    const plan = readCruscotto(read().text);
    const messages = plan.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
    expect(messages).toEqual([]);
  });
});
