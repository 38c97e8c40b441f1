// A revised plan into a living workbook: the workbook's contents (read.ts) and the revised plan
// give the description of the revised workbook, with every consuntivo and note carried to its
// indicator's new row or archived, the Archivio and the Registro appended to, never rewritten.
// Pure: the CLI (`pira build --from`) and the task pane call it, and each writes the result.
import {
  acceptProposals,
  CHANGE_KIND_LABELS,
  describeChange,
  matchPlans,
  planCarryOver,
  type ArchivedValue,
  type Change,
  type CarryOver,
  type PlanMatch,
  type Proposal,
} from "../domain/match";
import type { Actual, Indicator, Plan } from "../domain/model";
import { ScoreError, scoreTarget } from "../domain/score";
import { defaultSettings, type Settings } from "../domain/settings";
import { buildWorkbook } from "./build";
import type { ArchiveRow, PlanSource, RegisterRow } from "./history";
import type { WorkbookContents } from "./read";
import type { WorkbookDescription } from "./types";

export interface ReviseOptions {
  /**
   * Accept the matcher's proposals (alike or repeated names); false archives their values instead.
   * A list accepts those proposals only (the pane's checkboxes). Default true.
   */
  acceptProposals?: boolean | ReadonlyArray<Pick<Proposal, "oldId" | "newId">>;
  /** The date of the revision, as an Excel serial (the Registro's «Data»). */
  today: number;
  /** Settings that override the workbook's (the CLI writes native formulas). */
  settings?: Partial<Settings>;
}

/** Counts for a one-screen summary of a revision. */
export interface ReviseSummary {
  carriedActuals: number;
  carriedNotes: number;
  archivedActuals: number;
  archivedNotes: number;
  /** Carried consuntivi whose year's target changed: worth a look. */
  underChangedTarget: number;
  acceptedProposals: Proposal[];
  refusedProposals: Proposal[];
  changes: number;
}

export interface ReviseResult {
  /** The revised workbook. Write it only when `problems` is empty. */
  description: WorkbookDescription;
  match: PlanMatch;
  changes: Change[];
  carryOver: CarryOver;
  /** The rows this revision appends (the description holds the earlier ones before them). */
  archiveAdded: ArchiveRow[];
  registerAdded: RegisterRow[];
  settings: Settings;
  summary: ReviseSummary;
  /** Why a value cannot be placed, one Italian line each: when any, nothing may be written. */
  problems: string[];
}

/** The workbook's plan as the Registro and the Archivio name it. */
function sourceOf(plan: Plan): PlanSource {
  return { title: plan.title || "(piano senza titolo)", date: plan.date };
}

/** The workbook's settings carried to the revised plan: the year in view only if it is still planned. */
export function revisedSettings(old: WorkbookContents, revised: Plan, overrides: Partial<Settings> = {}): Settings {
  const base = defaultSettings(revised);
  const areaWeights: Record<string, number> = {};
  for (const area of revised.areas) areaWeights[area.code] = old.areaWeights[area.code] ?? base.areaWeights[area.code];
  const year =
    old.settings.year !== undefined && revised.years.includes(old.settings.year) ? old.settings.year : base.year;
  return { ...base, ...old.settings, year, areaWeights, ...overrides };
}

function indicatorsById(plan: Plan): Map<string, { indicator: Indicator; objective: number }> {
  const out = new Map<string, { indicator: Indicator; objective: number }>();
  for (const o of plan.objectives) for (const i of o.indicators) out.set(i.id, { indicator: i, objective: o.number });
  return out;
}

function scoreOrNull(
  indicator: Indicator | undefined,
  year: string,
  actual: Actual,
  settings: Settings,
): number | null {
  try {
    return scoreTarget(indicator?.targets[year] ?? null, actual, settings.mode);
  } catch (e) {
    if (e instanceof ScoreError) return null;
    throw e;
  }
}

/** One Archivio row per old indicator and year: its consuntivo and its note together. */
function archiveRows(archived: ArchivedValue[], old: Plan, settings: Settings): ArchiveRow[] {
  const byId = indicatorsById(old);
  const source = sourceOf(old);
  const rows = new Map<string, ArchiveRow>();
  for (const v of archived) {
    const key = `${v.oldId}\u0000${v.year}`;
    let row = rows.get(key);
    const found = byId.get(v.oldId);
    if (!row) {
      row = {
        oldId: v.oldId,
        objective: found?.objective ?? null,
        name: found?.indicator.name ?? "",
        year: Number(v.year),
        target: found?.indicator.targets[v.year]?.text ?? "",
        actual: null,
        score: null,
        note: null,
        reason: v.message,
        planTitle: source.title,
        planDate: source.date,
      };
      rows.set(key, row);
    }
    if (v.source === "actual") {
      row.actual = v.value;
      row.score = scoreOrNull(found?.indicator, v.year, v.value, settings);
    } else row.note = String(v.value);
  }
  return [...rows.values()];
}

const PROPOSAL_LABEL: Record<Proposal["reason"], string> = {
  similar: "Corrispondenza per nome simile",
  ambiguous: "Corrispondenza tra nomi ripetuti",
};

