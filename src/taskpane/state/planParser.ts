// Parses a cruscotto in a Web Worker where the page can start one, in the page otherwise
// (jsdom, or a worker that failed to load): the result is the same Plan either way.
import type { Plan } from "../../domain/model";
import { readCruscotto } from "../../domain/reader";
import type { ParseRequest, ParseResponse } from "../parseWorker";

/** Served beside taskpane.html by the webpack entry "parse-worker". */
export const PARSE_WORKER_URL = "parse-worker.js";

export type PlanParser = (text: string) => Promise<Plan>;

export function inPageParser(): PlanParser {
  return (text) => Promise.resolve(readCruscotto(text));
}

export function createPlanParser(url = PARSE_WORKER_URL): PlanParser {
  if (typeof Worker === "undefined") return inPageParser();
  let worker: Worker | null = null;
  let failed = false;
  let nextId = 0;
  const waiting = new Map<number, { text: string; resolve: (plan: Plan) => void }>();

  function fallBack(): void {
    failed = true;
    worker?.terminate();
    worker = null;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      job.resolve(readCruscotto(job.text));
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
    worker.onmessage = (event: MessageEvent<ParseResponse>) => {
      const job = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      job?.resolve(event.data.plan);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    return worker;
  }

  return (text) =>
    new Promise<Plan>((resolve) => {
      const w = start();
      if (!w) {
        resolve(readCruscotto(text));
        return;
      }
      const id = ++nextId;
      waiting.set(id, { text, resolve });
      const request: ParseRequest = { id, text };
      w.postMessage(request);
    });
}
