// «Aggiorna piano»: read the workbook's tables, revise them by the new plan (reviseWorkbook, the
// same code as `pira build --from`), show the result, let the user confirm the proposed matches,
// then replace the workbook with the revised description in one all-or-nothing write.
import { useCallback, useState } from "react";
import { todaySerial } from "../../domain/dates";
import type { Proposal } from "../../domain/match";
import type { Plan } from "../../domain/model";
import type { Settings } from "../../domain/settings";
import { countTypedCells, readWorkbook, type TypedCounts, type WorkbookContents } from "../../workbook/read";
import { reviseWorkbook, type ReviseResult } from "../../workbook/revise";
import { errorMessage } from "../errors";
import type { PiraGateway } from "../gateway";

export type ReviseState =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "noWorkbook" }
  | { kind: "preview"; plan: Plan; result: ReviseResult; contents: WorkbookContents; accepted: Proposal[] }
  | { kind: "applying"; plan: Plan; result: ReviseResult; contents: WorkbookContents; accepted: Proposal[] }
  | { kind: "done"; result: ReviseResult }
  | { kind: "failed"; message: string };

export interface ReviseController {
  state: ReviseState;
  /** Reads the workbook and revises it by `plan`: nothing is written. */
  prepare(plan: Plan): Promise<void>;
  /** Accepts or refuses one proposed match; the preview is revised again. */
  toggle(proposal: Proposal, accepted: boolean): void;
  apply(): Promise<void>;
  reset(): void;
}

interface Read {
  contents: WorkbookContents;
  typed: TypedCounts;
}

export function useRevise(gateway: PiraGateway, onRevised: (plan: Plan, settings: Settings) => void): ReviseController {
  const [state, setState] = useState<ReviseState>({ kind: "idle" });
  const [read, setRead] = useState<Read | null>(null);

  const revise = (contents: WorkbookContents, plan: Plan, accepted: readonly Proposal[]): ReviseResult =>
    reviseWorkbook(contents, plan, { today: todaySerial(), acceptProposals: accepted });

  const prepare = useCallback(
    async (plan: Plan): Promise<void> => {
      setState({ kind: "reading" });
      try {
        const tables = await gateway.readWorkbookTables();
        if (!tables) {
          setState({ kind: "noWorkbook" });
          return;
        }
        const contents = readWorkbook(tables);
        setRead({ contents, typed: countTypedCells(tables.indicators) });
        // Proposals start accepted, as the CLI does; the user unticks the wrong ones.
        const first = reviseWorkbook(contents, plan, { today: todaySerial() });
        const accepted = first.summary.acceptedProposals;
        setState({ kind: "preview", plan, result: first, contents, accepted });
      } catch (error) {
        setState({ kind: "failed", message: errorMessage(error) });
      }
    },
    [gateway],
  );

  const toggle = useCallback((proposal: Proposal, on: boolean): void => {
    setState((current) => {
      if (current.kind !== "preview") return current;
      const others = current.accepted.filter((p) => p.oldId !== proposal.oldId || p.newId !== proposal.newId);
      const accepted = on ? [...others, proposal] : others;
      return { ...current, accepted, result: revise(current.contents, current.plan, accepted) };
    });
  }, []);

  const apply = useCallback(async (): Promise<void> => {
    if (state.kind !== "preview" || !read || state.result.problems.length > 0) return;
    const { result } = state;
    setState({ ...state, kind: "applying" });
    try {
      await gateway.importWorkbook(result.description, {
        replace: true,
        carries: {
          values: read.typed,
          historyRows: read.contents.archive.length + read.contents.register.length,
        },
      });
      setState({ kind: "done", result });
      onRevised(state.plan, result.settings);
    } catch (error) {
      setState({ kind: "failed", message: errorMessage(error) });
    }
  }, [state, read, gateway, onRevised]);

  const reset = useCallback(() => setState({ kind: "idle" }), []);
  return { state, prepare, toggle, apply, reset };
}
