// The pane's turns (src/taskpane/turns.ts): how often the pacer gives one, and what a turn is. A
// turn must not be a timer where the browser offers better: a hidden page runs timers once a second.
import { breathe, timeSliced, type PaneTurns } from "../../src/taskpane/turns";

/** A pacer that counts its turns, each a real task boundary. */
function countingPacer(sliceMs: number, clock: () => number): { pacer: PaneTurns; turns: () => number } {
  let turns = 0;
  const pacer = timeSliced(
    () => {
      turns++;
      return breathe();
    },
    sliceMs,
    clock,
  );
  return { pacer, turns: () => turns };
}

describe("timeSliced", () => {
  test.each([
    // [slice, clock readings between steps, turns expected]
    [25, [0, 10, 24], 0],
    [25, [0, 25], 1],
    [25, [0, 30, 40, 56], 2],
    [0, [0, 0, 0], 3],
  ])("slice %i ms, clock %j: %i turns", async (slice, readings, expected) => {
    let now = 0;
    const { pacer, turns } = countingPacer(slice, () => now);
    for (const reading of readings) {
      now = reading;
      await pacer.step();
    }
    expect(turns()).toBe(expected);
  });

  test("turn() always gives a turn and starts a new slice", async () => {
    let now = 0;
    const { pacer, turns } = countingPacer(25, () => now);
    now = 20;
    await pacer.turn();
    expect(turns()).toBe(1);
    now = 40; // 20 ms after the turn: inside the new slice
    await pacer.step();
    expect(turns()).toBe(1);
  });
});

describe("breathe", () => {
  const global = globalThis as { scheduler?: unknown; MessageChannel?: unknown };
  afterEach(() => {
    delete global.scheduler;
    jest.useRealTimers();
  });

  test("uses scheduler.yield where the browser has it, called on the scheduler", async () => {
    const receivers: unknown[] = [];
    const scheduler = {
      // A browser's scheduler.yield throws "Illegal invocation" when called detached.
      yield(this: unknown): Promise<void> {
        receivers.push(this);
        return this === scheduler ? Promise.resolve() : Promise.reject(new TypeError("Illegal invocation"));
      },
    };
    global.scheduler = scheduler;
    await breathe();
    expect(receivers).toEqual([scheduler]);
  });

  test("otherwise a MessageChannel message: no timer, so it resolves with every timer held", async () => {
    jest.useFakeTimers();
    let later = false;
    setTimeout(() => (later = true), 0);
    await breathe();
    expect(later).toBe(false);
  });

  test("and a zero-delay timer where there is neither", async () => {
    const channel = global.MessageChannel;
    delete global.MessageChannel;
    try {
      jest.useFakeTimers();
      let done = false;
      void breathe().then(() => (done = true));
      await Promise.resolve();
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(0);
      expect(done).toBe(true);
    } finally {
      global.MessageChannel = channel;
    }
  });
});
