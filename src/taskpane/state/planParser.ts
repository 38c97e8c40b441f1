// Work the pane hands to a Web Worker where the page can start one, and does in the page
// otherwise (jsdom, or a worker that failed to load): the result is the same either way.
// Reading the cruscotto (a Plan from the text), building the workbook description and revising
// a workbook (jobs.ts) take from a fifth of a second to several on a 100× plan: off the UI thread.
import type { Plan } from "../../domain/model";
import type { WorkbookDescription } from "../../workbook/types";
import { Arrivals, slicedMessages, type Sliced } from "../chunked";
import { runJob, type JobArgs, type JobName, type JobResult, type JobRunner } from "../jobs";
import type { JobResponse } from "../parseWorker";
import { panePacer } from "../turns";

/** Served beside taskpane.html by the webpack entry "parse-worker". */
export const PARSE_WORKER_URL = "parse-worker.js";

export type PlanParser = (text: string) => Promise<Plan>;
/** buildWorkbook's arguments in, its description out. */
export type WorkbookBuilder = (...args: JobArgs<"build">) => Promise<WorkbookDescription>;

interface Job {
  job: JobName;
  args: unknown[];
}

/** Runs jobs in the page, at once: where no worker runs (jsdom), and in tests. */
export function inPageJobs(): JobRunner {
  return (job, ...args) => Promise.resolve(runJob(job, args));
}

/**
 * Runs jobs in one worker (started on the first job), each answered by its id: arguments and
 * result cross in slices (chunked.ts), posted with turns for the page in between, so neither side
 * spends a long task on one structured clone of tens of MB. Where no worker can start, or once
 * it has failed, jobs run in the page (those waiting too).
 */
export function createJobRunner(url = PARSE_WORKER_URL): JobRunner {
  const inPage = ({ job, args }: Job): unknown => runJob(job, args as never);
  const typed = (run: (job: Job) => Promise<unknown>): JobRunner => {
    return <J extends JobName>(job: J, ...args: JobArgs<J>) => run({ job, args }) as Promise<JobResult<J>>;
  };
  if (typeof Worker === "undefined") return typed((job) => Promise.resolve(inPage(job)));
  const arrivals = new Arrivals();
  let worker: Worker | null = null;
  let failed = false;
  let nextId = 0;
  const waiting = new Map<number, { job: Job; resolve: (out: unknown) => void; reject: (e: unknown) => void }>();

  function fallBack(): void {
    failed = true;
    worker?.terminate();
    worker = null;
    for (const [id, entry] of waiting) {
      waiting.delete(id);
      arrivals.drop(id);
      try {
        entry.resolve(inPage(entry.job));
      } catch (error) {
        entry.reject(error);
      }
    }
  }

  function start(): Worker | null {
    if (worker || failed) return worker;
    try {
      worker = new Worker(url);
    } catch {
      failed = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<JobResponse>) => {
      const { id } = event.data;
      const entry = waiting.get(id);
      if (!entry) return;
      if ("error" in event.data) {
        waiting.delete(id);
        arrivals.drop(id);
        entry.reject(new Error(event.data.error));
        return;
      }
      const answer = arrivals.add(event.data as Sliced);
      if (!answer) return;
      waiting.delete(id);
      entry.resolve(answer.whole);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    // An answer that cannot be read names no job: the worker is not to be trusted any more.
    worker.onmessageerror = () => fallBack();
    return worker;
  }

  return typed(
    (job) =>
      new Promise<unknown>((resolve, reject) => {
        const w = start();
        if (!w) {
          resolve(inPage(job));
          return;
        }
        const id = ++nextId;
        waiting.set(id, { job, resolve, reject });
        void (async () => {
          const pacer = panePacer();
          for (const message of slicedMessages(id, job.args, { job: job.job })) {
            // The worker may have failed meanwhile: the page has answered this job then.
            if (worker !== w) return;
            w.postMessage(message);
            await pacer.step();
          }
        })().catch((error: unknown) => {
          // A piece that cannot be posted: the worker forgets the others, the caller hears why.
          waiting.delete(id);
          if (worker === w) w.postMessage({ id, cancel: true });
          reject(error);
        });
      }),
  );
}

let jobRunner: JobRunner | null = null;

/** The pane's one job runner (its worker starts on the first job). */
export function paneJobs(): JobRunner {
  return (jobRunner ??= createJobRunner());
}

/** Reads cruscotti with `jobs` (the pane's worker by default). */
export function createPlanParser(jobs: JobRunner = paneJobs()): PlanParser {
  return (text) => jobs("parse", text);
}

let paneBuilder: WorkbookBuilder | null = null;

/** The pane's one builder, over its job runner (the same function each call: hooks depend on it). */
export function paneWorkbookBuilder(): WorkbookBuilder {
  return (paneBuilder ??= (...args) => paneJobs()("build", ...args));
}
