// The assembler: walks the classified lines and builds areas, objectives and indicators, one
// case per kind of line. What it cannot use becomes a diagnostic with its line; checks.ts judges
// what was built.

import { assertNever } from "../assertNever";
import { emptyObjective, type Area, type Diagnostic, type Plan, type Severity, type Target } from "../model";
import { parseTarget } from "../targets";
import { areaWeightChecks, indicatorRowChecks, objectiveChecks, planChecks, type ObjectiveReading } from "./checks";
import { classify, type LineContext, type SourceLine } from "./classify";
import { diagnostic, type DiagnosticCode, type DiagnosticParams } from "./messages";
import {
  AREA_LINE,
  excerpt,
  headerYears,
  indicatorName,
  isTargetHeaderRow,
  parseEuro,
  parsePercent,
  stripHeaderCells,
  targetHeaderCells,
  titleAndDate,
  type FieldKey,
  type IndicatorRow,
  type LabelHit,
} from "./rules";

export interface ReadResult {
  plan: Plan;
  /** Lines (1-based) whose content went into the plan or into a diagnostic. */
  accountedLines: Set<number>;
}

interface ObjectiveDraft extends ObjectiveReading {
  tableYears: number[] | null;
}

interface Pending {
  keys: FieldKey[];
  line: number;
}

export class Assembler {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly accounted = new Set<number>();
  private readonly drafts: ObjectiveDraft[] = [];
  private readonly draftsByNumber = new Map<number, ObjectiveDraft>();
  private readonly areas = new Map<string, Area>();
  private planYears: number[] = [];
  private title = "";
  private date = "";

  constructor(private readonly lines: SourceLine[]) {}

  read(): ReadResult {
    this.planYears = this.collectYears();
    this.walk();
    for (const d of this.drafts) this.addAll(objectiveChecks(d));
    this.addAll(areaWeightChecks(this.drafts));
    this.addAll(planChecks(this.drafts.length, this.planYears.length));
    this.diagnostics.sort((a, b) => a.line - b.line);
    return {
      plan: {
        title: this.title,
        date: this.date,
        years: this.planYears,
        areas: [...this.areas.values()],
        objectives: this.drafts.map((d) => d.objective),
        diagnostics: this.diagnostics,
      },
      accountedLines: this.accounted,
    };
  }

  private add(d: Diagnostic): void {
    this.diagnostics.push(d);
    if (d.line > 0) this.accounted.add(d.line);
  }

  private addAll(ds: Diagnostic[]): void {
    ds.forEach((d) => this.add(d));
  }

  private report<C extends DiagnosticCode>(
    code: C,
    params: DiagnosticParams[C],
    line: number,
    severity: Severity,
    objective?: number,
    indicator?: string,
  ): void {
    this.add(diagnostic(code, params, { line, severity, objective, indicator }));
  }

  /** First pass: the plan's years, from every target header in the document. */
  private collectYears(): number[] {
    const years = new Set<number>();
    const bare: number[] = [];
    for (const line of this.lines) {
      if (!isTargetHeaderRow(line.cells)) continue;
      const ys = headerYears(line.cells, []);
      if (ys) ys.forEach((y) => years.add(y));
      else bare.push(targetHeaderCells(line.cells).length);
    }
    if (years.size === 0 && bare.length > 0) {
      // No header names a year: count from the approval date's year.
      const first = this.lines.find((l) => l.text !== "");
      const dated = first ? titleAndDate(first.text).date : "";
      if (dated) {
        const start = Number(dated.slice(0, 4));
        for (let i = 0; i < Math.max(...bare); i++) years.add(start + i);
        this.report("years-assumed", { from: start }, 0, "warning");
      }
    }
    return [...years].filter((y) => y >= 1900 && y <= 2200).sort((a, b) => a - b);
  }

  private current(): ObjectiveDraft | undefined {
    return this.drafts[this.drafts.length - 1];
  }

