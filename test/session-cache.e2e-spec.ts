import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SessionCache } from '@app/sessions';
import { WalletV2GameServer, type WalletV2Exchange } from '../apps/sim/src/games/wallet-v2';
import { type CreatedGame, type CreatedProvider, newGames, newProvider } from './support/catalogue-builders';
import { type CreatedOperator, newOperator } from './support/operator-builders';
import { operatorHeaders } from './support/operator-sign';
import { seedSession } from './support/session-builders';
import { eventually } from './support/eventually';
import { createTestApp, type TestApp } from './support/test-app';

const result = (x: WalletV2Exchange): unknown => (x.answer as { result?: unknown }).result;
const errCode = (x: WalletV2Exchange): unknown => (x.answer as { err_code?: unknown }).err_code;

/**
 * The callback session cache: two API processes over one database (A takes the callbacks, B is another
 * process), each with its own cache kept exact by the database's notifications.
 */
describe('callback session cache (two API processes, real PostgreSQL)', () => {
  let a: TestApp;
  let b: TestApp;
  let db: DataSource;
  let op: CreatedOperator;
  let provider: CreatedProvider;
  let game: CreatedGame;
  let sim: WalletV2GameServer;

  beforeAll(async () => {
    a = await createTestApp({ listen: true });
    b = await createTestApp();
    db = a.app.get(getDataSourceToken());
    op = await newOperator(a, { walletMode: 'internal', currencies: ['USD'] });
    provider = await newProvider(a, 'wallet-v2');
    [game] = await newGames(a, provider.code, 1);
    sim = new WalletV2GameServer({
      callbackBaseUrl: a.url,
      providerCode: provider.code,
      walletToken: provider.config.walletToken as string,
    });
  });

  afterAll(async () => {
    await sim?.close();
    await b?.close();
    await a?.close();
  });

  async function player(): Promise<{ code: string; sessionId: string }> {
    const userId = `u-${randomUUID().slice(0, 8)}`;
    const path = `/api/v1/players/${userId}/deposit`;
    const raw = JSON.stringify({ amount: '100', currency: 'USD', transactionId: `dep-${userId}` });
    const res = await a
      .http()
      .post(path)
      .set(operatorHeaders(op, 'POST', path, raw))
      .set('content-type', 'application/json')
      .send(raw);
    expect(res.status).toBe(200);
    const s = await seedSession(a, {
      operatorId: op.id,
      walletMode: 'internal',
      providerId: provider.id,
      gameId: game.id,
      currency: 'USD',
      userId,
    });
    return { code: s.token, sessionId: s.id };
  }

  it('a session is read once, then answered from memory', async () => {
    const p = await player();
    expect(result(await sim.bet(p.code, 100))).toBe(1);
    // With the notifying trigger off, a change in SQL goes unheard: the next bet is answered from memory.
    await db.query(`ALTER TABLE game_sessions DISABLE TRIGGER game_session_changed`);
    try {
      await db.query(`UPDATE game_sessions SET status = 'closed', close_reason = 'admin' WHERE id = $1`, [
        p.sessionId,
      ]);
      await a.sessionsEdited();
      expect(result(await sim.bet(p.code, 100))).toBe(1);
    } finally {
      await db.query(`ALTER TABLE game_sessions ENABLE TRIGGER game_session_changed`);
    }
    // Heard changes are applied: the same close, notified this time, refuses the next bet.
    await db.query(`UPDATE game_sessions SET status = 'active', close_reason = NULL WHERE id = $1`, [
      p.sessionId,
    ]);
    await db.query(`UPDATE game_sessions SET status = 'closed', close_reason = 'admin' WHERE id = $1`, [
      p.sessionId,
    ]);
    await a.sessionsEdited();
    expect(errCode(await sim.bet(p.code, 100))).toBe('SESSION_EXPIRED');
  });

  it('a session closed through another process is refused by this one', async () => {
    const p = await player();
    expect(result(await sim.bet(p.code, 100))).toBe(1);
    const closed = await b.http().post(`/admin/sessions/${p.sessionId}/close`).set(b.adminAuth);
    expect(closed.status).toBe(200);
    await a.sessionsEdited();
    expect(errCode(await sim.bet(p.code, 100))).toBe('SESSION_EXPIRED');
  });

  it('a session closed through this process is refused at once', async () => {
    const p = await player();
    expect(result(await sim.bet(p.code, 100))).toBe(1);
    // The trigger is off, so only this process's own forgetting can make the refusal immediate.
    await db.query(`ALTER TABLE game_sessions DISABLE TRIGGER game_session_changed`);
    try {
      const closed = await a.http().post(`/admin/sessions/${p.sessionId}/close`).set(a.adminAuth);
      expect(closed.status).toBe(200);
      expect(errCode(await sim.bet(p.code, 100))).toBe('SESSION_EXPIRED');
    } finally {
      await db.query(`ALTER TABLE game_sessions ENABLE TRIGGER game_session_changed`);
    }
  });

  it('a blocked player is refused on a session already cached', async () => {
    const p = await player();
    expect(result(await sim.bet(p.code, 100))).toBe(1);
    await db.query(
      `UPDATE players SET blocked = true WHERE id = (SELECT player_id FROM game_sessions WHERE id = $1)`,
      [p.sessionId],
    );
    await a.sessionsEdited();
    expect(errCode(await sim.bet(p.code, 100))).toBe('PLAYER_BLOCKED');
  });

  it('while the listening connection is down nothing is cached, and it comes back', async () => {
    const cache = a.app.get(SessionCache);
    expect(cache.enabled).toBe(true);
    await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'aggregator-session-cache' AND datname = current_database()`,
    );
    await eventually('the cache to go off', () => (cache.enabled ? undefined : true));
    const p = await player();
    expect(result(await sim.bet(p.code, 100))).toBe(1);
    await db.query(`ALTER TABLE game_sessions DISABLE TRIGGER game_session_changed`);
    try {
      await db.query(`UPDATE game_sessions SET status = 'closed', close_reason = 'admin' WHERE id = $1`, [
        p.sessionId,
      ]);
      // Nothing was cached while deaf (reconnecting waits a second): the unheard close is read from the database.
      expect(errCode(await sim.bet(p.code, 100))).toBe('SESSION_EXPIRED');
    } finally {
      await db.query(`ALTER TABLE game_sessions ENABLE TRIGGER game_session_changed`);
    }
    await eventually('the cache to come back', () => (cache.enabled ? true : undefined));
  });

  it('an answer read before a change is not cached after it', () => {
    const cache = a.app.get(SessionCache);
    const value = {
      session: { id: randomUUID(), playerId: null } as never,
      lastSeenMs: Date.now(),
    };
    const stale = cache.begin();
    cache.forgetSession(randomUUID());
    cache.set('test|stale', value, stale);
    expect(cache.get('test|stale')).toBeUndefined();
    cache.set('test|fresh', value, cache.begin());
    expect(cache.get('test|fresh')).toBeDefined();
  });
});
