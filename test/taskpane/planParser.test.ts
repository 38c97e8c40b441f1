// The parse worker's client: same Plan from the worker or from the page, and a page fallback
// when the worker cannot start or fails; the jobs (parse, build, revision) through the real
// worker handler, their arguments and answers in slices.
import { readCruscotto } from "../../src/domain/reader";
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultSettings } from "../../src/domain/settings";
import { applyWorkbook, readWorkbookTables } from "../../src/excel";
import { createJobRunner, createPlanParser, inPageJobs } from "../../src/taskpane/state/planParser";
import { workerHandler, type WorkerRequest } from "../../src/taskpane/parseWorker";
import { buildWorkbook } from "../../src/workbook/build";
import { createRecordingExcel } from "../fakes/recordingExcel";
import { sampleText } from "../helpers/sample";
import { syntheticCruscotto } from "../helpers/synthetic";

const REVISED = fs.readFileSync(path.join(__dirname, "../fixtures/revised/cruscotto-pira-2024.txt"), "utf8");

type Listener = ((event: { data: unknown; preventDefault?: () => void }) => void) | null;

const global = globalThis as unknown as { Worker?: unknown };
afterEach(() => {
  delete global.Worker;
});

/**
 * A worker running the real worker handler (parseWorker.ts), every message structured-cloned and
 * delivered in its own task both ways, as postMessage does; it counts the messages.
 */
class HandlerWorker {
  static started: string[] = [];
  static sent = 0;
  static received = 0;
  static cancels = 0;
  onmessage: Listener = null;
  onerror: Listener = null;
  constructor(url: string) {
    HandlerWorker.started.push(url);
  }
  private readonly handle = workerHandler((message) => {
    HandlerWorker.received++;
    const copy = structuredClone(message);
    setTimeout(() => this.onmessage?.({ data: copy }), 0);
  });
  postMessage(request: WorkerRequest): void {
    HandlerWorker.sent++;
    if ("cancel" in request) HandlerWorker.cancels++;
    const copy = structuredClone(request);
    setTimeout(() => this.handle(copy), 0);
  }
  terminate(): void {}
}

describe("createPlanParser", () => {
  const text = sampleText();
  const expected = readCruscotto(text);

  it("parses in the page where there are no workers", async () => {
    expect(await createPlanParser(createJobRunner())(text)).toEqual(expected);
  });

  it("parses in one worker, reused, answering each request by its id", async () => {
    HandlerWorker.started = [];
    global.Worker = HandlerWorker;
    const parse = createPlanParser(createJobRunner("parse-worker.js"));
    const [a, b] = await Promise.all([parse(text), parse("**1 Obiettivo solo**\n")]);
    expect(a).toEqual(expected);
    expect(b.objectives.map((o) => o.number)).toEqual([1]);
    expect(HandlerWorker.started).toEqual(["parse-worker.js"]);
  });

  it("falls back to the page when the worker cannot be created", async () => {
    global.Worker = class {
      constructor() {
        throw new Error("blocked");
      }
    };
    expect(await createPlanParser(createJobRunner())(text)).toEqual(expected);
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
    const parse = createPlanParser(createJobRunner());
    expect(await parse(text)).toEqual(expected);
    // Later requests go straight to the page.
    expect(await parse(text)).toEqual(expected);
  });
});

describe("createJobRunner", () => {
  // 580 indicators: tables and descriptions longer than a slice.
  const plan = readCruscotto(syntheticCruscotto(10));
  const settings = defaultSettings(plan);

  beforeEach(() => {
    HandlerWorker.sent = 0;
    HandlerWorker.received = 0;
    HandlerWorker.cancels = 0;
    global.Worker = HandlerWorker;
  });

  it("builds in the worker the description the page builds, the answer in slices", async () => {
    const wb = await createJobRunner()("build", plan, settings);
    expect(wb).toEqual(buildWorkbook(plan, settings));
    expect(HandlerWorker.received).toBeGreaterThan(1);
  });

  it("revises the workbook's tables in the worker, sent in slices, as the page would", async () => {
    const fake = createRecordingExcel();
    (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
    await applyWorkbook(fake.context, buildWorkbook(plan, settings), { replace: false });
    const tables = (await readWorkbookTables(fake.context))!;
    const revised = readCruscotto(syntheticCruscotto(10, REVISED));
    const options = { today: 45_600 };
    const inWorker = await createJobRunner()("prepareRevision", tables, revised, options);
    expect(HandlerWorker.sent).toBeGreaterThan(1);
    expect(inWorker).toEqual(await inPageJobs()("prepareRevision", tables, revised, options));
    expect(inWorker.result.changes.length).toBeGreaterThan(0);
  });

  it("a job whose arguments cannot be sent fails alone: the runner goes on in the worker", async () => {
    const runner = createJobRunner();
    const uncloneable = { ...plan, note: () => "una funzione non si copia" } as unknown as typeof plan;
    await expect(runner("build", uncloneable, settings)).rejects.toThrow(/could not be cloned/);
    const sentBefore = HandlerWorker.sent;
    expect(await runner("build", plan, settings)).toEqual(buildWorkbook(plan, settings));
    expect(HandlerWorker.sent).toBeGreaterThan(sentBefore);
  });

  it("a piece that cannot be sent after the first cancels the job in the worker", async () => {
    const runner = createJobRunner();
    // The 101st objective (of 140) travels in a slice, not in the first message.
    expect(plan.objectives.length).toBeGreaterThan(100);
    const objectives = plan.objectives.map((o, at) => (at === 100 ? { ...o, extra: () => 1 } : o));
    const broken = { ...plan, objectives } as typeof plan;
    await expect(runner("build", broken, settings)).rejects.toThrow(/could not be cloned/);
    expect(HandlerWorker.cancels).toBe(1);
    expect(await runner("build", plan, settings)).toEqual(buildWorkbook(plan, settings));
  });

  it("rejects with the job's own message when it throws", async () => {
    const broken = { ...plan, years: [] as number[] };
    const inPage = (() => {
      try {
        buildWorkbook(broken, settings);
        return "no error";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(inPage).not.toBe("no error");
    await expect(createJobRunner()("build", broken, settings)).rejects.toThrow(inPage);
  });
});
