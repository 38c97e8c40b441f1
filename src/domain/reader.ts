// The cruscotto reader: text of the approved document (a PDF turned into text, with markdown,
// <b> cells, tabs, setext underlines, labels on the same or the next line) → Plan.
// It never throws, never drops a line silently: what it cannot use becomes a diagnostic.

import {
  emptyObjective,
  type Area,
  type Diagnostic,
  type Indicator,
  type Objective,
  type Plan,
  type Severity,
  type Target,
} from "./model";
import { formatItalianNumber, parseItalianNumber } from "./numbers";
import { isoDate, parseTarget } from "./targets";
import { cleanText } from "./text";

export const NO_YEARS_MESSAGE =
  'Nessun anno di target trovato: le tabelle degli indicatori non hanno colonne "Target AAAA".';

/** Tolerance on weight sums: 14,28/14,29 rounding in the documents. */
export const WEIGHT_TOLERANCE = 0.05;

type FieldKey = "area" | "weight" | "resources" | "perspective" | "mission" | "programme";

const FIELD_LABELS: ReadonlyArray<[FieldKey, RegExp]> = [
  ["area", /Ambito strategico(?:\s*\(AS\))?\s*:/i],
  ["weight", /Peso su AS\s*:/i],
  ["resources", /Risorse economiche\s*:/i],
  ["perspective", /Prospettiva BSC\s*:/i],
  ["mission", /Missione\s*:(?:\s*\(ex D\.\s?M\.[^)]*\))?/i],
  ["programme", /Programma\s*:(?:\s*\(ex D\.\s?M\.[^)]*\))?/i],
];

const FIELD_NAMES: Record<FieldKey, string> = {
  area: "Ambito strategico",
  weight: "Peso su AS",
  resources: "Risorse economiche",
  perspective: "Prospettiva BSC",
  mission: "Missione",
  programme: "Programma",
};

const OBJECTIVE_HEADER = /^(\d{1,4})[.)]?\s+(\p{L}.*)$/u;
const AREA_LINE = /^(\d{2,4})\s*[-–—]\s*(\S.*)$/;
const WEIGHT_CELL = /^([+-]?\d{1,3}(?:[.,]\d+)?)\s*%(?:\s+(.*))?$/;
const TARGET_HEADER_CELL = /^(?:Target|Anno)(?:\s+(\d{4}))?$/i;
const INDICATOR_HEADER = /^Indicatori\b/i;
const UNDERLINE = /^[\s\-=_]+$/;
const OC_MARK = /\s*\(OC\)\s*/gi;
// One target at the end of a space-separated row, for rows that lost their tabs.
const TRAILING_TARGET =
  /(?:^|\s)((?:(?:>=|=>|<=|=<|≥|≤|=)\s*)?[+\-\u2212]?\d[\d.,]*\s*(?:%|N\.|gg|h|€)?|Entro\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|SI|NO)\s*$/i;

interface SourceLine {
  number: number;
  raw: string;
  /** Raw cells split on tabs or runs of 2+ spaces, each cleaned. */
  cells: string[];
  text: string;
}

interface LabelHit {
  key: FieldKey;
  value: string;
}

interface ObjectiveDraft {
  objective: Objective;
  line: number;
  fieldLines: Partial<Record<FieldKey, number>>;
  tableYears: number[] | null;
}

export interface ReadResult {
  plan: Plan;
  /** Lines (1-based) whose content went into the plan or into a diagnostic. */
  accountedLines: Set<number>;
}

function splitLines(text: string): SourceLine[] {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return normalised.split("\n").map((raw, i) => {
    const spaced = raw.replace(/[\u00a0\u2007\u202f]/g, " ");
    const cells = spaced.split(/\t| {2,}/).map(cleanText);
    return { number: i + 1, raw: spaced, cells, text: cleanText(spaced) };
  });
}

