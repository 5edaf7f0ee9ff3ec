import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ConfigService } from '@nestjs/config';
import type { DataSource } from 'typeorm';
import { ProvidersService } from '@app/catalogue';
import { type Env, Money, PinoNestLogger, ROOT_LOGGER } from '@app/common';
import type { Logger as PinoLogger } from 'pino';
import { ReferenceCasino } from '@app/sim';
import { DebitCommand } from '@app/wallet';
import { GameServerHost } from '../apps/sim/src/games/game-server-host';
import {
  WalletV2GameServer,
  type WalletV2Exchange,
  walletV2Json,
  walletV2Time,
} from '../apps/sim/src/games/wallet-v2';
import { UnsignedProvidersWarning } from '../libs/protocols/src/common/unsigned-providers.warning';
import { type CreatedGame, type CreatedProvider, newGames, newProvider } from './support/catalogue-builders';
import { balanceMismatches, postingSums, unbalancedTransactions } from './support/ledger-assertions';
import { type CreatedOperator, newOperator } from './support/operator-builders';
import { operatorHeaders } from './support/operator-sign';
import { type SessionSeed, seedSession } from './support/session-builders';
import { eventually } from './support/eventually';
import { createTestApp, type TestApp } from './support/test-app';

type WalletMode = 'internal' | 'seamless';

const CALL_TIMEOUT_MS = 400;
const IDLE_TTL_S = 3600;
const TIME = /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/;

function expectOk(x: WalletV2Exchange, credit?: number): void {
  expect(x.httpStatus).toBe(200);
  expect(x.answer).toMatchObject({ result: 1, time: expect.stringMatching(TIME) });
  expect(Number.isInteger((x.answer as { credit: unknown }).credit)).toBe(true);
  if (credit !== undefined) expect((x.answer as { credit: number }).credit).toBe(credit);
}

function expectError(x: WalletV2Exchange, result: number, errCode: string): void {
  expect(x.httpStatus).toBe(200);
  expect(x.contentType).toMatch(/^application\/json/);
  expect(x.answer).toEqual({ result, err_code: errCode, err_desc: expect.any(String) });
  expect((x.answer as { err_desc: string }).err_desc.length).toBeGreaterThan(0);
}