  private walk(): void {
    let pending: Pending | null = null;
    let seenContent = false;
    let lastIndicatorLine = -1;

    for (const line of this.lines) {
      const draft = this.current();
      const context: LineContext = {
        afterIndicator: draft !== undefined && lastIndicatorLine === line.number - 1,
        seenContent,
        inObjective: draft !== undefined,
        pending: pending !== null,
        pendingWeight: pending !== null && pending.keys.includes("weight"),
        areaSet: draft?.fieldLines.area !== undefined,
        expectedTargets: (draft?.tableYears ?? this.planYears).length,
      };
      const kind = classify(line, context);
      if (kind.kind !== "blank" && kind.kind !== "underline" && kind.kind !== "continuation") seenContent = true;
      // Labels wait for their value on the next line; any other kind of line but a value ends the wait.
      if (pending !== null && kind.kind !== "fieldValue" && this.endsWait(kind.kind)) {
        this.flushPending(pending);
        pending = null;
      }
      // classify gives continuation, table headers, rows, labels, values, area and unrecognised
      // lines only inside an objective (context.inObjective): for them `draft` is set.
      switch (kind.kind) {
        case "continuation":
          this.continueIndicatorName(draft as ObjectiveDraft, line);
          lastIndicatorLine = line.number;
          break;
        case "blank":
          break;
        case "underline":
          this.accounted.add(line.number);
          break;
        case "title":
          this.title = kind.title;
          this.date = kind.date;
          this.accounted.add(line.number);
          break;
        case "objectiveHeader":
          this.startObjective(kind.number, kind.title, line.number);
          break;
        case "beforeFirstObjective":
          this.report("line-before-objective", { text: excerpt(line.text) }, line.number, "warning");
          break;
        case "indicatorHeader":
          this.readTableHeader(draft as ObjectiveDraft, line);
          break;
        case "indicatorRow":
          this.readIndicator(draft as ObjectiveDraft, kind.row, line.number);
          lastIndicatorLine = line.number;
          break;
        case "fieldLabels":
          pending = this.readLabels(draft as ObjectiveDraft, kind.labels, line.number);
          break;
        case "fieldValue":
          this.fillPending(draft as ObjectiveDraft, pending as Pending, line);
          pending = null;
          break;
        case "areaLine":
          this.setField(draft as ObjectiveDraft, "area", line.text, line.number);
          break;
        case "splitTableHeader":
          this.accounted.add(line.number);
          break;
        case "unrecognised": {
          const objective = (draft as ObjectiveDraft).objective.number;
          this.report("line-unused", { objective, text: excerpt(line.text) }, line.number, "warning", objective);
          break;
        }
        default:
          assertNever(kind);
      }
    }
    this.flushPending(pending);
  }

  /** Whether a line of this kind ends the wait of labels for their values on the next line. */
  private endsWait(kind: ReturnType<typeof classify>["kind"]): boolean {
    switch (kind) {
      case "objectiveHeader":
      case "indicatorHeader":
      case "indicatorRow":
      case "fieldLabels":
        return true;
      case "continuation":
      case "blank":
      case "underline":
      case "title":
      case "beforeFirstObjective":
      case "fieldValue":
      case "areaLine":
      case "splitTableHeader":
      case "unrecognised":
        return false;
      default:
        return assertNever(kind);
    }
  }

  private startObjective(number: number, title: string, line: number): void {
    this.accounted.add(line);
    const existing = this.draftsByNumber.get(number);
    if (existing) {
      this.report("objective-repeated", { objective: number, firstLine: existing.line }, line, "error", number);
      // Move it last so what follows lands in it.
      this.drafts.splice(this.drafts.indexOf(existing), 1);
      this.drafts.push(existing);
      return;
    }
    const draft: ObjectiveDraft = { objective: emptyObjective(number, title), line, fieldLines: {}, tableYears: null };
    this.drafts.push(draft);
    this.draftsByNumber.set(number, draft);
  }

  private readTableHeader(draft: ObjectiveDraft, line: SourceLine): void {
    const years = headerYears(line.cells, this.planYears);
    if (years) draft.tableYears = years;
    else {
      const objective = draft.objective.number;
      this.report("table-header-without-targets", {}, line.number, "warning", objective);
    }
    this.accounted.add(line.number);
  }

  /** Sets the values given on the labels' line; the labels without one wait for the next line. */
  private readLabels(draft: ObjectiveDraft, labels: LabelHit[], lineNumber: number): Pending | null {
    const waiting: FieldKey[] = [];
    for (const hit of labels) {
      const value = hit.key === "programme" || hit.key === "mission" ? stripHeaderCells(hit.value) : hit.value;
      if (value === "") waiting.push(hit.key);
      else this.setField(draft, hit.key, value, lineNumber);
    }
    this.accounted.add(lineNumber);
    return waiting.length > 0 ? { keys: waiting, line: lineNumber } : null;
  }

  private flushPending(pending: Pending | null): void {
    if (!pending) return;
    const draft = this.current();
    for (const field of pending.keys) {
      const objective = draft?.objective.number;
      this.report("field-value-missing", { field, objective: objective ?? "?" }, pending.line, "warning", objective);
      if (draft) draft.fieldLines[field] = pending.line;
    }
  }

