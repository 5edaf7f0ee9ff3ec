import { Env } from '@app/common';
import { BenchApi, inParallel } from './bench-api';
import type { BenchConfig } from './bench-config';
import { openSessions, type OpenedSession } from './bench-sessions';
import type { BenchStack } from './bench-stack';
import { type DirectPlayer, runDirectLedgerLoad } from './direct-ledger-load';
import { fmtCpu } from './cpu-usage';
import { DiskFlushProbe, fmtFlush } from './disk-flush-probe';
import { type Figure, fmtMs, fmtRate } from './figures';
import { describeFailures, type LoadResult, runLoad, runPaced } from './load-runner';
import { walletV2Rounds } from './protocols/wallet-v2.rounds';
import { probeRound } from './probe';

const CURRENCY = 'EUR';
const BET_CENTS = 100;
const WIN_CENTS = 50;
/** The rate issue 3 sets its latency target at, offered over the same connections. */
export const WALLET_TARGET_RATE = 1000;

function roundRobin<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}

/**
 * Issue 3 §8: debit+credit throughput and latency over HTTP (wallet-v2 bet then win, internal wallet) for
 * many players and for one hot player, and the same ledger statements straight through `pg`.
 */
export async function walletBench(
  stack: BenchStack,
  cfg: BenchConfig,
  log: (line: string) => void,
): Promise<Figure[]> {
  const api = new BenchApi(stack.apiUrl, stack.adminToken);
  const operator = await api.createOperator('Bench internal wallet', 'internal', [CURRENCY]);
  const provider = await api.createProvider('bench-ledger-wallet-v2', 'wallet-v2', {
    walletToken: 'bench_wallet_token',
    launchBaseUrl: 'http://127.0.0.1:9/wallet-v2/launch',
  });
  const [game] = await api.createGames(provider.code, ['1012']);
  const users = Array.from({ length: cfg.players }, (_, i) => `wallet-player-${i + 1}`);
  const hot = 'wallet-hot-player';
  await inParallel([...users, hot], 16, (u) =>
    api.deposit(operator, u, u === hot ? '10000000' : '100000', CURRENCY),
  );
  const { sessions, via } = await openSessions(
    { api, pool: stack.pool, operator, provider, game, currency: CURRENCY },
    [...users, hot],
  );
  const hotSession = sessions[sessions.length - 1];
  const many = sessions.slice(0, -1);
  log(
    `wallet: ${many.length} players + 1 hot player funded, sessions via ${via === 'api' ? 'POST /api/v1/sessions' : 'SQL (launch flow not in the API yet)'}`,
  );

  const target = (pick: () => OpenedSession) => ({
    baseUrl: stack.apiUrl,
    provider,
    game,
    currency: CURRENCY,
    pick,
  });
  const probe = await probeRound(
    walletV2Rounds(
      target(() => hotSession),
      { betCents: BET_CENTS, winCents: WIN_CENTS },
    ),
    stack.apiUrl,
  );
  const accounts = await stack.pool.query<{ owner_key: string; id: string }>(
    `SELECT owner_key, id FROM accounts WHERE kind = 'player' AND currency = $1 AND operator_id = $2`,
    [CURRENCY, operator.id],
  );
  const accountOf = new Map(accounts.rows.map((r) => [r.owner_key, r.id]));
  const direct = (s: OpenedSession): DirectPlayer => {
    const accountId = accountOf.get(`${operator.id}:${s.userId}`);
    if (!accountId) throw new Error(`no wallet account for ${s.userId} after its deposit`);
    return { userId: s.userId, accountId, sessionId: s.sessionId, token: s.token };
  };
  const house = await stack.pool.query<{ id: string }>(
    `INSERT INTO accounts (kind, owner_key, currency, provider_id) VALUES ('house', $1, $2, $3)
     ON CONFLICT (kind, owner_key, currency) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
    [provider.id, CURRENCY, provider.id],
  );
  const directLoad = (name: string, pick: () => DirectPlayer) =>
    runDirectLedgerLoad({
      name,
      databaseUrl: stack.databaseUrl,
      poolSize: cfg.poolSize,
      connections: cfg.connections,
      durationS: cfg.durationS,
      warmupS: cfg.warmupS,
      operatorId: operator.id,
      providerId: provider.id,
      houseAccountId: house.rows[0].id,
      gameId: game.id,
      currency: CURRENCY,
      betCents: BET_CENTS,
      winCents: WIN_CENTS,
      // The API child runs with the default idle TTL.
      sessionIdleTtlS: new Env().SESSION_IDLE_TTL_S,
      pick,
      cpu: stack.cpu,
    });
  const manyDirect = roundRobin(many.map(direct));
  const results: WalletResults = {};
  let dbTxPerCallback = NaN;
  if (probe) log(`wallet: the wallet-v2 callback does not answer a bet+win round correctly: ${probe}`);
  else {
    const spec = (name: string, pick: () => OpenedSession) => ({
      name,
      baseUrl: stack.apiUrl,
      connections: cfg.connections,
      durationS: cfg.durationS,
      warmupS: cfg.warmupS,
      steps: walletV2Rounds(target(pick), { betCents: BET_CENTS, winCents: WIN_CENTS }).steps,
      cpu: stack.cpu,
    });
    const load = (name: string, pick: () => OpenedSession) => runLoad(spec(name, pick));
    const manyHttp = roundRobin(many);
    // HTTP and direct `pg` runs alternate in pairs: each pair shares the machine's conditions of the moment,
    // and the ratio is the median pair's (this host's noise moves either run by tens of percent).
    const pairs: [LoadResult, LoadResult][] = [];
    for (let i = 1; i <= cfg.ratioPairs; i++) {
      log(`wallet: pair ${i}/${cfg.ratioPairs}, HTTP, many players (${cfg.connections} connections) …`);
      const before = await committedTransactions(stack);
      const a = await load('wallet HTTP many players', manyHttp);
      if (i === 1) dbTxPerCallback = ((await committedTransactions(stack)) - before) / a.allRequests;
      log(`wallet: pair ${i}/${cfg.ratioPairs}, direct pg, many players …`);
      pairs.push([a, await directLoad('wallet direct pg many players', manyDirect)]);
      if (i === 1) {
        // Latency at the target rate after the first pair, which warms the API, its caches and the pool's
        // prepared statements, and before the others: together they write hundreds of MB of WAL, and the
        // checkpoint that triggers (max_wal_size) would land in this window and measure their debt, not this load.
        log(
          `wallet: HTTP, many players, ${WALLET_TARGET_RATE}/s offered over ${cfg.connections} connections …`,
        );
        results.steadyWal = await steadyWal(stack, log);
        const checkpointsBefore = await checkpoints(stack);
        const walBefore = await walBytes(stack);
        const flushProbe = DiskFlushProbe.start(await dataDirectory(stack));
        // A cycle is a bet then its win: two debit/credit requests.
        results.atRate = await runPaced({
          ...spec('wallet HTTP many players at rate', roundRobin(many)),
          cyclesPerS: WALLET_TARGET_RATE / 2,
        });
        results.flushAtRate = { ...(await flushProbe.stop()), sameDeviceAs: flushProbe.sameDeviceAs };
        results.checkpointsAtRate = (await checkpoints(stack)) - checkpointsBefore;
        results.walBytesPerRequest = Number((await walBytes(stack)) - walBefore) / results.atRate.allRequests;
      }
    }
    const ratioOf = ([a, d]: [LoadResult, LoadResult]): number => a.reqPerS / d.reqPerS;
    const sorted = [...pairs].sort((x, y) => ratioOf(x) - ratioOf(y));
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    results.pairs = pairs;
    log(`wallet: HTTP, one hot player …`);
    const b = await load('wallet HTTP hot player', () => hotSession);
    results.http = [median[0], b];
    results.directMany = median[1];
  }

  if (!results.directMany) {
    log(`wallet: direct pg, many players …`);
    results.directMany = await directLoad('wallet direct pg many players', manyDirect);
  }
  log(`wallet: direct pg, one hot player …`);
  const hotDirect = direct(hotSession);
  const db = await directLoad('wallet direct pg hot player', () => hotDirect);
  results.direct = [results.directMany, db];

  log(`wallet: ${await ledgerNote(stack, provider.id)}`);
  const pairRuns = (results.pairs ?? []).flat();
  const others = [results.http?.[1], results.atRate, results.direct[1]].filter((x) => x !== undefined);
  for (const r of pairRuns.length > 0 ? [...pairRuns, ...others] : [...others, results.direct[0]]) {
    const failures = describeFailures(r);
    if (failures) log(failures);
  }
  const figures = walletFigures(results, probe);
  if (Number.isFinite(dbTxPerCallback)) {
    figures.push({
      figure: 'wallet DB transactions per HTTP callback',
      measured: dbTxPerCallback.toFixed(2),
      target: '(reported)',
      pass: null,
    });
  }
  return figures;
}

/** The books after the run: what was committed, and whether double entry still sums to zero. */
async function ledgerNote(stack: BenchStack, providerId: string): Promise<string> {
  const tx = await stack.pool.query<{ kind: string; status: string; n: string }>(
    `SELECT kind, status, count(*)::text AS n FROM wallet_transactions WHERE provider_id = $1
      GROUP BY kind, status ORDER BY kind, status`,
    [providerId],
  );
  const sums = await stack.pool.query<{ currency: string; total: string }>(
    'SELECT currency, sum(amount)::text AS total FROM postings GROUP BY currency',
  );
  const negative = await stack.pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM accounts WHERE kind = 'player' AND balance < 0`,
  );
  return (
    `ledger after the run: ${tx.rows.map((r) => `${r.kind}/${r.status} ${r.n}`).join(', ')}; ` +
    `postings sum ${sums.rows.map((r) => `${r.currency} ${r.total}`).join(', ')}; ` +
    `player accounts below zero: ${negative.rows[0].n}`
  );
}

