import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { Money } from '@app/common';
import { ReferenceCasino } from '@app/sim';
import { TransferCommand } from '@app/wallet';
import { B2bGameServer, type B2bGameSession, type B2bSimAnswer } from '../apps/sim/src/games/b2b';
import { newGames, newProvider, type CreatedProvider } from './support/catalogue-builders';
import { balanceMismatches, postingSums, unbalancedTransactions } from './support/ledger-assertions';
import { newOperator, type CreatedOperator } from './support/operator-builders';
import { signedPost } from './support/operator-sign';
import { seedSession, type SessionSeed } from './support/session-builders';
import { eventually as eventuallyWithin } from './support/eventually';
import { createTestApp, type TestApp } from './support/test-app';

const ALREADY = 'transaction has already proceeded';
const IDLE_BEYOND_TTL_S = 10 * 24 * 3600;

const norm = (s: string) => Money.parseDecimal(s, { maxDecimals: 8 }).toString();
const code = (a: B2bSimAnswer) => a.answer.error_code;

const eventually = <T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20000) =>
  eventuallyWithin(what, check, timeoutMs);

describe.each(['internal', 'seamless'] as const)(
  'b2b callbacks (%s wallet, real DB, simulator over HTTP)',
  (walletMode) => {
    let t: TestApp;
    let db: DataSource;
    let casino: ReferenceCasino;
    let op: CreatedOperator;
    let provider: CreatedProvider;
    let gameId: string;
    let sim: B2bGameServer;

    const fund = async (userId: string, amount: string): Promise<void> => {
      if (walletMode === 'seamless') {
        casino.upsertPlayer({ userId, token: `tok-${userId}`, currency: 'EUR', balance: amount });
        return;
      }
      if (amount === '0') return;
      await t.app.get(TransferCommand, { strict: false }).execute({
        party: { operatorId: op.id, walletMode, playerId: userId, currency: 'EUR' },
        direction: 'deposit',
        transactionId: randomUUID(),
        amount: Money.parseDecimal(amount, { maxDecimals: 5 }),
      });
    };
    const balanceOf = async (userId: string): Promise<string> => {
      if (walletMode === 'seamless') return norm(casino.player(userId).balance);
      const rows: { balance: string }[] = await db.query(
        `SELECT balance::text FROM accounts WHERE kind = 'player' AND operator_id = $1 AND player_id = $2`,
        [op.id, userId],
      );
      return rows[0] ? Money.fromDb(rows[0].balance).toString() : '0';
    };
    /** Movements of a player by this provider in our ledger (transactions with postings; deposits aside). */
    const movements = async (userId: string): Promise<number> => {
      const rows: { n: string }[] = await db.query(
        `SELECT count(DISTINCT p.transaction_id)::text AS n FROM postings p JOIN wallet_transactions w ON w.id = p.transaction_id
        WHERE w.operator_id = $1 AND w.player_id = $2 AND w.provider_id = $3`,
        [op.id, userId, provider.id],
      );
      return Number(rows[0].n);
    };
    /** A funded player, launched and authenticated: the game session the simulator plays on. */
    const player = async (
      balance = '100',
      seed: Partial<SessionSeed> = {},
    ): Promise<B2bGameSession & { sessionId: string; opUserId: string }> => {
      const userId = `u${randomUUID().slice(0, 8)}`;
      await fund(userId, balance);
      const s = await seedSession(t, {
        operatorId: op.id,
        walletMode,
        providerId: provider.id,
        gameId,
        currency: 'EUR',
        userId,
        withAuthToken: true,
        ...seed,
      });
      // The launch URL names the player by our player id (B2bLaunchUrlBuilder); the wallet by the operator's.
      const { exchange, session } = await sim.auth({
        userId: s.playerId!,
        authToken: s.authToken!,
        currency: 'EUR',
      });
      if (!session) throw new Error(`auth refused: ${JSON.stringify(exchange.answer)}`);
      return { ...session, sessionId: s.id, opUserId: userId };
    };

    beforeAll(async () => {
      t = await createTestApp({ listen: true, workers: walletMode === 'seamless' });
      db = t.app.get(getDataSourceToken());
      casino = new ReferenceCasino();
      await casino.start();
      op = await newOperator(t, {
        walletMode,
        ...(walletMode === 'seamless' ? { walletUrl: casino.walletUrl } : {}),
        currencies: ['EUR'],
      });
      casino.setSecret(op.secret);
      casino.setOperatorId(op.id);
      provider = await newProvider(t, 'b2b', { config: { operatorId: '42' } });
      [{ id: gameId }] = await newGames(t, provider.code, 1, { prefix: 'BookOfRaClassic' });
      sim = new B2bGameServer({ callbackBaseUrl: t.url, providerCode: provider.code });
    });

    afterEach(() => casino.clearFaults());

    afterAll(async () => {
      await sim.close();
      await casino.stop();
      await t.close();
    });

    it('a round: bet then win; a loss settles with credit 0', async () => {
      const p = await player('100');
      const round = await sim.playRound(p, '10.5', '21.25');
      expect(round.bet.answer.answer).toMatchObject({ error_code: 0, balance: '89.50000', operator_id: 42 });
      expect(round.win!.answer.answer).toMatchObject({ error_code: 0, balance: '110.75000' });
      const lossRound = await sim.playRound(p, '0.75', '0');
      expect(lossRound.win!.answer.answer).toMatchObject({ error_code: 0, balance: '110.00000' });
      await eventually('balance', async () =>
        (await balanceOf(p.opUserId)) === norm('110') ? true : undefined,
      );
      const rounds: { status: string }[] = await db.query(
        `SELECT status FROM rounds WHERE provider_id = $1 AND player_id = $2`,
        [provider.id, p.opUserId],
      );
      expect(rounds.map((r) => r.status)).toEqual(['closed', 'closed']);
    });

    it('unknown game token: 4, nothing moves; the user_id must be the session’s (5)', async () => {
      const p = await player('50');
      expect(code(await sim.bet({ ...p, gameToken: 'no-such-token' }, '1'))).toBe(4);
      expect(code(await sim.bet({ ...p, userId: 'someone-else' }, '1'))).toBe(5);
      expect(code(await sim.bet({ ...p, currency: 'USD' }, '1'))).toBe(1);
      expect(await balanceOf(p.opUserId)).toBe(norm('50'));
      expect(await movements(p.opUserId)).toBe(0);
    });

    it('insufficient funds: 3, and its repeat answers 3 "already proceeded"; nothing moves', async () => {
      const p = await player('5');
      const tx = randomUUID();
      const first = await sim.bet(p, '5.00001', { transactionId: tx });
      expect(first.answer).toMatchObject({ error_code: 3, transaction_id: tx, balance: '5.00000' });
      const again = await sim.repeatLast();
      expect(again.answer).toMatchObject({ error_code: 3, error_description: ALREADY, transaction_id: tx });
      expect(await balanceOf(p.opUserId)).toBe(norm('5'));
      expect(await movements(p.opUserId)).toBe(0);
    });

    it('a duplicate debit gets the original answer and moves nothing; another amount on the same id is a conflict', async () => {
      const p = await player('20');
      const tx = randomUUID();
      const first = await sim.bet(p, '3', { transactionId: tx });
      expect(first.answer).toMatchObject({ error_code: 0, balance: '17.00000' });
      const dup = await sim.repeatLast();
      expect(dup.answer).toMatchObject({ error_code: 0, error_description: ALREADY, balance: '17.00000' });
      const conflict = await sim.bet(p, '4', { transactionId: tx });
      expect(conflict.answer.error_code).toBe(1);
      expect(conflict.answer.error_description).not.toBe(ALREADY);
      expect(await balanceOf(p.opUserId)).toBe(norm('17'));
      expect(await movements(p.opUserId)).toBe(1);
    });

    it('rollback after the debit returns it once; a rollback with another amount is refused', async () => {
      const p = await player('20');
      const tx = randomUUID();
      expect(code(await sim.bet(p, '6', { transactionId: tx }))).toBe(0);
      const wrong = await sim.rollback(p, tx, '5');
      expect(wrong.answer.error_code).toBe(1);
      const tx2 = randomUUID();
      expect(code(await sim.bet(p, '4', { transactionId: tx2 }))).toBe(0);
      const rb = await sim.rollback(p, tx2, '4');
      expect(rb.answer).toMatchObject({ error_code: 0, transaction_id: tx2, balance: '14.00000' });
      const rbAgain = await sim.repeatLast();
      expect(rbAgain.answer).toMatchObject({ error_code: 0, error_description: ALREADY });
      await eventually('refund applied', async () =>
        (await balanceOf(p.opUserId)) === norm('14') ? true : undefined,
      );
    });

    it('rollback before its debit: answered ok with no movement, and the late debit is refused', async () => {
      const p = await player('20');
      const tx = randomUUID();
      const rb = await sim.rollback(p, tx, '7');
      expect(rb.answer).toMatchObject({ error_code: 0, transaction_id: tx, balance: '20.00000' });
      const late = await sim.bet(p, '7', { transactionId: tx });
      expect(late.answer.error_code).toBe(1);
      expect(await balanceOf(p.opUserId)).toBe(norm('20'));
      expect(await movements(p.opUserId)).toBe(0);
    });

    it('a win and a rollback settle after the session expired or was superseded; a bet there is refused (4)', async () => {
      const p = await player('30');
      const tx = randomUUID();
      expect(code(await sim.bet(p, '10', { transactionId: tx, turnId: 991 }))).toBe(0);
      expect(code(await sim.bet(p, '5', { turnId: 992 }))).toBe(0);
      await db.query(
        `UPDATE game_sessions SET last_seen_at = now() - make_interval(secs => $2) WHERE id = $1`,
        [p.sessionId, IDLE_BEYOND_TTL_S],
      );
      await t.sessionsEdited();
      expect(await sim.bet(p, '1')).toMatchObject({ answer: { error_code: 4 } });
      expect(await sim.win(p, '25', { turnId: 991 })).toMatchObject({ answer: { error_code: 0 } });

      await db.query(
        `UPDATE game_sessions SET status = 'closed', close_reason = 'superseded', closed_at = now() WHERE id = $1`,
        [p.sessionId],
      );
      await t.sessionsEdited();
      expect(await sim.bet(p, '1')).toMatchObject({ answer: { error_code: 4 } });
      const rb = await sim.rollback(p, (await firstTx(p.opUserId, 992)) ?? '', '5');
      expect(rb.answer.error_code).toBe(0);
      await eventually('settled', async () =>
        (await balanceOf(p.opUserId)) === norm('45') ? true : undefined,
      );
    });

    const firstTx = async (userId: string, turn: number): Promise<string | undefined> => {
      const rows: { external_id: string }[] = await db.query(
        `SELECT external_id FROM wallet_transactions WHERE player_id = $1 AND provider_round_id = $2 AND kind = 'bet'`,
        [userId, String(turn)],
      );
      return rows[0]?.external_id;
    };

    it('concurrent bets on one player never overdraw', async () => {
      const p = await player('10');
      const answers = await Promise.all(Array.from({ length: 16 }, () => sim.bet(p, '1')));
      const outcomes = answers.map((a) => `${a.answer.error_code} ${a.answer.error_description}`).sort();
      expect(outcomes).toEqual([
        ...Array.from({ length: 10 }, () => '0 ok'),
        ...Array.from({ length: 6 }, () => '3 insufficient funds'),
      ]);
      expect(await balanceOf(p.opUserId)).toBe(norm('0'));
    });

    it('the books balance', async () => {
      expect(Object.values(await postingSums(db)).every((s) => Number(s) === 0)).toBe(true);
      expect(await balanceMismatches(db)).toEqual([]);
      expect(await unbalancedTransactions(db)).toEqual([]);
    });

    if (walletMode === 'seamless') {
      it('a bet whose outcome at the casino is unknown: failure answer (1) and a compensating refund', async () => {
        const p = await player('40');
        casino.setFault({ action: 'move-funds', moveType: 'bet', mode: 'fail', applied: true, times: 1 });
        const tx = randomUUID();
        const bet = await sim.bet(p, '15', { transactionId: tx });
        expect(bet.answer).toMatchObject({ error_code: 1, transaction_id: tx });
        await eventually('compensating refund reaches the casino', async () =>
          casino.calls({ action: 'move-funds', userId: p.opUserId, moveType: 'refund' }).length > 0
            ? true
            : undefined,
        );
        await eventually('casino balance restored', async () =>
          (await balanceOf(p.opUserId)) === norm('40') ? true : undefined,
        );
        // The integrator's rollback of that debit is answered and moves nothing more.
        expect(code(await sim.rollback(p, tx, '15'))).toBe(0);
        expect(await balanceOf(p.opUserId)).toBe(norm('40'));
      });

      it('the casino refusing a bet for funds maps to 3', async () => {
        const p = await player('40');
        casino.setFault({
          action: 'move-funds',
          moveType: 'bet',
          mode: 'refuse',
          code: 'INSUFFICIENT_FUNDS',
          times: 1,
        });
        expect(code(await sim.bet(p, '1'))).toBe(3);
        expect(await balanceOf(p.opUserId)).toBe(norm('40'));
      });
    }
  },
);

