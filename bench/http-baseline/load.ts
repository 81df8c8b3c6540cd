// Load with autocannon; latency percentiles from every response's own time (sub-millisecond),
// because autocannon's histogram keeps whole milliseconds.
import autocannon from 'autocannon';
import { withOtherCpu } from './processes.ts';

export interface LoadOptions {
  connections: number;
  /** Seconds of measurement, after warmup seconds that are thrown away. */
  duration: number;
  warmup: number;
}

export interface Measurement {
  name: string;
  path: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  requests: number;
  seconds: number;
  /** Answers other than 2xx plus connection errors and timeouts; must be 0 for a valid run. */
  failures: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
  /**
   * CPU time of processes outside the benchmark (not this process, not the server under test)
   * as a share of the machine's CPU time during the measurement: other work on a shared machine.
   */
  otherCpuPercent: number;
  /** CPU time the hypervisor took from this virtual machine, as a share of its CPU time. */
  stealPercent: number;
  /** Monotonic clock (µs, as V8's profiler stamps samples) at the start and end of the measured part. */
  windowUs: [number, number];
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Measures GET base+path; ownTicks gives the CPU ticks of the benchmark's own processes so far. */
export async function measure(
  name: string,
  base: string,
  path: string,
  headers: Record<string, string>,
  options: LoadOptions,
  ownTicks: () => number,
): Promise<Measurement> {
  const url = `${base}${path}`;
  if (options.warmup > 0) await autocannon({ url, headers, connections: options.connections, duration: options.warmup });

  const times: number[] = [];
  const startUs = nowUs();
  const { value: result, otherCpuPercent, stealPercent } = await withOtherCpu(async () => {
    const run = autocannon({ url, headers, connections: options.connections, duration: options.duration });
    run.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
    return await run;
  }, ownTicks);
  const endUs = nowUs();

  const sorted = Float64Array.from(times).toSorted();
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
  const requests = result.requests.total;
  return {
    name,
    path,
    requestsPerSecond: Math.round(requests / result.duration),
    latencyMs: {
      p50: round(percentile(sorted, 50), 2),
      p90: round(percentile(sorted, 90), 2),
      p99: round(percentile(sorted, 99), 2),
      max: round(sorted[sorted.length - 1] ?? Number.NaN, 2),
      mean: round(times.reduce((sum, t) => sum + t, 0) / times.length, 2),
    },
    requests,
    seconds: result.duration,
    failures: result.non2xx + result.errors + result.timeouts,
    statusCodes,
    bytesPerResponse: requests > 0 ? Math.round(result.throughput.total / requests) : 0,
    otherCpuPercent,
    stealPercent,
    windowUs: [startUs, endUs],
  };
}
