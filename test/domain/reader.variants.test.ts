// The reader must not be tied to the sample's exact bytes: the same document in other
// encodings, layouts, years and orders gives the same model.
import { diagnosticMessage, readCruscotto as readPlan } from "../../src/domain/reader";
import type { Objective, Plan } from "../../src/domain/model";
import { sampleText } from "../helpers/sample";

/** Reads like the reader and checks each diagnostic's message is its code's Italian message. */
function readCruscotto(text: string): Plan {
  const plan = readPlan(text);
  for (const d of plan.diagnostics) expect(diagnosticMessage(d, "it")).toBe(d.message);
  return plan;
}

const sample = sampleText();
const base = readCruscotto(sample);

/** Splits the sample into its preamble and one block per objective, by header lines. */
function objectiveBlocks(text: string): { preamble: string[]; blocks: string[][] } {
  const lines = text.split("\n");
  const isHeader = (l: string) => /^(\*\*\d+|<b>\d+<\/b>)/.test(l);
  const preamble: string[] = [];
  const blocks: string[][] = [];
  for (const line of lines) {
    if (isHeader(line)) blocks.push([line]);
    else if (blocks.length === 0) preamble.push(line);
    else blocks[blocks.length - 1].push(line);
  }
  return { preamble, blocks };
}

function byNumber(plan: Plan): Objective[] {
  return [...plan.objectives].sort((a, b) => a.number - b.number);
}

function withoutLines(plan: Plan) {
  return plan.diagnostics.map(({ line: _line, ...rest }) => rest);
}

function stripMarkup(text: string): string {
  return text
    .replace(/<\/?b>/g, "")
    .replace(/\*\*/g, "")
    .replace(/^#+\s*/gm, "")
    .split("\n")
    .filter((l) => !/^[-\t ]+$/.test(l) || l.trim() === "")
    .join("\n");
}

describe("reader variants give the same model", () => {
  it.each([
    ["Windows line endings", (t: string) => t.replace(/\n/g, "\r\n")],
    ["old Mac line endings", (t: string) => t.replace(/\n/g, "\r")],
    ["a byte-order mark", (t: string) => "\uFEFF" + t],
    ["non-breaking spaces", (t: string) => t.replace(/ /g, "\u00a0")],
    ["trailing spaces and tabs", (t: string) => t.replace(/\n/g, "  \n")],
  ])("%s", (_name, transform) => {
    const plan = readCruscotto(transform(sample));
    expect(plan.objectives).toEqual(base.objectives);
    expect(plan.areas).toEqual(base.areas);
    expect(plan.years).toEqual(base.years);
    expect(plan.diagnostics).toEqual(base.diagnostics);
  });

  it("plain text without markup (no **, <b>, #, underlines)", () => {
    const plan = readCruscotto(stripMarkup(sample));
    expect(plan.objectives).toEqual(base.objectives);
    expect(plan.areas).toEqual(base.areas);
    expect(withoutLines(plan)).toEqual(withoutLines(base));
  });

  it("single spaces instead of tabs (text copied from a PDF viewer)", () => {
    const plan = readCruscotto(sample.replace(/\t/g, " "));
    expect(plan.years).toEqual(base.years);
    expect(plan.objectives).toEqual(base.objectives);
    expect(plan.diagnostics).toEqual(base.diagnostics);
  });

  it("space-separated columns instead of tabs", () => {
    const plan = readCruscotto(sample.replace(/\t/g, "   "));
    // Blank cells cannot be seen in a space-separated layout: DFP 3.3 keeps its two targets.
    expect(plan.objectives).toEqual(base.objectives);
  });

  it.each([
    ["reversed", (n: number) => [...Array(n).keys()].reverse()],
    ["interleaved", (n: number) => [...Array(n).keys()].sort((a, b) => (a % 3) - (b % 3) || b - a)],
  ])("objectives in %s order", (_name, order) => {
    const { preamble, blocks } = objectiveBlocks(sample);
    const shuffled = order(blocks.length).map((i) => blocks[i].join("\n"));
    const plan = readCruscotto([...preamble, ...shuffled].join("\n"));
    expect(byNumber(plan)).toEqual(byNumber(base));
    expect([...plan.areas].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...base.areas].sort((a, b) => a.code.localeCompare(b.code)),
    );
    expect(withoutLines(plan).length).toBe(base.diagnostics.length);
  });

  it("a plan for other years (2025–2028)", () => {
    const shifted = sample.replace(/\b(2023|2024|2025|2026)\b/g, (y) => String(Number(y) + 2));
    const plan = readCruscotto(shifted);
    expect(plan.years).toEqual([2025, 2026, 2027, 2028]);
    expect(plan.date).toBe("2025-10-31");
    expect(plan.objectives).toHaveLength(base.objectives.length);
    plan.objectives.forEach((o, oi) => {
      const b = base.objectives[oi];
      expect({ ...o, indicators: [] }).toEqual({ ...b, indicators: [] });
      o.indicators.forEach((ind, ii) => {
        const bi = b.indicators[ii];
        expect({ ...ind, targets: {} }).toEqual({ ...bi, targets: {} });
        for (const year of base.years) {
          const expected = bi.targets[String(year)];
          const got = ind.targets[String(year + 2)];
          if (expected === null || expected.kind !== "deadline") expect(got).toEqual(expected);
          else
            expect(got?.deadline).toBe(`${Number(expected.deadline!.slice(0, 4)) + 2}${expected.deadline!.slice(4)}`);
        }
      });
    });
  });

  it("a first column headed 'Target' with no year everywhere still finds the years from the others", () => {
    const plan = readCruscotto(sample.replace(/\tTarget 2023/g, "\tTarget"));
    expect(plan.years).toEqual([2023, 2024, 2025, 2026]);
    expect(plan.objectives).toEqual(base.objectives);
  });
});

