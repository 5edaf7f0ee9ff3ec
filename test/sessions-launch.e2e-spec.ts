import { createHmac, randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReferenceCasino } from '@app/sim';
import { CallbackSessionsService } from '@app/sessions';
import examples from './fixtures/sessions/launch-spec-examples.json';
import { type CreatedGame, type CreatedProvider, newGames, newProvider } from './support/catalogue-builders';
import { type CreatedOperator, newOperator } from './support/operator-builders';
import { signedPost } from './support/operator-sign';
import { LoopbackProvider } from './support/sessions-provider-server';
import { createTestApp, type TestApp } from './support/test-app';

const PUBLIC_BASE_URL = 'http://aggregator.test:8080';
const WALLET_TIMEOUT_MS = 800;
const PROVIDER_TIMEOUT_MS = 500;
const SLOW_MS = 300;

interface SessionRow {
  id: string;
  token: string;
  auth_token: string | null;
  operator_id: string;
  player_id: string | null;
  user_id: string;
  wallet_mode: string;
  provider_id: string;
  game_id: string;
  currency: string;
  language: string;
  mode: string;
  status: string;
  close_reason: string | null;
  return_url: string | null;
}

interface PlayerRow {
  id: string;
  nickname: string | null;
  currency: string | null;
  country: string | null;
  language: string | null;
  blocked: boolean;
  details: Record<string, unknown>;
  updated_at: Date;
}

