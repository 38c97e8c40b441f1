// How often a long write lets the caller's thread do something else. In the task pane Office.js
// queues commands on the thread that also handles input and paints: a 100× import queues some
// 20,000 commands over 5,800-row columns, and done in one go that freezes the pane. The adapter
// calls `step` between units of work (a column, a command) and `turn` around each request.

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

/**
 * A pacer that gives a turn (`yieldTurn`, e.g. a zero-delay timeout) whenever `sliceMs` have passed
 * since the last one: tasks stay near `sliceMs`, well under the 50 ms a browser calls a long task
 * plus what one unit of work costs.
 */
export function timeSliced(yieldTurn: () => Promise<void>, sliceMs = 25, now: () => number = Date.now): Pacer {
  let since = now();
  const turn = async (): Promise<void> => {
    await yieldTurn();
    since = now();
  };
  return {
    step: () => (now() - since >= sliceMs ? turn() : Promise.resolve()),
    turn,
  };
}