function registerRows(
  old: Plan,
  revised: Plan,
  match: PlanMatch,
  accepted: Proposal[],
  refused: Proposal[],
  carry: CarryOver,
  today: number,
): RegisterRow[] {
  const source = sourceOf(revised);
  const row = (r: Omit<RegisterRow, "date" | "planTitle" | "planDate">): RegisterRow => ({
    date: today,
    ...r,
    planTitle: source.title,
    planDate: source.date,
  });
  const oldNames = indicatorsById(old);
  const newNames = indicatorsById(revised);
  const carried = carry.carried.length;
  const archived = carry.archived.length;
  const out: RegisterRow[] = [
    row({
      kind: "Revisione del piano",
      objective: null,
      indicator: "",
      before: sourceOf(old).title,
      after: source.title,
      description: `${match.changes.length} modifiche; ${carried} valori riportati, ${archived} archiviati`,
    }),
  ];
  for (const [proposals, verdict] of [
    [accepted, "accettata"],
    [refused, "non accettata (valori archiviati)"],
  ] as const)
    for (const p of proposals)
      out.push(
        row({
          kind: `${PROPOSAL_LABEL[p.reason]} ${verdict}`,
          objective: newNames.get(p.newId)?.objective ?? null,
          indicator: p.newId,
          before: `${p.oldId} ${oldNames.get(p.oldId)?.indicator.name ?? ""}`.trim(),
          after: `${p.newId} ${newNames.get(p.newId)?.indicator.name ?? ""}`.trim(),
          description: `Somiglianza ${Math.round(p.confidence * 100)}%: ${p.oldId} → ${p.newId}`,
        }),
      );
  for (const c of match.changes) {
    const objective =
      "newObjective" in c ? (c.newObjective ?? c.oldObjective) : "newNumber" in c ? (c.newNumber ?? c.oldNumber) : null;
    const indicator = "newId" in c ? (c.newId ?? c.oldId) : "";
    out.push(
      row({
        kind: CHANGE_KIND_LABELS[c.kind],
        objective,
        indicator,
        before: c.before,
        after: c.after,
        description: describeChange(c, "it"),
      }),
    );
  }
  return out;
}

/** A carried consuntivo the revised target cannot take (a word for a number target): it has no place. */
function unfitValues(carry: CarryOver, revised: Plan): string[] {
  const byId = indicatorsById(revised);
  const out: string[] = [];
  for (const v of carry.carried) {
    if (v.source !== "actual") continue;
    const target = byId.get(v.newId)?.indicator.targets[v.year] ?? null;
    if (target === null || target.kind === "unreadable") continue;
    try {
      scoreTarget(target, v.value);
    } catch (e) {
      if (!(e instanceof ScoreError)) throw e;
      out.push(
        `consuntivo ${v.year} di ${v.oldId} («${String(v.value)}») non adatto al target rivisto di ${v.newId} ` +
          `(«${target.text}»): ${e.message}`,
      );
    }
  }
  return out;
}

/** The revised workbook for `revised`, carrying what `old` holds. */
export function reviseWorkbook(old: WorkbookContents, revised: Plan, options: ReviseOptions): ReviseResult {
  const proposed = matchPlans(old.plan, revised);
  const accept = options.acceptProposals ?? true;
  const key = (p: Pick<Proposal, "oldId" | "newId">) => `${p.oldId}\u0000${p.newId}`;
  const chosen = typeof accept === "boolean" ? null : new Set(accept.map(key));
  const acceptedProposals =
    chosen === null ? (accept ? proposed.proposals : []) : proposed.proposals.filter((p) => chosen.has(key(p)));
  const refusedProposals = proposed.proposals.filter((p) => !acceptedProposals.includes(p));
  const match =
    acceptedProposals.length > 0 ? acceptProposals(old.plan, revised, proposed, acceptedProposals) : proposed;
  const carryOver = planCarryOver(old.plan, revised, match, old.actuals, old.notes);
  const settings = revisedSettings(old, revised, options.settings);

  const archiveAdded = archiveRows(carryOver.archived, old.plan, settings);
  const registerAdded = registerRows(
    old.plan,
    revised,
    match,
    acceptedProposals,
    refusedProposals,
    carryOver,
    options.today,
  );

  // The year before the revised plan's first, when the old plan had it: its consuntivi stay in view.
  const baselineYear = revised.years[0] - 1;
  let baseline: { year: number; actuals: Record<string, Actual> } | undefined;
  if (old.plan.years.includes(baselineYear)) {
    const actuals: Record<string, Actual> = {};
    for (const [oldId, newId] of Object.entries(match.idMap)) {
      const value = old.actuals[oldId]?.[String(baselineYear)];
      if (value !== undefined && value !== null) actuals[newId] = value;
    }
    baseline = { year: baselineYear, actuals };
  }

  const description = buildWorkbook(revised, settings, carryOver.actuals, {
    notes: carryOver.notes,
    archive: [...old.archive, ...archiveAdded],
    register: [...old.register, ...registerAdded],
    baseline,
  });

  const count = (list: { source: string }[], source: string) => list.filter((v) => v.source === source).length;
  const problems = [...old.problems.map((p) => `${p.cell}: ${p.message}`), ...unfitValues(carryOver, revised)];
  return {
    description,
    match,
    changes: match.changes,
    carryOver,
    archiveAdded,
    registerAdded,
    settings,
    problems,
    summary: {
      carriedActuals: count(carryOver.carried, "actual"),
      carriedNotes: count(carryOver.carried, "note"),
      archivedActuals: count(carryOver.archived, "actual"),
      archivedNotes: count(carryOver.archived, "note"),
      underChangedTarget: carryOver.carried.filter((v) => v.source === "actual" && v.targetChanged).length,
      acceptedProposals,
      refusedProposals,
      changes: match.changes.length,
    },
  };
}
