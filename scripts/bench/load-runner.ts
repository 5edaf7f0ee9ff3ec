import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Pool } from 'undici';
import { type CpuPerRequest, type CpuSnapshot, cpuPerRequest } from './cpu-usage';

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
  /** Reads the processes' CPU time; sampled at the start and the end of the measured window. */
  cpu?: () => CpuSnapshot;
}

export interface LatencyStats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult extends LatencyStats {
  name: string;
  connections: number;
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
  /** CPU µs per measured request, when the spec had a `cpu` sampler. */
  cpu?: CpuPerRequest;
}

export function percentiles(sortedMs: Float64Array | number[]): LatencyStats {
  const n = sortedMs.length;
  const at = (p: number): number => (n === 0 ? NaN : sortedMs[Math.min(n - 1, Math.ceil((p / 100) * n) - 1)]);
  return { p50: at(50), p95: at(95), p99: at(99), max: n === 0 ? NaN : sortedMs[n - 1] };
}

/** What a load run counts while it measures, and the result it makes of it. */
export class LoadTally {
  readonly latencies: number[] = [];
  readonly failureKinds = new Map<string, number>();
  successes = 0;
  failures = 0;
  transportErrors = 0;
  allRequests = 0;
  private readonly cpuAt: CpuSnapshot[] = [];
  private readonly cpuTimers: NodeJS.Timeout[] = [];

  /** Samples `cpu` after `fromMs` and after `toMs` (the measured window, from now). */
  sampleCpu(cpu: (() => CpuSnapshot) | undefined, fromMs: number, toMs: number): void {
    if (!cpu) return;
    for (const at of [fromMs, toMs]) this.cpuTimers.push(setTimeout(() => this.cpuAt.push(cpu()), at));
  }

  fail(reason: string): void {
    this.failures++;
    this.failureKinds.set(reason, (this.failureKinds.get(reason) ?? 0) + 1);
  }

  result(name: string, connections: number, measuredS: number, requestsPerOp = 1): LoadResult {
    const reqPerS = measuredS > 0 ? this.successes / measuredS : 0;
    for (const t of this.cpuTimers) clearTimeout(t);
    const [cpuFrom, cpuTo] = this.cpuAt;
    return {
      name,
      connections,
      requests: this.latencies.length,
      allRequests: this.allRequests,
      reqPerS,
      opsPerS: reqPerS / requestsPerOp,
      failures: this.failures + this.transportErrors,
      failureKinds: this.failureKinds,
      transportErrors: this.transportErrors,
      measuredS,
      cpu: cpuFrom && cpuTo ? cpuPerRequest(cpuFrom, cpuTo, this.latencies.length) : undefined,
      ...percentiles(Float64Array.from(this.latencies).sort()),
    };
  }
}

/**
 * Drives `steps` in a loop on every connection with autocannon for warm-up + duration, and measures only
 * the answers that completed after the warm-up. Latency is autocannon's per-response time (ms).
 */
export async function runLoad<C extends object>(spec: LoadSpec<C>): Promise<LoadResult> {
  const tally = new LoadTally();
  let measuring = false;
  let measuredStart = 0;

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
      if (problem === null) tally.successes++;
      else tally.fail(`${step.name}: ${problem}`);
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
  tally.sampleCpu(spec.cpu, spec.warmupS * 1000, (spec.warmupS + spec.durationS) * 1000);
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    tally.allRequests++;
    if (measuring) tally.latencies.push(responseTime);
  });
  instance.on('reqError', () => {
    if (measuring) tally.transportErrors++;
  });
  const result = await done;
  clearTimeout(warmup);
  tally.transportErrors += result.timeouts;
  const measuredS = measuring ? (measuredEnd - measuredStart) / 1000 : 0;
  return tally.result(spec.name, spec.connections, measuredS, spec.requestsPerOp);
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

/**
 * Open-loop load: starts a cycle of `steps` every 1/`cyclesPerS` s, whether or not earlier ones were
 * answered, over a pool of `connections` keep-alive connections (requests wait for a free one). The first
 * step's latency counts from when it was due, so a slow answer delays no later request's clock (no
 * coordinated omission); later steps count from their own send. This is latency at a given rate, which
 * autocannon's per-second request cap (bursts each second, then silence) does not give.
 */
export async function runPaced<C extends object>(
  spec: LoadSpec<C> & { cyclesPerS: number },
): Promise<LoadResult> {
  const pool = new Pool(spec.baseUrl, { connections: spec.connections, pipelining: 1 });
  const tally = new LoadTally();
  // BENCH_TRACE=<file>: every measured request as "<due, epoch ms> <latency ms> <step>", to line up a slow
  // moment with what the database, the disk or the API's garbage collector did at that time.
  const tracePath = process.env.BENCH_TRACE;
  const trace: string[] = [];
  const epochOffset = Date.now() - performance.now();
  const start = performance.now();
  const measureFrom = start + spec.warmupS * 1000;
  const end = measureFrom + spec.durationS * 1000;
  tally.sampleCpu(spec.cpu, spec.warmupS * 1000, (spec.warmupS + spec.durationS) * 1000);

  const cycle = async (due: number): Promise<void> => {
    const ctx = {} as C;
    let from = due;
    for (const step of spec.steps) {
      const built = step.build(ctx);
      let problem: string | null;
      try {
        const res = await pool.request({
          method: 'POST',
          path: built.path,
          headers: { 'content-type': 'application/json', ...built.headers },
          body: built.body,
        });
        problem = step.check(res.statusCode, await res.body.text(), ctx);
      } catch (e) {
        problem = `transport: ${e instanceof Error ? e.message : String(e)}`;
      }
      const done = performance.now();
      tally.allRequests++;
      if (from >= measureFrom && done <= end) {
        tally.latencies.push(done - from);
        if (tracePath)
          trace.push(`${Math.round(epochOffset + from)} ${(done - from).toFixed(2)} ${step.name}`);
        if (problem === null) tally.successes++;
        else if (problem.startsWith('transport')) tally.transportErrors++;
        else tally.fail(`${step.name}: ${problem}`);
      }
      if (problem !== null) return;
      from = performance.now();
    }
  };

  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / spec.cyclesPerS;
  let due = start;
  while (due < end) {
    const now = performance.now();
    while (due <= now && due < end) {
      const p = cycle(due).finally(() => inFlight.delete(p));
      inFlight.add(p);
      due += interval;
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  await pool.close();
  if (tracePath) appendFileSync(tracePath, [`# ${spec.name}`, ...trace].join('\n') + '\n');
  return tally.result(spec.name, spec.connections, spec.durationS, spec.requestsPerOp);
}