describe('game launch: POST /api/v1/sessions (real PostgreSQL, reference casino, loopback providers)', () => {
  let t: TestApp;
  let db: DataSource;
  let casino: ReferenceCasino;
  let slotegratorServer: LoopbackProvider;
  let slotegratorBase: string;
  let seamless: CreatedOperator;
  let internal: CreatedOperator;
  let walletV2: CreatedProvider;
  let b2b: CreatedProvider;
  let apps: CreatedProvider;
  let slotegrator: CreatedProvider;
  let wv2Games: CreatedGame[];
  let b2bGames: CreatedGame[];
  let appsGames: CreatedGame[];
  let slotGames: CreatedGame[];

  const launch = (op: CreatedOperator, body: unknown) => {
    return signedPost(t, op, '/api/v1/sessions', JSON.stringify(body));
  };
  const session = async (id: string): Promise<SessionRow | undefined> =>
    (await db.query<SessionRow[]>(`SELECT * FROM game_sessions WHERE id = $1`, [id]))[0];
  const sessionCount = async (): Promise<number> =>
    Number((await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM game_sessions`))[0].n);
  const player = async (op: CreatedOperator, userId: string): Promise<PlayerRow | undefined> =>
    (
      await db.query<PlayerRow[]>(`SELECT * FROM players WHERE operator_id = $1 AND user_id = $2`, [
        op.id,
        userId,
      ])
    )[0];
  /** A casino player (EUR) with a fresh id and token. */
  const casinoPlayer = (over: { currency?: string; nickname?: string; blocked?: boolean } = {}) => {
    const userId = `cp-${randomBytes(4).toString('hex')}`;
    const token = `tok-${randomBytes(6).toString('hex')}`;
    casino.upsertPlayer({
      userId,
      token,
      currency: over.currency ?? 'EUR',
      balance: '250.5',
      nickname: over.nickname ?? `Nick ${userId}`,
      country: 'DE',
      language: 'de',
      blocked: over.blocked ?? false,
    });
    return { userId, token };
  };
  const realBody = (p: { userId: string; token: string }, gameId: string, extra: object = {}) => ({
    userId: p.userId,
    token: p.token,
    gameId,
    currency: 'EUR',
    language: 'en',
    mode: 'real',
    ...extra,
  });
  const paramsOf = (url: string) => [...new URL(url).searchParams.entries()];

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        PUBLIC_BASE_URL,
        WALLET_CALL_TIMEOUT_MS: String(WALLET_TIMEOUT_MS),
        BREAKER_FAILURE_THRESHOLD: '1000',
        PROVIDER_LAUNCH_TIMEOUT_MS: String(PROVIDER_TIMEOUT_MS),
      },
    });
    db = t.app.get(getDataSourceToken());
    casino = new ReferenceCasino();
    await casino.start();
    slotegratorServer = new LoopbackProvider();
    slotegratorBase = await slotegratorServer.start();

    seamless = await newOperator(t, {
      walletMode: 'seamless',
      walletUrl: casino.walletUrl,
      currencies: ['EUR', 'USD'],
    });
    casino.setSecret(seamless.secret);
    casino.setOperatorId(seamless.id);
    internal = await newOperator(t, { walletMode: 'internal', currencies: ['EUR', 'USD'] });

    walletV2 = await newProvider(t, 'wallet-v2', {
      config: { launchBaseUrl: 'https://games.wv2.test/launch' },
    });
    b2b = await newProvider(t, 'b2b', { config: { operatorId: 77, launchBaseUrl: 'https://int.b2b.test/' } });
    apps = await newProvider(t, 'apps', {
      config: { customerId: '1024', storagePath: 'https://cdn.apps.test/media/' },
    });
    slotegrator = await newProvider(t, 'slotegrator', {
      config: {
        clientId: 'agg-client-1',
        endpoints: {
          gameUrl: `${slotegratorBase}/games/init`,
          demoGameUrl: `${slotegratorBase}/games/init-demo`,
        },
      },
    });
    wv2Games = await newGames(t, walletV2.code, 3, { prefix: '1014' });
    b2bGames = await newGames(t, b2b.code, 1, { prefix: 'BookOfRaClassic' });
    appsGames = await newGames(t, apps.code, 1, { prefix: 'a_op' });
    slotGames = await newGames(t, slotegrator.code, 1, { prefix: 'slot' });
  });

  beforeEach(() => {
    casino.reset();
    slotegratorServer.calls.length = 0;
  });

  afterAll(async () => {
    await t?.close();
    await casino?.stop();
    await slotegratorServer?.stop();
  });

  describe('seamless operator, real play', () => {
    it('calls session-check, player-details and balance with the userId and token, creates the player, and builds the wallet-v2 URL exactly', async () => {
      const p = casinoPlayer();
      const res = await launch(seamless, realBody(p, wv2Games[0].id, { language: 'en-GB' }));
      expect(res.status).toBe(201);
      expect(Object.keys(res.body as object).sort()).toEqual(['sessionId', 'url']);

      const calls = casino.calls();
      expect(calls.map((c) => c.action).sort()).toEqual(['balance', 'player-details', 'session-check']);
      for (const c of calls) {
        expect(c.signature).toBe('valid');
        expect(c.httpStatus).toBe(200);
        expect(c.request).toMatchObject({ userId: p.userId, token: p.token });
      }
      expect(calls.find((c) => c.action === 'balance')!.request).toMatchObject({ currency: 'EUR' });

      const row = (await session(res.body.sessionId as string))!;
      expect(row).toMatchObject({
        operator_id: seamless.id,
        user_id: p.userId,
        wallet_mode: 'seamless',
        provider_id: walletV2.id,
        game_id: wv2Games[0].id,
        currency: 'EUR',
        language: 'en-GB',
        mode: 'real',
        status: 'active',
        auth_token: null,
      });
      expect(row.token).toMatch(/^[A-Za-z0-9_-]{32}$/);

      const created = (await player(seamless, p.userId))!;
      expect(row.player_id).toBe(created.id);
      expect(created).toMatchObject({
        nickname: `Nick ${p.userId}`,
        currency: 'EUR',
        country: 'DE',
        language: 'de',
        blocked: false,
      });

      // wallet-v2 spec: ?mode=real_play&gameID=…&token=…&lang=<ISO 639-1>&wallet=…
      const url = new URL(res.body.url as string);
      expect(`${url.origin}${url.pathname}`).toBe('https://games.wv2.test/launch');
      const specKeys = [...new URL(examples.walletV2.real).searchParams.keys()];
      expect(paramsOf(url.toString())).toEqual([
        ['mode', 'real_play'],
        ['gameID', wv2Games[0].externalId],
        ['token', row.token],
        ['lang', 'en'],
        ['wallet', walletV2.config.walletToken],
      ]);
      expect(paramsOf(url.toString()).map(([k]) => k)).toEqual(specKeys);
    });

    it('makes the three calls concurrently: with each answer delayed, the launch takes about one delay and the calls overlap', async () => {
      const p = casinoPlayer();
      casino.setFault({ mode: 'slow', delayMs: SLOW_MS });
      const started = Date.now();
      const res = await launch(seamless, realBody(p, wv2Games[0].id));
      const elapsed = Date.now() - started;
      expect(res.status).toBe(201);
      // One after another would take at least 3 × 300 ms.
      expect(elapsed).toBeGreaterThanOrEqual(SLOW_MS);
      expect(elapsed).toBeLessThan(2 * SLOW_MS);
      const calls = casino.calls();
      expect(calls).toHaveLength(3);
      for (const a of calls) for (const b of calls) expect(a.startedAt).toBeLessThan(b.endedAt!);
    });

    it('a second launch reuses and refreshes the player and supersedes the first session', async () => {
      const p = casinoPlayer({ nickname: 'First' });
      const first = await launch(seamless, realBody(p, wv2Games[0].id));
      expect(first.status).toBe(201);
      const before = (await player(seamless, p.userId))!;

      casino.upsertPlayer({ userId: p.userId, nickname: 'Renamed', country: 'AT' });
      const second = await launch(seamless, realBody(p, wv2Games[1].id));
      expect(second.status).toBe(201);

      const after = (await player(seamless, p.userId))!;
      expect(after.id).toBe(before.id);
      expect(after).toMatchObject({ nickname: 'Renamed', country: 'AT' });
      const players: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM players WHERE operator_id = $1 AND user_id = $2`,
        [seamless.id, p.userId],
      );
      expect(players[0].n).toBe(1);

      expect(await session(first.body.sessionId as string)).toMatchObject({
        status: 'closed',
        close_reason: 'superseded',
      });
      expect(await session(second.body.sessionId as string)).toMatchObject({
        status: 'active',
        player_id: before.id,
      });
      // The superseded token no longer resolves to an active session for callbacks.
      const callbacks = t.app.get(CallbackSessionsService);
      const old = await callbacks.byToken(
        walletV2.id,
        (await session(first.body.sessionId as string))!.token,
      );
      expect(old).toMatchObject({ state: 'closed', closeReason: 'superseded' });
    });

    const CALLS = ['session-check', 'player-details', 'balance'] as const;
    const FAILURES = [
      {
        name: 'an HTTP 500',
        fault: { mode: 'fail' as const },
        status: 502,
        code: 'OPERATOR_WALLET_UNAVAILABLE',
        reason: 'HTTP 500',
      },
      {
        name: 'a timeout',
        fault: { mode: 'slow' as const, delayMs: WALLET_TIMEOUT_MS + 700 },
        status: 502,
        code: 'OPERATOR_WALLET_UNAVAILABLE',
        reason: /timeout/i,
      },
      {
        name: 'a malformed answer',
        fault: { mode: 'garbage' as const },
        status: 502,
        code: 'OPERATOR_WALLET_UNAVAILABLE',
        reason: 'not JSON',
      },
      {
        name: 'a JSON answer of the wrong shape',
        fault: { mode: 'garbage' as const, body: '{"ok":1}' },
        status: 502,
        code: 'OPERATOR_WALLET_UNAVAILABLE',
        reason: 'does not follow the wallet contract',
      },
      {
        name: 'a refusal',
        fault: { mode: 'refuse' as const, code: 'INVALID_TOKEN', message: 'Token expired' },
        status: 403,
        code: 'OPERATOR_REFUSED',
        reason: 'INVALID_TOKEN: Token expired',
      },
      {
        name: 'a dropped connection',
        fault: { mode: 'down' as const },
        status: 502,
        code: 'OPERATOR_WALLET_UNAVAILABLE',
        reason: '',
      },
    ];
    const cases = CALLS.flatMap((call) => FAILURES.map((f) => ({ call, ...f })));

    it.each(cases)(
      '$call failing with $name: a clear error naming it, no session, no player change',
      async ({ call, fault, status, code, reason }) => {
        // A known player (to prove no change) and a first-time one (to prove no creation).
        const known = casinoPlayer({ nickname: 'Before' });
        expect((await launch(seamless, realBody(known, wv2Games[0].id))).status).toBe(201);
        const knownBefore = (await player(seamless, known.userId))!;
        casino.upsertPlayer({ userId: known.userId, nickname: 'After' });
        const fresh = casinoPlayer();
        const sessionsBefore = await sessionCount();

        for (const p of [known, fresh]) {
          casino.reset();
          casino.setFault({ action: call, ...fault });
          const res = await launch(seamless, realBody(p, wv2Games[0].id));
          expect(res.status).toBe(status);
          expect(res.body.error).toBe(code);
          expect(res.body.message).toContain(call);
          expect(res.body.message).toMatch(reason);
          expect(res.body.details.failed).toEqual([expect.objectContaining({ call })]);
          // All three were asked, the failing one included.
          expect(
            casino
              .calls()
              .map((c) => c.action)
              .sort(),
          ).toEqual(['balance', 'player-details', 'session-check']);
        }
        expect(await sessionCount()).toBe(sessionsBefore);
        expect(await player(seamless, fresh.userId)).toBeUndefined();
        const knownAfter = (await player(seamless, known.userId))!;
        expect(knownAfter.nickname).toBe('Before');
        expect(knownAfter.updated_at).toEqual(knownBefore.updated_at);
      },
    );

    it('names every failing call when several fail', async () => {
      const p = casinoPlayer();
      casino.setFault({ action: 'session-check', mode: 'refuse', code: 'INVALID_TOKEN' });
      casino.setFault({ action: 'balance', mode: 'fail', httpStatus: 503 });
      const res = await launch(seamless, realBody(p, wv2Games[0].id));
      expect(res.status).toBe(502);
      expect(res.body.message).toMatch(/session-check refused with INVALID_TOKEN.*balance HTTP 503/);
      expect((res.body.details.failed as { call: string }[]).map((f) => f.call)).toEqual([
        'session-check',
        'balance',
      ]);
    });

    it('a player the casino blocks is refused with PLAYER_BLOCKED', async () => {
      const p = casinoPlayer({ blocked: true });
      const res = await launch(seamless, realBody(p, wv2Games[0].id));
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('PLAYER_BLOCKED');
      expect(await player(seamless, p.userId)).toBeUndefined();
    });

    it("a currency that is not the player's wallet currency is refused by the operator's balance check", async () => {
      const p = casinoPlayer({ currency: 'EUR' });
      const res = await launch(seamless, realBody(p, wv2Games[0].id, { currency: 'USD' }));
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('OPERATOR_REFUSED');
      expect(res.body.message).toContain('balance refused with CURRENCY_MISMATCH');
    });
  });

  describe('internal operator and refusals', () => {
    it('creates the player from the request without any wallet call; a later launch reuses it', async () => {
      const userId = `in-${randomBytes(4).toString('hex')}`;
      const body = {
        userId,
        token: 'whatever',
        gameId: wv2Games[0].id,
        currency: 'USD',
        language: 'fr',
        mode: 'real',
      };
      const first = await launch(internal, body);
      expect(first.status).toBe(201);
      const created = (await player(internal, userId))!;
      expect(created).toMatchObject({ currency: 'USD', language: 'fr' });
      const second = await launch(internal, { ...body, gameId: wv2Games[1].id });
      expect(second.status).toBe(201);
      expect((await player(internal, userId))!.id).toBe(created.id);
      expect((await session(second.body.sessionId as string))!).toMatchObject({
        player_id: created.id,
        wallet_mode: 'internal',
      });
      expect(casino.calls()).toEqual([]);
    });

    it('a player blocked on our side is refused and left unchanged', async () => {
      const userId = `blk-${randomBytes(4).toString('hex')}`;
      const body = {
        userId,
        token: 'x',
        gameId: wv2Games[0].id,
        currency: 'EUR',
        language: 'en',
        mode: 'real',
      };
      expect((await launch(internal, body)).status).toBe(201);
      await db.query(`UPDATE players SET blocked = true WHERE operator_id = $1 AND user_id = $2`, [
        internal.id,
        userId,
      ]);
      const before = await sessionCount();
      const res = await launch(internal, { ...body, language: 'ru' });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('PLAYER_BLOCKED');
      expect(await sessionCount()).toBe(before);
      expect((await player(internal, userId))!.language).toBe('en');
    });

    it('refuses a currency the operator does not have, and one the game does not list in meta.currencies', async () => {
      const body = {
        userId: 'u-cur',
        token: 'x',
        gameId: wv2Games[0].id,
        currency: 'GBP',
        language: 'en',
        mode: 'real',
      };
      const res = await launch(internal, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('CURRENCY_NOT_SUPPORTED');
      expect(res.body.message).toContain('GBP');

      const put = await t
        .http()
        .put(`/admin/providers/${walletV2.code}/games`)
        .set(t.adminAuth)
        .send({
          games: [
            {
              externalId: 'eur-only',
              name: 'EUR only',
              type: 'slot',
              hasDemo: true,
              meta: { currencies: ['EUR'] },
            },
          ],
        });
      expect(put.status).toBe(200);
      const list = await t.http().get(`/admin/providers/${walletV2.code}/games?limit=200`).set(t.adminAuth);
      const eurOnly = (list.body.items as CreatedGame[]).find((g) => g.externalId === 'eur-only')!;
      const usd = await launch(internal, { ...body, gameId: eurOnly.id, currency: 'USD' });
      expect(usd.status).toBe(400);
      expect(usd.body.error).toBe('CURRENCY_NOT_SUPPORTED');
      expect(usd.body.message).toContain('supports EUR');
      expect((await launch(internal, { ...body, gameId: eurOnly.id, currency: 'EUR' })).status).toBe(201);
    });

    it('refuses an unknown game, a disabled game, a game of a disabled provider, and a disabled operator', async () => {
      const body = (gameId: string) => ({
        userId: 'u-dis',
        token: 'x',
        gameId,
        currency: 'EUR',
        language: 'en',
        mode: 'real',
      });
      const unknown = await launch(internal, body('00000000-0000-4000-8000-000000000000'));
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toBe('GAME_NOT_AVAILABLE');

      const prov = await newProvider(t, 'wallet-v2');
      const [g1, g2] = await newGames(t, prov.code, 2);
      expect((await launch(internal, body(g1.id))).status).toBe(201);
      await t
        .http()
        .put(`/admin/providers/${prov.code}/games`)
        .set(t.adminAuth)
        .send({
          games: [{ externalId: g1.externalId, name: g1.name, type: 'slot', enabled: false }],
        });
      const disabledGame = await launch(internal, body(g1.id));
      expect(disabledGame.status).toBe(404);
      expect(disabledGame.body.error).toBe('GAME_NOT_AVAILABLE');

      expect(
        (await t.http().patch(`/admin/providers/${prov.code}`).set(t.adminAuth).send({ enabled: false }))
          .status,
      ).toBe(200);
      const disabledProvider = await launch(internal, body(g2.id));
      expect(disabledProvider.status).toBe(404);
      expect(disabledProvider.body.error).toBe('GAME_NOT_AVAILABLE');

      const off = await newOperator(t, { enabled: false });
      const res = await launch(off, body(wv2Games[0].id));
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('OPERATOR_DISABLED');
    });

    it('one active real session per player and provider, even for launches at the same time', async () => {
      const userId = `race-${randomBytes(4).toString('hex')}`;
      const body = {
        userId,
        token: 'x',
        gameId: wv2Games[0].id,
        currency: 'EUR',
        language: 'en',
        mode: 'real',
      };
      const results = await Promise.all(Array.from({ length: 6 }, () => launch(internal, body)));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      const rows: { status: string; close_reason: string | null }[] = await db.query(
        `SELECT s.status, s.close_reason FROM game_sessions s JOIN players p ON p.id = s.player_id
          WHERE p.operator_id = $1 AND p.user_id = $2`,
        [internal.id, userId],
      );
      expect(rows.filter((r) => r.status === 'active')).toHaveLength(1);
      expect(rows.filter((r) => r.close_reason === 'superseded')).toHaveLength(5);
      // Another provider's session is not superseded.
      const other = await launch(internal, { ...body, gameId: b2bGames[0].id });
      expect(other.status).toBe(201);
      const active: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM game_sessions s JOIN players p ON p.id = s.player_id
          WHERE p.operator_id = $1 AND p.user_id = $2 AND s.status = 'active'`,
        [internal.id, userId],
      );
      expect(active[0].n).toBe(2);
    });
  });

  describe('demo mode', () => {
    it('a seamless operator: no wallet call at all, no player, the wallet-v2 demo URL', async () => {
      const res = await launch(seamless, {
        userId: 'visitor-1',
        gameId: wv2Games[2].id,
        currency: 'EUR',
        language: 'de-AT',
        mode: 'demo',
      });
      expect(res.status).toBe(201);
      expect(casino.calls()).toEqual([]);
      const row = (await session(res.body.sessionId as string))!;
      expect(row).toMatchObject({ mode: 'demo', player_id: null });
      expect(await player(seamless, 'visitor-1')).toBeUndefined();
      const url = new URL(res.body.url as string);
      expect(`${url.origin}${url.pathname}`).toBe('https://games.wv2.test/launch');
      expect(paramsOf(url.toString())).toEqual([
        ['mode', 'demo'],
        ['gameID', wv2Games[2].externalId],
        ['lang', 'de'],
      ]);
      expect(paramsOf(url.toString()).map(([k]) => k)).toEqual([
        ...new URL(examples.walletV2.demo).searchParams.keys(),
      ]);
    });

    it('works without userId/token, and for an internal operator', async () => {
      const res = await launch(internal, {
        gameId: wv2Games[0].id,
        currency: 'USD',
        language: 'en',
        mode: 'demo',
      });
      expect(res.status).toBe(201);
      expect(await session(res.body.sessionId as string)).toMatchObject({ mode: 'demo', player_id: null });
    });

    it('is refused for a game without demo and for a protocol without demo (b2b, apps)', async () => {
      const prov = await newProvider(t, 'wallet-v2');
      const [noDemo] = await newGames(t, prov.code, 1, { hasDemo: false });
      const res = await launch(seamless, {
        gameId: noDemo.id,
        currency: 'EUR',
        language: 'en',
        mode: 'demo',
      });
      expect(res.status).toBe(422);
      expect(res.body.error).toBe('DEMO_NOT_AVAILABLE');
      for (const g of [b2bGames[0], appsGames[0]]) {
        const r = await launch(seamless, { gameId: g.id, currency: 'EUR', language: 'en', mode: 'demo' });
        expect(r.status).toBe(422);
        expect(r.body.error).toBe('DEMO_NOT_AVAILABLE');
      }
      expect(casino.calls()).toEqual([]);
    });
  });

  describe('launch URLs per protocol', () => {
    it('b2b: /games/<game_name>.game with operator_id, user_id, a one-time auth_token and currency', async () => {
      const p = casinoPlayer();
      const res = await launch(seamless, realBody(p, b2bGames[0].id));
      expect(res.status).toBe(201);
      const row = (await session(res.body.sessionId as string))!;
      expect(row.auth_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(row.auth_token).not.toBe(row.token);
      const url = new URL(res.body.url as string);
      expect(url.origin).toBe('https://int.b2b.test');
      expect(url.pathname).toBe(`/games/${b2bGames[0].externalId}.game`);
      expect(paramsOf(url.toString())).toEqual([
        ['operator_id', '77'],
        ['user_id', row.player_id],
        ['auth_token', row.auth_token],
        ['currency', 'EUR'],
      ]);
      expect(paramsOf(url.toString()).map(([k]) => k)).toEqual([
        ...new URL(examples.b2b.gameUrl).searchParams.keys(),
      ]);
      // The auth token is spent once at do-auth-user-ingame.
      const callbacks = t.app.get(CallbackSessionsService);
      const exchanged = await callbacks.exchangeAuthToken(b2b.id, row.auth_token!);
      expect(exchanged).toMatchObject({ id: row.id, state: 'active' });
      expect(exchanged!.gameToken).toEqual(expect.any(String));
      expect(await callbacks.exchangeAuthToken(b2b.id, row.auth_token!)).toBeNull();
    });

    it('slotegrator: a signed POST of "Get game url" with exactly the spec fields; the provider url is returned', async () => {
      const p = casinoPlayer();
      const returnUrl = 'https://casino.example.com/exit?uuid=4b6d955c';
      const res = await launch(seamless, realBody(p, slotGames[0].id, { language: 'pt-BR', returnUrl }));
      expect(res.status).toBe(201);
      expect(slotegratorServer.calls).toHaveLength(1);
      const call = slotegratorServer.calls[0];
      expect(call.method).toBe('POST');
      expect(call.path).toBe('/games/init');
      expect(call.headers['content-type']).toBe('application/json');
      const expectedSign = createHmac('sha256', slotegrator.config.token as string)
        .update(call.raw)
        .digest('hex');
      expect(call.headers['x-sign']).toBe(expectedSign);

      const row = (await session(res.body.sessionId as string))!;
      const sent = JSON.parse(call.raw.toString('utf8')) as Record<string, string>;
      expect(Object.keys(sent)).toEqual(Object.keys(examples.slotegrator.gameUrlRequest));
      expect(sent).toEqual({
        client_id: 'agg-client-1',
        game_id: slotGames[0].externalId,
        currency: 'EUR',
        language: 'pt',
        session_id: row.token,
        player_id: `${row.player_id!.replace(/-/g, '')}EUR`,
        return_url: returnUrl,
      });
      expect(res.body.url).toBe('https://games.provider.test/play/games/init?s=1');
    });

    it('slotegrator demo: "Get demo game url" to demoGameUrl, signed, with the four spec fields', async () => {
      const res = await launch(seamless, {
        gameId: slotGames[0].id,
        currency: 'EUR',
        language: 'en',
        mode: 'demo',
        returnUrl: 'https://casino.example.com/',
      });
      expect(res.status).toBe(201);
      const call = slotegratorServer.calls[0];
      expect(call.path).toBe('/games/init-demo');
      expect(call.headers['x-sign']).toBe(
        createHmac('sha256', slotegrator.config.token as string)
          .update(call.raw)
          .digest('hex'),
      );
      const sent = JSON.parse(call.raw.toString('utf8')) as Record<string, string>;
      expect(Object.keys(sent)).toEqual(Object.keys(examples.slotegrator.demoGameUrlRequest));
      expect(sent).toEqual({
        client_id: 'agg-client-1',
        game_id: slotGames[0].externalId,
        language: 'en',
        return_url: 'https://casino.example.com/',
      });
      expect(casino.calls()).toEqual([]);
    });

    const PROVIDER_FAILURES = [
      {
        name: 'a provider error',
        reply: {
          status: 200,
          body: '{"status":false,"code":"WRONG_INPUT_PARAMETERS","message":"Wrong input parameters"}',
        },
        reason: 'WRONG_INPUT_PARAMETERS: Wrong input parameters',
      },
      { name: 'an HTTP 500', reply: { status: 500, body: 'oops' }, reason: 'HTTP 500' },
      {
        name: 'an answer without url',
        reply: { status: 200, body: '{"status":true}' },
        reason: 'no http(s) url',
      },
      {
        name: 'a javascript: url',
        reply: { status: 200, body: '{"url":"javascript:alert(1)"}' },
        reason: 'no http(s) url',
      },
      { name: 'a timeout', reply: 'hang' as const, reason: `no answer within ${PROVIDER_TIMEOUT_MS} ms` },
    ];
    it.each(PROVIDER_FAILURES)(
      'slotegrator: $name is a clear launch error, and no session is made or superseded',
      async ({ reply, reason }) => {
        const p = casinoPlayer();
        const ok = await launch(seamless, realBody(p, slotGames[0].id));
        expect(ok.status).toBe(201);
        const before = await sessionCount();
        slotegratorServer.reply = () => reply;
        try {
          const res = await launch(seamless, realBody(p, slotGames[0].id));
          expect(res.status).toBe(502);
          expect(res.body.error).toBe('PROVIDER_LAUNCH_FAILED');
          expect(res.body.message).toContain(slotegrator.code);
          expect(res.body.message).toContain(reason);
        } finally {
          slotegratorServer.reply = (call) => ({
            status: 200,
            body: JSON.stringify({ url: `https://games.provider.test/play${call.path}` }),
          });
        }
        expect(await sessionCount()).toBe(before);
        expect(await session(ok.body.sessionId as string)).toMatchObject({ status: 'active' });
      },
    );

    it('apps: our page with the loader scripts and the config, every value escaped (hostile returnUrl)', async () => {
      const p = casinoPlayer();
      const hostile = `https://casino.example.com/exit?a="</script><script>alert('x')</script>&b=<!--\\`;
      const res = await launch(
        seamless,
        realBody(p, appsGames[0].id, { language: 'pt-BR', returnUrl: hostile }),
      );
      expect(res.status).toBe(201);
      const row = (await session(res.body.sessionId as string))!;
      expect(res.body.url).toBe(`${PUBLIC_BASE_URL}/play/apps/${row.id}`);

      const page = await t.http().get(new URL(res.body.url as string).pathname);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      expect(page.headers['cache-control']).toBe('no-store');
      const html = page.text;
      for (const src of examples.apps.loaderScripts) {
        expect(html).toContain(`src="${src.replace('${path_to_storage}', 'https://cdn.apps.test/media')}"`);
      }
      expect(html).toContain('<div id="game-content"></div>');
      // Only our three script elements: the hostile value never closes one or opens another.
      expect(html.match(/<script/g)).toHaveLength(3);
      expect(html.match(/<\/script>/g)).toHaveLength(3);
      expect(html).not.toContain("alert('x')</script>");

      const literal = /var config = (\{[\s\S]*?\});\n<\/script>/.exec(html)![1];
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const config = new Function(`return ${literal};`)() as Record<string, unknown>;
      expect(Object.keys(config)).toEqual(examples.apps.configKeys);
      expect(config).toEqual({
        path: 'https://cdn.apps.test/media/',
        game: appsGames[0].externalId,
        billing: '1024',
        token: row.token,
        kf: '100',
        kf_list: examples.apps.defaultKfList,
        currency: 'EUR',
        language: examples.apps.languages['pt-BR'],
        home_page: hostile,
      });
    });

    it.each(Object.entries(examples.apps.languages))(
      'apps: language %s is %s on the page',
      async (tag, expected) => {
        const p = casinoPlayer();
        const res = await launch(seamless, realBody(p, appsGames[0].id, { language: tag }));
        expect(res.status).toBe(201);
        const html = (await t.http().get(new URL(res.body.url as string).pathname)).text;
        expect(html).toContain(`language: "${expected}"`);
      },
    );

    it('apps: a closed session page is 410, an unknown one 404', async () => {
      const p = casinoPlayer();
      const res = await launch(seamless, realBody(p, appsGames[0].id));
      const path = new URL(res.body.url as string).pathname;
      expect(
        (await t.http().post(`/admin/sessions/${res.body.sessionId}/close`).set(t.adminAuth)).status,
      ).toBe(200);
      const closed = await t.http().get(path);
      expect(closed.status).toBe(410);
      expect(closed.text).not.toContain((await session(res.body.sessionId as string))!.token);
      expect((await t.http().get('/play/apps/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await t.http().get('/play/apps/not-a-uuid')).status).toBe(404);
    });
  });

  describe('redirect', () => {
    it('url is ours; /play/{launchId} answers one 302 to the provider URL, then 410', async () => {
      const p = casinoPlayer();
      const res = await launch(seamless, realBody(p, wv2Games[0].id, { redirect: true }));
      expect(res.status).toBe(201);
      const ours = new URL(res.body.url as string);
      expect(ours.origin).toBe(PUBLIC_BASE_URL);
      expect(ours.pathname).toMatch(/^\/play\/[A-Za-z0-9_-]{32}$/);
      expect(res.body.url).not.toContain('wv2.test');

      const row = (await session(res.body.sessionId as string))!;
      const first = await t.http().get(ours.pathname).redirects(0);
      expect(first.status).toBe(302);
      const location = new URL(first.headers.location);
      expect(`${location.origin}${location.pathname}`).toBe('https://games.wv2.test/launch');
      expect(location.searchParams.get('token')).toBe(row.token);
      expect(location.searchParams.get('mode')).toBe('real_play');

      const again = await t.http().get(ours.pathname).redirects(0);
      expect(again.status).toBe(410);
      expect(again.body.error).toBe('LAUNCH_USED');
    });

    it('an expired launch is 410 LAUNCH_EXPIRED, an unknown one 404', async () => {
      const res = await launch(internal, {
        gameId: wv2Games[0].id,
        currency: 'EUR',
        language: 'en',
        mode: 'demo',
        redirect: true,
      });
      const path = new URL(res.body.url as string).pathname;
      await db.query(`UPDATE launches SET expires_at = now() - interval '1 second' WHERE session_id = $1`, [
        res.body.sessionId,
      ]);
      const expired = await t.http().get(path).redirects(0);
      expect(expired.status).toBe(410);
      expect(expired.body.error).toBe('LAUNCH_EXPIRED');
      const unknown = await t
        .http()
        .get(`/play/${randomBytes(24).toString('base64url')}`)
        .redirects(0);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toBe('LAUNCH_NOT_FOUND');
    });
  });

  describe('input validation', () => {
    const valid = () => ({
      userId: 'u-1',
      token: 'tok',
      gameId: wv2Games[0].id,
      currency: 'EUR',
      language: 'en',
      mode: 'real',
    });
    const BAD: [string, Record<string, unknown>, string][] = [
      ['missing userId (real)', { userId: undefined }, 'userId'],
      ['userId too long', { userId: 'u'.repeat(65) }, 'userId'],
      ['userId with spaces', { userId: 'a b' }, 'userId'],
      ['userId a number', { userId: 42 }, 'userId'],
      ['missing token (real)', { token: undefined }, 'token'],
      ['empty token', { token: '' }, 'token'],
      ['token with a control char', { token: 'a\nb' }, 'token'],
      ['missing gameId', { gameId: undefined }, 'gameId'],
      ['gameId not a UUID', { gameId: 'game-1' }, 'gameId'],
      ['missing currency', { currency: undefined }, 'currency'],
      ['lowercase currency', { currency: 'eur' }, 'currency'],
      ['4-letter currency', { currency: 'EURO' }, 'currency'],
      ['missing language', { language: undefined }, 'language'],
      ['language a word', { language: 'english' }, 'language'],
      ['hostile language', { language: 'en"><script>' }, 'language'],
      ['missing mode', { mode: undefined }, 'mode'],
      ['unknown mode', { mode: 'fun' }, 'mode'],
      ['returnUrl javascript:', { returnUrl: 'javascript:alert(1)' }, 'returnUrl'],
      ['returnUrl relative', { returnUrl: '/lobby' }, 'returnUrl'],
      ['returnUrl ftp', { returnUrl: 'ftp://casino.example.com/' }, 'returnUrl'],
      ['returnUrl with a space', { returnUrl: 'https://casino.example.com/a b' }, 'returnUrl'],
      ['returnUrl too long', { returnUrl: `https://casino.example.com/${'a'.repeat(2048)}` }, 'returnUrl'],
      ['redirect a string', { redirect: 'yes' }, 'redirect'],
      ['an unknown field', { wallet: 'x' }, 'wallet'],
    ];
    it.each(BAD)('%s → 400 naming the field, nothing made', async (_name, patch, field) => {
      const before = await sessionCount();
      const body: Record<string, unknown> = { ...valid(), ...patch };
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete body[k];
      const res = await launch(internal, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
      expect(await sessionCount()).toBe(before);
    });

    it('a body that is not JSON is a 400; an unsigned request a 401', async () => {
      const raw = '{"userId":';
      const res = await signedPost(t, internal, '/api/v1/sessions', raw);
      expect(res.status).toBe(400);
      const unsigned = await t.http().post('/api/v1/sessions').send(valid());
      expect(unsigned.status).toBe(401);
    });
  });

  describe('admin: GET /admin/sessions and close', () => {
    it('lists with filters and pages, newest first, without tokens; closes a session once', async () => {
      const op = await newOperator(t, { currencies: ['EUR'] });
      const ids: string[] = [];
      for (const [i, g] of [wv2Games[0], b2bGames[0], wv2Games[1]].entries()) {
        const res = await launch(op, {
          userId: `adm-${i}`,
          token: 'x',
          gameId: g.id,
          currency: 'EUR',
          language: 'en',
          mode: 'real',
        });
        expect(res.status).toBe(201);
        ids.push(res.body.sessionId as string);
      }
      const demo = await launch(op, {
        gameId: wv2Games[0].id,
        currency: 'EUR',
        language: 'en',
        mode: 'demo',
      });
      ids.push(demo.body.sessionId as string);

      expect((await t.http().get('/admin/sessions')).status).toBe(401);
      const all = await t.http().get(`/admin/sessions?operatorId=${op.id}`).set(t.adminAuth);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ page: 1, limit: 50, total: 4 });
      expect((all.body.items as { id: string }[]).map((s) => s.id)).toEqual([...ids].reverse());
      expect(JSON.stringify(all.body)).not.toMatch(/token/i);
      expect(all.body.items[3]).toMatchObject({
        id: ids[0],
        operatorId: op.id,
        userId: 'adm-0',
        walletMode: 'internal',
        providerId: walletV2.id,
        gameId: wv2Games[0].id,
        currency: 'EUR',
        mode: 'real',
        status: 'active',
        closeReason: null,
      });

      const paged = await t.http().get(`/admin/sessions?operatorId=${op.id}&limit=1&page=2`).set(t.adminAuth);
      expect(paged.body).toMatchObject({ page: 2, limit: 1, total: 4 });
      expect(paged.body.items.map((s: { id: string }) => s.id)).toEqual([ids[2]]);

      const byProvider = await t
        .http()
        .get(`/admin/sessions?operatorId=${op.id}&providerId=${b2b.id}`)
        .set(t.adminAuth);
      expect(byProvider.body.items.map((s: { id: string }) => s.id)).toEqual([ids[1]]);
      const demos = await t.http().get(`/admin/sessions?operatorId=${op.id}&mode=demo`).set(t.adminAuth);
      expect(demos.body.items.map((s: { id: string }) => s.id)).toEqual([ids[3]]);
      const byUser = await t.http().get(`/admin/sessions?operatorId=${op.id}&userId=adm-2`).set(t.adminAuth);
      expect(byUser.body.items.map((s: { id: string }) => s.id)).toEqual([ids[2]]);

      const closed = await t.http().post(`/admin/sessions/${ids[0]}/close`).set(t.adminAuth);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ id: ids[0], status: 'closed', closeReason: 'admin' });
      expect(closed.body.closedAt).toEqual(expect.any(String));
      const again = await t.http().post(`/admin/sessions/${ids[0]}/close`).set(t.adminAuth);
      expect(again.status).toBe(409);
      expect(again.body.error).toBe('SESSION_NOT_ACTIVE');
      const active = await t.http().get(`/admin/sessions?operatorId=${op.id}&status=active`).set(t.adminAuth);
      expect(active.body.total).toBe(3);
      const closedList = await t
        .http()
        .get(`/admin/sessions?operatorId=${op.id}&status=closed`)
        .set(t.adminAuth);
      expect(closedList.body.items.map((s: { id: string }) => s.id)).toEqual([ids[0]]);

      // An idle session reads expired.
      await db.query(`UPDATE game_sessions SET last_seen_at = now() - interval '5 hours' WHERE id = $1`, [
        ids[1],
      ]);
      const expired = await t
        .http()
        .get(`/admin/sessions?operatorId=${op.id}&status=expired`)
        .set(t.adminAuth);
      expect(expired.body.items.map((s: { id: string }) => s.id)).toEqual([ids[1]]);

      const missing = await t
        .http()
        .post('/admin/sessions/00000000-0000-4000-8000-000000000000/close')
        .set(t.adminAuth);
      expect(missing.status).toBe(404);
      expect(missing.body.error).toBe('SESSION_NOT_FOUND');
      expect((await t.http().post('/admin/sessions/nope/close').set(t.adminAuth)).status).toBe(400);
    });

    it('refuses bad filters with 400', async () => {
      for (const q of [
        'operatorId=x',
        'status=open',
        'mode=fun',
        'from=yesterday',
        'limit=0',
        'page=0',
        'from=2024-05-02&to=2024-05-01',
        'extra=1',
      ]) {
        const res = await t.http().get(`/admin/sessions?${q}`).set(t.adminAuth);
        expect({ q, status: res.status }).toEqual({ q, status: 400 });
      }
    });
  });
});
