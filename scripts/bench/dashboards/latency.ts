// Latency of one call at a time after a warm-up, so each figure is one request's own time.

export type Latency = { n: number; p50: number; p95: number; max: number; mean: number };

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export async function latency(
  fn: () => Promise<void>,
  { n, warmup, before }: { n: number; warmup: number; before?: () => Promise<void> },
): Promise<Latency> {
  for (let i = 0; i < warmup; i++) {
    await before?.();
    await fn();
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    // untimed: what must happen before each call (e.g. an input of a cached figure changes)
    await before?.();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n,
    p50: r(quantile(sorted, 0.5)),
    p95: r(quantile(sorted, 0.95)),
    max: r(sorted.at(-1)!),
    mean: r(times.reduce((s, x) => s + x, 0) / n),
  };
}
