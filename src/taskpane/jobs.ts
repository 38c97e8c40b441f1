// The pane's long computations, each a pure function of what the workbook and the document hold:
// run in the parse worker (parseWorker.ts), or in the page where no worker starts. A 100× plan
// takes the reader 200 ms, the build about a second and a revision more (reading the tables, matching 5,800
// indicators, building the revised workbook): off the UI thread.
import type { Plan } from "../domain/model";
import { readCruscotto } from "../domain/reader";
import { buildWorkbook } from "../workbook/build";
import {
  countTypedCells,
  readWorkbook,
  type TypedCounts,
  type WorkbookContents,
  type WorkbookTables,
} from "../workbook/read";
import { reviseWorkbook, type ReviseOptions, type ReviseResult } from "../workbook/revise";

/** A revision's first look: what the workbook holds, what is typed in it, and the revision. */
export interface PreparedRevision {
  contents: WorkbookContents;
  typed: TypedCounts;
  result: ReviseResult;
}

export const JOBS = {
  /** The pasted or opened cruscotto read into a plan (a 1.45 MB paste takes the reader 200 ms). */
  parse: (text: string): Plan => readCruscotto(text),
  /** The workbook description an import or a settings change writes. */
  build: (...args: Parameters<typeof buildWorkbook>) => buildWorkbook(...args),
  /** «Mostra le modifiche»: the workbook's tables read and revised by the new plan. */
  prepareRevision: (tables: WorkbookTables, plan: Plan, options: ReviseOptions): PreparedRevision => {
    const contents = readWorkbook(tables);
    return { contents, typed: countTypedCells(tables.indicators), result: reviseWorkbook(contents, plan, options) };
  },
  /** The same revision again, after a proposal was accepted or refused. */
  revise: (contents: WorkbookContents, plan: Plan, options: ReviseOptions): ReviseResult =>
    reviseWorkbook(contents, plan, options),
};

export type JobName = keyof typeof JOBS;
export type JobArgs<J extends JobName> = Parameters<(typeof JOBS)[J]>;
export type JobResult<J extends JobName> = ReturnType<(typeof JOBS)[J]>;

export function runJob<J extends JobName>(job: J, args: JobArgs<J>): JobResult<J> {
  // TypeScript cannot tie the indexed function to J's own parameters: the signature above does.
  return (JOBS[job] as unknown as (...a: JobArgs<J>) => JobResult<J>)(...args);
}

/** Runs a job somewhere (the worker, or the page) and resolves to its result. */
export type JobRunner = <J extends JobName>(job: J, ...args: JobArgs<J>) => Promise<JobResult<J>>;
