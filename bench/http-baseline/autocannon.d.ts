// The part of autocannon 9's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** A number of requests (spread over the connections) instead of a duration. */
    amount?: number;
    headers?: Record<string, string>;
  }

  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }

  interface Result {
    /** Seconds, to 0.01 s. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds, recorded as whole milliseconds. */
    latency: Histogram;
    /** Completed requests per one-second sample; total is all completed requests. */
    requests: Histogram & { sent: number };
    /** Bytes per one-second sample; total is all bytes received. */
    throughput: Histogram;
  }

  /** Emits 'response' (client, statusCode, bytes, milliseconds) for every answer; resolves to the result. */
  type Instance = EventEmitter & PromiseLike<Result>;

  function autocannon(options: Options): Instance;
  export default autocannon;
}
