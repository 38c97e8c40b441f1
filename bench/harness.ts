// Shared helpers for bench files: each measurement is printed as one JSON line.

export function report(name: string, value: number, unit: string): void {
  process.stdout.write(JSON.stringify({ name, value: Number(value.toPrecision(6)), unit }) + "\n");
}

const elapsedMs = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

function median(times: number[]): number {
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Median wall time in milliseconds of `fn` over `runs` runs, after `warmup` untimed runs. */
export function medianMs(fn: () => void, runs = 21, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(elapsedMs(t0));
  }
  return median(times);
}

/** The same for an async job: each run awaited before the next starts. */
export async function medianMsAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(elapsedMs(t0));
  }
  return median(times);
}

/** Peak heap growth in MiB while `fn` runs, sampled after each step it reports. */
export function heapBefore(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

export function mib(bytes: number): number {
  return bytes / (1024 * 1024);
}
