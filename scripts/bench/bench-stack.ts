import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client, Pool } from 'pg';
import { API_NODE_FLAGS } from '../../apps/api/src/node-flags';
import type { BenchConfig } from './bench-config';
import { BenchChild } from './child-process';
import { type CpuSnapshot, cpuSnapshot } from './cpu-usage';

const ROOT = join(__dirname, '..', '..');
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'bench') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** dist is stale when it is missing or older than any product source (bench sources excluded). */
function distIsStale(): boolean {
  if (!existsSync(API_MAIN)) return true;
  const built = statSync(API_MAIN).mtimeMs;
  const sources = ['apps', 'libs', 'db', 'scripts'].map((d) => newestSource(join(ROOT, d)));
  const configs = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) =>
    existsSync(join(ROOT, f)) ? statSync(join(ROOT, f)).mtimeMs : 0,
  );
  return Math.max(...sources, ...configs) > built;
}

function dbUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin(adminUrl: string, fn: (c: Client) => Promise<unknown>): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}

export interface BenchPeers {
  casinoUrl: string;
  walletUrl: string;
  /** Answers any POST with `{ url }`: the slotegrator provider's gameUrl for launches. */
  gameUrl: string;
}

export interface BenchStackInfo {
  apiUrl: string;
  databaseUrl: string;
  adminToken: string;
  redisPrefix: string;
}

/**
 * Everything a benchmark measures, brought up from nothing and torn down at the end: a fresh build when
 * dist is stale, a scratch database with migrations, a Redis key prefix of its own and the API as a real
 * child process with quiet logs. Down is idempotent and safe to call from a signal handler.
 */
export class BenchStack implements BenchStackInfo {
  readonly adminToken = randomBytes(24).toString('hex');
  readonly redisPrefix = `aggbench_${process.pid}_${randomBytes(3).toString('hex')}`;
  readonly dbName = `agg_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  readonly databaseUrl: string;
  apiUrl = '';
  /** A small pool for seeding and checks (the direct `pg` run makes its own). */
  db: Pool | undefined;
  private readonly children: BenchChild[] = [];
  private api: BenchChild | undefined;
  private dbCreated = false;
  private downing: Promise<void> | undefined;

  constructor(readonly config: BenchConfig) {
    this.databaseUrl = dbUrl(config.pgAdminUrl, this.dbName);
  }

  /** CPU time so far of the API process, PostgreSQL and this process (see `cpu-usage.ts`). */
  readonly cpu = (): CpuSnapshot => cpuSnapshot(this.api?.pid);

  get pool(): Pool {
    if (!this.db) throw new Error('The bench stack is not up');
    return this.db;
  }

  async up(log: (line: string) => void): Promise<void> {
    if (this.config.skipBuild) log('build: skipped (BENCH_SKIP_BUILD=1)');
    else if (distIsStale()) {
      log('build: dist is stale, running npm run build …');
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    } else log('build: dist is up to date');

    await withAdmin(this.config.pgAdminUrl, (c) => c.query(`CREATE DATABASE "${this.dbName}"`));
    this.dbCreated = true;
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'typeorm', 'cli.js'), 'migration:run', '-d', 'dist/db/data-source.js'],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: this.databaseUrl }, stdio: 'pipe' },
    );
    log(`database: ${this.dbName} (migrated)   redis prefix: ${this.redisPrefix}`);
    this.db = new Pool({ connectionString: this.databaseUrl, max: 4 });

    const port = await freePort();
    this.apiUrl = `http://127.0.0.1:${port}`;
    // The flags `npm run start:api` uses, then e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
    // to profile the API under load.
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
    const api = BenchChild.start('api', process.execPath, [...API_NODE_FLAGS, ...nodeArgs, API_MAIN], {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: this.apiUrl,
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: String(this.config.poolSize),
      REDIS_URL: this.config.redisUrl,
      REDIS_PREFIX: this.redisPrefix,
      ADMIN_TOKEN: this.adminToken,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      RUN_WORKERS: 'false',
    });
    this.children.push(api);
    this.api = api;
    await this.waitHealthy(api);
    log(`api: ${this.apiUrl} (pid child, pool ${this.config.poolSize})`);
  }

  private peersUp: Promise<BenchPeers> | undefined;

  /** The reference casino and the slotegrator game-url stub, in their own process (started once). */
  peers(): Promise<BenchPeers> {
    this.peersUp ??= (async () => {
      const child = BenchChild.start(
        'peers',
        process.execPath,
        [...process.execArgv, join(__dirname, 'casino-process.ts')],
        { ...process.env, LOG_LEVEL: 'warn' },
      );
      this.children.push(child);
      const line = await child.waitForLine((l) => l.startsWith('{"casinoUrl"'), 60_000);
      return JSON.parse(line) as BenchPeers;
    })();
    return this.peersUp;
  }

  private async waitHealthy(api: BenchChild): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (!api.running) throw new Error(`The API exited during start-up:\n${api.output}`);
      try {
        const res = await fetch(`${this.apiUrl}/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`The API did not become healthy in 60 s:\n${api.output}`);
  }

  /** Last lines of the API's output (warnings and errors only, at the default log level). */
  apiOutput(): string {
    return this.children.find((c) => c.name === 'api')?.output ?? '';
  }

  down(): Promise<void> {
    this.downing ??= this.tearDown();
    return this.downing;
  }

  private async tearDown(): Promise<void> {
    const problems: string[] = [];
    const attempt = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
      try {
        await fn();
      } catch (e) {
        problems.push(`${what}: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    for (const child of [...this.children].reverse()) await attempt(`stop ${child.name}`, () => child.stop());
    if (this.db) await attempt('close pool', () => this.db!.end());
    if (this.dbCreated && !this.config.keepDb) {
      await attempt('drop database', () =>
        withAdmin(this.config.pgAdminUrl, (c) =>
          c.query(`DROP DATABASE IF EXISTS "${this.dbName}" WITH (FORCE)`),
        ),
      );
    }
    await attempt('clear redis prefix', () => this.clearRedis());
    if (problems.length > 0) process.stderr.write(`teardown problems:\n  ${problems.join('\n  ')}\n`);
  }

  private async clearRedis(): Promise<void> {
    const redis = new Redis(this.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
