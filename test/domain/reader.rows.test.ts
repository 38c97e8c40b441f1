// The reader's seam for other document sources: rows of cells read exactly like the text they
// came from, and a row that lost its tabs gives back every target form the grammar writes.
import { readCruscotto, readCruscottoDetailed, readRows, textRows, type SourceRow } from "../../src/domain/reader";
import { parseTarget } from "../../src/domain/targets";
import { sampleText } from "../helpers/sample";

const sample = sampleText();

describe("readRows, the seam for document sources", () => {
  it("reads the sample's rows exactly like its text, line numbers and all", () => {
    const fromText = readCruscottoDetailed(sample);
    const fromRows = readRows(textRows(sample));
    expect(fromRows.plan).toEqual(fromText.plan);
    expect([...fromRows.accountedLines]).toEqual([...fromText.accountedLines]);
  });

  it("reads rows a source split into cells itself (tabs only), keeping the source's row numbers", () => {
    // A source numbering its rows from 101 (say, page 2 of a PDF): diagnostics point at its rows.
    const rows: SourceRow[] = sample.split("\n").map((line, i) => ({ number: 101 + i, cells: line.split("\t") }));
    const plan = readRows(rows).plan;
    const base = readCruscotto(sample);
    expect(plan.objectives).toEqual(base.objectives);
    expect(plan.diagnostics).toEqual(base.diagnostics.map((d) => ({ ...d, line: d.line + 100 })));
  });
});

describe("a row that lost its tabs", () => {
  const TARGETS = [
    ">= 13 N.",
    "=> 13 N.",
    "≥ 1",
    "<= 18 gg",
    "=< 4,50 gg",
    "≤ 90,00 %",
    ">= -9,90 %",
    "= 6",
    "0 N.",
    ">= 1 h",
    "<= 1.000,50 €",
    "Entro 31-12-2023",
    "entro il 30/06/2024",
    "SI",
    "Sì",
    "NO",
  ];
  const header = "**1 Obiettivo**\nIndicatori (100%)\tTarget 2023\tTarget 2024";

  it.each(TARGETS)("peels %s off the end of the joined row, as the grammar reads it", (target) => {
    const plan = readCruscotto(`${header}\n100,00% Pratiche evase entro l'anno ${target} ${target}`);
    const indicator = plan.objectives[0].indicators[0];
    expect(indicator.name).toBe("Pratiche evase entro l'anno");
    expect(indicator.targets).toEqual({ "2023": parseTarget(target), "2024": parseTarget(target) });
    expect(parseTarget(target)?.kind).not.toBe("unreadable");
  });

  it("keeps a target cut short at the end of the row as its text, reported unreadable", () => {
    const plan = readCruscotto(`${header}\n100,00% Tempo medio di sospensione <= 4,`);
    const indicator = plan.objectives[0].indicators[0];
    expect(indicator.name).toBe("Tempo medio di sospensione");
    expect(indicator.targets["2023"]).toMatchObject({ kind: "unreadable", text: "<= 4," });
    expect(plan.diagnostics.map((d) => d.code)).toContain("target-unreadable");
  });
});
