// «Aggiorna piano»: read the workbook's tables, revise them by the new plan (reviseWorkbook, the
// same code as `pira build --from`, run as a job: in the worker), show the result, let the user
// confirm the proposed matches, then replace the workbook with the revised description in one
// all-or-nothing write.
import { useCallback, useRef, useState } from "react";
import { todaySerial } from "../../domain/dates";
import type { Proposal } from "../../domain/match";
import type { Plan } from "../../domain/model";
import type { Settings } from "../../domain/settings";
import type { TypedCounts, WorkbookContents } from "../../workbook/read";
import type { ReviseResult } from "../../workbook/revise";
import { errorMessage } from "../errors";
import type { PiraGateway } from "../gateway";
import type { JobRunner } from "../jobs";
import { paneJobs } from "./planParser";

export type ReviseState =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "noWorkbook" }
  | Revision<"preview">
  | Revision<"applying">
  | { kind: "done"; result: ReviseResult }
  | { kind: "failed"; message: string };

/**
 * A revision on screen. `updating`: a proposal was just ticked or unticked and the revision is
 * being made again (`result` is the one before): nothing may be applied until it is back.
 */
export interface Revision<K extends "preview" | "applying"> {
  kind: K;
  plan: Plan;
  result: ReviseResult;
  contents: WorkbookContents;
  /** The consuntivi and notes typed in the workbook when it was read (refused at apply if they changed). */
  typed: TypedCounts;
  accepted: Proposal[];
  updating: boolean;
  /** While applying: how far the write is, 0 to 1. */
  progress?: number;
}

export interface ReviseController {
  state: ReviseState;
  /** Reads the workbook and revises it by `plan`: nothing is written. */
  prepare(plan: Plan): Promise<void>;
  /** Accepts or refuses one proposed match; the preview is revised again. */
  toggle(proposal: Proposal, accepted: boolean): void;
  apply(): Promise<void>;
  reset(): void;
}

export function useRevise(
  gateway: PiraGateway,
  onRevised: (plan: Plan, settings: Settings) => void,
  jobs: JobRunner = paneJobs(),
): ReviseController {
  const [state, setState] = useState<ReviseState>({ kind: "idle" });
  // Each prepare and toggle asks for a revision; only the answer to the latest is shown.
  const latest = useRef(0);

  const prepare = useCallback(
    async (plan: Plan): Promise<void> => {
      setState({ kind: "reading" });
      // A reset (new text) while the workbook is read and revised drops this answer.
      const asked = ++latest.current;
      try {
        const tables = await gateway.readWorkbookTables();
        if (asked !== latest.current) return;
        if (!tables) {
          setState({ kind: "noWorkbook" });
          return;
        }
        const { contents, typed, result } = await jobs("prepareRevision", tables, plan, { today: todaySerial() });
        if (asked !== latest.current) return;
        // Proposals start accepted, as the CLI does; the user unticks the wrong ones.
        const accepted = result.summary.acceptedProposals;
        setState({ kind: "preview", plan, result, contents, typed, accepted, updating: false });
      } catch (error) {
        if (asked === latest.current) setState({ kind: "failed", message: errorMessage(error) });
      }
    },
    [gateway, jobs],
  );

  const toggle = useCallback(
    (proposal: Proposal, on: boolean): void => {
      if (state.kind !== "preview") return;
      const others = state.accepted.filter((p) => p.oldId !== proposal.oldId || p.newId !== proposal.newId);
      const accepted = on ? [...others, proposal] : others;
      const asked = ++latest.current;
      setState({ ...state, accepted, updating: true });
      jobs("revise", state.contents, state.plan, { today: todaySerial(), acceptProposals: accepted }).then(
        (result) => {
          if (asked !== latest.current) return;
          setState((current) =>
            current.kind === "preview" ? { ...current, accepted, result, updating: false } : current,
          );
        },
        (error: unknown) => {
          if (asked === latest.current) setState({ kind: "failed", message: errorMessage(error) });
        },
      );
    },
    [state, jobs],
  );

  const apply = useCallback(async (): Promise<void> => {
    if (state.kind !== "preview" || state.updating || state.result.problems.length > 0) return;
    const { result } = state;
    setState({ ...state, kind: "applying", progress: 0 });
    try {
      await gateway.importWorkbook(result.description, {
        replace: true,
        onProgress: ({ fraction }) =>
          setState((current) => (current.kind === "applying" ? { ...current, progress: fraction } : current)),
        carries: {
          values: state.typed,
          historyRows: state.contents.archive.length + state.contents.register.length,
        },
      });
      setState({ kind: "done", result });
      onRevised(state.plan, result.settings);
    } catch (error) {
      setState({ kind: "failed", message: errorMessage(error) });
    }
  }, [state, gateway, onRevised]);

  const reset = useCallback(() => {
    latest.current++;
    setState({ kind: "idle" });
  }, []);
  return { state, prepare, toggle, apply, reset };
}