function findLabels(text: string): LabelHit[] {
  const hits: { key: FieldKey; start: number; end: number }[] = [];
  for (const [key, re] of FIELD_LABELS) {
    const m = re.exec(text);
    if (m) hits.push({ key, start: m.index, end: m.index + m[0].length });
  }
  hits.sort((a, b) => a.start - b.start);
  return hits.map((h, i) => ({
    key: h.key,
    value: text.slice(h.end, i + 1 < hits.length ? hits[i + 1].start : text.length).trim(),
  }));
}

/**
 * The target column headers of a row: cells such as "Target 2024", or, where the conversion lost
 * the tabs, the "Target …" words inside one cell ("Indicatori (100%) Target 2023 Target 2024").
 */
function targetHeaderCells(cells: string[]): string[] {
  return cells.flatMap((c) =>
    TARGET_HEADER_CELL.test(c) ? [c] : /\bTarget\b/i.test(c) ? (c.match(/\bTarget(?:\s+\d{4})?\b/gi) ?? []) : [],
  );
}

function isTargetHeaderRow(cells: string[]): boolean {
  return targetHeaderCells(cells).some((c) => /^Target/i.test(c));
}

/** Years of a target header row; a bare "Target" takes its year from its neighbours. */
function headerYears(cells: string[], fallbackYears: number[]): number[] | null {
  const targetCells = targetHeaderCells(cells);
  if (targetCells.length === 0) return null;
  const explicit = targetCells.map((c) => {
    const m = TARGET_HEADER_CELL.exec(c);
    return m && m[1] ? Number(m[1]) : null;
  });
  const anchor = explicit.findIndex((y) => y !== null);
  if (anchor >= 0) {
    const base = (explicit[anchor] as number) - anchor;
    return explicit.map((y, i) => y ?? base + i);
  }
  if (fallbackYears.length >= targetCells.length) return fallbackYears.slice(0, targetCells.length);
  return null;
}

function parsePercent(text: string): number | null {
  const m = /^([+-]?[\d.,]+)\s*%$/.exec(text.trim());
  return m ? parseItalianNumber(m[1]) : null;
}

function parseEuro(text: string): number | null {
  const stripped = text.replace(/€|\bEUR\b|\beuro\b/gi, "").trim();
  return stripped === "" ? null : parseItalianNumber(stripped);
}

