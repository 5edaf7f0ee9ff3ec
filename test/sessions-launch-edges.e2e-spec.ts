import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReferenceCasino } from '@app/sim';
import { type CreatedGame, newGames, newProvider } from './support/catalogue-builders';
import { type CreatedOperator, newOperator } from './support/operator-builders';
import { signedPost } from './support/operator-sign';
import { createTestApp, type TestApp } from './support/test-app';

const BREAKER_THRESHOLD = 3;

describe('game launch edges: open circuit breaker, idle sessions, Swagger', () => {
  let t: TestApp;
  let db: DataSource;
  let casino: ReferenceCasino;
  let games: CreatedGame[];

  const launch = (op: CreatedOperator, body: unknown) => {
    return signedPost(t, op, '/api/v1/sessions', JSON.stringify(body));
  };
  const seamlessOperator = async () => {
    const op = await newOperator(t, {
      walletMode: 'seamless',
      walletUrl: casino.walletUrl,
      currencies: ['EUR'],
    });
    casino.setSecret(op.secret);
    casino.setOperatorId(op.id);
    return op;
  };
  const casinoPlayer = () => {
    const userId = `cp-${randomBytes(4).toString('hex')}`;
    casino.upsertPlayer({ userId, token: `tok-${userId}`, currency: 'EUR', balance: '10' });
    return { userId, token: `tok-${userId}` };
  };

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        WALLET_CALL_TIMEOUT_MS: '500',
        BREAKER_FAILURE_THRESHOLD: String(BREAKER_THRESHOLD),
        BREAKER_OPEN_MS: '60000',
      },
    });
    db = t.app.get(getDataSourceToken());
    casino = new ReferenceCasino();
    await casino.start();
    const provider = await newProvider(t, 'wallet-v2');
    games = await newGames(t, provider.code, 1);
  });

  beforeEach(() => casino.reset());

  afterAll(async () => {
    await t?.close();
    await casino?.stop();
  });

  it("an open breaker fails the launch at once, naming it, without calling the operator's wallet", async () => {
    const op = await seamlessOperator();
    const p = casinoPlayer();
    const body = { ...p, gameId: games[0].id, currency: 'EUR', language: 'en', mode: 'real' };
    casino.setFault({ mode: 'fail' });
    const failing = await launch(op, body);
    expect(failing.status).toBe(502);
    expect(casino.calls()).toHaveLength(BREAKER_THRESHOLD);

    casino.reset();
    const open = await launch(op, body);
    expect(open.status).toBe(502);
    expect(open.body.error).toBe('OPERATOR_WALLET_UNAVAILABLE');
    expect(open.body.message).toContain('circuit breaker is open');
    expect((open.body.details.failed as { kind: string }[]).map((f) => f.kind)).toEqual([
      'open',
      'open',
      'open',
    ]);
    expect(casino.calls()).toEqual([]);
    const sessions: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM game_sessions WHERE operator_id = $1`,
      [op.id],
    );
    expect(sessions[0].n).toBe(0);
  });

  it('a new launch closes an idle previous session as expired, an active one as superseded', async () => {
    const op = await seamlessOperator();
    const p = casinoPlayer();
    const body = { ...p, gameId: games[0].id, currency: 'EUR', language: 'en', mode: 'real' };
    const first = await launch(op, body);
    await db.query(`UPDATE game_sessions SET last_seen_at = now() - interval '5 hours' WHERE id = $1`, [
      first.body.sessionId,
    ]);
    const second = await launch(op, body);
    const third = await launch(op, body);
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    const rows: { id: string; status: string; close_reason: string | null }[] = await db.query(
      `SELECT id, status, close_reason FROM game_sessions WHERE id = ANY($1)`,
      [[first.body.sessionId, second.body.sessionId, third.body.sessionId]],
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, [r.status, r.close_reason]]));
    expect(byId[first.body.sessionId as string]).toEqual(['expired', 'expired']);
    expect(byId[second.body.sessionId as string]).toEqual(['closed', 'superseded']);
    expect(byId[third.body.sessionId as string]).toEqual(['active', null]);
  });

  it('a player blocked while the operator is being asked is refused, with nothing written', async () => {
    const op = await seamlessOperator();
    const p = casinoPlayer();
    const body = { ...p, gameId: games[0].id, currency: 'EUR', language: 'en', mode: 'real' };
    const first = await launch(op, body);
    expect(first.status).toBe(201);
    const before: unknown[] = await db.query(`SELECT * FROM players WHERE operator_id = $1`, [op.id]);

    casino.setFault({ mode: 'slow', delayMs: 300 });
    const second = launch(op, body).then((r) => r);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await db.query(`UPDATE players SET blocked = true WHERE operator_id = $1`, [op.id]);
    const res = await second;
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('PLAYER_BLOCKED');

    const after: { blocked: boolean }[] = await db.query(`SELECT * FROM players WHERE operator_id = $1`, [
      op.id,
    ]);
    expect(after).toEqual([{ ...(before[0] as object), blocked: true }]);
    const sessions: { id: string; status: string }[] = await db.query(
      `SELECT id, status FROM game_sessions WHERE operator_id = $1`,
      [op.id],
    );
    expect(sessions).toEqual([{ id: first.body.sessionId, status: 'active' }]);
  });

  it('the database itself refuses a second active session for one player and provider', async () => {
    const op = await seamlessOperator();
    const p = casinoPlayer();
    const first = await launch(op, {
      ...p,
      gameId: games[0].id,
      currency: 'EUR',
      language: 'en',
      mode: 'real',
    });
    expect(first.status).toBe(201);
    const copy = db.query(
      `INSERT INTO game_sessions (token, operator_id, player_id, user_id, wallet_mode, provider_id, game_id,
         currency, language, mode)
       SELECT 'copy-' || token, operator_id, player_id, user_id, wallet_mode, provider_id, game_id, currency,
              language, mode
         FROM game_sessions WHERE id = $1`,
      [first.body.sessionId],
    );
    await expect(copy).rejects.toMatchObject({
      driverError: { constraint: 'UQ_game_sessions_player_provider_active' },
    });
  });

  it('a launch that keeps losing the race for the active session is a 409 LAUNCH_CONTENDED, nothing written', async () => {
    const op = await seamlessOperator();
    const p = casinoPlayer();
    const body = { ...p, gameId: games[0].id, currency: 'EUR', language: 'en', mode: 'real' };
    const first = await launch(op, body);
    expect(first.status).toBe(201);
    const before: unknown[] = await db.query(
      `SELECT * FROM game_sessions WHERE operator_id = $1 ORDER BY id`,
      [op.id],
    );
    // Stands in for rival launches committing first every time: each insert of this user's session meets
    // the one-active-session index, as a launch that lost the race does.
    const fn = `lose_race_${op.id.replace(/-/g, '')}`;
    await db.query(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'rival launch committed first' USING ERRCODE = 'unique_violation',
          CONSTRAINT = 'UQ_game_sessions_player_provider_active';
      END $$`);
    await db.query(`
      CREATE TRIGGER ${fn} BEFORE INSERT ON game_sessions FOR EACH ROW
      WHEN (NEW.operator_id = '${op.id}'::uuid) EXECUTE FUNCTION ${fn}()`);
    try {
      const res = await launch(op, body);
      expect(res.status).toBe(409);
      expect(res.body.error).toBe('LAUNCH_CONTENDED');
      expect(res.body.message).toContain(p.userId);
    } finally {
      await db.query(`DROP TRIGGER ${fn} ON game_sessions`);
      await db.query(`DROP FUNCTION ${fn}()`);
    }
    const after: unknown[] = await db.query(
      `SELECT * FROM game_sessions WHERE operator_id = $1 ORDER BY id`,
      [op.id],
    );
    expect(after).toEqual(before);
  });

  it('Swagger documents the launch, redirect and admin session routes', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/sessions'])).toEqual(['post']);
    expect(paths['/api/v1/sessions'].post).toMatchObject({
      responses: expect.objectContaining({
        '201': expect.anything(),
        '400': expect.anything(),
        '502': expect.anything(),
      }),
    });
    expect(JSON.stringify(paths['/api/v1/sessions'].post)).toContain('meta');
    expect(paths['/play/{launchId}']).toBeDefined();
    expect(paths['/admin/sessions']).toBeDefined();
    expect(paths['/admin/sessions/{id}/close']).toBeDefined();
  });
});
