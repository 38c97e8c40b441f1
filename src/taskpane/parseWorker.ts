// Web Worker entry (webpack entry "parse-worker"): reads the pasted cruscotto off the main
// thread, so a very large paste never freezes the pane; and turns an opened file's bytes (PDF,
// Word or text, told apart by content) into the reader's text, loading pdf.js or mammoth on demand;
// and builds the workbook description an import or a settings change writes.
import type { Plan } from "../domain/model";
import { readCruscotto } from "../domain/reader";
import { buildWorkbook } from "../workbook/build";
import { slicesOf, splitValue } from "./chunked";
import { readSource, SourceError, type SourceReading } from "../domain/sources/document";
import { workerSourceReaders } from "./workerSources";

export interface ParseRequest {
  id: number;
  text: string;
}

export interface ParseResponse {
  id: number;
  plan: Plan;
}

export type BuildArgs = Parameters<typeof buildWorkbook>;

export interface BuildRequest {
  id: number;
  build: BuildArgs;
}

/**
 * The description in pieces (see chunked.ts): first its skeleton with the lengths of the long
 * arrays cut out, then their slices in order; or the message of what buildWorkbook threw.
 */
export type BuildResponse =
  | { id: number; skeleton: unknown; lengths: number[] }
  | { id: number; array: number; items: unknown[] }
  | { id: number; error: string };

/** An opened file's bytes, transferred to the worker. */
export interface SourceRequest {
  id: number;
  bytes: ArrayBuffer;
}

/** What was read, or the one Italian line saying why nothing could be. */
export type SourceResponse = { id: number; source: SourceReading } | { id: number; error: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseRequest | SourceRequest | BuildRequest>) => void) | null;
  postMessage(message: ParseResponse | SourceResponse | BuildResponse): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  const request = event.data;
  if ("bytes" in request) {
    readSource(new Uint8Array(request.bytes), workerSourceReaders).then(
      (source) => scope.postMessage({ id: request.id, source }),
      (error: unknown) =>
        scope.postMessage({
          id: request.id,
          error: error instanceof SourceError ? error.message : `il file non si può leggere (${String(error)}).`,
        }),
    );
    return;
  }
  if ("build" in request) {
    let split;
    try {
      split = splitValue(buildWorkbook(...request.build));
    } catch (error) {
      scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
      return;
    }
    const { id } = request;
    scope.postMessage({ id, skeleton: split.skeleton, lengths: split.arrays.map((a) => a.length) });
    for (const slice of slicesOf(split)) scope.postMessage({ id, ...slice });
    return;
  }
  scope.postMessage({ id: request.id, plan: readCruscotto(request.text) });
};
