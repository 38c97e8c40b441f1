// Work the pane hands to a Web Worker where the page can start one, and does in the page
// otherwise (jsdom, or a worker that failed to load): the result is the same either way.
// Reading the cruscotto (a Plan from the text), building the workbook description and revising
// a workbook (jobs.ts) all take a second or more on a 100× plan: off the UI thread.
import type { Plan } from "../../domain/model";
import { readCruscotto } from "../../domain/reader";
import type { WorkbookDescription } from "../../workbook/types";
import { Arrivals, slicedMessages, type Sliced } from "../chunked";
import { runJob, type JobArgs, type JobName, type JobResult, type JobRunner } from "../jobs";
import type { JobRequest, ParseRequest, ParseResponse, WorkerRequest, WorkerResponse } from "../parseWorker";
import { panePacer } from "../turns";

/** Served beside taskpane.html by the webpack entry "parse-worker". */
export const PARSE_WORKER_URL = "parse-worker.js";

export type PlanParser = (text: string) => Promise<Plan>;
/** buildWorkbook's arguments in, its description out. */
export type WorkbookBuilder = (...args: JobArgs<"build">) => Promise<WorkbookDescription>;

export function inPageParser(): PlanParser {
  return (text) => Promise.resolve(readCruscotto(text));
}

/**
 * Sends each input to one worker (started on first use) as one or more messages, and resolves to
 * its answer, by id; an answer may come in several messages (`answer` returns undefined until the
 * last; `forget` drops what came of an input answered otherwise: an error, the page). The messages
 * of one input are posted with turns for the page in between.
 */
function workerClient<In, Out>(
  url: string,
  inPage: (input: In) => Out,
  request: (id: number, input: In) => Iterable<WorkerRequest>,
  answer: (response: WorkerResponse) => Out | undefined,
  forget: (id: number) => void = () => undefined,
): (input: In) => Promise<Out> {
  if (typeof Worker === "undefined") return (input) => Promise.resolve(inPage(input));
  let worker: Worker | null = null;
  let failed = false;
  let nextId = 0;
  const waiting = new Map<number, { input: In; resolve: (out: Out) => void; reject: (e: unknown) => void }>();

  function fallBack(): void {
    failed = true;
    worker?.terminate();
    worker = null;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      forget(id);
      try {
        job.resolve(inPage(job.input));
      } catch (error) {
        job.reject(error);
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
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const job = waiting.get(event.data.id);
      if (!job) return;
      if ("error" in event.data) {
        waiting.delete(event.data.id);
        forget(event.data.id);
        job.reject(new Error(event.data.error));
        return;
      }
      const out = answer(event.data);
      if (out === undefined) return;
      waiting.delete(event.data.id);
      job.resolve(out);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    // An answer that cannot be read names no job: the worker is not to be trusted any more.
    worker.onmessageerror = () => fallBack();
    return worker;
  }

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      const w = start();
      if (!w) {
        resolve(inPage(input));
        return;
      }
      const id = ++nextId;
      waiting.set(id, { input, resolve, reject });
      void (async () => {
        const pacer = panePacer();
        for (const message of request(id, input)) {
          // The worker may have failed meanwhile: the page has answered this input then.
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
    });
}

export function createPlanParser(url = PARSE_WORKER_URL): PlanParser {
  return workerClient<string, Plan>(
    url,
    readCruscotto,
    (id, text): ParseRequest[] => [{ id, text }],
    (response) => (response as ParseResponse).plan,
  );
}

interface Job {
  job: JobName;
  args: unknown[];
}

/** Runs jobs in the page, at once: where no worker runs (jsdom), and in tests. */
export function inPageJobs(): JobRunner {
  return (job, ...args) => Promise.resolve(runJob(job, args));
}

/**
 * Runs jobs in a worker: arguments and result cross in slices (chunked.ts), so neither side
 * spends a long task on one structured clone of tens of MB.
 */
export function createJobRunner(url = PARSE_WORKER_URL): JobRunner {
  const arrivals = new Arrivals();
  const run = workerClient<Job, unknown>(
    url,
    ({ job, args }) => runJob(job, args as never),
    (id, { job, args }): Iterable<JobRequest> => slicedMessages(id, args, { job }),
    (response) => arrivals.add(response as Sliced)?.whole,
    (id) => arrivals.drop(id),
  );
  return <J extends JobName>(job: J, ...args: JobArgs<J>) => run({ job, args }) as Promise<JobResult<J>>;
}

export function inPageBuilder(): WorkbookBuilder {
  const jobs = inPageJobs();
  return (...args) => jobs("build", ...args);
}

/** Builds workbook descriptions with `jobs` (the pane's worker by default). */
export function createWorkbookBuilder(jobs: JobRunner = paneJobs()): WorkbookBuilder {
  return (...args) => jobs("build", ...args);
}

let jobRunner: JobRunner | null = null;

/** The pane's one job runner (its worker starts on the first job). */
export function paneJobs(): JobRunner {
  return (jobRunner ??= createJobRunner());
}

let paneBuilder: WorkbookBuilder | null = null;

/** The pane's one builder, over its job runner (the same function each call: hooks depend on it). */
export function paneWorkbookBuilder(): WorkbookBuilder {
  return (paneBuilder ??= createWorkbookBuilder(paneJobs()));
}