describe('wallet-v2 callbacks (real PostgreSQL, Redis, worker; the game-server simulator over HTTP)', () => {
  let t: TestApp;
  let db: DataSource;
  let casino: ReferenceCasino;
  const operators = {} as Record<WalletMode, CreatedOperator>;
  const providers = {} as Record<
    WalletMode,
    { provider: CreatedProvider; game: CreatedGame; server: WalletV2GameServer }
  >;
  const servers: WalletV2GameServer[] = [];

  const txCount = async (): Promise<number> => {
    const rows: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM wallet_transactions`);
    return rows[0].n;
  };

  beforeAll(async () => {
    t = await createTestApp({
      listen: true,
      workers: true,
      env: { WALLET_CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS), SESSION_IDLE_TTL_S: String(IDLE_TTL_S) },
    });
    db = t.app.get(getDataSourceToken());
    casino = new ReferenceCasino();
    await casino.start();
    operators.internal = await newOperator(t, { walletMode: 'internal', currencies: ['USD', 'EUR'] });
    operators.seamless = await newOperator(t, {
      walletMode: 'seamless',
      walletUrl: casino.walletUrl,
      currencies: ['USD', 'EUR'],
    });
    casino.setSecret(operators.seamless.secret);
    casino.setOperatorId(operators.seamless.id);
    for (const mode of ['internal', 'seamless'] as const) {
      const provider = await newProvider(t, 'wallet-v2');
      const [game] = await newGames(t, provider.code, 1);
      providers[mode] = { provider, game, server: simFor(provider) };
    }
  });

  afterEach(async () => {
    casino.clearFaults();
    expect(Object.values(await postingSums(db)).every((v) => Money.fromDb(v).isZero())).toBe(true);
    expect(await unbalancedTransactions(db)).toEqual([]);
    expect(await balanceMismatches(db)).toEqual([]);
  });

  afterAll(async () => {
    for (const s of servers) await s.close();
    await t?.close();
    await casino?.stop();
  });

  function simFor(provider: CreatedProvider): WalletV2GameServer {
    const server = new WalletV2GameServer({
      callbackBaseUrl: t.url,
      providerCode: provider.code,
      walletToken: provider.config.walletToken as string,
    });
    servers.push(server);
    return server;
  }

  /** A funded player with a session on the mode's provider; `balance()` reads the wallet that holds the money. */
  async function player(
    mode: WalletMode,
    start = '100',
    seed: Partial<SessionSeed> & { providerId?: string; gameId?: string } = {},
  ) {
    const op = operators[mode];
    const userId = `u-${randomUUID().slice(0, 8)}`;
    const currency = seed.currency ?? 'USD';
    if (mode === 'internal') {
      const path = `/api/v1/players/${userId}/deposit`;
      const raw = JSON.stringify({ amount: start, currency, transactionId: `dep-${userId}` });
      const res = await t
        .http()
        .post(path)
        .set(operatorHeaders(op, 'POST', path, raw))
        .set('content-type', 'application/json')
        .send(raw);
      expect(res.status).toBe(200);
    } else {
      casino.upsertPlayer({ userId, token: `tok-${userId}`, currency, balance: start });
    }
    const session = await seedSession(t, {
      operatorId: op.id,
      walletMode: mode,
      providerId: providers[mode].provider.id,
      gameId: providers[mode].game.id,
      currency,
      userId,
      ...seed,
    });
    const balance = async (): Promise<string> => {
      if (mode === 'seamless')
        return Money.parseDecimal(casino.player(userId).balance, { maxDecimals: 8 }).toString();
      const rows: { balance: string }[] = await db.query(
        `SELECT balance::text AS balance FROM accounts WHERE kind = 'player' AND owner_key = $1 AND currency = $2`,
        [`${op.id}:${userId}`, currency],
      );
      return rows.length ? Money.fromDb(rows[0].balance).toString() : '0';
    };
    return { userId, code: session.token, session, balance, sim: providers[mode].server };
  }

  it('logs every callback as one structured line: provider, ids, outcome — never the session code', async () => {
    const p = await player('internal', '100');
    const root = t.app.get<symbol, PinoLogger>(ROOT_LOGGER);
    const level = root.level;
    const lines: unknown[][] = [];
    root.level = 'info';
    t.app.useLogger(t.app.get(PinoNestLogger));
    const spy = jest.spyOn(root, 'info').mockImplementation((...args: unknown[]) => void lines.push(args));
    let round: Awaited<ReturnType<WalletV2GameServer['playRound']>>;
    try {
      round = await p.sim.playRound(p.code, 250, 100);
    } finally {
      spy.mockRestore();
      root.level = level;
      t.app.useLogger(false);
    }
    expectOk(round.bet, 9750);
    const callbackLines = lines.filter(([, msg]) => msg === 'wallet-v2 callback');
    expect(callbackLines.map(([fields]) => fields)).toEqual([
      expect.objectContaining({
        protocol: 'wallet-v2',
        provider: providers.internal.provider.code,
        type: 'bet',
        transactionId: String(round.bet.id),
        roundId: String(round.bet.id),
        sessionId: p.session.id,
        result: 1,
        outcome: 'ok',
        credit: '9750',
      }),
      expect.objectContaining({
        type: 'win',
        transactionId: String(round.settle.id),
        roundId: String(round.bet.id),
        outcome: 'ok',
        credit: '9850',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(p.code);
  });

  describe.each(['internal', 'seamless'] as const)('%s wallet', (mode) => {
    it('credit: the balance in integer cents with player_id and currency', async () => {
      const p = await player(mode, '12.34');
      const x = await p.sim.balance(p.code);
      expectOk(x, 1234);
      expect(x.answer).toEqual({
        credit: 1234,
        player_id: p.userId,
        result: 1,
        time: expect.any(String),
        currency: 'USD',
      });
    });

    it('a bet and its win; each repeated answers the original credit and moves nothing', async () => {
      const p = await player(mode, '100');
      const round = await p.sim.playRound(p.code, 2550, 1000);
      expectOk(round.bet, 7450);
      expectOk(round.settle, 8450);
      expect(await p.balance()).toBe('84.5');
      const before = await txCount();
      expectOk(await p.sim.repeat(round.bet), 7450);
      expectOk(await p.sim.repeat(round.settle), 8450);
      expect(await p.balance()).toBe('84.5');
      expect(await txCount()).toBe(before);
      if (mode === 'seamless') {
        const moves = casino.calls({ action: 'move-funds', userId: p.userId });
        expect(moves.map((c) => (c.request as { type: string }).type)).toEqual(['bet', 'win']);
        expect(moves[0].request).toMatchObject({
          sessionId: p.session.id,
          gameId: providers[mode].game.id,
          roundId: `USD:${round.roundId}`,
          amount: '25.5',
        });
      }
    });

    it('insufficient funds: refused, nothing moves; a repeat answers the same', async () => {
      const p = await player(mode, '5');
      const bet = await p.sim.bet(p.code, 501);
      expectError(bet, 10, 'INSUFFICIENT_FUNDS');
      expectError(await p.sim.repeat(bet), 10, 'INSUFFICIENT_FUNDS');
      expect(await p.balance()).toBe('5');
      expectOk(await p.sim.bet(p.code, 500), 0);
    });

    it('conflict: a used id with another amount, or as a win, is refused and never applied', async () => {
      const p = await player(mode, '100');
      const id = p.sim.nextId();
      expectOk(await p.sim.bet(p.code, 1000, { id }), 9000);
      expectError(await p.sim.bet(p.code, 2000, { id }), 11, 'TRANSACTION_CONFLICT');
      expectError(await p.sim.win(p.code, 1000, { id }), 11, 'TRANSACTION_CONFLICT');
      expect(await p.balance()).toBe('90');
    });

    it('cancel after the bet gives the bet back once; cancelling again answers result 1 and moves nothing', async () => {
      const p = await player(mode, '100');
      const bet = await p.sim.bet(p.code, 3000);
      expectOk(bet, 7000);
      const cancel = await p.sim.cancel(p.code, bet.id!);
      expectOk(cancel, 10000);
      expect(await p.balance()).toBe('100');
      expectOk(await p.sim.repeat(cancel), 10000);
      expectOk(await p.sim.cancel(p.code, bet.id!, { roundId: bet.id }), 10000);
      expect(await p.balance()).toBe('100');
      // The bet sent again after its cancel is the same request: its original answer, nothing moves.
      expectOk(await p.sim.repeat(bet), 7000);
      expect(await p.balance()).toBe('100');
    });

    it('cancel before the bet: result 1 with nothing moved; the late bet is refused', async () => {
      const p = await player(mode, '100');
      const id = p.sim.nextId();
      expectOk(await p.sim.cancel(p.code, id), 10000);
      expectError(await p.sim.bet(p.code, 500, { id }), 12, 'BET_ALREADY_CANCELLED');
      expect(await p.balance()).toBe('100');
    });

    it.each<
      [string, { status?: 'active' | 'closed'; closeReason?: 'admin' | 'superseded'; idleSeconds?: number }]
    >([
      ['idle-expired', { idleSeconds: IDLE_TTL_S + 60 }],
      ['closed', { status: 'closed', closeReason: 'admin' }],
      ['superseded', { status: 'closed', closeReason: 'superseded' }],
    ])('a %s session: bets are refused, wins and cancels still settle', async (_name, seed) => {
      const p = await player(mode, '100');
      const bet = await p.sim.bet(p.code, 1000);
      expectOk(bet, 9000);
      const other = await p.sim.bet(p.code, 500);
      expectOk(other, 8500);
      await db.query(
        `UPDATE game_sessions SET status = $2::game_session_status, close_reason = $3::game_session_close_reason,
           closed_at = CASE WHEN $2::game_session_status = 'active' THEN NULL ELSE now() END,
           last_seen_at = now() - make_interval(secs => $4) WHERE id = $1`,
        [p.session.id, seed.status ?? 'active', seed.closeReason ?? null, seed.idleSeconds ?? 0],
      );
      await t.sessionsEdited();
      expectError(await p.sim.bet(p.code, 100), 7, 'SESSION_EXPIRED');
      expectOk(await p.sim.win(p.code, 2500, { roundId: bet.id }), 11000);
      expectOk(await p.sim.cancel(p.code, other.id!), 11500);
      expectOk(await p.sim.balance(p.code), 11500);
      expect(await p.balance()).toBe('115');
    });

    it('play keeps a session alive: a callback near the end of the idle TTL moves its last activity to now', async () => {
      const p = await player(mode, '100');
      // Idle for all but two minutes of the TTL: past the touch interval (a fortieth of it, at most 60 s).
      await db.query(
        `UPDATE game_sessions SET last_seen_at = now() - make_interval(secs => $2) WHERE id = $1`,
        [p.session.id, IDLE_TTL_S - 120],
      );
      await t.sessionsEdited();
      expectOk(await p.sim.bet(p.code, 100), 9900);
      // wallet-v2 answers without waiting for the touch: wait for it to land (or give up after 3 s).
      const idleSeconds = async (): Promise<number> => {
        const rows: { idle_s: number }[] = await db.query(
          `SELECT extract(epoch FROM now() - last_seen_at)::float8 AS idle_s FROM game_sessions WHERE id = $1`,
          [p.session.id],
        );
        return rows[0].idle_s;
      };
      const deadline = Date.now() + 3000;
      let idle = await idleSeconds();
      while (idle >= 30 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        idle = await idleSeconds();
      }
      expect(idle).toBeLessThan(30);
    });

    it('concurrent bets on one player never overdraw', async () => {
      const p = await player(mode, '5');
      const answers = await Promise.all(Array.from({ length: 20 }, () => p.sim.bet(p.code, 100)));
      const ok = answers.filter((a) => (a.answer as { result: number }).result === 1);
      const refused = answers.filter(
        (a) => (a.answer as { err_code?: string }).err_code === 'INSUFFICIENT_FUNDS',
      );
      expect(ok).toHaveLength(5);
      expect(refused).toHaveLength(15);
      expect(await p.balance()).toBe('0');
      const credits = ok.map((a) => (a.answer as { credit: number }).credit).sort((a, b) => a - b);
      expect(credits).toEqual([0, 100, 200, 300, 400]);
    });

    it('64-bit ids are kept exactly: ids that JSON.parse would merge stay distinct transactions', async () => {
      const p = await player(mode, '100');
      const ids = [18446744073709551615n, 9007199254740993n, 9007199254740992n];
      // Another currency may reuse an id (the spec's note): scoped per currency, never a conflict.
      const eur = await player(mode, '100', { currency: 'EUR' });
      const existing: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM wallet_transactions WHERE provider_id = $1 AND external_id = ANY($2::text[])`,
        [providers[mode].provider.id, ids.map(String)],
      );
      expect(existing[0].n).toBe(0);
      expectOk(await p.sim.bet(p.code, 100, { id: ids[0], roundId: ids[0] }), 9900);
      expectOk(await p.sim.bet(p.code, 100, { id: ids[1], roundId: ids[1] }), 9800);
      expectOk(await p.sim.bet(p.code, 100, { id: ids[2], roundId: ids[2] }), 9700);
      expectOk(await eur.sim.bet(eur.code, 100, { id: ids[1], roundId: ids[1] }), 9900);
      expectOk(await p.sim.win(p.code, 300, { id: 42n, roundId: ids[0] }), 10000);
      const rows: { external_id: string; provider_round_id: string; currency: string }[] = await db.query(
        `SELECT external_id, provider_round_id, currency FROM wallet_transactions
          WHERE provider_id = $1 AND kind = 'bet' AND external_id = ANY($2::text[]) ORDER BY currency, external_id`,
        [providers[mode].provider.id, ids.map(String)],
      );
      expect(rows).toEqual([
        { external_id: '9007199254740993', provider_round_id: 'EUR:9007199254740993', currency: 'EUR' },
        {
          external_id: '18446744073709551615',
          provider_round_id: 'USD:18446744073709551615',
          currency: 'USD',
        },
        { external_id: '9007199254740992', provider_round_id: 'USD:9007199254740992', currency: 'USD' },
        { external_id: '9007199254740993', provider_round_id: 'USD:9007199254740993', currency: 'USD' },
      ]);
    });
  });

  describe('provider, address and session', () => {
    it('an unknown, disabled or other-protocol provider code answers UNKNOWN_PROVIDER', async () => {
      const p = await player('internal');
      const body = walletV2Json({ code: p.code, type: 'credit', time: walletV2Time() });
      expectError(await p.sim.sendRaw(body, { providerCode: 'no-such-provider' }), 4, 'UNKNOWN_PROVIDER');
      const disabled = await newProvider(t, 'wallet-v2', { enabled: false });
      expectError(await p.sim.sendRaw(body, { providerCode: disabled.code }), 4, 'UNKNOWN_PROVIDER');
      const slotegrator = await newProvider(t, 'slotegrator');
      expectError(await p.sim.sendRaw(body, { providerCode: slotegrator.code }), 4, 'UNKNOWN_PROVIDER');
    });

    it('an allowlist without our address refuses everything (IP_NOT_ALLOWED); with it, calls pass', async () => {
      const provider = await newProvider(t, 'wallet-v2', { allowedIps: ['10.20.30.40'] });
      const [game] = await newGames(t, provider.code, 1);
      const sim = simFor(provider);
      const session = await seedSession(t, {
        operatorId: operators.internal.id,
        walletMode: 'internal',
        providerId: provider.id,
        gameId: game.id,
        currency: 'USD',
      });
      const before = await txCount();
      expectError(await sim.balance(session.token), 5, 'IP_NOT_ALLOWED');
      expectError(await sim.bet(session.token, 0), 5, 'IP_NOT_ALLOWED');
      expect(await txCount()).toBe(before);
      const patch = await t
        .http()
        .patch(`/admin/providers/${provider.code}`)
        .set(t.adminAuth)
        .send({ allowedIps: ['10.20.30.40', '127.0.0.1'] });
      expect(patch.status).toBe(200);
      expectOk(await sim.balance(session.token), 0);
    });

    it('an unknown code, or the code of a session of another provider, answers SESSION_NOT_FOUND', async () => {
      const p = await player('internal');
      expectError(await p.sim.balance('no-such-session'), 6, 'SESSION_NOT_FOUND');
      expectError(await providers.seamless.server.bet(p.code, 100), 6, 'SESSION_NOT_FOUND');
      expect(await p.balance()).toBe('100');
    });

    it('a demo session never moves money', async () => {
      const p = await player('internal', '100', { mode: 'demo' });
      const before = await txCount();
      expectError(await p.sim.balance(p.code), 8, 'DEMO_SESSION');
      expectError(await p.sim.bet(p.code, 100), 8, 'DEMO_SESSION');
      expectError(await p.sim.win(p.code, 100), 8, 'DEMO_SESSION');
      expect(await txCount()).toBe(before);
    });

    it('a blocked player cannot bet; wins still settle', async () => {
      const p = await player('internal', '100', { blocked: true });
      expectError(await p.sim.bet(p.code, 100), 9, 'PLAYER_BLOCKED');
      expectOk(await p.sim.win(p.code, 100), 10100);
    });
  });

  describe('malformed input: BAD_REQUEST / UNKNOWN_TYPE in the protocol shape, nothing written', () => {
    const valid = (code: string) => ({
      bet: 100,
      code,
      game: 1012,
      id: 777n,
      type: 'bet',
      time: '21-09-2023 03:23:23',
    });
    const rawOf = (fields: Record<string, unknown>, field: string, raw: string | null): string => {
      const copy = { ...fields } as Record<string, string | number | bigint>;
      if (raw === null) {
        delete copy[field];
        return walletV2Json(copy);
      }
      copy[field] = '@@';
      return walletV2Json(copy).replace(`"${field}":"@@"`, `"${field}":${raw}`);
    };

    it.each<[string, string, string | null]>([
      ['type missing', 'type', null],
      ['type a number', 'type', '1'],
      ['code missing', 'code', null],
      ['code a number', 'code', '12345'],
      ['code empty', 'code', '""'],
      ['time missing', 'time', null],
      ['time ISO', 'time', '"2023-09-21T03:23:23Z"'],
      ['time impossible', 'time', '"31-02-2023 03:23:23"'],
      ['id missing', 'id', null],
      ['id a string', 'id', '"777"'],
      ['id negative', 'id', '-777'],
      ['id fractional', 'id', '777.5'],
      ['id exponent', 'id', '7e2'],
      ['id above 2^64-1', 'id', '18446744073709551616'],
      ['round_id a string', 'round_id', '"85"'],
      ['round_id null', 'round_id', 'null'],
      ['game missing', 'game', null],
      ['game a string', 'game', '"1012"'],
      ['bet missing', 'bet', null],
      ['bet a string', 'bet', '"100"'],
      ['bet negative', 'bet', '-100'],
      ['bet fractional', 'bet', '100.5'],
      ['bet with .0', 'bet', '100.0'],
      ['bet exponent', 'bet', '1e2'],
      ['bet out of range', 'bet', '100000000000000000000'],
      ['bet null', 'bet', 'null'],
    ])('%s', async (_name, field, raw) => {
      const p = await player('internal');
      const before = await txCount();
      const x = await p.sim.sendRaw(rawOf(valid(p.code), field, raw));
      expectError(x, 2, 'BAD_REQUEST');
      expect(await txCount()).toBe(before);
      expect(await p.balance()).toBe('100');
    });

    it.each<[string, (code: string) => string]>([
      ['not JSON', (code) => `{"bet":100,"code":"${code}",`],
      ['an array', () => '[]'],
      [
        'a duplicated amount',
        (code) =>
          `{"bet":1,"bet":10000,"code":"${code}","game":1,"id":1,"type":"bet","time":"21-09-2023 03:23:23"}`,
      ],
      ['empty', () => ''],
      [
        'win negative',
        (code) => `{"code":"${code}","game":1,"id":2,"type":"win","win":-5,"time":"21-09-2023 03:23:23"}`,
      ],
      ['cancel without id', (code) => `{"code":"${code}","type":"cancel","time":"21-09-2023 03:23:23"}`],
    ])('a body that is %s', async (_name, body) => {
      const p = await player('internal');
      const before = await txCount();
      expectError(await p.sim.sendRaw(body(p.code)), 2, 'BAD_REQUEST');
      expect(await txCount()).toBe(before);
    });

    it('a body sent as text/plain or without a content type gets the protocol shape too', async () => {
      const p = await player('internal');
      const body = walletV2Json({ code: p.code, type: 'credit', time: walletV2Time() });
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', '']) {
        const x = await p.sim.sendRaw(body, { contentType });
        expectOk(x, 10000);
      }
    });

    it('an unknown type answers UNKNOWN_TYPE', async () => {
      const p = await player('internal');
      expectError(
        await p.sim.send({ code: p.code, type: 'refund', id: 1n, time: walletV2Time() }),
        3,
        'UNKNOWN_TYPE',
      );
    });
  });

  describe('seamless casino faults', () => {
    it('a bet whose outcome is unknown (casino fault) answers BET_FAILED and is compensated by one refund', async () => {
      const p = await player('seamless', '100');
      casino.setFault({ action: 'move-funds', moveType: 'bet', times: 1, mode: 'fail', applied: true });
      const bet = await p.sim.bet(p.code, 3000);
      expectError(bet, 14, 'BET_FAILED');
      await eventually('compensating refund applied', () => {
        const refunds = casino
          .transactions(p.userId)
          .filter((tx) => tx.type === 'refund' && tx.status === 'applied');
        return refunds.length === 1 ? refunds : undefined;
      });
      expect(await p.balance()).toBe('100');
      // The provider's own cancel (the spec's answer to a failed bet) moves nothing more.
      expectOk(await p.sim.cancel(p.code, bet.id!), 10000);
      expectError(await p.sim.repeat(bet), 14, 'BET_FAILED');
      await sleep(200);
      expect(casino.transactions(p.userId).filter((tx) => tx.type === 'refund')).toHaveLength(1);
      expect(await p.balance()).toBe('100');
    });

    it('a casino refusal answers BET_REFUSED with its code; nothing moves', async () => {
      const p = await player('seamless', '100');
      casino.setFault({
        action: 'move-funds',
        moveType: 'bet',
        times: 1,
        mode: 'refuse',
        code: 'LIMIT_EXCEEDED',
      });
      const bet = await p.sim.bet(p.code, 100);
      expectError(bet, 13, 'BET_REFUSED');
      expect((bet.answer as { err_desc: string }).err_desc).toContain('LIMIT_EXCEEDED');
      expect(await p.balance()).toBe('100');
    });
  });

  describe('edge', () => {
    it('an unexpected internal error answers INTERNAL_ERROR (HTTP 200) with a reference, never a 5xx', async () => {
      const p = await player('internal');
      const spy = jest.spyOn(t.app.get(DebitCommand), 'execute').mockRejectedValueOnce(new Error('boom'));
      try {
        const x = await p.sim.bet(p.code, 100);
        expectError(x, 99, 'INTERNAL_ERROR');
        expect((x.answer as { err_desc: string }).err_desc).toMatch(/ref [\w-]+/);
        expect(x.rawAnswer).not.toContain('boom');
      } finally {
        spy.mockRestore();
      }
      expect(await p.balance()).toBe('100');
    });

    it('counts callbacks in /metrics by action and outcome', async () => {
      const p = await player('internal', '1');
      await p.sim.bet(p.code, 100);
      await p.sim.bet(p.code, 1000);
      await p.sim.send({ code: p.code, type: 'x'.repeat(20), time: walletV2Time() });
      const res = await t.http().get('/metrics');
      expect(res.text).toMatch(
        /protocol_callbacks_total\{protocol="wallet-v2",action="bet",outcome="ok"\} [1-9]/,
      );
      expect(res.text).toMatch(
        /protocol_callbacks_total\{protocol="wallet-v2",action="bet",outcome="INSUFFICIENT_FUNDS"\} [1-9]/,
      );
      expect(res.text).toMatch(
        /protocol_callbacks_total\{protocol="wallet-v2",action="unknown",outcome="UNKNOWN_TYPE"\}/,
      );
      expect(res.text).not.toContain('x'.repeat(20));
    });
  });

  describe('game-server simulator launch page', () => {
    it('serves the launch URL of the spec and plays a round from it against our wallet URL', async () => {
      const p = await player('internal', '100');
      const { provider } = providers.internal;
      const host = new GameServerHost([p.sim]);
      const base = await host.start(0);
      try {
        const wallet = provider.config.walletToken as string;
        const url = `${base}/wallet-v2/launch?mode=real_play&gameID=1014&token=${p.code}&lang=en&wallet=${wallet}`;
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('wallet-v2 game 1014');
        expect((await fetch(url.replace(wallet, 'other_wallet'))).status).toBe(403);
        expect((await fetch(`${base}/wallet-v2/launch?mode=demo&gameID=1014&lang=en`)).status).toBe(200);
        expect((await fetch(`${base}/wallet-v2/launch?mode=real_play&gameID=1014&lang=en`)).status).toBe(400);
        const play = await fetch(`${base}/wallet-v2/play`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: p.code, gameID: '1014', bet: '100', win: '250' }),
        });
        expect(await play.json()).toEqual({
          bet: { credit: 9900, result: 1, time: expect.any(String) },
          win: { credit: 10150, result: 1, time: expect.any(String) },
        });
        expect(p.sim.launches().map((l) => l.mode)).toEqual(['real_play', 'demo']);
      } finally {
        await host.stop();
      }
    });
  });

  describe('start-up warning about unsigned providers without an allowlist', () => {
    it('lists every enabled b2b and wallet-v2 provider without allowedIps, and warns only in production', async () => {
      const open = [await newProvider(t, 'wallet-v2'), await newProvider(t, 'b2b')];
      const guarded = [
        await newProvider(t, 'wallet-v2', { allowedIps: ['10.0.0.1'] }),
        await newProvider(t, 'b2b', { allowedIps: ['10.0.0.0/8'] }),
        await newProvider(t, 'wallet-v2', { enabled: false }),
        await newProvider(t, 'slotegrator'),
      ];
      const config = (env: Env['NODE_ENV']) => ({ get: () => env }) as unknown as ConfigService<Env, true>;
      const providersService = t.app.get(ProvidersService);
      const prod = new UnsignedProvidersWarning(providersService, config('production'));
      const lines = await prod.warnings();
      for (const p of open) expect(lines.some((l) => l.includes(`"${p.code}"`))).toBe(true);
      for (const p of guarded) expect(lines.some((l) => l.includes(`"${p.code}"`))).toBe(false);

      const warned: string[] = [];
      const spy = jest
        .spyOn((prod as unknown as { logger: { warn: (m: string) => void } }).logger, 'warn')
        .mockImplementation((m: string) => void warned.push(m));
      await prod.onApplicationBootstrap();
      expect(warned).toEqual(lines);
      spy.mockRestore();

      const dev = new UnsignedProvidersWarning(providersService, config('development'));
      const devSpy = jest.spyOn((dev as unknown as { logger: { warn: () => void } }).logger, 'warn');
      await dev.onApplicationBootstrap();
      expect(devSpy).not.toHaveBeenCalled();
    });
  });
});
