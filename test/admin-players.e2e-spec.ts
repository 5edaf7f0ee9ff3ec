import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CallbackSessionsService } from '@app/sessions';
import { type CreatedGame, type CreatedProvider, newGames, newProvider } from './support/catalogue-builders';
import { type CreatedOperator, newOperator } from './support/operator-builders';
import { signedPost } from './support/operator-sign';
import { createTestApp, type TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface PlayerSeed {
  userId?: string;
  nickname?: string | null;
  currency?: string | null;
  country?: string | null;
  language?: string | null;
  blocked?: boolean;
  details?: Record<string, unknown>;
  /** Seconds before now. */
  ageSeconds?: number;
}

interface PlayerBody {
  id: string;
  operatorId: string;
  userId: string;
  blocked: boolean;
  createdAt: string;
  updatedAt: string;
}

describe('admin players: GET /admin/players, block and unblock (real PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  let provider: CreatedProvider;
  let game: CreatedGame;

  const launch = (op: CreatedOperator, userId: string) => {
    const raw = JSON.stringify({
      userId,
      token: 'x',
      gameId: game.id,
      currency: 'EUR',
      language: 'en',
      mode: 'real',
    });
    return signedPost(t, op, '/api/v1/sessions', raw);
  };
  const freshUserId = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
  /** A player straight in the database, created `ageSeconds` ago; answers its id. */
  const insertPlayer = async (op: CreatedOperator, seed: PlayerSeed = {}): Promise<string> => {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO players (operator_id, user_id, nickname, currency, country, language, blocked, details,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(secs => $9), now() - make_interval(secs => $9))
       RETURNING id`,
      [
        op.id,
        seed.userId ?? freshUserId('pl'),
        seed.nickname ?? null,
        seed.currency ?? null,
        seed.country ?? null,
        seed.language ?? null,
        seed.blocked ?? false,
        JSON.stringify(seed.details ?? {}),
        seed.ageSeconds ?? 0,
      ],
    );
    return rows[0].id;
  };
  const playerRow = async (id: string) =>
    (
      await db.query<{ blocked: boolean; updated_at: Date }[]>(
        `SELECT blocked, updated_at FROM players WHERE id = $1`,
        [id],
      )
    )[0];
  const list = (query: string) => t.http().get(`/admin/players?${query}`).set(t.adminAuth);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((p) => p.id);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(getDataSourceToken());
    provider = await newProvider(t, 'wallet-v2');
    [game] = await newGames(t, provider.code, 1);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists with each filter and pages, newest first (ties by id), every field shown', async () => {
    const op = await newOperator(t, { currencies: ['EUR'] });
    const other = await newOperator(t, { currencies: ['EUR'] });
    const sharedUserId = freshUserId('shared');
    const oldest = await insertPlayer(op, {
      userId: sharedUserId,
      nickname: 'Oldest',
      currency: 'EUR',
      country: 'DE',
      language: 'de',
      details: { vip: true, level: 3 },
      ageSeconds: 300,
    });
    const blocked = await insertPlayer(op, { blocked: true, ageSeconds: 200 });
    // Two players created at the same instant: the larger id comes first.
    const [tieA, tieB] = await Promise.all([insertPlayer(op), insertPlayer(op)]);
    await db.query(`UPDATE players SET created_at = now() - interval '100 seconds' WHERE id = ANY($1)`, [
      [tieA, tieB],
    ]);
    const ties = [tieA, tieB].sort().reverse();
    const elsewhere = await insertPlayer(other, { userId: sharedUserId });

    const all = await list(`operatorId=${op.id}`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, limit: 50, total: 4 });
    expect(idsOf(all.body)).toEqual([...ties, blocked, oldest]);
    const stored: { created_at: Date; updated_at: Date }[] = await db.query(
      `SELECT created_at, updated_at FROM players WHERE id = $1`,
      [oldest],
    );
    expect(all.body.items[3]).toEqual({
      id: oldest,
      operatorId: op.id,
      userId: sharedUserId,
      nickname: 'Oldest',
      currency: 'EUR',
      country: 'DE',
      language: 'de',
      blocked: false,
      details: { vip: true, level: 3 },
      createdAt: stored[0].created_at.toISOString(),
      updatedAt: stored[0].updated_at.toISOString(),
    });
    expect(all.body.items[0]).toMatchObject({ nickname: null, currency: null, details: {} });

    const page2 = await list(`operatorId=${op.id}&limit=2&page=2`);
    expect(page2.body).toMatchObject({ page: 2, limit: 2, total: 4 });
    expect(idsOf(page2.body)).toEqual([blocked, oldest]);
    const beyond = await list(`operatorId=${op.id}&limit=2&page=3`);
    expect(beyond.body).toMatchObject({ items: [], page: 3, total: 4 });

    const blockedOnly = await list(`operatorId=${op.id}&blocked=true`);
    expect(blockedOnly.body).toMatchObject({ total: 1 });
    expect(idsOf(blockedOnly.body)).toEqual([blocked]);
    const notBlocked = await list(`operatorId=${op.id}&blocked=false`);
    expect(idsOf(notBlocked.body)).toEqual([...ties, oldest]);

    const byUser = await list(`userId=${sharedUserId}`);
    expect(byUser.body.total).toBe(2);
    expect(idsOf(byUser.body)).toEqual([elsewhere, oldest]);
    const byUserAndOperator = await list(`userId=${sharedUserId}&operatorId=${other.id}`);
    expect(idsOf(byUserAndOperator.body)).toEqual([elsewhere]);
    const none = await list(`userId=${sharedUserId}&blocked=true`);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('gets one player; an unknown id is 404 PLAYER_NOT_FOUND on get, block and unblock', async () => {
    const op = await newOperator(t);
    const id = await insertPlayer(op, { nickname: 'Solo', country: 'FR' });
    const one = await t.http().get(`/admin/players/${id}`).set(t.adminAuth);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id,
      operatorId: op.id,
      nickname: 'Solo',
      country: 'FR',
      blocked: false,
    });

    for (const [method, path] of [
      ['get', `/admin/players/${UNKNOWN_ID}`],
      ['post', `/admin/players/${UNKNOWN_ID}/block`],
      ['post', `/admin/players/${UNKNOWN_ID}/unblock`],
    ] as const) {
      const res = await t.http()[method](path).set(t.adminAuth);
      expect({ path, status: res.status, error: res.body.error }).toEqual({
        path,
        status: 404,
        error: 'PLAYER_NOT_FOUND',
      });
      expect(res.body.message).toContain(UNKNOWN_ID);
    }
  });

  it('refuses a bad blocked value, other bad filters and a non-UUID id with 400', async () => {
    for (const value of ['yes', '1', 'TRUE', 'False', '', 'true&blocked=false']) {
      const res = await list(`blocked=${value}`);
      expect({ value, status: res.status }).toEqual({ value, status: 400 });
      expect(res.body.message).toContain('blocked must be true or false');
    }
    for (const q of ['operatorId=x', 'userId=a%20b', 'limit=0', 'limit=201', 'page=0', 'extra=1']) {
      const res = await list(q);
      expect({ q, status: res.status }).toEqual({ q, status: 400 });
    }
    for (const [method, path] of [
      ['get', '/admin/players/nope'],
      ['post', '/admin/players/nope/block'],
      ['post', '/admin/players/nope/unblock'],
    ] as const) {
      const res = await t.http()[method](path).set(t.adminAuth);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
  });

  it('answers 401 without the admin token or with a wrong one, and changes nothing', async () => {
    const op = await newOperator(t);
    const id = await insertPlayer(op);
    for (const [method, path] of [
      ['get', '/admin/players'],
      ['get', `/admin/players/${id}`],
      ['post', `/admin/players/${id}/block`],
      ['post', `/admin/players/${id}/unblock`],
    ] as const) {
      expect((await t.http()[method](path)).status).toBe(401);
      const wrong = await t.http()[method](path).set('Authorization', 'Bearer not-the-token');
      expect(wrong.status).toBe(401);
    }
    expect((await playerRow(id)).blocked).toBe(false);
  });

  it('block refuses launches and bets, is idempotent; unblock lets the player launch again', async () => {
    const op = await newOperator(t, { currencies: ['EUR'] });
    const userId = freshUserId('blk');
    const first = await launch(op, userId);
    expect(first.status).toBe(201);
    const [{ id, token }]: { id: string; token: string }[] = await db.query(
      `SELECT p.id, s.token FROM players p JOIN game_sessions s ON s.player_id = p.id WHERE s.id = $1`,
      [first.body.sessionId],
    );
    const callbacks = t.app.get(CallbackSessionsService);
    // Cached by the callback lookup: blocking must reach it.
    expect(await callbacks.byToken(provider.id, token)).toMatchObject({ playerId: id, playerBlocked: false });
    const before = await playerRow(id);

    const blocked = await t.http().post(`/admin/players/${id}/block`).set(t.adminAuth);
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ id, operatorId: op.id, userId, blocked: true });
    const afterBlock = await playerRow(id);
    expect(afterBlock.blocked).toBe(true);
    expect(afterBlock.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    expect((blocked.body as PlayerBody).updatedAt).toBe(afterBlock.updated_at.toISOString());
    expect(await callbacks.byToken(provider.id, token)).toMatchObject({ playerBlocked: true });

    const refused = await launch(op, userId);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('PLAYER_BLOCKED');

    const again = await t.http().post(`/admin/players/${id}/block`).set(t.adminAuth);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(blocked.body);
    expect((await playerRow(id)).updated_at.getTime()).toBe(afterBlock.updated_at.getTime());
    const listed = await list(`operatorId=${op.id}&blocked=true`);
    expect(idsOf(listed.body)).toEqual([id]);

    const unblocked = await t.http().post(`/admin/players/${id}/unblock`).set(t.adminAuth);
    expect(unblocked.status).toBe(200);
    expect(unblocked.body).toMatchObject({ id, blocked: false });
    const afterUnblock = await playerRow(id);
    expect(afterUnblock.blocked).toBe(false);
    expect(afterUnblock.updated_at.getTime()).toBeGreaterThan(afterBlock.updated_at.getTime());
    expect(await callbacks.byToken(provider.id, token)).toMatchObject({ playerBlocked: false });

    const unblockedAgain = await t.http().post(`/admin/players/${id}/unblock`).set(t.adminAuth);
    expect(unblockedAgain.status).toBe(200);
    expect(unblockedAgain.body).toEqual(unblocked.body);
    expect((await playerRow(id)).updated_at.getTime()).toBe(afterUnblock.updated_at.getTime());

    const relaunch = await launch(op, userId);
    expect(relaunch.status).toBe(201);
    const sessions: { id: string; player_id: string; status: string }[] = await db.query(
      `SELECT id, player_id, status FROM game_sessions WHERE id = $1`,
      [relaunch.body.sessionId],
    );
    expect(sessions).toEqual([{ id: relaunch.body.sessionId, player_id: id, status: 'active' }]);
  });

  it('Swagger documents the routes under admin: players, with what blocking does', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, { tags: string[]; description?: string }>>;
    expect(paths['/admin/players'].get.tags).toEqual(['admin: players']);
    expect(paths['/admin/players/{id}'].get.tags).toEqual(['admin: players']);
    expect(paths['/admin/players/{id}/unblock'].post.tags).toEqual(['admin: players']);
    expect(paths['/admin/players/{id}/block'].post.description).toContain('PLAYER_BLOCKED');
  });
});
