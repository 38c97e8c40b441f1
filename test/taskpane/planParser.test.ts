// The parse worker's client: same Plan from the worker or from the page, and a page fallback
// when the worker cannot start or fails.
import { readCruscotto } from "../../src/domain/reader";
import { createPlanParser } from "../../src/taskpane/state/planParser";
import type { ParseRequest } from "../../src/taskpane/parseWorker";
import { sampleText } from "../helpers/sample";

type Listener = ((event: { data: unknown; preventDefault?: () => void }) => void) | null;

const global = globalThis as unknown as { Worker?: unknown };
afterEach(() => {
  delete global.Worker;
});

/** A worker that answers like parseWorker.ts does, asynchronously. */
class EchoWorker {
  static started: string[] = [];
  onmessage: Listener = null;
  onerror: Listener = null;
  constructor(url: string) {
    EchoWorker.started.push(url);
  }
  postMessage(request: ParseRequest): void {
    setTimeout(() => this.onmessage?.({ data: { id: request.id, plan: readCruscotto(request.text) } }), 0);
  }
  terminate(): void {}
}

describe("createPlanParser", () => {
  const text = sampleText();
  const expected = readCruscotto(text);

  it("parses in the page where there are no workers", async () => {
    expect(await createPlanParser()(text)).toEqual(expected);
  });

  it("parses in one worker, reused, answering each request by its id", async () => {
    EchoWorker.started = [];
    global.Worker = EchoWorker;
    const parse = createPlanParser("parse-worker.js");
    const [a, b] = await Promise.all([parse(text), parse("**1 Obiettivo solo**\n")]);
    expect(a).toEqual(expected);
    expect(b.objectives.map((o) => o.number)).toEqual([1]);
    expect(EchoWorker.started).toEqual(["parse-worker.js"]);
  });

  it("falls back to the page when the worker cannot be created", async () => {
    global.Worker = class {
      constructor() {
        throw new Error("blocked");
      }
    };
    expect(await createPlanParser()(text)).toEqual(expected);
  });

  it("falls back to the page when the worker fails to load, answering what was waiting", async () => {
    let created: { onerror: Listener } | null = null;
    global.Worker = class {
      onmessage: Listener = null;
      onerror: Listener = null;
      constructor() {
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        created = this;
      }
      postMessage(): void {
        setTimeout(() => created?.onerror?.({ data: null, preventDefault: () => undefined }), 0);
      }
      terminate(): void {}
    };
    const parse = createPlanParser();
    expect(await parse(text)).toEqual(expected);
    // Later requests go straight to the page.
    expect(await parse(text)).toEqual(expected);
  });
});
