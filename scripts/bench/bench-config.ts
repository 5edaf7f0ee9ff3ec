/** What a benchmark run reads from the environment; every figure here is a knob, none is asserted. */
export interface BenchConfig {
  /** Seconds of measured load per scenario (BENCH_DURATION_S). */
  durationS: number;
  /** Concurrent connections / in-flight requests (BENCH_CONNECTIONS). */
  connections: number;
  /** Connections of the launch scenario (BENCH_LAUNCH_CONNECTIONS; default min(10, BENCH_CONNECTIONS)). */
  launchConnections: number;
  /**
   * Connections of the per-protocol rounds (BENCH_PROTOCOL_CONNECTIONS; default min(16, BENCH_CONNECTIONS)):
   * by Little's law 50 in flight at 1,600 requests/s is a 31 ms mean, so "800 rounds/s at p99 ≤ 25 ms"
   * can only be met with fewer requests in flight.
   */
  protocolConnections: number;
  /**
   * Launches per second offered in the open-loop run that reads the launch latency (BENCH_LAUNCH_RATE):
   * launches are a small share of the callback traffic, so latency is read at a steady rate well below
   * capacity; the closed-loop run beside it measures the capacity.
   */
  launchRate: number;
  /** HTTP and direct `pg` many-players runs, alternated; the ratio is the median pair's (BENCH_RATIO_PAIRS). */
  ratioPairs: number;
  /** Seconds of unmeasured warm-up before each scenario (BENCH_WARMUP_S). */
  warmupS: number;
  /** Players of the many-players scenarios (BENCH_PLAYERS). */
  players: number;
  /** PostgreSQL server to make the scratch database on (BENCH_PG_ADMIN_URL). */
  pgAdminUrl: string;
  redisUrl: string;
  /** Pool size of the API process and of the direct `pg` run (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** Skip `npm run build` even when dist looks stale (BENCH_SKIP_BUILD=1). */
  skipBuild: boolean;
  /** Keep the scratch database for inspection (BENCH_KEEP_DB=1). */
  keepDb: boolean;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return Number(raw);
}

export function readBenchConfig(): BenchConfig {
  return {
    durationS: positiveInt('BENCH_DURATION_S', 10),
    connections: positiveInt('BENCH_CONNECTIONS', 50),
    protocolConnections: positiveInt(
      'BENCH_PROTOCOL_CONNECTIONS',
      Math.min(16, positiveInt('BENCH_CONNECTIONS', 50)),
    ),
    launchConnections: positiveInt(
      'BENCH_LAUNCH_CONNECTIONS',
      Math.min(10, positiveInt('BENCH_CONNECTIONS', 50)),
    ),
    launchRate: positiveInt('BENCH_LAUNCH_RATE', 100),
    ratioPairs: positiveInt('BENCH_RATIO_PAIRS', 3),
    warmupS: positiveInt('BENCH_WARMUP_S', 2),
    players: positiveInt('BENCH_PLAYERS', 1000),
    pgAdminUrl: process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    poolSize: positiveInt('DATABASE_POOL_SIZE', 20),
    skipBuild: process.env.BENCH_SKIP_BUILD === '1',
    keepDb: process.env.BENCH_KEEP_DB === '1',
  };
}
