// Web Worker entry (webpack entry "parse-worker"): reads the pasted cruscotto off the main
// thread, so a very large paste never freezes the pane; and turns an opened file's bytes (PDF,
// Word or text, told apart by content) into the reader's text, loading pdf.js or mammoth on demand;
// and builds the workbook description an import or a settings change writes.
import type { Plan } from "../domain/model";
import { readCruscotto } from "../domain/reader";
import { buildWorkbook } from "../workbook/build";
import type { WorkbookDescription } from "../workbook/types";
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

/** The description, or the message of what buildWorkbook threw (a plan with no years, say). */
export type BuildResponse = { id: number; wb: WorkbookDescription } | { id: number; error: string };

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
    let response: BuildResponse;
    try {
      response = { id: request.id, wb: buildWorkbook(...request.build) };
    } catch (error) {
      response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    scope.postMessage(response);
    return;
  }
  scope.postMessage({ id: request.id, plan: readCruscotto(request.text) });
};
