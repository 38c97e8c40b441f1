// Work the pane hands to a Web Worker where the page can start one, and does in the page
// otherwise (jsdom, or a worker that failed to load): the result is the same either way.
// Reading the cruscotto (a Plan from the text) and building the workbook description (a
// WorkbookDescription from the plan) both take seconds on a 100× plan: off the UI thread.
import type { Plan } from "../../domain/model";
import { readCruscotto } from "../../domain/reader";
import { buildWorkbook } from "../../workbook/build";
import type { WorkbookDescription } from "../../workbook/types";
import { Reassembly } from "../chunked";
import type { BuildArgs, BuildRequest, BuildResponse, ParseRequest, ParseResponse } from "../parseWorker";

/** Served beside taskpane.html by the webpack entry "parse-worker". */
export const PARSE_WORKER_URL = "parse-worker.js";

export type PlanParser = (text: string) => Promise<Plan>;
/** buildWorkbook's arguments in, its description out. */
export type WorkbookBuilder = (...args: BuildArgs) => Promise<WorkbookDescription>;

export function inPageParser(): PlanParser {
  return (text) => Promise.resolve(readCruscotto(text));
}

/**
 * Sends each input to one worker (started on first use) and resolves to its answer, by id; an
 * answer may come in several messages (`answer` returns undefined until the last).
 */
function workerClient<In, Out>(
  url: string,
  inPage: (input: In) => Out,
  request: (id: number, input: In) => ParseRequest | BuildRequest,
  answer: (response: ParseResponse | BuildResponse) => Out | undefined,
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
    worker.onmessage = (event: MessageEvent<ParseResponse | BuildResponse>) => {
      const job = waiting.get(event.data.id);
      if (!job) return;
      if ("error" in event.data) {
        waiting.delete(event.data.id);
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
      w.postMessage(request(id, input));
    });
}

export function createPlanParser(url = PARSE_WORKER_URL): PlanParser {
  return workerClient<string, Plan>(
    url,
    readCruscotto,
    (id, text) => ({ id, text }),
    (response) => (response as { plan: Plan }).plan,
  );
}

export function inPageBuilder(): WorkbookBuilder {
  return (...args) => Promise.resolve(buildWorkbook(...args));
}

/**
 * Builds workbook descriptions in a worker: the description crosses back by structured clone,
 * which costs the page a fraction of what building it does.
 */
export function createWorkbookBuilder(url = PARSE_WORKER_URL): WorkbookBuilder {
  const arriving = new Map<number, Reassembly>();
  const build = workerClient<BuildArgs, WorkbookDescription>(
    url,
    (args) => buildWorkbook(...args),
    (id, args) => ({ id, build: args }),
    (response) => {
      const { id } = response;
      if ("skeleton" in response) arriving.set(id, new Reassembly(response.skeleton, response.lengths));
      else if ("array" in response) arriving.get(id)?.add(response.array, response.items);
      const whole = arriving.get(id);
      if (!whole?.complete) return undefined;
      arriving.delete(id);
      return whole.value() as WorkbookDescription;
    },
  );
  return (...args) => build(args);
}

let paneBuilder: WorkbookBuilder | null = null;

/** The pane's one builder (its worker starts on the first import or settings change). */
export function paneWorkbookBuilder(): WorkbookBuilder {
  return (paneBuilder ??= createWorkbookBuilder());
}