/**
 * Puts the server's WAL in its steady state before a latency window. A server that has run under load
 * for a while writes into WAL segment files its checkpoints recycled (renamed) ahead of need. One that has
 * just taken a burst after a quiet spell, as here after the scratch database's CREATE DATABASE checkpoint,
 * has none: it creates and zero-fills each 16 MB segment while holding the WAL write lock, and every
 * commit waits for that write and its fsync (PostgreSQL's IO:WALInitWrite / IO:WALInitSync waits; tens
 * of ms, up to ~100 ms on this disk, once per 16 MB). A CHECKPOINT after the warm-up load recycles the
 * segments that load filled. Returns what was done, for the report.
 */
async function steadyWal(stack: BenchStack, log: (line: string) => void): Promise<string> {
  try {
    await stack.pool.query('CHECKPOINT');
    return 'segments recycled by a CHECKPOINT first';
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log(`wallet: CHECKPOINT before the latency window refused (${why}); new WAL segments may stall commits`);
    return `no CHECKPOINT before the window (${why})`;
  }
}

/** PostgreSQL's data directory, when this role may read it (superuser or pg_read_all_settings). */
async function dataDirectory(stack: BenchStack): Promise<string | null> {
  try {
    return (await stack.pool.query<{ data_directory: string }>('SHOW data_directory')).rows[0].data_directory;
  } catch {
    return null;
  }
}