describe('b2b callbacks: the edge (internal wallet)', () => {
  let t: TestApp;
  let db: DataSource;
  let op: CreatedOperator;
  let provider: CreatedProvider;
  let gameId: string;
  let sim: B2bGameServer;
  let host: FastifyInstance;
  let hostUrl: string;

  const seeded = async (balance: string, seed: Partial<SessionSeed> = {}) => {
    const s = await seedSession(t, {
      operatorId: op.id,
      walletMode: 'internal',
      providerId: provider.id,
      gameId,
      currency: 'EUR',
      withAuthToken: true,
      ...seed,
    });
    if (balance !== '0') {
      await t.app.get(TransferCommand, { strict: false }).execute({
        party: { operatorId: op.id, walletMode: 'internal', playerId: s.userId, currency: 'EUR' },
        direction: 'deposit',
        transactionId: randomUUID(),
        amount: Money.parseDecimal(balance, { maxDecimals: 5 }),
      });
    }
    return s;
  };
  const authed = async (balance = '100', seed: Partial<SessionSeed> = {}) => {
    const s = await seeded(balance, seed);
    const { session } = await sim.auth({ userId: s.playerId!, authToken: s.authToken!, currency: 'EUR' });
    if (!session) throw new Error('auth refused');
    return session;
  };
  const txCount = async (): Promise<number> => {
    const rows: { n: string }[] = await db.query(`SELECT count(*)::text AS n FROM wallet_transactions`);
    return Number(rows[0].n);
  };

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    db = t.app.get(getDataSourceToken());
    op = await newOperator(t, { walletMode: 'internal', currencies: ['EUR'] });
    provider = await newProvider(t, 'b2b', { config: { operatorId: 7 } });
    [{ id: gameId }] = await newGames(t, provider.code, 1, { prefix: 'BookOfRaClassic' });
    sim = new B2bGameServer({ callbackBaseUrl: t.url, providerCode: provider.code, autoplayRounds: 2 });
    host = Fastify();
    sim.routes(host);
    await host.listen({ port: 0, host: '127.0.0.1' });
    const addr = host.server.address();
    hostUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });

  afterAll(async () => {
    await sim.close();
    await host.close();
    await t.close();
  });

  it('the launch landing page authenticates with the one-time auth_token and plays rounds', async () => {
    const s = await seeded('50');
    const url = `${hostUrl}/b2b/games/BookOfRaClassic.game?operator_id=7&user_id=${s.playerId}&auth_token=${s.authToken}&currency=EUR`;
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { handle: string; auth: B2bSimAnswer; rounds: B2bSimAnswer[][] };
    expect(body.auth.answer).toMatchObject({
      error_code: 0,
      operator_id: 7,
      user_id: s.playerId,
      balance: '50.00000',
    });
    expect(body.rounds).toHaveLength(2);
    expect(body.rounds.flat().map(code)).toEqual([0, 0, 0, 0]);
    // bet 1 win 0, bet 1 win 2
    expect(body.rounds[1][1].answer.balance).toBe('50.00000');

    const html = await fetch(url);
    expect(await html.text()).toContain('Auth refused: code 4');
    const page = await fetch(`${hostUrl}/b2b/play/${body.handle}`);
    expect(await page.text()).toContain('50.00000');
  });

  it('end to end: POST /api/v1/sessions gives the launch URL, the simulator lands on it and plays', async () => {
    const gameServerHost = Fastify();
    const launched = await newProvider(t, 'b2b', {
      config: { operatorId: 7, launchBaseUrl: 'http://127.0.0.1:9' },
    });
    const gameServer = new B2bGameServer({
      callbackBaseUrl: t.url,
      providerCode: launched.code,
      autoplayRounds: 2,
    });
    gameServer.routes(gameServerHost);
    await gameServerHost.listen({ port: 0, host: '127.0.0.1' });
    const addr = gameServerHost.server.address();
    const simBase = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const patch = await t
      .http()
      .patch(`/admin/providers/${launched.code}`)
      .set(t.adminAuth)
      .send({ config: { launchBaseUrl: `${simBase}/b2b` } });
    expect(patch.status).toBe(200);
    const [game] = await newGames(t, launched.code, 1, { prefix: 'BookOfRaClassic' });
    const userId = `e2e-${randomUUID().slice(0, 8)}`;
    await t.app.get(TransferCommand, { strict: false }).execute({
      party: { operatorId: op.id, walletMode: 'internal', playerId: userId, currency: 'EUR' },
      direction: 'deposit',
      transactionId: randomUUID(),
      amount: Money.parseDecimal('30', { maxDecimals: 5 }),
    });
    const raw = JSON.stringify({
      userId,
      token: `tok-${userId}`,
      gameId: game.id,
      currency: 'EUR',
      language: 'en',
      mode: 'real',
    });
    const res = await signedPost(t, op, '/api/v1/sessions', raw);
    expect(res.status).toBe(201);
    const url = new URL(res.body.url as string);
    expect(url.pathname).toBe('/b2b/games/BookOfRaClassic-1.game');
    const landing = await fetch(url, { headers: { accept: 'application/json' } });
    const body = (await landing.json()) as { auth: B2bSimAnswer; rounds: B2bSimAnswer[][] };
    expect(body.auth.answer).toMatchObject({
      error_code: 0,
      operator_id: 7,
      user_id: url.searchParams.get('user_id'),
      balance: '30.00000',
      currency: 'EUR',
    });
    expect(body.rounds.flat().map(code)).toEqual([0, 0, 0, 0]);
    expect(body.rounds[1][1].answer.balance).toBe('30.00000');
    // The auth_token was one-time.
    expect(await (await fetch(url)).text()).toContain('Auth refused: code 4');
    await gameServer.close();
    await gameServerHost.close();
  });

  it('auth: a spent, unknown or expired auth_token is 4; a blocked player is 6', async () => {
    const s = await seeded('10');
    expect(
      (await sim.auth({ userId: s.playerId!, authToken: s.authToken!, currency: 'EUR' })).session,
    ).not.toBeNull();
    const again = await sim.auth({ userId: s.playerId!, authToken: s.authToken!, currency: 'EUR' });
    expect(again.exchange.answer.answer).toMatchObject({
      error_code: 4,
      auth_token: s.authToken,
      game_token: '',
    });
    expect(
      (await sim.auth({ userId: s.playerId!, authToken: 'nope', currency: 'EUR' })).exchange.answer.answer
        .error_code,
    ).toBe(4);
    const old = await seeded('10', { idleSeconds: IDLE_BEYOND_TTL_S });
    expect(
      (await sim.auth({ userId: old.playerId!, authToken: old.authToken!, currency: 'EUR' })).exchange.answer
        .answer.error_code,
    ).toBe(4);
    const blocked = await seeded('10', { blocked: true });
    expect(
      (await sim.auth({ userId: blocked.playerId!, authToken: blocked.authToken!, currency: 'EUR' })).exchange
        .answer.answer.error_code,
    ).toBe(6);
  });

  it('a demo session never moves money', async () => {
    const s = await seedSession(t, {
      operatorId: op.id,
      walletMode: 'internal',
      providerId: provider.id,
      gameId,
      currency: 'EUR',
      mode: 'demo',
      withAuthToken: true,
    });
    const { session } = await sim.auth({ userId: s.userId, authToken: s.authToken!, currency: 'EUR' });
    expect(session).not.toBeNull();
    const before = await txCount();
    expect(code(await sim.bet(session!, '1'))).toBe(1);
    expect(code(await sim.win(session!, '1'))).toBe(1);
    expect(await txCount()).toBe(before);
  });

  it('a turn_id above 2^53 is kept exactly as the round id', async () => {
    const p = await authed('10');
    const turn = 18446744073709551557n;
    expect(code(await sim.bet(p, '1', { turnId: turn }))).toBe(0);
    expect(code(await sim.win(p, '2', { turnId: turn }))).toBe(0);
    const rows: { provider_round_id: string; status: string }[] = await db.query(
      `SELECT provider_round_id, status FROM rounds WHERE provider_id = $1 AND provider_round_id = $2`,
      [provider.id, turn.toString()],
    );
    expect(rows).toEqual([{ provider_round_id: turn.toString(), status: 'closed' }]);
  });

  it('malformed JSON, a non-object body, a missing or unknown api: HTTP 200, error 1, nothing moves', async () => {
    const before = await txCount();
    for (const body of [
      '{"api": "do-debit-user-ingame", "data": {',
      '[]',
      '"x"',
      '{}',
      '{"api":"do-fly","data":{}}',
    ]) {
      const x = await sim.sendRaw(body);
      expect(x.status).toBe(200);
      expect(x.answer.success).toBe(true);
      expect(x.answer.answer.error_code).toBe(1);
      expect(x.answer.answer.timestamp).toMatch(/^\d+$/);
    }
    expect((await sim.sendRaw('{"api":"do-fly","data":{}}')).answer.api).toBe('do-fly');
    expect(await txCount()).toBe(before);
  });

  const debitFields: [string, unknown][] = [
    ['user_id', undefined],
    ['user_id', 12],
    ['user_id', 'x'.repeat(129)],
    ['user_ip', 127001],
    ['user_game_token', undefined],
    ['user_game_token', 5],
    ['currency', undefined],
    ['currency', 'E UR'],
    ['turn_id', undefined],
    ['turn_id', -4],
    ['turn_id', 4.5],
    ['turn_id', 'four'],
    ['transaction_id', undefined],
    ['transaction_id', 'x'.repeat(37)],
    ['transaction_id', 99],
    ['game_code', undefined],
    ['game_code', 'seven'],
    ['game_name', undefined],
    ['game_name', 702],
    ['debit_amount', undefined],
    ['debit_amount', 1],
    ['debit_amount', '0'],
    ['debit_amount', '-1'],
    ['debit_amount', '1.000001'],
    ['debit_amount', '1e2'],
    ['debit_amount', 'NaN'],
    ['debit_amount', '12345678901'],
    ['debit_amount', ''],
  ];
  it.each(debitFields)('a debit with %s = %p is refused (1) and moves nothing', async (field, value) => {
    const p = await authed('10');
    const data: Record<string, unknown> = {
      user_id: p.userId,
      user_ip: '127.0.0.1',
      user_game_token: p.gameToken,
      currency: 'EUR',
      turn_id: 4,
      transaction_id: randomUUID(),
      game_code: 702,
      game_name: 'BookOfRaClassic',
      debit_amount: '1.00',
    };
    if (value === undefined) delete data[field];
    else data[field] = value;
    const before = await txCount();
    const x = await sim.send({ api: 'do-debit-user-ingame', data });
    expect(x.status).toBe(200);
    expect(x.answer.answer.error_code).toBe(1);
    expect(x.answer.answer.error_description).toContain(field);
    expect(await txCount()).toBe(before);
  });

  it.each([
    ['do-credit-user-ingame', 'credit_amount', '-1'],
    ['do-credit-user-ingame', 'credit_amount', '0.123456'],
    ['do-rollback-user-ingame', 'rollback_amount', '0'],
    ['do-rollback-user-ingame', 'rollback_amount', undefined],
  ])('%s with %s = %p is refused (1) and moves nothing', async (api, field, value) => {
    const p = await authed('10');
    const data: Record<string, unknown> = {
      user_id: p.userId,
      user_game_token: p.gameToken,
      currency: 'EUR',
      turn_id: 4,
      transaction_id: randomUUID(),
      game_code: 702,
      game_name: 'BookOfRaClassic',
      ...(value === undefined ? {} : { [field]: value }),
    };
    const before = await txCount();
    const x = await sim.send({ api, data });
    expect(x.answer).toMatchObject({ api, success: true, answer: { error_code: 1 } });
    expect(await txCount()).toBe(before);
  });

  it('unknown provider code, another protocol’s provider, a disabled one: error 1', async () => {
    const other = await newProvider(t, 'wallet-v2');
    const disabled = await newProvider(t, 'b2b', { enabled: false });
    const p = await authed('10');
    for (const codeName of ['no-such-provider', other.code, disabled.code]) {
      const s = new B2bGameServer({ callbackBaseUrl: t.url, providerCode: codeName });
      const x = await s.bet(p, '1');
      expect(x.answer.error_code).toBe(1);
      expect(x.answer.error_description).toBe('unknown provider');
      await s.close();
    }
  });

  it('a caller not on the allowlist is refused (1); one on it is served', async () => {
    const fenced = await newProvider(t, 'b2b', { allowedIps: ['10.1.2.3'] });
    const open = await newProvider(t, 'b2b', { allowedIps: ['127.0.0.1'] });
    const s = await seeded('10', { providerId: fenced.id });
    const fencedSim = new B2bGameServer({ callbackBaseUrl: t.url, providerCode: fenced.code });
    const x = await fencedSim.auth({ userId: s.playerId!, authToken: s.authToken!, currency: 'EUR' });
    expect(x.exchange.answer.answer).toMatchObject({
      error_code: 1,
      error_description: 'caller address is not allowed',
    });
    await fencedSim.close();
    const s2 = await seeded('10', { providerId: open.id });
    const openSim = new B2bGameServer({ callbackBaseUrl: t.url, providerCode: open.code });
    expect(
      (await openSim.auth({ userId: s2.playerId!, authToken: s2.authToken!, currency: 'EUR' })).session,
    ).not.toBeNull();
    await openSim.close();
  });

  it('a blocked player may not bet (6) but a running round still settles', async () => {
    const p = await authed('10');
    const tx = randomUUID();
    expect(code(await sim.bet(p, '2', { transactionId: tx, turnId: 555 }))).toBe(0);
    // p.userId is what the launch URL gave the integrator: our player id.
    await db.query(`UPDATE players SET blocked = true WHERE id = $1`, [p.userId]);
    await t.sessionsEdited();
    expect(code(await sim.bet(p, '1'))).toBe(6);
    expect(code(await sim.win(p, '3', { turnId: 555 }))).toBe(0);
  });

  it('counts callbacks in /metrics by action and outcome', async () => {
    const res = await t.http().get('/metrics').expect(200);
    expect(res.text).toMatch(
      /protocol_callbacks_total\{protocol="b2b",action="do-debit-user-ingame",outcome="ok"\} \d+/,
    );
    expect(res.text).toMatch(
      /protocol_callbacks_total\{protocol="b2b",action="do-debit-user-ingame",outcome="1"\} \d+/,
    );
  });
});
