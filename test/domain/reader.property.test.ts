// Random damage to the real sample: the reader never throws, keeps the number of every
// objective whose header survives, and accounts for every line (used, or named in a diagnostic).
import fc from "fast-check";
import { readCruscottoDetailed } from "../../src/domain/reader";
import { sampleText } from "../helpers/sample";

const sampleLines = sampleText().split("\n");
const headerLines = sampleLines.filter((l) => /^(\*\*\d+|<b>\d+<\/b>)/.test(l));

type Mutation =
  | { op: "delete"; at: number }
  | { op: "duplicate"; at: number }
  | { op: "swap"; at: number; with: number }
  | { op: "cut"; at: number; from: number; length: number }
  | { op: "bytes"; at: number; where: number; junk: string };

const index = fc.nat({ max: sampleLines.length * 2 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: index }),
  fc.record({ op: fc.constant("duplicate" as const), at: index }),
  fc.record({ op: fc.constant("swap" as const), at: index, with: index }),
  fc.record({ op: fc.constant("cut" as const), at: index, from: fc.nat({ max: 200 }), length: fc.nat({ max: 12 }) }),
  fc.record({
    op: fc.constant("bytes" as const),
    at: index,
    where: fc.nat({ max: 200 }),
    junk: fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
  }),
);

function apply(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  if (out.length === 0) return out;
  const i = m.at % out.length;
  switch (m.op) {
    case "delete":
      out.splice(i, 1);
      break;
    case "duplicate":
      out.splice(i, 0, out[i]);
      break;
    case "swap": {
      const j = m.with % out.length;
      [out[i], out[j]] = [out[j], out[i]];
      break;
    }
    case "cut": {
      const from = m.from % (out[i].length + 1);
      out[i] = out[i].slice(0, from) + out[i].slice(from + m.length);
      break;
    }
    case "bytes": {
      const where = m.where % (out[i].length + 1);
      out[i] = out[i].slice(0, where) + m.junk + out[i].slice(where);
      break;
    }
  }
  return out;
}

describe("reader under random mutations of the sample", () => {
  it("never throws, keeps objective numbers and accounts for every line", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const text = mutations.reduce(apply, sampleLines).join("\n");
        // Junk may hold line breaks: count lines as the reader does.
        const lines = text.replace(/\r\n?/g, "\n").split("\n");
        const { plan, accountedLines } = readCruscottoDetailed(text);

        // Every surviving header still gives its objective, under its own number.
        for (const header of headerLines) {
          if (!lines.includes(header)) continue;
          const number = Number(/\d+/.exec(header)![0]);
          expect(plan.objectives.some((o) => o.number === number)).toBe(true);
        }
        // No objective number is invented: each one is the number of a line that starts with it.
        for (const o of plan.objectives) {
          const starts = new RegExp(`^${o.number}\\b`);
          expect(lines.some((l) => starts.test(l.replace(/<\/?[a-zA-Z][^>]*>|\*\*/g, "").trim()))).toBe(true);
        }
        // No silent loss: every line with content went into the plan or into a diagnostic.
        lines.forEach((line, i) => {
          const content = line.replace(/<\/?[a-zA-Z][^>]*>|\*\*/g, "").replace(/[\s\u00a0\-=_]/g, "");
          if (content !== "") expect(accountedLines.has(i + 1)).toBe(true);
        });
        // Diagnostics point at real lines.
        for (const d of plan.diagnostics) expect(d.line).toBeLessThanOrEqual(lines.length);
      }),
      { numRuns: 1200, seed: 20231031 },
    );
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const { plan } = readCruscottoDetailed(text);
        expect(Array.isArray(plan.objectives)).toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
