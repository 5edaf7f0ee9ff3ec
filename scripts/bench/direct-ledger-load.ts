import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { parseWire, preparedStatement } from '@app/common';
import { sessionByTokenStatement } from '@app/sessions';
import { fingerprint, idempotencyKey, type MovementRow, movementStatement } from '@app/wallet';
import { type LoadResult, LoadTally } from './load-runner';
import type { CpuSnapshot } from './cpu-usage';

/** A player's accounts, as the wallet commands resolve them (cached ids, so no lookup on the hot path). */
export interface DirectPlayer {
  userId: string;
  accountId: string;
  sessionId: string;
  /** The session token the callback carries (its lookup is part of every callback). */
  token: string;
}

export interface DirectSpec {
  name: string;
  databaseUrl: string;
  poolSize: number;
  connections: number;
  durationS: number;
  warmupS: number;
  operatorId: string;
  providerId: string;
  houseAccountId: string;
  gameId: string;
  currency: string;
  betCents: number;
  winCents: number;
  /** SESSION_IDLE_TTL_S of the API (a parameter of the session lookup). */
  sessionIdleTtlS: number;
  pick: () => DirectPlayer;
  cpu?: () => CpuSnapshot;
}

/**
 * The same statements the API runs for a wallet-v2 bet and win in an internal wallet — the session lookup
 * (`sessionByTokenStatement`, as `CallbackSessionsService.byToken` runs it, once per session as the API's
 * session cache does) then the ledger movement (the wallet's own `movementStatement`) — driven straight
 * through `pg` with `connections` in flight over a pool the size of the API's, prepared as the API prepares
 * them: no HTTP, no Nest. Ids live in a namespace of their own.
 */
export async function runDirectLedgerLoad(spec: DirectSpec): Promise<LoadResult> {
  const pool = new Pool({ connectionString: spec.databaseUrl, max: spec.poolSize });
  const bet = parseWire(String(spec.betCents), 'cents');
  const win = parseWire(String(spec.winCents), 'cents');
  const ns = `direct-${randomBytes(4).toString('hex')}`;
  let seq = 0;
  const movement = (
    kind: 'bet' | 'win',
    p: DirectPlayer,
    externalId: string,
    roundId: string,
  ): MovementRow => {
    const party = {
      operatorId: spec.operatorId,
      walletMode: 'internal' as const,
      playerId: p.userId,
      currency: spec.currency,
    };
    const amount = kind === 'bet' ? bet : win;
    return {
      key: idempotencyKey(spec.providerId, 'tx', externalId, spec.currency),
      kind,
      party,
      accountId: p.accountId,
      counterAccountId: spec.houseAccountId,
      amount,
      ctx: {
        providerId: spec.providerId,
        externalId,
        sessionId: p.sessionId,
        gameId: spec.gameId,
        providerRoundId: roundId,
        subtype: null,
        meta: null,
      },
      fingerprint: fingerprint(kind, party, amount, null),
      round: kind,
      direction: kind === 'bet' ? 'debit' : 'credit',
    };
  };

  const tally = new LoadTally();
  const start = performance.now();
  const measureFrom = start + spec.warmupS * 1000;
  const end = measureFrom + spec.durationS * 1000;
  tally.sampleCpu(spec.cpu, spec.warmupS * 1000, (spec.warmupS + spec.durationS) * 1000);
  // The API reads a session once and then answers it from its session cache, as this run does.
  const looked = new Set<string>();
  const timed = async (m: MovementRow, p: DirectPlayer): Promise<void> => {
    tally.allRequests++;
    const { sql, params } = movementStatement(m);
    const t0 = performance.now();
    let problem: string | null = null;
    try {
      if (!looked.has(p.token)) {
        const lookup = sessionByTokenStatement(spec.providerId, p.token, spec.sessionIdleTtlS);
        const session = await pool.query<{ state: string }>(preparedStatement(lookup.sql, lookup.params));
        if (session.rows[0]?.state !== 'active')
          throw new Error(`session ${session.rows[0]?.state ?? 'missing'}`);
        looked.add(p.token);
      }
      const res = await pool.query<{ status: string }>(preparedStatement(sql, params));
      if (res.rows[0]?.status !== 'committed') problem = `${m.kind}: status ${res.rows[0]?.status ?? 'none'}`;
    } catch (e) {
      problem = `${m.kind}: ${e instanceof Error ? e.message.slice(0, 120) : String(e)}`;
    }
    const t1 = performance.now();
    if (t0 < measureFrom || t1 > end) return;
    tally.latencies.push(t1 - t0);
    if (problem === null) tally.successes++;
    else tally.fail(problem);
  };
  try {
    await Promise.all(
      Array.from({ length: spec.connections }, async () => {
        while (performance.now() < end) {
          const p = spec.pick();
          const n = ++seq;
          const round = `${ns}-r${n}`;
          await timed(movement('bet', p, `${ns}-b${n}`, round), p);
          await timed(movement('win', p, `${ns}-w${n}`, round), p);
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return tally.result(spec.name, spec.connections, spec.durationS);
}
