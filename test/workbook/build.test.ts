// The workbook description for the whole sample: structure, literal text, formulas limited to
// what Excel 2016 and LibreOffice 7.4 know, names, colours, validations and protection.
import { readCruscotto } from "../../src/domain/reader";
import type { Plan } from "../../src/domain/model";
import { defaultSettings, type Settings } from "../../src/domain/settings";
import { NO_WORDS, YES_WORDS } from "../../src/domain/score";
import { buildWorkbook } from "../../src/workbook/build";
import { HEADERS, NAMES, RANGE_NAMES, SHEETS, STEMS, TABLES, indicatorLayout } from "../../src/workbook/layout";
import { REPORT_NAMES } from "../../src/workbook/layoutReport";
import { isFormula, type CellSpec, type WorkbookDescription } from "../../src/workbook/types";
import { sampleText } from "../helpers/sample";

const plan = readCruscotto(sampleText());
const native = buildWorkbook(plan, { ...defaultSettings(plan), formulaMode: "native" });
const pira = buildWorkbook(plan, { ...defaultSettings(plan), formulaMode: "pira" });

// Functions every formula may use: all exist in Excel 2016 and LibreOffice 7.4.
const PORTABLE = new Set([
  "INDEX",
  "TEXT",
  "IF",
  "IFERROR",
  "AND",
  "OR",
  "NOT",
  "ISNUMBER",
  "ISLOGICAL",
  "TRIM",
  "UPPER",
  "INT",
  "MAX",
  "ABS",
  "ROUND",
  "SUMPRODUCT",
  "CHOOSE",
  "MATCH",
  "INDEX",
  "SUMIFS",
  "ISERROR",
  "ERROR.TYPE",
  "N",
  "COUNTIF",
  "ROWS",
]);

function allCells(wb: WorkbookDescription): { sheet: string; cell: CellSpec; where: string }[] {
  return wb.sheets.flatMap((s) => [
    ...s.tables.flatMap((t) =>
      t.rows.flatMap((r, ri) => r.map((cell, ci) => ({ sheet: s.name, cell, where: `${t.name}[${ri},${ci}]` }))),
    ),
    ...s.ranges.flatMap((g) =>
      g.rows.flatMap((r, ri) => r.map((cell, ci) => ({ sheet: s.name, cell, where: `${g.topLeft}+${ri},${ci}` }))),
    ),
  ]);
}

function formulas(wb: WorkbookDescription): string[] {
  return [
    ...allCells(wb)
      .map((c) => c.cell)
      .filter(isFormula)
      .map((f) => f.formula),
    ...wb.sheets.flatMap((s) => s.conditionalFormats.map((c) => c.formula)),
    ...wb.sheets.flatMap((s) => s.validations.flatMap((v) => (v.type === "custom" ? [v.formula] : []))),
  ];
}

function functionsUsed(formula: string): string[] {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...withoutStrings.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
}

