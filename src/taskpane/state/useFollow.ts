// The follow view's data: the workbook's actuals (read through the gateway) scored for a year.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Notes } from "../../domain/match";
import type { Actuals, Indicator, Plan } from "../../domain/model";
import { missingNotes, type MissingNote } from "../../domain/notes";
import { scorePlan, type PlanScore } from "../../domain/rollup";
import { isEmptyActual } from "../../domain/score";
import type { Settings } from "../../domain/settings";
import type { PiraGateway } from "../gateway";
import { errorMessage } from "../errors";

/** How long the workbook must be still before the follow view re-reads it. */
export const LIVE_DELAY_MS = 300;

export interface MissingActual {
  indicator: Indicator;
  objective: number;
}

export interface FollowData {
  year: number;
  setYear(year: number): void;
  actuals: Actuals | null;
  loading: boolean;
  error: string | null;
  updatedAt: Date | null;
  refresh(): Promise<void>;
  scores: PlanScore | null;
  /** Indicators with a target for the year and no actual typed yet, in plan order. */
  missing: MissingActual[];
  /** Consuntivi of the year short of «Raggiunto» with no note di scostamento, in plan order. */
  missingNotes: MissingNote[];
}

/** The indicators that have a target for `year` and no actual. */
export function missingActuals(plan: Plan, actuals: Actuals, year: number): MissingActual[] {
  const key = String(year);
  const out: MissingActual[] = [];
  for (const objective of plan.objectives) {
    for (const indicator of objective.indicators) {
      if (!indicator.targets[key]) continue;
      if (isEmptyActual(actuals[indicator.id]?.[key])) out.push({ indicator, objective: objective.number });
    }
  }
  return out;
}

function initialYear(plan: Plan, settings: Settings): number {
  return plan.years.includes(settings.year) ? settings.year : (plan.years[0] ?? settings.year);
}

export function useFollow(gateway: PiraGateway, plan: Plan, settings: Settings): FollowData {
  const [year, setYear] = useState(() => initialYear(plan, settings));
  const [actuals, setActuals] = useState<Actuals | null>(null);
  const [notes, setNotes] = useState<Notes>({});
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  // Answers to an older request (another plan) must not overwrite newer ones.
  const request = useRef(0);

  const refresh = useCallback(async (): Promise<void> => {
    const id = ++request.current;
    setLoading(true);
    setError(null);
    try {
      const [read, readNotes] = await Promise.all([gateway.readActuals(plan), gateway.readNotes(plan)]);
      if (id !== request.current) return;
      setActuals(read);
      setNotes(readNotes);
      setUpdatedAt(new Date());
    } catch (e) {
      if (id === request.current) setError(errorMessage(e));
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, [gateway, plan]);

  // The year follows a new plan, not every settings edit.
  const yearPlan = useRef(plan);
  useEffect(() => {
    if (yearPlan.current === plan) return;
    yearPlan.current = plan;
    setYear(initialYear(plan, settings));
  }, [plan, settings]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Live: edits in the workbook refresh the view by themselves, once typing pauses. Registered
  // while the view is shown (and again for a new plan, whose import recreated the sheets).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | null = null;
    let live = true;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), LIVE_DELAY_MS);
    };
    gateway
      .watchChanges(onChange)
      .then((s) => {
        if (live) stop = s;
        else void s();
      })
      .catch(() => {
        // No events on this host: the refresh button remains.
      });
    return () => {
      live = false;
      clearTimeout(timer);
      void stop?.();
    };
  }, [gateway, refresh]);

  const scores = useMemo(
    () => (actuals ? scorePlan(plan, actuals, year, settings) : null),
    [plan, actuals, year, settings],
  );
  const missing = useMemo(() => (actuals ? missingActuals(plan, actuals, year) : []), [plan, actuals, year]);
  const notesMissing = useMemo(
    () => (actuals ? missingNotes(plan, actuals, notes, settings, [year]) : []),
    [plan, actuals, notes, settings, year],
  );
  return { year, setYear, actuals, loading, error, updatedAt, refresh, scores, missing, missingNotes: notesMissing };
}
