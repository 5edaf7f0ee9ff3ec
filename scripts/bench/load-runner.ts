import autocannon from 'autocannon';

/** What one step of a connection's cycle sends. */
export interface StepRequest {
  path: string;
  body: string;
  headers?: Record<string, string>;
}

/**
 * One request of a per-connection cycle (e.g. bet then win). `build` may read and write `ctx`, which lives
 * for one cycle of one connection; `check` returns null for an answer that is a success, else why not.
 */
export interface Step<C> {
  name: string;
  build(ctx: C): StepRequest;
  check(status: number, body: string, ctx: C): string | null;
}

export interface LoadSpec<C> {
  name: string;
  baseUrl: string;
  connections: number;
  durationS: number;
  warmupS: number;
  steps: Step<C>[];
  /** Requests per cycle that count as one "operation" in `opsPerS` (e.g. 2 for a bet+win round). */
  requestsPerOp?: number;
}

export interface LatencyStats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult extends LatencyStats {
  name: string;
  requests: number;
  /** Every answer, warm-up included (to relate database counters to requests). */
  allRequests: number;
  /** Successful answers per second in the measured window. */
  reqPerS: number;
  opsPerS: number;
  failures: number;
  /** Non-success answers by reason (first few kinds), so a run of errors is never mistaken for speed. */
  failureKinds: Map<string, number>;
  transportErrors: number;
  measuredS: number;
}

export function percentiles(sortedMs: Float64Array | number[]): LatencyStats {
  const n = sortedMs.length;
  const at = (p: number): number => (n === 0 ? NaN : sortedMs[Math.min(n - 1, Math.ceil((p / 100) * n) - 1)]);
  return { p50: at(50), p95: at(95), p99: at(99), max: n === 0 ? NaN : sortedMs[n - 1] };
}

/**
 * Drives `steps` in a loop on every connection with autocannon for warm-up + duration, and measures only
 * the answers that completed after the warm-up. Latency is autocannon's per-response time (ms).
 */
export async function runLoad<C extends object>(spec: LoadSpec<C>): Promise<LoadResult> {
  const failureKinds = new Map<string, number>();
  let failures = 0;
  const fail = (reason: string): void => {
    failures++;
    failureKinds.set(reason, (failureKinds.get(reason) ?? 0) + 1);
  };
  const latencies: number[] = [];
  let measuring = false;
  let measuredStart = 0;
  let successes = 0;
  let transportErrors = 0;

  const requests: autocannon.Request[] = spec.steps.map((step) => ({
    method: 'POST',
    setupRequest: (req: autocannon.Request, context: object): autocannon.Request => {
      const built = step.build(context as C);
      return {
        ...req,
        method: 'POST',
        path: built.path,
        headers: { 'content-type': 'application/json', ...built.headers },
        body: built.body,
      };
    },
    onResponse: (status: number, body: string, context: object): void => {
      const problem = step.check(status, body, context as C);
      if (!measuring) return;
      if (problem === null) successes++;
      else fail(`${step.name}: ${problem}`);
    },
  }));

  let measuredEnd = 0;
  let finish: (r: autocannon.Result) => void = () => undefined;
  let abort: (e: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    abort = reject;
  });
  const instance = autocannon(
    {
      url: spec.baseUrl,
      connections: spec.connections,
      pipelining: 1,
      duration: spec.warmupS + spec.durationS,
      timeout: 10,
      requests,
      initialContext: {},
    },
    (err: unknown, r: autocannon.Result) => {
      measuredEnd = performance.now();
      if (err) abort(err);
      else finish(r);
    },
  );
  const warmup = setTimeout(() => {
    measuring = true;
    measuredStart = performance.now();
  }, spec.warmupS * 1000);
  let allRequests = 0;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    allRequests++;
    if (measuring) latencies.push(responseTime);
  });
  instance.on('reqError', () => {
    if (measuring) transportErrors++;
  });
  const result = await done;
  clearTimeout(warmup);
  transportErrors += result.timeouts;
  const measuredS = measuring ? (measuredEnd - measuredStart) / 1000 : 0;
  const sorted = Float64Array.from(latencies).sort();
  const reqPerS = measuredS > 0 ? successes / measuredS : 0;
  return {
    name: spec.name,
    requests: latencies.length,
    allRequests,
    reqPerS,
    opsPerS: reqPerS / (spec.requestsPerOp ?? 1),
    failures: failures + transportErrors,
    failureKinds,
    transportErrors,
    measuredS,
    ...percentiles(sorted),
  };
}

export function describeFailures(r: LoadResult): string {
  if (r.failures === 0) return '';
  const kinds = [...r.failureKinds.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k, n]) => `    ${n} × ${k}`);
  if (r.transportErrors > 0) kinds.push(`    ${r.transportErrors} × transport error or timeout`);
  return `  ${r.name}: ${r.failures} non-success answers of ${r.requests}:\n${kinds.join('\n')}`;
}
