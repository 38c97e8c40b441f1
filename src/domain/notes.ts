// Note di scostamento: a typed consuntivo short of «Raggiunto» needs a note saying why. The
// workbook's «Controllo nota YYYY» formula says the same (noteCheckFormula in src/workbook).
import type { Notes } from "./match/carryOver";
import type { Actuals, Indicator, Plan } from "./model";
import { isEmptyActual, ScoreError, scoreTarget, statusOf } from "./score";
import type { Settings } from "./settings";

export interface MissingNote {
  indicator: Indicator;
  objective: number;
  year: number;
}

/**
 * Whether a consuntivo needs a note: it is typed and its status is not «Raggiunto» (partial,
 * missed, or no score at all: an unreadable target or an actual of the wrong kind).
 */
export function needsNote(
  indicator: Indicator,
  year: number,
  actuals: Actuals,
  settings: Pick<Settings, "mode" | "greenFrom" | "amberFrom">,
): boolean {
  const actual = actuals[indicator.id]?.[String(year)];
  if (isEmptyActual(actual)) return false;
  try {
    return (
      statusOf(scoreTarget(indicator.targets[String(year)] ?? null, actual, settings.mode), settings) !== "Raggiunto"
    );
  } catch (e) {
    if (e instanceof ScoreError) return true;
    throw e;
  }
}

/** The consuntivi of `years` (every plan year by default) that need a note and have none, in plan order. */
export function missingNotes(
  plan: Plan,
  actuals: Actuals,
  notes: Notes,
  settings: Pick<Settings, "mode" | "greenFrom" | "amberFrom">,
  years: readonly number[] = plan.years,
): MissingNote[] {
  const out: MissingNote[] = [];
  for (const objective of plan.objectives)
    for (const indicator of objective.indicators)
      for (const year of years) {
        const note = notes[indicator.id]?.[String(year)] ?? "";
        if (note.trim() === "" && needsNote(indicator, year, actuals, settings))
          out.push({ indicator, objective: objective.number, year });
      }
  return out;
}
