/** Small helpers for benchmark figures: percentiles over measured samples, timing, memory. */
import { performance } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  samples: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
}

export function summarise(durations: number[]): Summary {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    samples: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted[sorted.length - 1] ?? NaN),
  };
}

export async function timeEach<T>(inputs: T[], run: (input: T) => Promise<unknown>): Promise<Summary> {
  const durations: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await run(input);
    durations.push(performance.now() - start);
  }
  return summarise(durations);
}

/** Peak resident memory seen by sampling every 50 ms while the benchmark runs. */
export function trackPeakMemory(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
  };
}
