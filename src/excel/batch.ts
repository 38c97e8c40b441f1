// Payload-aware batching. Excel on the web rejects requests over 5 MB
// (RequestPayloadSizeLimitExceeded); we keep each sync's request under 4 MB, estimated as the
// UTF-8 JSON length of every queued write's arguments plus a fixed overhead per command.
import type { PendingCommand, WriteQueue } from "./writeQueue";
import { UNPACED, type Pacer } from "./pace";

/** Upper bound for the estimated payload of one sync, below the 5 MB web limit. */
export const MAX_REQUEST_BYTES = 4_000_000;
/** Our estimate of what one queued command costs besides its arguments (object path, ids, names). */
export const COMMAND_OVERHEAD_BYTES = 120;
/**
 * Write syncs allowed in one operation: each request stays under MAX_REQUEST_BYTES, so this only
 * bounds how long an import takes. The sample needs 1; the 100× plan (5,800 indicators, with the
 * linear roll-ups' helper columns and the notes) 3, since each uniform formula column travels as
 * one R1C1 formula (was 11 with one A1 formula a cell; see npm run bench).
 */
export const MAX_WRITE_SYNCS = 5;

/** UTF-8 length of the JSON text of `value` (what travels in the request body). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  // Each UTF-16 unit outside ASCII adds bytes: 1 more below U+0800, 2 more above; a surrogate
  // pair (2 units, 4 bytes) adds 1 per unit.
  const wide = json.replace(/[^\u0080-\uffff]+/g, "");
  let extra = 0;
  for (let i = 0; i < wide.length; i++) {
    const code = wide.charCodeAt(i);
    extra += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return json.length + extra;
}

/**
 * Order-preserving split of `commands` into batches of at most `maxBytes` each. A command that
 * does not fit what is left of a batch fills it up to the byte if it can be split between rows.
 */
export function planBatches(commands: readonly PendingCommand[], maxBytes = MAX_REQUEST_BYTES): PendingCommand[][] {
  const batches: PendingCommand[][] = [];
  let current: PendingCommand[] = [];
  let size = 0;
  const close = (): void => {
    batches.push(current);
    current = [];
    size = 0;
  };
  for (const original of commands) {
    let command = original;
    for (;;) {
      if (size + command.bytes <= maxBytes) {
        current.push(command);
        size += command.bytes;
        break;
      }
      const parts = command.split?.(maxBytes - size);
      if (parts) {
        current.push(parts[0]);
        close();
        command = parts[1];
        continue;
      }
      if (current.length === 0) {
        throw new Error(
          `Una singola scrittura (${command.bytes} byte) supera il limite di ${maxBytes} byte per richiesta.`,
        );
      }
      close();
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Calls a progress listener, which must never change the outcome: a listener that throws after
 * the last request would otherwise have a finished write undone as failed.
 */
export function tell<T>(listener: ((value: T) => void) | undefined, value: T): void {
  try {
    listener?.(value);
  } catch {
    // A progress display's failure is not the write's.
  }
}

/** Counts the syncs an operation makes and the estimated size of each request. */
export class SyncLedger {
  readonly requestBytes: number[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly pacer: Pacer = UNPACED,
  ) {}

  /**
   * One round trip carrying `bytes` of estimated payload (0 for a read-only batch). The pacer's
   * turns keep queueing, sending and reading the answer in separate tasks.
   */
  async sync(bytes = 0): Promise<void> {
    this.requestBytes.push(bytes);
    await this.pacer.turn();
    await this.context.sync();
    await this.pacer.turn();
  }

  /**
   * Queues the commands and syncs once per batch of at most MAX_REQUEST_BYTES. Batches are
   * planned before anything is queued, so an oversized workbook is refused before any write.
   * Calculation and screen updating are suspended in every batch (each suspension ends at its
   * sync), and the last batch asks for a recalculation. A `finale` is kept whole in the last request.
   * `onSent` hears, after each request, the share of the bytes sent so far.
   */
  async run(
    list: WriteQueue,
    maxSyncs = MAX_WRITE_SYNCS,
    finale?: WriteQueue,
    onSent?: (fraction: number) => void,
  ): Promise<void> {
    const batches = planBatches(list.commands);
    if (finale && finale.commands.length > 0) {
      // The finale (a swap) is never cut: it rides in the last batch if it fits, else alone.
      const last = batches[batches.length - 1];
      const lastBytes = last ? last.reduce((sum, c) => sum + c.bytes, 0) : 0;
      if (last && lastBytes + finale.totalBytes <= MAX_REQUEST_BYTES) last.push(...finale.commands);
      else if (finale.totalBytes <= MAX_REQUEST_BYTES) batches.push([...finale.commands]);
      else batches.push(...planBatches(finale.commands));
    }
    if (batches.length > maxSyncs) {
      throw new Error(
        `Il cruscotto è troppo grande per essere scritto in modo sicuro (${batches.length} richieste, massimo ${maxSyncs}).`,
      );
    }
    const application = this.context.workbook.application;
    const sizes = batches.map((batch) => batch.reduce((sum, c) => sum + c.bytes, 0));
    const total = sizes.reduce((sum, bytes) => sum + bytes, 0);
    let sent = 0;
    for (const [index, batch] of batches.entries()) {
      // Each suspension lasts until the sync that ends the batch: both are asked again per request.
      application.suspendApiCalculationUntilNextSync();
      application.suspendScreenUpdatingUntilNextSync();
      for (const command of batch) {
        command.queue();
        await this.pacer.step();
      }
      // With calculation suspended, recalculating is ours to ask (suspendApiCalculationUntilNextSync
      // reference): last in the last request, so the formulas written are computed once, at the end.
      if (index === batches.length - 1) application.calculate("Recalculate");
      // One sync per ≤ 4 MB batch, at most MAX_WRITE_SYNCS: the count follows the payload, not the items.
      await this.sync(sizes[index]);
      sent += sizes[index];
      tell(onSent, total > 0 ? sent / total : 1);
    }
  }

  get syncs(): number {
    return this.requestBytes.length;
  }

  get largestRequestBytes(): number {
    return this.requestBytes.reduce((max, b) => Math.max(max, b), 0);
  }

  get totalBytes(): number {
    return this.requestBytes.reduce((sum, b) => sum + b, 0);
  }
}