describe("workbook description of the sample", () => {
  it("has the eight Italian sheets in order, each protected without a password", () => {
    expect(native.sheets.map((s) => s.name)).toEqual([
      "Cruscotto",
      "Indicatori",
      "Obiettivi",
      "Impostazioni",
      "Diagnostica",
      "Archivio",
      "Registro",
      "Rendicontazione",
    ]);
    for (const s of native.sheets) expect(s.protection).toMatchObject({ protect: true, password: "" });
  });

  it("has one Indicatori row per indicator with id, name, OC, weight, objective and every year's target", () => {
    const table = native.sheets[1].tables[0];
    expect(table.name).toBe(TABLES.indicators);
    const layout = indicatorLayout(plan.years);
    const indicators = plan.objectives.flatMap((o) => o.indicators.map((i) => ({ o, i })));
    expect(table.rows).toHaveLength(58);
    table.rows.forEach((row, r) => {
      const { o, i } = indicators[r];
      expect(row[layout.fixed.id]).toBe(i.id);
      expect(row[layout.fixed.name]).toBe(i.name);
      expect(row[layout.fixed.common]).toBe(i.common ? "SI" : null);
      expect(row[layout.fixed.weight]).toBeCloseTo(i.weight / 100, 12);
      expect(row[layout.fixed.objective]).toBe(o.number);
      for (const year of plan.years) {
        expect(row[layout.perYear.get(year)!.target]).toBe(i.targets[String(year)]?.text ?? null);
        expect(row[layout.perYear.get(year)!.actual]).toBeNull();
      }
    });
  });

  it("has one Obiettivi row per objective with all its fields", () => {
    const table = native.sheets[2].tables[0];
    expect(table.name).toBe(TABLES.objectives);
    expect(table.rows.map((r) => r.slice(0, 9))).toEqual(
      plan.objectives.map((o) => [
        o.number,
        o.title,
        o.areaCode,
        plan.areas.find((a) => a.code === o.areaCode)!.name,
        Number((o.weightOnArea / 100).toPrecision(12)),
        o.resources,
        o.perspective,
        o.mission,
        o.programme,
      ]),
    );
    const headers = table.columns.map((c) => c.header);
    for (const year of plan.years)
      expect(headers).toEqual(
        expect.arrayContaining([HEADERS.score(year), HEADERS.coverage(year), HEADERS.status(year)]),
      );
  });

  it("lists the reader's diagnostics with their lines", () => {
    const rows = native.sheets[4].tables[0].rows;
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual(
      plan.diagnostics.map((d) => [
        d.line,
        { error: "Errore", warning: "Avviso", info: "Nota" }[d.severity],
        d.message,
      ]),
    );
  });

  it("uses only portable functions in native mode, and PIRA functions only for indicator scores in PIRA mode", () => {
    for (const f of formulas(native)) for (const fn of functionsUsed(f)) expect(PORTABLE).toContain(fn);
    const piraOnly = formulas(pira).filter((f) => /PIRA\./.test(f));
    expect(piraOnly).toHaveLength(58 * plan.years.length * 2);
    for (const f of formulas(pira))
      for (const fn of functionsUsed(f)) expect([...PORTABLE, "PIRA.SCORE", "PIRA.TARGET"]).toContain(fn);
  });

  it("refers only to names it defines", () => {
    const defined = new Set(native.names.map((n) => n.name));
    expect([...defined].sort()).toEqual(
      [
        ...Object.values(NAMES),
        "PIRA_Si",
        "PIRA_No",
        "PIRA_SiNo",
        RANGE_NAMES.objective,
        RANGE_NAMES.weight,
        RANGE_NAMES.objectiveArea,
        RANGE_NAMES.objectiveWeight,
        ...plan.years.flatMap((y) => [
          RANGE_NAMES.score(y),
          RANGE_NAMES.scoredWeight(y),
          RANGE_NAMES.weightedScore(y),
          RANGE_NAMES.objectiveScoredWeight(y),
          RANGE_NAMES.objectiveWeightedScore(y),
          RANGE_NAMES.objectiveWeightedCoverage(y),
        ]),
        ...Object.values(REPORT_NAMES).flatMap((p) => [`${p}_Intestazioni`, `${p}_Chiavi`, `${p}_Valori`]),
      ].sort(),
    );
    for (const f of [...formulas(native), ...formulas(pira)]) {
      const withoutStrings = f.replace(/"(?:[^"]|"")*"/g, '""');
      for (const m of withoutStrings.matchAll(/\bPIRA_[A-Za-z0-9_]+/g)) expect(defined).toContain(m[0]);
    }
    const lookups = native.names.filter((n) => n.name.startsWith("PIRA_Rend_"));
    for (const n of lookups)
      expect(n.refersTo).toMatch(/^=(Indicatori|Obiettivi|Cruscotto)!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
    for (const n of native.names.filter((x) => !lookups.includes(x)))
      expect(n.refersTo).toMatch(
        /^=(Impostazioni!\$[BIJ]\$\d+|Impostazioni!\$E\$\d+:\$E\$\d+|Indicatori!\$[A-Z]+\$2:\$[A-Z]+\$59|Obiettivi!\$[A-Z]+\$2:\$[A-Z]+\$15)$/,
      );
  });

  it("differs between formula modes only in the indicator score and status cells and the mode label", () => {
    const diff: string[] = [];
    const a = allCells(native);
    const b = allCells(pira);
    expect(a).toHaveLength(b.length);
    a.forEach((cell, i) => {
      if (JSON.stringify(cell.cell) !== JSON.stringify(b[i].cell)) diff.push(`${cell.sheet}:${cell.where}`);
    });
    expect(diff.filter((d) => !d.startsWith("Indicatori:"))).toEqual(["Impostazioni:B7+0,0"]);
    expect(diff.filter((d) => d.startsWith("Indicatori:"))).toHaveLength(58 * plan.years.length * 2);
  });

  it("colours consuntivo, score and status cells with three native rules per year, reading the threshold names", () => {
    // The notes' own rule (one per year, on the «Nota» cells) is tested with the notes.
    const cfs = native.sheets[1].conditionalFormats.filter((c) => !c.formula.includes("TRIM("));
    expect(cfs).toHaveLength(plan.years.length * 3);
    expect(cfs.map((c) => c.meaning)).toEqual(plan.years.flatMap(() => ["green", "amber", "red"]));
    for (const c of cfs) {
      expect(c.range).toMatch(/^[A-Z]+2:[A-Z]+59$/);
      expect(c.formula).toMatch(/^=AND\(ISNUMBER\(\$[A-Z]+2\),/);
      expect(c.formula).toMatch(c.meaning === "red" ? /PIRA_SogliaGialla/ : /PIRA_Soglia/);
    }
    for (const s of native.sheets) {
      const priorities = s.conditionalFormats.map((c) => c.priority);
      expect(new Set(priorities).size).toBe(priorities.length);
    }
  });

  it("validates every consuntivo column and the settings, with Italian messages", () => {
    const layout = indicatorLayout(plan.years);
    const validations = native.sheets[1].validations;
    expect(validations).toHaveLength(plan.years.length);
    for (const v of validations) {
      expect(v.type).toBe("custom");
      expect(v.prompt.message).toMatch(/^Consuntivo \d{4}: un numero/);
      expect(v.error.title).toBe("Consuntivo non valido");
    }
    // The other input columns are the notes («Nota YYYY»), tested with the notes.
    const actualColumns = native.sheets[1].tables[0].columns.filter(
      (c) => c.role === "input" && !c.header.startsWith(STEMS.note),
    );
    expect(actualColumns.map((c) => c.header)).toEqual(plan.years.map((y) => HEADERS.actual(y)));
    // Percent targets get a percent cell, deadlines a date cell.
    const formats = actualColumns[0].cellNumberFormats!;
    const targets2023 = plan.objectives.flatMap((o) => o.indicators.map((i) => i.targets["2023"]));
    targets2023.forEach((t, r) =>
      expect(formats[r]).toBe(t?.unit === "%" ? "0.00%" : t?.kind === "deadline" ? "dd/mm/yyyy" : "General"),
    );
    expect(layout.columns.filter((c) => c.role === "helper").every((c) => c.hidden)).toBe(true);
    // Year, band profile, the custom profile's thresholds, scoring mode, area weights.
    expect(native.sheets[3].validations.map((v) => v.type)).toEqual(["list", "list", "decimal", "list", "decimal"]);
  });

  it("puts settings where the names point and unlocks only what users may change", () => {
    const settings = native.sheets[3];
    const unlocked = settings.ranges.filter((r) => r.unlocked);
    // The thresholds in force are formulas over the band profiles; users choose the profile or
    // edit the custom profile's pair.
    expect(unlocked.map((r) => [r.topLeft, r.rows])).toEqual([
      ["B3", [[2023]]],
      ["B6", [["proporzionale"]]],
      ["B9", [["Standard"]]],
      ["I5", [[1, 0.7]]],
    ]);
    expect(settings.tables[0].columns.map((c) => c.role)).toEqual(["data", "data", "setting"]);
    for (const s of native.sheets)
      for (const t of s.tables)
        for (const c of t.columns) if (c.role === "input") expect(t.name).toBe(TABLES.indicators);
  });

  it("draws the area and objective scores as native bar charts on the Cruscotto sheet", () => {
    const charts = native.sheets[0].charts;
    expect(charts.map((c) => c.title)).toEqual(["Punteggio per ambito strategico", "Punteggio per obiettivo"]);
    expect(charts[0].values).toBe("Cruscotto!$C$9:$C$12");
    expect(charts[1].values).toBe("Cruscotto!$C$16:$C$29");
    expect(charts[0].categories).toBe("Cruscotto!$A$9:$A$12");
  });
});

describe("text from the document never becomes a formula", () => {
  const hostile = ['=HYPERLINK("http://x","clic")', "+SOMMA(A1)", "-2+3", "@CMD", "=1+1"];
  const evil: Plan = JSON.parse(JSON.stringify(plan));
  evil.title = hostile[0];
  evil.objectives.forEach((o, i) => {
    o.title = hostile[i % hostile.length];
    o.programme = hostile[(i + 1) % hostile.length];
    o.indicators.forEach((ind, j) => {
      ind.name = hostile[j % hostile.length];
      ind.targets["2023"] = {
        text: hostile[(i + j) % hostile.length],
        kind: "unreadable",
        value: null,
        unit: "",
        deadline: null,
      };
    });
  });
  evil.diagnostics.push({ line: 1, severity: "error", code: "line-unused", message: hostile[1] });

  it.each<[string, Settings["formulaMode"]]>([
    ["native", "native"],
    ["pira", "pira"],
  ])("in %s mode every hostile text is a literal string cell", (_name, formulaMode) => {
    const wb = buildWorkbook(evil, { ...defaultSettings(evil), formulaMode });
    const cells = allCells(wb);
    const literal = cells.filter((c) => typeof c.cell === "string" && hostile.includes(c.cell));
    expect(literal.length).toBeGreaterThan(58 * 2);
    for (const f of cells.map((c) => c.cell).filter(isFormula))
      for (const h of hostile) expect(f.formula).not.toContain(h);
  });
});

describe("sheets for a plan of other shape", () => {
  it("builds for the 100× plan with one row per indicator", () => {
    // Imported lazily: the synthetic generator is test-only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { syntheticCruscotto } = require("../helpers/synthetic") as typeof import("../helpers/synthetic");
    const big = readCruscotto(syntheticCruscotto(100));
    const wb = buildWorkbook(big, defaultSettings(big));
    expect(wb.sheets.find((s) => s.name === SHEETS.indicators)!.tables[0].rows).toHaveLength(5800);
    expect(wb.sheets.find((s) => s.name === SHEETS.objectives)!.tables[0].rows).toHaveLength(1400);
  });
});

describe("rule formulas Excel accepts", () => {
  it("keeps every validation and conditional-format formula within 255 characters, in both modes", () => {
    for (const wb of [native, pira])
      for (const s of wb.sheets) {
        for (const v of s.validations) if (v.type === "custom") expect(v.formula.length).toBeLessThanOrEqual(255);
        for (const c of s.conditionalFormats) expect(c.formula.length).toBeLessThanOrEqual(255);
      }
  });

  it("lists the yes/no spellings of the domain in the Impostazioni cells the names point at", () => {
    const settings = native.sheets.find((s) => s.name === SHEETS.settings)!;
    const words = settings.ranges.find((r) => r.topLeft === "E3")!;
    expect(words.rows).toEqual([...YES_WORDS.map((w) => [w, "sì"]), ...NO_WORDS.map((w) => [w, "no"])]);
    const byName = Object.fromEntries(native.names.map((n) => [n.name, n.refersTo]));
    expect([byName.PIRA_Si, byName.PIRA_No, byName.PIRA_SiNo]).toEqual([
      "=Impostazioni!$E$3:$E$8",
      "=Impostazioni!$E$9:$E$11",
      "=Impostazioni!$E$3:$E$11",
    ]);
  });
});