/** WAL bytes the server has written so far (pg_stat_wal, PostgreSQL 14+). */
async function walBytes(stack: BenchStack): Promise<bigint> {
  const rows = await stack.pool.query<{ b: string }>('SELECT wal_bytes::text AS b FROM pg_stat_wal');
  return BigInt(rows.rows[0].b);
}

/** Checkpoints PostgreSQL has started so far (timed or requested, e.g. by WAL volume). */
async function checkpoints(stack: BenchStack): Promise<number> {
  const rows = await stack.pool.query<{ n: string }>(
    'SELECT (checkpoints_timed + checkpoints_req)::text AS n FROM pg_stat_bgwriter',
  );
  return Number(rows.rows[0].n);
}

/** Transactions of the scratch database so far (statistics are flushed about once a second). */
async function committedTransactions(stack: BenchStack): Promise<number> {
  await new Promise((r) => setTimeout(r, 1500));
  const client = await stack.pool.connect();
  try {
    await client.query('SELECT pg_stat_clear_snapshot()');
    const rows = await client.query<{ n: string }>(
      'SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows.rows[0].n);
  } finally {
    client.release();
  }
}

interface WalletResults {
  /** As many requests as 50 connections carry: (a) many players (the median pair's), (b) one hot player. */
  http?: [LoadResult, LoadResult];
  /** The alternated (HTTP, direct) many-players runs, in run order. */
  pairs?: [LoadResult, LoadResult][];
  directMany?: LoadResult;
  /** (a) at WALLET_TARGET_RATE offered. */
  atRate?: LoadResult;
  /** Checkpoints started while `atRate` ran: each writes full pages to the WAL for a while, a tail. */
  checkpointsAtRate?: number;
  /** The disk's flush latency while `atRate` ran (DiskFlushProbe). */
  flushAtRate?: Awaited<ReturnType<DiskFlushProbe['stop']>> & { sameDeviceAs: string | null };
  /** How the WAL was readied before `atRate` (see steadyWal). */
  steadyWal?: string;
  /** WAL bytes written per request while `atRate` ran (warm-up included, as both counters are). */
  walBytesPerRequest?: number;
  direct?: [LoadResult, LoadResult];
}

function walletFigures(r: WalletResults, probe: string | null): Figure[] {
  const figures: Figure[] = [];
  const clean = (x: LoadResult): boolean => x.failures === 0 && x.requests > 0;
  const errorsNote = (x: LoadResult): string => (x.failures > 0 ? ` (${x.failures} non-success!)` : '');
  if (!r.http) {
    figures.push({
      figure: 'wallet (a) HTTP debit+credit, many players',
      measured: `not measurable: ${probe ?? 'no answers'}`.slice(0, 90),
      target: '≥ 1,000/s, p99 ≤ 20 ms',
      pass: false,
    });
  } else {
    const [a, b] = r.http;
    figures.push(
      {
        figure: 'wallet (a) HTTP debit+credit, many players',
        measured: `${fmtRate(a.reqPerS)}${errorsNote(a)}`,
        target: `≥ ${fmtRate(WALLET_TARGET_RATE)}`,
        pass: clean(a) && a.reqPerS >= WALLET_TARGET_RATE,
      },
      {
        figure: `wallet (a) latency p50 / p95 / p99, ${a.connections} in flight`,
        measured: `${fmtMs(a.p50)} / ${fmtMs(a.p95)} / ${fmtMs(a.p99)}`,
        target: '(reported)',
        pass: null,
      },
    );
    const at = r.atRate;
    if (at) {
      figures.push({
        figure: `wallet (a) at ${fmtRate(WALLET_TARGET_RATE)} offered: rate, p50 / p95 / p99`,
        measured:
          `${fmtRate(at.reqPerS)}, ${fmtMs(at.p50)} / ${fmtMs(at.p95)} / ${fmtMs(at.p99)}${errorsNote(at)}` +
          (r.checkpointsAtRate ? ` (a checkpoint started in the window)` : ''),
        target: 'p99 ≤ 20 ms',
        pass: clean(at) && at.reqPerS >= WALLET_TARGET_RATE * 0.98 && at.p99 <= 20,
      });
      if (r.flushAtRate) {
        figures.push({
          figure:
            `disk flush beside the ${fmtRate(WALLET_TARGET_RATE)} window` +
            (r.flushAtRate.sameDeviceAs ? ` (PostgreSQL's disk)` : ` (this host's disk)`),
          measured: fmtFlush(r.flushAtRate),
          target: '(reported)',
          pass: null,
        });
      }
      if (r.walBytesPerRequest !== undefined && Number.isFinite(r.walBytesPerRequest)) {
        figures.push({
          figure: `wallet (a) WAL per debit/credit at ${fmtRate(WALLET_TARGET_RATE)}`,
          measured: `${(r.walBytesPerRequest / 1024).toFixed(1)} KiB; ${r.steadyWal ?? ''}`.slice(0, 90),
          target: '(reported)',
          pass: null,
        });
      }
    }
    figures.push(
      {
        figure: 'wallet (b) HTTP debit+credit, one hot player',
        measured: `${fmtRate(b.reqPerS)}${errorsNote(b)}`,
        target: '(reported)',
        pass: clean(b) ? null : false,
      },
      {
        figure: 'wallet (b) latency p50 / p95 / p99',
        measured: `${fmtMs(b.p50)} / ${fmtMs(b.p95)} / ${fmtMs(b.p99)}`,
        target: '(reported)',
        pass: null,
      },
    );
  }
  if (r.direct) {
    const [da, db] = r.direct;
    figures.push(
      {
        figure: 'wallet (a) same SQL direct via pg, many players',
        measured: `${fmtRate(da.reqPerS)} p99 ${fmtMs(da.p99)}${errorsNote(da)}`,
        target: '(reference)',
        pass: clean(da) ? null : false,
      },
      {
        figure: 'wallet (b) same SQL direct via pg, hot player',
        measured: `${fmtRate(db.reqPerS)} p99 ${fmtMs(db.p99)}${errorsNote(db)}`,
        target: '(reference)',
        pass: clean(db) ? null : false,
      },
    );
    if (r.http) {
      const ra = r.http[0].reqPerS / da.reqPerS;
      const pairs = r.pairs ?? [[r.http[0], da]];
      const pairsNote =
        pairs.length > 1
          ? ` (pairs: ${pairs.map(([h, d]) => `${Math.round(h.reqPerS)}/${Math.round(d.reqPerS)}`).join(', ')})`
          : '';
      const rb = r.http[1].reqPerS / db.reqPerS;
      figures.push(
        {
          figure: 'wallet (a) ratio HTTP / direct pg (median pair)',
          measured: `${ra.toFixed(3)}${pairsNote}`,
          target: '≥ 0.5',
          pass: pairs.every(([h, d]) => clean(h) && clean(d)) && ra >= 0.5,
        },
        {
          figure: 'wallet (b) ratio HTTP / direct pg',
          measured: rb.toFixed(2),
          target: '(reported)',
          pass: null,
        },
      );
      const [ha] = r.http;
      if (ha.cpu && da.cpu) {
        figures.push(
          {
            figure: 'wallet (a) CPU per debit/credit, HTTP',
            measured: fmtCpu(ha.cpu),
            target: '(reported)',
            pass: null,
          },
          {
            figure: 'wallet (a) CPU per debit/credit, direct pg',
            measured: fmtCpu(da.cpu, false),
            target: '(reported)',
            pass: null,
          },
        );
      }
    }
  }
  return figures;
}
