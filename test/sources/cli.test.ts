// `pira parse` of the bundled PDF and Word file prints the plan of the text sample: the same JSON,
// diagnostics aside from their line numbers (the PDF and Word file also carry the closing note
// "Documento allegato…", which the text conversion lost; it is reported, not dropped).
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import type { Plan } from "../../src/domain/model";
import { ROOT } from "../helpers/sourceText";

function parse(file: string): Plan {
  const out = execFileSync(process.execPath, [path.join(ROOT, "bin/pira.js"), "parse", file], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as Plan;
}

const text = parse("samples/cruscotto-pira-2023.txt");
const withoutLines = (plan: Plan) => plan.diagnostics.map(({ line: _line, ...rest }) => rest);

describe.each(["samples/cruscotto-pira-2023.pdf", "samples/cruscotto-pira-2023.docx"])("pira parse %s", (file) => {
  const plan = parse(file);

  it("prints the plan of the text sample", () => {
    const { diagnostics: _a, ...got } = plan;
    const { diagnostics: _b, ...want } = text;
    expect(got).toEqual(want);
    expect(plan.objectives[0].indicators[3].targets).toMatchObject({ "2025": null, "2026": null });
  });

  it("reports what the text sample reports, and the closing note it does not have", () => {
    const extra = withoutLines(plan).filter(
      (d) => !withoutLines(text).some((t) => JSON.stringify(t) === JSON.stringify(d)),
    );
    expect(withoutLines(plan)).toEqual(expect.arrayContaining(withoutLines(text)));
    expect(extra).toEqual([
      {
        code: "line-unused",
        severity: "warning",
        message: expect.stringContaining("«Documento allegato alla deliberazione del Consiglio"),
        objective: 14,
        params: expect.objectContaining({ objective: 14 }),
      },
    ]);
  });
});
