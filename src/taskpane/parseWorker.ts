// Web Worker entry (webpack entry "parse-worker"): reads the pasted cruscotto off the main
// thread, so a very large paste never freezes the pane.
import type { Plan } from "../domain/model";
import { readCruscotto } from "../domain/reader";

export interface ParseRequest {
  id: number;
  text: string;
}

export interface ParseResponse {
  id: number;
  plan: Plan;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: ParseResponse): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  scope.postMessage({ id: event.data.id, plan: readCruscotto(event.data.text) });
};
