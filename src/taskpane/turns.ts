// Turns for the pane's thread: it also takes the user's input and paints, so long work (a write
// to Excel, a hand-over to the worker) stops now and then to let it. The pacer has the shape the
// Excel adapter asks for (src/excel/pace.ts).

/** Between units of work (`step`) and around each request (`turn`). */
export interface PaneTurns {
  step(): Promise<void>;
  turn(): Promise<void>;
}

interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Lets the pane handle input and paint: a new task, after whatever is queued before it. Not a
 * timer where the browser offers better: a hidden page (a closed task pane in the shared
 * runtime) runs timers at most once a second, and a write takes hundreds of turns.
 * scheduler.yield (Chromium 129+) resumes first in line; a MessageChannel message is a task no
 * timer throttling applies to.
 */
export function breathe(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Gives a turn (`yieldTurn`) whenever `sliceMs` have passed since the last one: tasks stay near
 * `sliceMs` plus what one unit of work costs, well under what users feel as a freeze.
 */
export function timeSliced(yieldTurn: () => Promise<void>, sliceMs = 25, now: () => number = Date.now): PaneTurns {
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

/** The pane's pacer: a zero-delay timeout every 25 ms of work and around every request. */
export function panePacer(): PaneTurns {
  return timeSliced(breathe);
}
