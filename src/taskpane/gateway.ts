// What the task pane asks of Excel. Components receive a gateway through GatewayContext and never
// touch Office.js, so they render and are tested without Office (officeGateway.ts is the real one).
import { createContext, useContext } from "react";
import type { Notes } from "../domain/match";
import type { Actuals, Plan } from "../domain/model";
import type { Settings } from "../domain/settings";
import type { TypedCounts, WorkbookTables } from "../workbook/read";
import type { WorkbookDescription } from "../workbook/types";

/** What an import would overwrite. */
export interface WorkbookState {
  /** The description's sheets that already exist. */
  existingSheets: string[];
  /** Actuals users typed in the existing tables' input columns. */
  typedActuals: number;
  /** Rows of the Archivio and Registro tables: history a replacement must carry, never drop. */
  historyRows: number;
}

export type ImportStage = "checking" | "writing" | "done";

export interface ImportProgress {
  stage: ImportStage;
  /** 0..1, for the progress bar. */
  fraction: number;
}

export interface ImportOptions {
  /** Delete and recreate the description's sheets when they exist (asked to the user first). */
  replace: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * What the description carries from the workbook: the Archivio and Registro rows it holds
   * (the replace is refused when the workbook has more), and for a revision the typed values as
   * counted when the workbook was read (refused when they changed meanwhile: typed since, lost).
   */
  carries?: { historyRows: number; values?: TypedCounts };
}

export interface ImportOutcome {
  /** Sheets written, in order. */
  sheets: string[];
  /** Sheets that existed and were recreated. */
  replacedSheets: string[];
}

export interface PiraGateway {
  inspect(wb: WorkbookDescription): Promise<WorkbookState>;
  /** Writes the whole workbook. Rejects with an Error whose message is for the user (Italian). */
  importWorkbook(wb: WorkbookDescription, options: ImportOptions): Promise<ImportOutcome>;
  /**
   * Rewrites the formulas and settings of an imported workbook for `wb` (another formula mode,
   * thresholds or scoring method), keeping every typed actual.
   */
  switchFormulas(wb: WorkbookDescription): Promise<void>;
  /** The actuals typed in the workbook, by indicator id and year, for the plan's indicators. */
  readActuals(plan: Plan): Promise<Actuals>;
  /** The notes di scostamento typed in the workbook («Nota YYYY»), by indicator id and year. */
  readNotes(plan: Plan): Promise<Notes>;
  /** The tables a revision reads (readWorkbook in src/workbook/read.ts); null when never imported. */
  readWorkbookTables(): Promise<WorkbookTables | null>;
  /** The plan an earlier import wrote into this workbook; null when there is none. */
  readPlan(): Promise<Plan | null>;
  /** The settings the workbook holds; null when it was never imported. */
  readSettings(): Promise<Partial<Settings> | null>;
  /**
   * Calls `onChange` after each edit of the Indicatori or Impostazioni sheet (consuntivi, notes,
   * targets, settings). Resolves to the function that stops watching.
   */
  watchChanges(onChange: () => void): Promise<() => Promise<void>>;
  /**
   * Activates the Indicatori sheet and selects the indicator's row: its "Consuntivo <year>" cell
   * when a year is given (ready to type), else its id cell.
   */
  goToIndicator(id: string, year?: number): Promise<void>;
}

export const GatewayContext = createContext<PiraGateway | null>(null);

export function useGateway(): PiraGateway {
  const gateway = useContext(GatewayContext);
  if (gateway === null) throw new Error("GatewayContext is missing: wrap the pane in <GatewayContext.Provider>.");
  return gateway;
}
