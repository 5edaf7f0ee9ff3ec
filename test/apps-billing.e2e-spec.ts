import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Money } from '@app/common';
import { ReferenceCasino } from '@app/sim';
import { BalanceQuery, TransferCommand } from '@app/wallet';
import { AppsGameServer, appsSimSign, type AppsExchange } from '../apps/sim/src/games/apps';
import { newGames, newProvider, type CreatedProvider } from './support/catalogue-builders';
import { balanceMismatches, postingSums, unbalancedTransactions } from './support/ledger-assertions';
import { newOperator, type CreatedOperator } from './support/operator-builders';
import { seedSession, type SessionSeed, type SeededSession } from './support/session-builders';
import { eventually } from './support/eventually';
import { createTestApp, type TestApp } from './support/test-app';

const IDLE_TTL_S = 600;
const CALL_TIMEOUT_MS = 1000;

describe('apps billing `POST /callbacks/apps/{code}/do` (real PostgreSQL, Redis, reference casino)', () => {
  let t: TestApp;
  let db: DataSource;
  let casino: ReferenceCasino;
  let provider: CreatedProvider;
  let gameId: string;
  let server: AppsGameServer;
  const operators: Partial<Record<'internal' | 'seamless', CreatedOperator>> = {};

  beforeAll(async () => {
    t = await createTestApp({
      listen: true,
      workers: true,
      env: { SESSION_IDLE_TTL_S: String(IDLE_TTL_S), WALLET_CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS) },
    });
    db = t.app.get(getDataSourceToken());
    casino = new ReferenceCasino();
    await casino.start();
    provider = await newProvider(t, 'apps');
    gameId = (await newGames(t, provider.code, 1))[0].id;
    server = new AppsGameServer({
      callbackBaseUrl: t.url,
      providerCode: provider.code,
      salt: provider.config.salt as string,
    });
    operators.internal = await newOperator(t, { walletMode: 'internal', currencies: ['EUR'] });
    operators.seamless = await newOperator(t, {
      walletMode: 'seamless',
      walletUrl: casino.walletUrl,
      currencies: ['EUR'],
    });
    casino.setSecret(operators.seamless.secret);
    casino.setOperatorId(operators.seamless.id);
  });

  afterEach(async () => {
    casino.clearFaults();
    expect(Object.values(await postingSums(db)).every((v) => Money.fromDb(v).isZero())).toBe(true);
    expect(await unbalancedTransactions(db)).toEqual([]);
    expect(await balanceMismatches(db)).toEqual([]);
  });

  afterAll(async () => {
    await t?.close();
    await casino?.stop();
  });

  const eur = (s: string) => Money.parseDecimal(s, { maxDecimals: 2 });

  /** A player with `balance` EUR in this wallet mode, and a game session of the apps provider. */
  async function player(
    mode: 'internal' | 'seamless',
    balance = '10.00',
    seed: Partial<SessionSeed> = {},
  ): Promise<SeededSession> {
    const op = operators[mode]!;
    const userId = `ap-${randomUUID().slice(0, 8)}`;
    if (mode === 'seamless') {
      casino.upsertPlayer({ userId, token: `tok-${userId}`, currency: 'EUR', balance });
    } else if (balance !== '0') {
      await t.app.get(TransferCommand, { strict: false }).execute({
        party: { operatorId: op.id, walletMode: 'internal', playerId: userId, currency: 'EUR' },
        direction: 'deposit',
        transactionId: randomUUID(),
        amount: eur(balance),
      });
    }
    return seedSession(t, {
      operatorId: op.id,
      walletMode: mode,
      providerId: provider.id,
      gameId,
      currency: 'EUR',
      userId,
      ...seed,
    });
  }

  /** The player's balance in the wallet of record (our ledger, or the casino for seamless). */
  async function balanceOf(mode: 'internal' | 'seamless', s: SeededSession): Promise<Money> {
    if (mode === 'seamless') return Money.parseDecimal(casino.player(s.userId).balance, { maxDecimals: 8 });
    const b = await t.app.get(BalanceQuery, { strict: false }).execute({
      operatorId: operators.internal!.id,
      walletMode: 'internal',
      playerId: s.userId,
      currency: 'EUR',
    });
    return b ?? Money.zero();
  }

  const movedRows = async (s: SeededSession): Promise<number> => {
    const rows: { n: string }[] = await db.query(
      `SELECT count(*)::text AS n FROM wallet_transactions WHERE player_id = $1 AND kind IN ('bet', 'win', 'refund') AND status = 'committed' AND amount <> 0`,
      [s.userId],
    );
    return Number(rows[0].n);
  };

  const ok = (x: AppsExchange, balanceKopecks: number) => {
    expect(x.httpStatus).toBe(200);
    expect(x.answer).toEqual({ status: 'OK', balance: balanceKopecks, currency: 'EUR' });
  };

  describe.each(['internal', 'seamless'] as const)('%s wallet', (mode) => {
    it('balance request answers the wallet balance in kopecks; nothing is stored', async () => {
      const s = await player(mode, '12.34');
      ok(await server.balance(s.token), 1234);
      expect(await movedRows(s)).toBe(0);
    });

    it('a round: bet, then win in its game_uuid; loss = the null payout', async () => {
      const s = await player(mode, '10.00');
      const r1 = await server.playRound(s.token, { bet: 100, win: 250 });
      ok(r1.bet, 900);
      ok(r1.win!, 1150);
      const r2 = await server.playRound(s.token, { bet: 150, win: 0 });
      ok(r2.bet, 1000);
      ok(r2.win!, 1000);
      expect((await balanceOf(mode, s)).eq(eur('10.00'))).toBe(true);
    });

    it('bad or missing sign → sign_not_found, nothing moves', async () => {
      const s = await player(mode);
      const body = server.body(s.token, 100, 0);
      for (const sign of [
        '0'.repeat(32),
        body.sign.slice(0, 31),
        appsSimSign(s.token, body.trx_id, 'wrong'),
        '',
      ]) {
        const x = await server.send({ ...body, sign }, { resign: false });
        expect(x.answer).toEqual({ status: 'sign_not_found' });
      }
      const { sign: _omit, ...unsigned } = body;
      expect((await server.send(unsigned, { resign: false })).answer).toEqual({ status: 'sign_not_found' });
      expect(await movedRows(s)).toBe(0);
      expect((await balanceOf(mode, s)).eq(eur('10.00'))).toBe(true);
    });

    it('unknown session → session_not_found', async () => {
      const x = await server.bet(`nope-${randomUUID()}`, 100);
      expect(x.httpStatus).toBe(200);
      expect(x.answer).toEqual({ status: 'session_not_found' });
    });

    it('insufficient funds → not_enough_money with the balance; its repeat answers the same, nothing moves', async () => {
      const s = await player(mode, '1.00');
      const x = await server.bet(s.token, 101);
      expect(x.answer).toEqual({ status: 'not_enough_money', balance: 100, currency: 'EUR' });
      expect((await server.repeat(x)).answer).toEqual({
        status: 'not_enough_money',
        balance: 100,
        currency: 'EUR',
      });
      expect(await movedRows(s)).toBe(0);
      expect((await balanceOf(mode, s)).eq(eur('1.00'))).toBe(true);
    });

    it('a duplicate bet or win answers OK with the current balance and moves nothing', async () => {
      const s = await player(mode, '10.00');
      const bet = await server.bet(s.token, 300, { gameUuid: 'dup-1' });
      ok(bet, 700);
      const win = await server.win(s.token, 50, { gameUuid: 'dup-1' });
      ok(win, 750);
      ok(await server.repeat(bet), 750);
      ok(await server.repeat(win), 750);
      ok(await server.repeat(bet), 750);
      expect(await movedRows(s)).toBe(2);
      expect((await balanceOf(mode, s)).eq(eur('7.50'))).toBe(true);
    });

    it('the same trx_id with other amounts (conflict) answers the current balance and moves nothing', async () => {
      const s = await player(mode, '10.00');
      const trxId = randomUUID();
      ok(await server.bet(s.token, 100, { trxId }), 900);
      ok(await server.bet(s.token, 500, { trxId }), 900);
      ok(await server.win(s.token, 500, { trxId }), 900);
      ok(await server.betWin(s.token, 100, 500, { trxId }), 900);
      expect(await movedRows(s)).toBe(1);
    });

    it('bet and win in one request are one movement; refused whole when minus > balance', async () => {
      const s = await player(mode, '2.00');
      ok(await server.betWin(s.token, 150, 400), 450);
      // 4.50 < 5.00: refused although plus would cover it; plus is not credited either.
      const refused = await server.betWin(s.token, 500, 10_000);
      expect(refused.answer).toEqual({ status: 'not_enough_money', balance: 450, currency: 'EUR' });
      expect((await balanceOf(mode, s)).eq(eur('4.50'))).toBe(true);
      const repeat = await server.repeat(refused);
      expect(repeat.answer).toEqual({ status: 'not_enough_money', balance: 450, currency: 'EUR' });
      expect(await movedRows(s)).toBe(2);
    });

    it('a cancelled bet (refill in its game_uuid) after the bet restores the balance; before the bet it nets out', async () => {
      const s = await player(mode, '10.00');
      ok(await server.bet(s.token, 400, { gameUuid: 'pkg-1' }), 600);
      const cancel = await server.cancel(s.token, 400, 'pkg-1');
      ok(cancel, 1000);
      ok(await server.repeat(cancel), 1000);
      // Cancellation arriving before its bet: the refill is booked, then the late bet takes it back.
      ok(await server.cancel(s.token, 200, 'pkg-2'), 1200);
      ok(await server.bet(s.token, 200, { gameUuid: 'pkg-2' }), 1000);
      expect((await balanceOf(mode, s)).eq(eur('10.00'))).toBe(true);
    });

    it.each([
      ['idle past SESSION_IDLE_TTL_S', { idleSeconds: IDLE_TTL_S + 60 }],
      ['closed', { status: 'closed' as const, closeReason: 'admin' as const }],
      ['superseded', { status: 'closed' as const, closeReason: 'superseded' as const }],
    ])(
      'session %s: the win and the null payout still settle; a bet and a balance request are refused',
      async (_n, seed) => {
        const s = await player(mode, '10.00', seed);
        ok(await server.win(s.token, 120, { gameUuid: 'late-1' }), 1120);
        ok(await server.loss(s.token, 'late-2'), 1120);
        expect((await server.bet(s.token, 100)).answer).toEqual({ status: 'session_not_found' });
        expect((await server.betWin(s.token, 100, 100)).answer).toEqual({ status: 'session_not_found' });
        expect((await server.balance(s.token)).answer).toEqual({ status: 'session_not_found' });
        expect(await movedRows(s)).toBe(1);
        expect((await balanceOf(mode, s)).eq(eur('11.20'))).toBe(true);
      },
    );

    it('a blocked player cannot bet; a win still settles', async () => {
      const s = await player(mode, '10.00', { blocked: true });
      expect((await server.bet(s.token, 100)).answer).toEqual({ status: 'session_not_found' });
      ok(await server.win(s.token, 100), 1100);
    });

    it('concurrent bets on one player never overdraw it', async () => {
      const s = await player(mode, '5.00');
      const answers = await Promise.all(Array.from({ length: 20 }, () => server.bet(s.token, 50)));
      const statuses = answers.map((a) => a.answer.status);
      expect(statuses.filter((x) => x === 'OK')).toHaveLength(10);
      expect(statuses.filter((x) => x === 'not_enough_money')).toHaveLength(10);
      expect((await balanceOf(mode, s)).isZero()).toBe(true);
      expect(await movedRows(s)).toBe(10);
    });

    it('a duplicate racing its original is applied once', async () => {
      const s = await player(mode, '5.00');
      const body = server.body(s.token, 120, 80);
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => server.send(body, { resign: false })),
      );
      for (const a of answers) ok(a, 460);
      expect((await balanceOf(mode, s)).eq(eur('4.60'))).toBe(true);
      expect(await movedRows(s)).toBe(2);
    });
  });

  describe('demo session', () => {
    it('plays against a fixed demo balance and never stores or moves money', async () => {
      const s = await player('internal', '0', { mode: 'demo' });
      ok(await server.balance(s.token), 100_000);
      ok(await server.bet(s.token, 500), 100_000);
      expect((await server.bet(s.token, 100_001)).answer).toEqual({
        status: 'not_enough_money',
        balance: 100_000,
        currency: 'EUR',
      });
      const rows: unknown[] = await db.query(`SELECT 1 FROM wallet_transactions WHERE session_id = $1`, [
        s.id,
      ]);
      expect(rows).toEqual([]);
    });
  });

  describe('seamless: the casino cannot answer a bet', () => {
    it.each([
      ['timeout', { mode: 'slow' as const, delayMs: CALL_TIMEOUT_MS * 3, applied: true }],
      ['HTTP 500 after applying it', { mode: 'fail' as const, applied: true }],
      ['connection dropped', { mode: 'down' as const, applied: true }],
    ])('%s → not_enough_money, and the compensating refund gives the money back', async (_n, fault) => {
      const s = await player('seamless', '10.00');
      casino.setFault({ action: 'move-funds', moveType: 'bet', times: 1, ...fault });
      const x = await server.bet(s.token, 300);
      expect(x.httpStatus).toBe(200);
      expect(x.answer).toMatchObject({ status: 'not_enough_money', currency: 'EUR' });
      const refunds = await eventually('the compensating refund reaches the casino', async () => {
        const calls = casino.calls({ action: 'move-funds', userId: s.userId, moveType: 'refund' });
        return calls.some((c) => c.httpStatus === 200) ? calls : undefined;
      });
      expect(refunds.length).toBeGreaterThan(0);
      expect((await balanceOf('seamless', s)).eq(eur('10.00'))).toBe(true);
      const rows: { status: string }[] = await db.query(
        `SELECT status FROM wallet_transactions WHERE player_id = $1 AND kind = 'bet'`,
        [s.userId],
      );
      expect(rows).toEqual([{ status: 'failed' }]);
      // The game server's retry of the same trx_id gets the same failure, not a second bet.
      expect((await server.repeat(x)).answer).toMatchObject({ status: 'not_enough_money' });
      expect(casino.calls({ action: 'move-funds', userId: s.userId, moveType: 'bet' })).toHaveLength(1);
    });

    it('a casino refusal of a blocked player → session_not_found', async () => {
      const s = await player('seamless', '10.00');
      casino.setFault({
        action: 'move-funds',
        moveType: 'bet',
        mode: 'refuse',
        code: 'PLAYER_BLOCKED',
        times: 1,
      });
      expect((await server.bet(s.token, 100)).answer).toEqual({ status: 'session_not_found' });
      expect((await balanceOf('seamless', s)).eq(eur('10.00'))).toBe(true);
    });
  });

  describe('edge: every malformed input answers in the protocol, HTTP 200, nothing moves', () => {
    let s: SeededSession;
    beforeAll(async () => {
      s = await player('internal', '10.00');
    });

    const signed = (patch: Record<string, unknown>, remove: string[] = []) => {
      const body: Record<string, unknown> = { ...server.body(s.token, 100, 0), ...patch };
      for (const k of remove) delete body[k];
      return body;
    };

    it.each<[string, string, Record<string, unknown> | string]>([
      ['not JSON', 'session_not_found', '{"method":"do","session":'],
      ['a JSON array', 'session_not_found', '[1,2]'],
      ['a JSON string', 'session_not_found', '"do"'],
      ['empty body', 'session_not_found', ''],
    ])('%s → %s', async (_n, status, body) => {
      const x = await server.send(body);
      expect(x.httpStatus).toBe(200);
      expect(x.answer).toEqual({ status });
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['method missing', {}, ['method']],
      ['method unknown', { method: 'withdraw' }, []],
      ['session missing', {}, ['session']],
      ['session a number', { session: 42 }, []],
      ['trx_id missing', {}, ['trx_id']],
      ['trx_id an object', { trx_id: { id: 1 } }, []],
      ['minus missing', {}, ['minus']],
      ['minus negative', { minus: -100 }, []],
      ['minus fractional kopecks', { minus: 1.5 }, []],
      ['minus as text with spaces', { minus: ' 100' }, []],
      ['minus a boolean', { minus: true }, []],
      ['minus null', { minus: null }, []],
      ['minus huge', { minus: '1000000000000000000000000' }, []],
      ['plus missing', {}, ['plus']],
      ['plus negative', { plus: '-1' }, []],
      ['plus an object', { plus: { v: 1 } }, []],
      ['tag missing', {}, ['tag']],
      ['tag a string', { tag: 'slot' }, []],
      ['tag.game_id empty on a bet', { tag: { game: 'slot', game_id: '', game_uuid: 5 } }, []],
      ['tag.game_uuid an array', { tag: { game: 'slot', game_id: 'a_op', game_uuid: [1] } }, []],
    ])('%s → session_not_found', async (_n, patch, remove) => {
      const x = await server.send(signed(patch, remove));
      expect(x.httpStatus).toBe(200);
      expect(x.answer).toEqual({ status: 'session_not_found' });
    });

    it.each([
      ['exponent', '1e2'],
      ['a written fraction', '100.0'],
    ])('a JSON number amount in %s notation is refused, not rounded', async (_n, text) => {
      const body = server.body(s.token, 0, 0);
      const raw = JSON.stringify({ ...body, minus: '__AMOUNT__' }).replace('"__AMOUNT__"', text);
      expect((await server.send(raw)).answer).toEqual({ status: 'session_not_found' });
    });

    afterAll(async () => {
      expect(await movedRows(s)).toBe(0);
    });
  });

  describe('edge: provider resolution, allowlist, internal errors, metrics', () => {
    it('unknown provider code and a provider of another protocol → session_not_found', async () => {
      const s = await player('internal');
      const other = await newProvider(t, 'slotegrator');
      for (const code of ['no-such-apps', other.code]) {
        const x = await server.send(server.body(s.token, 100, 0), { providerCode: code });
        expect(x.httpStatus).toBe(200);
        expect(x.answer).toEqual({ status: 'session_not_found' });
      }
      expect(await movedRows(s)).toBe(0);
    });

    it('a disabled provider → session_not_found', async () => {
      const off = await newProvider(t, 'apps', { enabled: false });
      const offServer = new AppsGameServer({
        callbackBaseUrl: t.url,
        providerCode: off.code,
        salt: off.config.salt as string,
      });
      expect((await offServer.balance('whatever')).answer).toEqual({ status: 'session_not_found' });
    });

    it('a caller off the allowlist → sign_not_found, even correctly signed; on it → served', async () => {
      const fenced = await newProvider(t, 'apps', { allowedIps: ['10.20.30.40'] });
      const open = await newProvider(t, 'apps', { allowedIps: ['127.0.0.1'] });
      for (const [p, expected] of [
        [fenced, { status: 'sign_not_found' }],
        [open, { status: 'OK', balance: 1000, currency: 'EUR' }],
      ] as const) {
        const g = (await newGames(t, p.code, 1))[0].id;
        const s = await seedSession(t, {
          operatorId: operators.internal!.id,
          walletMode: 'internal',
          providerId: p.id,
          gameId: g,
          currency: 'EUR',
        });
        await t.app.get(TransferCommand, { strict: false }).execute({
          party: {
            operatorId: operators.internal!.id,
            walletMode: 'internal',
            playerId: s.userId,
            currency: 'EUR',
          },
          direction: 'deposit',
          transactionId: randomUUID(),
          amount: eur('10.00'),
        });
        const gs = new AppsGameServer({
          callbackBaseUrl: t.url,
          providerCode: p.code,
          salt: p.config.salt as string,
        });
        expect((await gs.balance(s.token)).answer).toEqual(expected);
      }
    });

    it('an unexpected internal error → HTTP 200 session_not_found, nothing half-applied', async () => {
      const s = await player('internal', '10.00');
      await db.query(`ALTER TABLE rounds RENAME TO rounds_away`);
      try {
        const x = await server.betWin(s.token, 100, 50);
        expect(x.httpStatus).toBe(200);
        expect(x.rawAnswer).toBe('{"status":"session_not_found"}');
      } finally {
        await db.query(`ALTER TABLE rounds_away RENAME TO rounds`);
      }
      expect(await movedRows(s)).toBe(0);
      expect((await balanceOf('internal', s)).eq(eur('10.00'))).toBe(true);
    });

    it('counts calls in /metrics by protocol, action and outcome', async () => {
      const s = await player('internal', '10.00');
      await server.bet(s.token, 100);
      await server.bet(s.token, 100_000);
      const res = await t.http().get('/metrics');
      expect(res.text).toMatch(/protocol_callbacks_total\{protocol="apps",action="bet",outcome="ok"\} [1-9]/);
      expect(res.text).toMatch(
        /protocol_callbacks_total\{protocol="apps",action="bet",outcome="not_enough_money"\} [1-9]/,
      );
      expect(res.text).toMatch(
        /protocol_callbacks_total\{protocol="apps",action="balance",outcome="ok"\} [1-9]/,
      );
    });
  });
});
