// The import as a small state machine: check the workbook, ask before replacing sheets, refuse
// when users' actuals would be lost, then write with progress and end in success or failure.
import { useCallback, useRef, useState } from "react";
import type { Plan } from "../../domain/model";
import type { Settings } from "../../domain/settings";
import { todaySerial } from "../../domain/dates";
import { initialRegister } from "../../workbook/build";
import { archiveFromTable, registerFromTable } from "../../workbook/read";
import type { WorkbookDescription } from "../../workbook/types";
import { errorMessage } from "../errors";
import type { ImportOptions, ImportOutcome, ImportProgress, PiraGateway } from "../gateway";
import { paneWorkbookBuilder, type WorkbookBuilder } from "./planParser";

export type ImportState =
  | { kind: "idle" }
  | { kind: "running"; progress: ImportProgress }
  | { kind: "confirmReplace"; sheets: string[] }
  | { kind: "refused"; typedActuals: number }
  | { kind: "cancelled" }
  | { kind: "done"; outcome: ImportOutcome; plan: Plan }
  | { kind: "failed"; message: string };

export interface ImportController {
  state: ImportState;
  start(plan: Plan, settings: Settings): Promise<void>;
  /** The user's answer to "replace the existing sheets?". */
  confirmReplace(replace: boolean): Promise<void>;
  reset(): void;
}

export function useImport(
  gateway: PiraGateway,
  onImported: (plan: Plan, settings: Settings) => void,
  /** Builds the description (default: in the parse worker, off the UI thread). */
  buildWorkbook: WorkbookBuilder = paneWorkbookBuilder(),
): ImportController {
  const [state, setState] = useState<ImportState>({ kind: "idle" });
  const pending = useRef<{
    plan: Plan;
    settings: Settings;
    wb: WorkbookDescription;
    carries?: ImportOptions["carries"];
  } | null>(null);

  const write = useCallback(
    async (replace: boolean): Promise<void> => {
      const job = pending.current;
      if (!job) return;
      setState({ kind: "running", progress: { stage: "writing", fraction: 0.2 } });
      try {
        const outcome = await gateway.importWorkbook(job.wb, {
          replace,
          carries: job.carries,
          onProgress: (progress) => setState({ kind: "running", progress }),
        });
        pending.current = null;
        setState({ kind: "done", outcome, plan: job.plan });
        onImported(job.plan, job.settings);
      } catch (error) {
        pending.current = null;
        setState({ kind: "failed", message: errorMessage(error) });
      }
    },
    [gateway, onImported],
  );

  const start = useCallback(
    async (plan: Plan, settings: Settings): Promise<void> => {
      setState({ kind: "running", progress: { stage: "checking", fraction: 0 } });
      try {
        let wb = await buildWorkbook(plan, settings);
        const found = await gateway.inspect(wb);
        if (found.typedActuals > 0) {
          setState({ kind: "refused", typedActuals: found.typedActuals });
          return;
        }
        let carries: ImportOptions["carries"];
        if (found.historyRows > 0) {
          // The Archivio and the Registro are history: a new import keeps them and appends its row.
          const tables = await gateway.readWorkbookTables();
          const archive = tables?.archive ? archiveFromTable(tables.archive) : [];
          const register = tables?.register ? registerFromTable(tables.register) : [];
          wb = await buildWorkbook(
            plan,
            settings,
            {},
            {
              archive,
              register: [...register, ...initialRegister(plan, todaySerial())],
            },
          );
          carries = { historyRows: archive.length + register.length };
        }
        pending.current = { plan, settings, wb, carries };
        if (found.existingSheets.length > 0) {
          setState({ kind: "confirmReplace", sheets: found.existingSheets });
          return;
        }
      } catch (error) {
        setState({ kind: "failed", message: errorMessage(error) });
        return;
      }
      await write(false);
    },
    [gateway, write, buildWorkbook],
  );

  const confirmReplace = useCallback(
    async (replace: boolean): Promise<void> => {
      if (!replace) {
        pending.current = null;
        setState({ kind: "cancelled" });
        return;
      }
      await write(true);
    },
    [write],
  );

  const reset = useCallback(() => setState({ kind: "idle" }), []);
  return { state, start, confirmReplace, reset };
}
