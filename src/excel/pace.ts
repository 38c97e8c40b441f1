// How often a long write lets the caller's thread do something else. In the task pane Office.js
// queues commands on the thread that also handles input and paints: a 100× import queues some
// 20,000 commands over 5,800-row columns, and done in one go that freezes the pane. The adapter
// calls `step` between units of work (a column, a command) and `turn` around each request; the
// caller says how often that gives a turn (the task pane's pacer: src/taskpane/turns.ts).

export interface Pacer {
  /** Between units of work: gives the event loop a turn once the current slice is used up. */
  step(): Promise<void>;
  /** Before and after a request: always a turn (the host may answer a sync at once). */
  turn(): Promise<void>;
}

/** Runs everything in one go: the CLI, the tests, and wherever nothing else shares the thread. */
export const UNPACED: Pacer = {
  step: () => Promise.resolve(),
  turn: () => Promise.resolve(),
};

/** Runs `steps` (a generator that yields between units of work) to its result, a pacer step at each yield. */
export async function drive<T>(steps: Generator<void, T>, pacer: Pacer): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pacer.step();
  }
}
