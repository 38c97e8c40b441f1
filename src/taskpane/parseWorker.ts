// Web Worker entry (webpack entry "parse-worker"): runs the pane's long jobs off the main thread
// (jobs.ts: reading the pasted cruscotto, so a very large paste never freezes the pane; the
// workbook description; a revision), and turns an opened file's bytes (PDF, Word or text, told
// apart by content) into the reader's text, loading pdf.js or mammoth on demand.
import { Arrivals, slicedMessages, type Sliced } from "./chunked";
import { runJob, type JobName } from "./jobs";
import { readSource, SourceError, type SourceReading } from "../domain/sources/document";
import { workerSourceReaders } from "./workerSources";

/** The start of a job's arguments carries the job's name (arguments and result travel in pieces). */
export type JobRequest = Sliced & { job?: JobName };

/** The page gave up sending job `id` (a piece could not be posted): forget its pieces. */
export interface CancelRequest {
  id: number;
  cancel: true;
}

/** A job's result in pieces, or the message of what it threw. */
export type JobResponse = Sliced | { id: number; error: string };

/** An opened file's bytes, transferred to the worker. */
export interface SourceRequest {
  id: number;
  bytes: ArrayBuffer;
}

/** What was read, or the one Italian line saying why nothing could be. */
export type SourceResponse = { id: number; source: SourceReading } | { id: number; error: string };

export type WorkerRequest = SourceRequest | JobRequest | CancelRequest;
export type WorkerResponse = SourceResponse | JobResponse;

/** What the worker does with each message; `post` answers (exported for tests, which post by hand). */
export function workerHandler(post: (message: WorkerResponse) => void): (request: WorkerRequest) => void {
  const arrivals = new Arrivals();
  const jobs = new Map<number, JobName>();
  return (request) => {
    if ("bytes" in request) {
      readSource(new Uint8Array(request.bytes), workerSourceReaders).then(
        (source) => post({ id: request.id, source }),
        (error: unknown) =>
          post({
            id: request.id,
            error: error instanceof SourceError ? error.message : `il file non si può leggere (${String(error)}).`,
          }),
      );
      return;
    }
    const { id } = request;
    if ("cancel" in request) {
      arrivals.drop(id);
      jobs.delete(id);
      return;
    }
    if ("skeleton" in request && request.job) jobs.set(id, request.job);
    const args = arrivals.add(request);
    if (!args) return;
    const job = jobs.get(id);
    jobs.delete(id);
    // The job, and the sending of its answer (a piece that cannot be posted), fail alike: this
    // job's error, the worker going on for the others.
    try {
      if (!job) throw new Error("richiesta al worker senza lavoro");
      for (const message of slicedMessages(id, runJob(job, args.whole as never))) post(message);
    } catch (error) {
      post({ id, error: error instanceof Error ? error.message : String(error) });
    }
  };
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
  importScripts?: unknown;
}

// Only where this runs as the worker (a classic worker has importScripts; a test importing the
// handler does not).
const scope = (typeof self === "undefined" ? {} : self) as unknown as WorkerScope;
if (typeof scope.importScripts === "function") {
  const handle = workerHandler((message) => scope.postMessage(message));
  scope.onmessage = (event) => handle(event.data);
}
