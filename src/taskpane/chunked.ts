// A big value sent across postMessage in pieces: every long array is cut into slices posted one
// by one, so the receiving side deserialises many small messages (each its own short task)
// instead of one of tens of MB (a 100× workbook description is about 40 MB: seconds in one task),
// and the page, sending, can stop between slices.

/** Items per posted slice: a slice of Indicatori rows is a few hundred kB. */
export const SLICE_ITEMS = 64;

const HOLE = "\u0000slices";

/** Where a long array was: its index among the value's long arrays. */
interface Hole {
  [HOLE]: number;
}

export interface Split {
  /** The value with each long array replaced by a hole. */
  skeleton: unknown;
  /** The long arrays, by hole index (sent as slices). */
  arrays: unknown[][];
}

/** A record to walk into (not a Date or a typed array), whichever realm made it (a clone's may differ). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return Object.prototype.toString.call(v) === "[object Object]";
}

/** Cuts out the arrays longer than SLICE_ITEMS (not looking inside them: their items travel whole). */
export function splitValue(value: unknown): Split {
  const arrays: unknown[][] = [];
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length <= SLICE_ITEMS) return v.map(walk);
      arrays.push(v);
      return { [HOLE]: arrays.length - 1 } satisfies Hole;
    }
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) out[key] = walk(item);
      return out;
    }
    return v;
  };
  return { skeleton: walk(value), arrays };
}

/** The messages that carry `split.arrays`: [array index, its items from `start`]. */
export function* slicesOf(split: Split): Generator<{ array: number; items: unknown[] }> {
  for (const [array, items] of split.arrays.entries()) {
    for (let start = 0; start < items.length; start += SLICE_ITEMS) {
      yield { array, items: items.slice(start, start + SLICE_ITEMS) };
    }
  }
}

/** Collects slices (in the order posted) and puts the value back together. */
export class Reassembly {
  private readonly arrays: unknown[][];

  constructor(
    private readonly skeleton: unknown,
    lengths: readonly number[],
  ) {
    this.arrays = lengths.map(() => []);
    this.expected = lengths.reduce((n, length) => n + length, 0);
  }

  private readonly expected: number;
  private received = 0;

  add(array: number, items: readonly unknown[]): void {
    const target = this.arrays[array];
    for (const item of items) target.push(item);
    this.received += items.length;
  }

  get complete(): boolean {
    return this.received === this.expected;
  }

  value(): unknown {
    const fill = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(fill);
      if (isPlainObject(v)) {
        if (HOLE in v) return this.arrays[v[HOLE] as number];
        const out: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(v)) out[key] = fill(item);
        return out;
      }
      return v;
    };
    return fill(this.skeleton);
  }
}

/**
 * A value in messages (postMessage, either way): first the skeleton with the lengths of the long
 * arrays cut out, then their slices in order.
 */
export type Sliced =
  { id: number; skeleton: unknown; lengths: number[] } | { id: number; array: number; items: unknown[] };

/** The messages that carry `value` under `id`, the first one extended by `head`. */
export function* slicedMessages(id: number, value: unknown, head: object = {}): Generator<Sliced> {
  const split = splitValue(value);
  yield { ...head, id, skeleton: split.skeleton, lengths: split.arrays.map((a) => a.length) };
  for (const slice of slicesOf(split)) yield { id, ...slice };
}

/** Puts values sent as `slicedMessages` back together, by id. */
export class Arrivals {
  private readonly arriving = new Map<number, Reassembly>();

  /** The whole value once `message` was its last piece; undefined before. */
  add(message: Sliced): { whole: unknown } | undefined {
    if ("skeleton" in message) this.arriving.set(message.id, new Reassembly(message.skeleton, message.lengths));
    else this.arriving.get(message.id)?.add(message.array, message.items);
    const whole = this.arriving.get(message.id);
    if (!whole?.complete) return undefined;
    this.arriving.delete(message.id);
    return { whole: whole.value() };
  }

  /** Forgets what came of `id` (its sender failed or gave up): a part of a 100× value is many MB. */
  drop(id: number): void {
    this.arriving.delete(id);
  }
}