describe("objective titles that do not start with a letter", () => {
  // Each objective's title gets a start a letter-only pattern would miss; the number still opens it.
  const starts = [
    "5G e reti: ",
    "«Camera digitale» ",
    '"Camera" ',
    "(PNRR) ",
    "“PID” ",
    "'Progetto' ",
    "4.0 e ",
    "[A] ",
  ];

  function retitled(text: string): string {
    const lines = text.split("\n");
    const { blocks } = objectiveBlocks(text);
    let at = 0;
    blocks.forEach((block, i) => {
      at = lines.indexOf(block[0], at);
      const firstWord = base.objectives[i].title.split(" ")[0];
      const header = lines[at];
      const cut = header.indexOf(firstWord, header.search(/\d/) + 1);
      lines[at] = header.slice(0, cut) + starts[i % starts.length] + header.slice(cut);
      at += 1;
    });
    return lines.join("\n");
  }

  it.each([
    ["as in the sample", (t: string) => t],
    ["without markup", stripMarkup],
    ["with single spaces", (t: string) => stripMarkup(t).replace(/\t/g, " ")],
  ])("%s: every objective is read, with its whole title", (_name, variant) => {
    const plan = readCruscotto(variant(retitled(sample)));
    const reference = readCruscotto(variant(sample));
    expect(plan.objectives.map((o) => o.title)).toEqual(
      reference.objectives.map((o, i) => `${starts[i % starts.length]}${o.title}`),
    );
    expect(plan.objectives.map((o) => ({ ...o, title: "" }))).toEqual(
      reference.objectives.map((o) => ({ ...o, title: "" })),
    );
    expect(withoutLines(plan)).toEqual(withoutLines(reference));
  });

  it.each([
    ["a row of years", "2023 2024 2025"],
    ["figures", "12 345,00"],
    ["a figure and a percent", "3 14,29%"],
  ])("%s is no objective header", (_name, line) => {
    const { blocks, preamble } = objectiveBlocks(sample);
    const text = [...preamble, ...blocks[0], line, ...blocks.slice(1).flat()].join("\n");
    const plan = readCruscotto(text);
    expect(plan.objectives.map((o) => o.number)).toEqual(base.objectives.map((o) => o.number));
    expect(plan.diagnostics.some((d) => d.code === "line-unused" && d.message.includes(line))).toBe(true);
  });
});