  private fillPending(draft: ObjectiveDraft, pending: Pending, line: SourceLine): void {
    this.accounted.add(line.number);
    if (pending.keys.length === 1) {
      this.setField(draft, pending.keys[0], stripHeaderCells(line.text, line.cells), line.number);
      return;
    }
    let values = line.cells.filter((c) => c !== "");
    // "14,28% 245.970,80 €" with single spaces: the weight ends at its "%".
    const merged = /^([+-]?[\d.,]+\s*%)\s+(.+)$/.exec(values[0] ?? "");
    if (values.length === 1 && pending.keys[0] === "weight" && pending.keys.length > 1 && merged) {
      values = [merged[1], merged[2]];
    }
    const objective = draft.objective.number;
    pending.keys.forEach((field, i) => {
      const value = values[i];
      if (value === undefined || value === "") {
        this.report("field-value-missing", { field, objective }, line.number, "warning", objective);
        draft.fieldLines[field] = line.number;
      } else {
        this.setField(draft, field, value, line.number);
      }
    });
    if (values.length > pending.keys.length) {
      const text = excerpt(values.slice(pending.keys.length).join(" "));
      this.report("field-extra-values", { objective, text }, line.number, "warning", objective);
    }
  }

  private setField(draft: ObjectiveDraft, field: FieldKey, value: string, lineNumber: number): void {
    const o = draft.objective;
    const objective = o.number;
    const warn = (severity: Severity, code: "area-unreadable" | "weight-unreadable" | "resources-unreadable") =>
      this.report(code, { objective, text: excerpt(value) }, lineNumber, severity, objective);
    this.accounted.add(lineNumber);
    if (draft.fieldLines[field] !== undefined) {
      this.report("field-repeated", { field, objective, text: excerpt(value) }, lineNumber, "warning", objective);
      return;
    }
    draft.fieldLines[field] = lineNumber;
    switch (field) {
      case "area": {
        const m = AREA_LINE.exec(value);
        if (!m) return warn("error", "area-unreadable");
        o.areaCode = m[1];
        const name = m[2].trim();
        const known = this.areas.get(m[1]);
        if (!known) this.areas.set(m[1], { code: m[1], name });
        else if (known.name !== name) {
          const params = { area: m[1], name: excerpt(name), known: excerpt(known.name) };
          this.report("area-name-differs", params, lineNumber, "warning", objective);
        }
        return;
      }
      case "weight": {
        const w = parsePercent(value);
        if (w === null) return warn("error", "weight-unreadable");
        o.weightOnArea = w;
        return;
      }
      case "resources": {
        const euro = parseEuro(value);
        if (euro === null) return warn("warning", "resources-unreadable");
        o.resources = euro;
        return;
      }
      case "perspective":
        o.perspective = value;
        return;
      case "mission":
        o.mission = value;
        return;
      case "programme":
        o.programme = value;
        return;
      default:
        assertNever(field);
    }
  }

  private continueIndicatorName(draft: ObjectiveDraft, line: SourceLine): void {
    const indicator = draft.objective.indicators[draft.objective.indicators.length - 1];
    if (/\(OC\)/i.test(line.text)) indicator.common = true;
    const more = indicatorName(line.text);
    indicator.name = `${indicator.name} ${more}`.trim();
    const params = { indicator: indicator.id, text: excerpt(more) };
    this.report("name-continued", params, line.number, "info", draft.objective.number, indicator.id);
  }

  private readIndicator(draft: ObjectiveDraft, row: IndicatorRow, lineNumber: number): void {
    const years = draft.tableYears ?? this.planYears;
    const o = draft.objective;
    const id = `${o.number}.${o.indicators.length + 1}`;
    const targets: Record<string, Target | null> = {};
    for (const y of this.planYears) targets[String(y)] = null;
    const columns = years.map((year, i) => ({ year, target: parseTarget(row.targets[i] ?? "") }));
    for (const { year, target } of columns) targets[String(year)] = target;
    const indicator = {
      id,
      name: indicatorName(row.name),
      common: /\(OC\)/i.test(row.name),
      weight: row.weight,
      targets,
    };
    const reading = { line: lineNumber, objective: o.number, indicator, columns, planYears: this.planYears };
    // splitIndicatorRow never gives more target cells than the table has columns.
    this.addAll(indicatorRowChecks(reading));
    o.indicators.push(indicator);
    this.accounted.add(lineNumber);
  }
}