function titleAndDate(text: string): { title: string; date: string } {
  const title = text.replace(/^#+\s*/, "").trim();
  const m = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/.exec(title);
  const date = m ? (isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? "") : "";
  return { title, date };
}

/** Splits an indicator row into weight, name and target cells. */
function splitIndicatorRow(
  line: SourceLine,
  expectedTargets: number,
): { weight: number; name: string; targets: string[] } | null {
  const rawCells = line.cells;
  const first = WEIGHT_CELL.exec(rawCells[0] ?? "");
  if (!first) return null;
  const weight = parseItalianNumber(first[1]);
  if (weight === null) return null;
  let rest = rawCells.slice(1);
  let name = first[2] ?? "";
  if (name === "") {
    // Weight in a cell of its own; a blank cell may stand between weight and name.
    while (rest.length > expectedTargets + 1 && rest[0] === "") rest = rest.slice(1);
    name = rest[0] ?? "";
    rest = rest.slice(1);
  }
  // Trailing empty cells past the year columns are layout noise.
  while (rest.length > expectedTargets && rest[rest.length - 1] === "") rest = rest.slice(0, -1);
  if (rest.length === expectedTargets) return { weight, name, targets: rest };
  if (
    rest.some((c) => c !== "") &&
    rest.length < expectedTargets &&
    rest.every((c) => parseTarget(c)?.kind !== "unreadable")
  ) {
    // Cells kept but blank trailing ones lost (space-separated layout): the later years are missing.
    return { weight, name, targets: [...rest, ...Array<string>(expectedTargets - rest.length).fill("")] };
  }

  // Tabs lost or merged: peel targets off the end of the joined text.
  let joined = [name, ...rest].filter((c) => c !== "").join(" ");
  const peeled: string[] = [];
  const bare = (t: string) => /^[+\-\u2212]?\d[\d.,]*$/.test(t);
  while (peeled.length < expectedTargets) {
    const m = TRAILING_TARGET.exec(joined);
    if (!m) break;
    const before = joined.slice(0, m.index).trim();
    if (before === "") break;
    const target = m[1].trim();
    // A bare number after targets with an operator or unit belongs to the name ("DFP 3.3").
    if (bare(target) && peeled.some((p) => !bare(p))) break;
    peeled.unshift(target);
    joined = before;
  }
  return { weight, name: joined, targets: peeled };
}

class Reader {
  private readonly lines: SourceLine[];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly accounted = new Set<number>();
  private readonly drafts: ObjectiveDraft[] = [];
  private readonly draftsByNumber = new Map<number, ObjectiveDraft>();
  private readonly areas = new Map<string, Area>();
  private planYears: number[] = [];
  private title = "";
  private date = "";

  constructor(text: string) {
    this.lines = splitLines(text);
  }

  read(): ReadResult {
    this.planYears = this.collectYears();
    this.walk();
    const objectives = this.drafts.map((d) => this.finishObjective(d));
    this.checkAreaWeights();
    if (objectives.length === 0) {
      this.diag(0, "error", "Nessun obiettivo trovato: il testo non sembra un cruscotto obiettivi strategici PIRA.");
    } else if (this.planYears.length === 0) {
      this.diag(0, "error", NO_YEARS_MESSAGE);
    }
    this.diagnostics.sort((a, b) => a.line - b.line);
    return {
      plan: {
        title: this.title,
        date: this.date,
        years: this.planYears,
        areas: [...this.areas.values()],
        objectives,
        diagnostics: this.diagnostics,
      },
      accountedLines: this.accounted,
    };
  }

  private diag(line: number, severity: Severity, message: string, objective?: number, indicator?: string): void {
    const d: Diagnostic = { line, severity, message };
    if (objective !== undefined) d.objective = objective;
    if (indicator !== undefined) d.indicator = indicator;
    this.diagnostics.push(d);
    if (line > 0) this.accounted.add(line);
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
        this.diag(0, "warning", `Le colonne dei target non indicano l'anno: assunti gli anni dal ${start}.`);
      }
    }
    return [...years].filter((y) => y >= 1900 && y <= 2200).sort((a, b) => a - b);
  }

  private current(): ObjectiveDraft | undefined {
    return this.drafts[this.drafts.length - 1];
  }

  private walk(): void {
    let pending: { keys: FieldKey[]; line: number } | null = null;
    let seenContent = false;
    let lastIndicatorLine = -1;

    for (const line of this.lines) {
      const text = line.text;
      const current = this.current();
      if (current && lastIndicatorLine === line.number - 1 && this.isNameContinuation(line)) {
        this.continueIndicatorName(current, line);
        lastIndicatorLine = line.number;
        continue;
      }
      if (text === "" || UNDERLINE.test(text)) {
        if (text !== "") this.accounted.add(line.number);
        continue;
      }
      const draft = this.current();

      if (!seenContent && !OBJECTIVE_HEADER.test(text) && findLabels(text).length === 0) {
        seenContent = true;
        const { title, date } = titleAndDate(text);
        this.title = title;
        this.date = date;
        this.accounted.add(line.number);
        continue;
      }
      seenContent = true;

      const header = OBJECTIVE_HEADER.exec(text);
      if (
        header &&
        !/^(?:Target|Anno)\b/i.test(header[2]) &&
        !INDICATOR_HEADER.test(text) &&
        // "011 Competitività…" is a code, not objective 11; after "Missione:" a plain line is its value.
        !/^0\d/.test(header[1]) &&
        !(pending !== null && !/\*\*|<b>/i.test(line.raw))
      ) {
        this.flushPending(pending);
        pending = null;
        this.startObjective(Number(header[1]), header[2].trim(), line.number);
        continue;
      }

      if (!draft) {
        this.diag(line.number, "warning", `Riga prima del primo obiettivo, ignorata: «${excerpt(text)}».`);
        continue;
      }

      if (INDICATOR_HEADER.test(line.cells[0] ?? "") || (isTargetHeaderRow(line.cells) && /^Indicatori/i.test(text))) {
        this.flushPending(pending);
        pending = null;
        const years = headerYears(line.cells, this.planYears);
        if (years) draft.tableYears = years;
        else
          this.diag(
            line.number,
            "warning",
            `Intestazione della tabella indicatori senza colonne "Target": si assumono gli anni del piano.`,
            draft.objective.number,
          );
        this.accounted.add(line.number);
        continue;
      }

      const expectsWeightValue = pending !== null && pending.keys.includes("weight");
      if (!expectsWeightValue && WEIGHT_CELL.test(line.cells[0])) {
        if (this.readIndicator(draft, line)) {
          this.flushPending(pending);
          pending = null;
          lastIndicatorLine = line.number;
          continue;
        }
      }

      const labels = findLabels(text);
      if (labels.length > 0) {
        this.flushPending(pending);
        pending = null;
        const waiting: FieldKey[] = [];
        for (const hit of labels) {
          const value = hit.key === "programme" || hit.key === "mission" ? stripHeaderCells(hit.value) : hit.value;
          if (value === "") waiting.push(hit.key);
          else this.setField(draft, hit.key, value, line.number);
        }
        if (waiting.length > 0) pending = { keys: waiting, line: line.number };
        this.accounted.add(line.number);
        continue;
      }

      if (pending !== null) {
        this.fillPending(draft, pending, line);
        pending = null;
        continue;
      }

      const area = AREA_LINE.exec(text);
      if (area && draft.fieldLines.area === undefined) {
        this.setField(draft, "area", text, line.number);
        continue;
      }

      if (isTargetHeaderRow(line.cells)) {
        // A header row the conversion split in two: the indicator header follows.
        this.accounted.add(line.number);
        continue;
      }

      this.diag(
        line.number,
        "warning",
        `Riga non riconosciuta nell'obiettivo ${draft.objective.number}, ignorata: «${excerpt(text)}».`,
        draft.objective.number,
      );
    }
    this.flushPending(pending);
  }

  private startObjective(number: number, title: string, line: number): void {
    this.accounted.add(line);
    const existing = this.draftsByNumber.get(number);
    if (existing) {
      this.diag(
        line,
        "error",
        `L'obiettivo ${number} compare di nuovo (prima alla riga ${existing.line}): i dati che seguono si aggiungono al primo.`,
        number,
      );
      // Move it last so what follows lands in it.
      this.drafts.splice(this.drafts.indexOf(existing), 1);
      this.drafts.push(existing);
      return;
    }
    const draft: ObjectiveDraft = {
      objective: emptyObjective(number, title),
      line,
      fieldLines: {},
      tableYears: null,
    };
    this.drafts.push(draft);
    this.draftsByNumber.set(number, draft);
  }

  private flushPending(pending: { keys: FieldKey[]; line: number } | null): void {
    if (!pending) return;
    const draft = this.current();
    for (const key of pending.keys) {
      this.diag(
        pending.line,
        "warning",
        `Manca il valore di "${FIELD_NAMES[key]}" nell'obiettivo ${draft?.objective.number ?? "?"}.`,
        draft?.objective.number,
      );
      if (draft) draft.fieldLines[key] = pending.line;
    }
  }

  private fillPending(draft: ObjectiveDraft, pending: { keys: FieldKey[]; line: number }, line: SourceLine): void {
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
    pending.keys.forEach((key, i) => {
      const value = values[i];
      if (value === undefined || value === "") {
        this.diag(
          line.number,
          "warning",
          `Manca il valore di "${FIELD_NAMES[key]}" nell'obiettivo ${draft.objective.number}.`,
          draft.objective.number,
        );
        draft.fieldLines[key] = line.number;
      } else {
        this.setField(draft, key, value, line.number);
      }
    });
    if (values.length > pending.keys.length) {
      this.diag(
        line.number,
        "warning",
        `Valori in più ignorati nell'obiettivo ${draft.objective.number}: «${excerpt(values.slice(pending.keys.length).join(" "))}».`,
        draft.objective.number,
      );
    }
  }

  private setField(draft: ObjectiveDraft, key: FieldKey, value: string, lineNumber: number): void {
    const o = draft.objective;
    this.accounted.add(lineNumber);
    if (draft.fieldLines[key] !== undefined) {
      this.diag(
        lineNumber,
        "warning",
        `"${FIELD_NAMES[key]}" ripetuto nell'obiettivo ${o.number}: tenuto il primo valore, ignorato «${excerpt(value)}».`,
        o.number,
      );
      return;
    }
    draft.fieldLines[key] = lineNumber;
    switch (key) {
      case "area": {
        const m = AREA_LINE.exec(value);
        if (!m) {
          this.diag(
            lineNumber,
            "error",
            `Ambito strategico non leggibile nell'obiettivo ${o.number}: «${excerpt(value)}» (atteso "011 - Nome").`,
            o.number,
          );
          return;
        }
        o.areaCode = m[1];
        const name = m[2].trim();
        const known = this.areas.get(m[1]);
        if (!known) this.areas.set(m[1], { code: m[1], name });
        else if (known.name !== name)
          this.diag(
            lineNumber,
            "warning",
            `L'ambito ${m[1]} ha qui un nome diverso («${excerpt(name)}» invece di «${excerpt(known.name)}»).`,
            o.number,
          );
        return;
      }
      case "weight": {
        const w = parsePercent(value);
        if (w === null) {
          this.diag(
            lineNumber,
            "error",
            `"Peso su AS" non leggibile nell'obiettivo ${o.number}: «${excerpt(value)}».`,
            o.number,
          );
        } else o.weightOnArea = w;
        return;
      }
      case "resources": {
        const euro = parseEuro(value);
        if (euro === null) {
          this.diag(
            lineNumber,
            "warning",
            `"Risorse economiche" non leggibili nell'obiettivo ${o.number}: «${excerpt(value)}».`,
            o.number,
          );
        } else o.resources = euro;
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
    }
  }

  /**
   * A line right under an indicator row that is no row, label, header or value of its own: the
   * PDF wrapped the indicator's name ("…pagate entro" / "30 giorni dal ricevimento").
   */
  private isNameContinuation(line: SourceLine): boolean {
    const text = line.text;
    if (text === "" || UNDERLINE.test(text) || /\*\*|<b>/i.test(line.raw)) return false;
    if (WEIGHT_CELL.test(line.cells[0]) || findLabels(text).length > 0 || INDICATOR_HEADER.test(text)) return false;
    if (isTargetHeaderRow(line.cells) || AREA_LINE.test(text) || /^[+-]?[\d.,]+\s*[%€]/.test(text)) return false;
    const cells = line.cells.filter((c) => c !== "");
    return cells.length === 1 && parseTarget(cells[0])?.kind === "unreadable";
  }

  private continueIndicatorName(draft: ObjectiveDraft, line: SourceLine): void {
    const indicator = draft.objective.indicators[draft.objective.indicators.length - 1];
    if (/\(OC\)/i.test(line.text)) indicator.common = true;
    const more = line.text.replace(OC_MARK, " ").replace(/\s+/g, " ").trim();
    indicator.name = `${indicator.name} ${more}`.trim();
    this.diag(
      line.number,
      "info",
      `Riga unita al nome dell'indicatore ${indicator.id} (testo andato a capo): «${excerpt(more)}».`,
      draft.objective.number,
      indicator.id,
    );
  }

  private readIndicator(draft: ObjectiveDraft, line: SourceLine): boolean {
    const years = draft.tableYears ?? this.planYears;
    const row = splitIndicatorRow(line, years.length);
    if (!row || row.name === "") return false;
    const o = draft.objective;
    const id = `${o.number}.${o.indicators.length + 1}`;
    const common = /\(OC\)/i.test(row.name);
    const name = row.name.replace(OC_MARK, " ").replace(/\s+/g, " ").trim();
    const targets: Record<string, Target | null> = {};
    for (const y of this.planYears) targets[String(y)] = null;
    years.forEach((year, i) => {
      const raw = row.targets[i] ?? "";
      const target = parseTarget(raw);
      targets[String(year)] = target;
      if (target === null) {
        this.diag(
          line.number,
          "warning",
          `Manca il target ${year} dell'indicatore ${id} («${excerpt(name)}»).`,
          o.number,
          id,
        );
      } else if (target.kind === "unreadable") {
        this.diag(
          line.number,
          "error",
          `Target ${year} dell'indicatore ${id} non leggibile: «${target.text}» (conservato come testo).`,
          o.number,
          id,
        );
      }
    });
    for (const y of this.planYears) {
      if (!years.includes(y)) {
        this.diag(
          line.number,
          "warning",
          `Manca il target ${y} dell'indicatore ${id}: la tabella dell'obiettivo ${o.number} non ha la colonna ${y}.`,
          o.number,
          id,
        );
      }
    }
    if (row.targets.length > years.length) {
      this.diag(line.number, "warning", `Celle in più ignorate nella riga dell'indicatore ${id}.`, o.number, id);
    }
    if (row.weight === 0) {
      this.diag(
        line.number,
        "info",
        `L'indicatore ${id} («${excerpt(name)}») ha peso 0: è solo di monitoraggio e non entra nel punteggio.`,
        o.number,
        id,
      );
    }
    o.indicators.push({ id, name, common, weight: row.weight, targets });
    this.accounted.add(line.number);
    return true;
  }

  private finishObjective(draft: ObjectiveDraft): Objective {
    const o = draft.objective;
    const required: FieldKey[] = ["area", "weight", "resources", "perspective", "mission", "programme"];
    for (const key of required) {
      if (draft.fieldLines[key] === undefined) {
        this.diag(
          draft.line,
          key === "area" || key === "weight" ? "error" : "warning",
          `Manca "${FIELD_NAMES[key]}" nell'obiettivo ${o.number}.`,
          o.number,
        );
      }
    }
    if (o.indicators.length === 0) {
      this.diag(draft.line, "error", `L'obiettivo ${o.number} non ha indicatori.`, o.number);
    } else {
      const sum = o.indicators.reduce((s, i: Indicator) => s + i.weight, 0);
      if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
        this.diag(
          draft.line,
          "error",
          `I pesi degli indicatori dell'obiettivo ${o.number} sommano a ${formatItalianNumber(sum)}% invece di 100%.`,
          o.number,
        );
      }
    }
    return o;
  }

  private checkAreaWeights(): void {
    const byArea = new Map<string, ObjectiveDraft[]>();
    for (const d of this.drafts) {
      if (d.objective.areaCode === "") continue;
      const list = byArea.get(d.objective.areaCode) ?? [];
      list.push(d);
      byArea.set(d.objective.areaCode, list);
    }
    for (const [code, drafts] of byArea) {
      const sum = drafts.reduce((s, d) => s + d.objective.weightOnArea, 0);
      if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
        const numbers = drafts.map((d) => d.objective.number).join(", ");
        this.diag(
          drafts[0].fieldLines.weight ?? drafts[0].line,
          "error",
          `I "Peso su AS" dell'ambito ${code} (obiettivi ${numbers}) sommano a ${formatItalianNumber(sum)}% invece di 100%.`,
        );
      }
    }
  }
}

/** A value line may carry a table header merged into it ("Made in Italy  Target 2024 …"). */
function stripHeaderCells(text: string, cells?: string[]): string {
  const parts = cells ?? [text];
  const cut = parts.findIndex((c) => /^(?:Target|Anno)\b/i.test(c) || INDICATOR_HEADER.test(c));
  const kept = cut >= 0 ? parts.slice(0, cut) : parts;
  const joined = kept.filter((c) => c !== "").join(" ");
  return joined.replace(/(?:\s+Target(?:\s+\d{4})?)+\s*$/i, "").trim();
}

function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/** Reads a cruscotto and reports which lines were used, for callers that check for silent loss. */
export function readCruscottoDetailed(text: string): ReadResult {
  return new Reader(text).read();
}

/** Reads a cruscotto obiettivi strategici PIRA. Never throws; problems are in plan.diagnostics. */
export function readCruscotto(text: string): Plan {
  return readCruscottoDetailed(text).plan;
}
