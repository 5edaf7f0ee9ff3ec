import { randomUUID } from 'node:crypto';
import {
  balanceOf,
  expectBooksBalanced,
  movementsOf,
  newPlayer,
  newSlotegrator,
  type Player,
  type ProviderSetup,
  startWorld,
  stopWorld,
  WALLET_MODES,
  type World,
} from './fixtures/slotegrator/harness';

const IDLE_TTL_S = 600;
const tx = () => randomUUID().replace(/-/g, '');

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('slotegrator callbacks (real PostgreSQL, Redis, worker; reference casino)', () => {
  let w: World;

  beforeAll(async () => {
    w = await startWorld({ WALLET_CALL_TIMEOUT_MS: '400', SESSION_IDLE_TTL_S: String(IDLE_TTL_S) });
  });
  afterEach(async () => {
    w.casino.clearFaults();
    await expectBooksBalanced(w);
  });
  afterAll(async () => {
    await stopWorld(w);
  });

  describe('provider, address and signature', () => {
    let p: ProviderSetup;
    let pl: Player;
    beforeAll(async () => {
      p = await newSlotegrator(w);
      pl = await newPlayer(w, p, 'internal', '50');
    });

    it('accepts X-Sign in any header case and refuses a missing, wrong or other-token signature', async () => {
      const body = { action: 'balance', session_id: pl.session.token };
      expect((await p.sim.send(body, { signHeader: 'X-SIGN' })).answer).toEqual({
        status: true,
        balance: 50,
      });
      expect((await p.sim.send(body, { signHeader: 'x-sign' })).answer).toEqual({
        status: true,
        balance: 50,
      });
      const before = await movementsOf(w, pl);
      const bet = { action: 'bet', type: 'bet', session_id: pl.session.token, amount: '1' };
      const full = { ...bet, transaction_id: tx(), round_id: 'r', game_id: 'g' };
      for (const sign of [false as const, '', 'deadbeef', 'a'.repeat(64)]) {
        const res = await p.sim.send(full, { sign });
        expect(res.httpStatus).toBe(200);
        expect(res.answer).toEqual({ status: false, code: 'INVALID_SIGN', message: 'Invalid sign' });
      }
      const other = await newSlotegrator(w);
      const signedByOther = await other.sim.send(full, { providerCode: p.provider.code });
      expect(signedByOther.answer).toMatchObject({ status: false, code: 'INVALID_SIGN' });
      expect(await movementsOf(w, pl)).toEqual(before);
      expect(await balanceOf(w, pl)).toBe('50');
    });

    it('a signature over other bytes (re-serialised body) does not verify', async () => {
      const raw = JSON.stringify({ action: 'balance', session_id: pl.session.token });
      const spaced = raw.replace(':', ': ');
      const res = await p.sim.send(spaced, {
        sign: (await import('node:crypto')).createHmac('sha256', p.token).update(raw).digest('hex'),
      });
      expect(res.answer).toMatchObject({ status: false, code: 'INVALID_SIGN' });
    });

    it('an unknown, disabled or other-protocol provider code is refused in the slotegrator shape', async () => {
      const body = { action: 'balance', session_id: pl.session.token };
      for (const code of ['no-such-provider', 'b2b-not-slotegrator']) {
        const res = await p.sim.send(body, { providerCode: code });
        expect(res.httpStatus).toBe(200);
        expect(res.answer).toEqual({ status: false, code: 'INVALID_SIGN', message: 'Unknown provider' });
      }
      const disabled = await newSlotegrator(w);
      await w.t
        .http()
        .patch(`/admin/providers/${disabled.provider.code}`)
        .set(w.t.adminAuth)
        .send({ enabled: false });
      const res = await disabled.sim.balance(pl.session.token);
      expect(res.answer).toMatchObject({ status: false, code: 'INVALID_SIGN' });
    });

    it('honours the provider IP allowlist', async () => {
      const fenced = await newSlotegrator(w, { allowedIps: ['10.1.2.3'] });
      const player = await newPlayer(w, fenced, 'internal', '10');
      const refused = await fenced.sim.bet(player.session.token, '1');
      expect(refused.answer).toEqual({
        status: false,
        code: 'INVALID_SIGN',
        message: 'Address is not allowed',
      });
      expect(await balanceOf(w, player)).toBe('10');

      const open = await newSlotegrator(w, { allowedIps: ['127.0.0.0/8'] });
      const player2 = await newPlayer(w, open, 'internal', '10');
      expect((await open.sim.bet(player2.session.token, '1')).answer).toEqual({ status: true, balance: 9 });
    });
  });

  describe('malformed input: WRONG_INPUT_PARAMETERS (or the specific code), HTTP 200, nothing moves', () => {
    let p: ProviderSetup;
    let pl: Player;
    let before: { postings: number; casino: number };
    beforeAll(async () => {
      p = await newSlotegrator(w);
      pl = await newPlayer(w, p, 'internal', '100');
      before = await movementsOf(w, pl);
    });
    afterAll(async () => {
      expect(await movementsOf(w, pl)).toEqual(before);
      expect(await balanceOf(w, pl)).toBe('100');
    });

    const bet = () => ({
      action: 'bet',
      type: 'bet',
      session_id: pl.session.token,
      amount: '1.5',
      transaction_id: tx(),
      round_id: 'r1',
      game_id: 'g1',
    });
    const without = (field: string) => {
      const b: Record<string, unknown> = bet();
      delete b[field];
      return b;
    };

    it.each([
      ['not JSON', () => '{"action": "bet",', 'WRONG_INPUT_PARAMETERS'],
      ['an empty body', () => '', 'WRONG_INPUT_PARAMETERS'],
      ['a JSON array', () => '[]', 'WRONG_INPUT_PARAMETERS'],
      ['no action', () => without('action'), 'WRONG_INPUT_PARAMETERS'],
      ['action not a string', () => ({ ...bet(), action: 1 }), 'WRONG_INPUT_PARAMETERS'],
      ['an unknown action', () => ({ ...bet(), action: 'withdraw' }), 'ACTION_IS_NOT_EXIST'],
      ['no type', () => without('type'), 'WRONG_INPUT_PARAMETERS'],
      ['a type of another action', () => ({ ...bet(), type: 'jackpot' }), 'WRONG_INPUT_PARAMETERS'],
      ['no session_id', () => without('session_id'), 'WRONG_INPUT_PARAMETERS'],
      ['session_id a number', () => ({ ...bet(), session_id: 12345 }), 'WRONG_INPUT_PARAMETERS'],
      ['no amount', () => without('amount'), 'WRONG_INPUT_PARAMETERS'],
      ['amount null', () => ({ ...bet(), amount: null }), 'WRONG_INPUT_PARAMETERS'],
      ['amount negative', () => ({ ...bet(), amount: -1 }), 'AMOUNT_SHOULD_BE_POSITIVE'],
      ['amount "-0.01"', () => ({ ...bet(), amount: '-0.01' }), 'AMOUNT_SHOULD_BE_POSITIVE'],
      ['amount with 5 decimals', () => ({ ...bet(), amount: 1.00001 }), 'WRONG_INPUT_PARAMETERS'],
      ['amount "1.50000"', () => ({ ...bet(), amount: '1.50000' }), 'WRONG_INPUT_PARAMETERS'],
      [
        'amount in exponent notation',
        () => JSON.stringify(bet()).replace('"1.5"', '1e1'),
        'WRONG_INPUT_PARAMETERS',
      ],
      ['amount "NaN"', () => ({ ...bet(), amount: 'NaN' }), 'WRONG_INPUT_PARAMETERS'],
      ['amount " 1"', () => ({ ...bet(), amount: ' 1' }), 'WRONG_INPUT_PARAMETERS'],
      ['amount out of range', () => ({ ...bet(), amount: '9'.repeat(40) }), 'WRONG_INPUT_PARAMETERS'],
      ['no transaction_id', () => without('transaction_id'), 'WRONG_INPUT_PARAMETERS'],
      ['transaction_id a number', () => ({ ...bet(), transaction_id: 7 }), 'WRONG_INPUT_PARAMETERS'],
      ['an empty transaction_id', () => ({ ...bet(), transaction_id: '' }), 'WRONG_INPUT_PARAMETERS'],
      ['no round_id', () => without('round_id'), 'WRONG_INPUT_PARAMETERS'],
      ['round_id an object', () => ({ ...bet(), round_id: {} }), 'WRONG_INPUT_PARAMETERS'],
      ['no game_id', () => without('game_id'), 'WRONG_INPUT_PARAMETERS'],
      ['game_id a boolean', () => ({ ...bet(), game_id: true }), 'WRONG_INPUT_PARAMETERS'],
    ])('%s', async (_name, body, code) => {
      const res = await p.sim.send(body());
      expect(res.httpStatus).toBe(200);
      expect(res.contentType).toMatch(/^application\/json/);
      expect(res.answer).toEqual({ status: false, code, message: expect.any(String) });
    });

    it('malformed win and refund bodies are refused too', async () => {
      const win = { ...bet(), action: 'win', type: 'tip' };
      expect((await p.sim.send(win)).answer).toMatchObject({ code: 'WRONG_INPUT_PARAMETERS' });
      const refund = {
        action: 'refund',
        session_id: pl.session.token,
        transaction_id: 5,
        round_id: 'r',
        game_id: 'g',
      };
      expect((await p.sim.send(refund)).answer).toMatchObject({ code: 'WRONG_INPUT_PARAMETERS' });
    });
  });

  describe.each(WALLET_MODES)('%s wallet', (mode) => {
    let p: ProviderSetup;
    beforeAll(async () => {
      p = await newSlotegrator(w);
    });

    it('unknown, foreign and demo sessions: SESSION_NOT_FOUND, nothing moves', async () => {
      const pl = await newPlayer(w, p, mode, '20');
      const before = await movementsOf(w, pl);
      expect((await p.sim.bet('no-such-session', '1')).answer).toEqual({
        status: false,
        code: 'SESSION_NOT_FOUND',
        message: 'Session not found',
      });
      const other = await newSlotegrator(w);
      expect((await other.sim.bet(pl.session.token, '1')).answer).toMatchObject({
        code: 'SESSION_NOT_FOUND',
      });
      const demo = await newPlayer(w, p, mode, '0', { mode: 'demo' });
      expect((await p.sim.bet(demo.session.token, '1')).answer).toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect((await p.sim.balance(demo.session.token)).answer).toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect(await movementsOf(w, pl)).toEqual(before);
    });

    it('insufficient funds: INSUFFICIENT_BALANCE, nothing moves, a repeat answers the same', async () => {
      const pl = await newPlayer(w, p, mode, '3');
      const before = await movementsOf(w, pl);
      const bet = await p.sim.bet(pl.session.token, '3.0001');
      expect(bet.answer).toEqual({
        status: false,
        code: 'INSUFFICIENT_BALANCE',
        message: 'Insufficient balance',
      });
      expect((await p.sim.repeat(bet)).answer).toEqual(bet.answer);
      expect(await balanceOf(w, pl)).toBe('3');
      expect((await movementsOf(w, pl)).postings).toBe(before.postings);
      expect((await p.sim.bet(pl.session.token, '3')).answer).toEqual({ status: true, balance: 0 });
    });

    it('a round: bet, duplicate bet, win, duplicate win; a loss (win 0) closes its round', async () => {
      const pl = await newPlayer(w, p, mode, '100');
      const round = await p.sim.round(pl.session.token, '12.3456', '20');
      expect(round.bet.answer).toEqual({ status: true, balance: 87.6544 });
      expect(round.win?.answer).toEqual({ status: true, balance: 107.6544 });
      const moved = await movementsOf(w, pl);
      expect((await p.sim.repeat(round.bet)).answer).toEqual({ status: true, balance: 87.6544 });
      expect((await p.sim.repeat(round.win!)).answer).toEqual({ status: true, balance: 107.6544 });
      expect(await movementsOf(w, pl)).toEqual(moved);
      expect(await balanceOf(w, pl)).toBe('107.6544');

      const roundId = `loss-${tx()}`;
      expect((await p.sim.bet(pl.session.token, 7, { roundId, type: 'freespin' })).answer).toEqual({
        status: true,
        balance: 100.6544,
      });
      expect((await p.sim.loss(pl.session.token, { roundId })).answer).toEqual({
        status: true,
        balance: 100.6544,
      });
      const rounds: { status: string; bet_total: string; win_total: string }[] = await w.db.query(
        `SELECT status, bet_total::text, win_total::text FROM rounds WHERE provider_id = $1 AND provider_round_id = $2`,
        [p.provider.id, roundId],
      );
      expect(rounds).toEqual([{ status: 'closed', bet_total: '7.00000000', win_total: '0.00000000' }]);
      const kinds: { kind: string; subtype: string }[] = await w.db.query(
        `SELECT kind, subtype FROM wallet_transactions WHERE provider_id = $1 AND provider_round_id = $2 ORDER BY created_at`,
        [p.provider.id, roundId],
      );
      expect(kinds).toEqual([
        { kind: 'bet', subtype: 'freespin' },
        { kind: 'win', subtype: 'win' },
      ]);
    });

    it('conflict: the same transaction_id with another amount or type is TRANSACTION_DENIED and moves nothing', async () => {
      const pl = await newPlayer(w, p, mode, '100');
      const id = tx();
      expect((await p.sim.bet(pl.session.token, '5', { transactionId: id })).answer).toEqual({
        status: true,
        balance: 95,
      });
      const moved = await movementsOf(w, pl);
      expect((await p.sim.bet(pl.session.token, '6', { transactionId: id })).answer).toMatchObject({
        status: false,
        code: 'TRANSACTION_DENIED',
      });
      expect(
        (await p.sim.bet(pl.session.token, '5', { transactionId: id, type: 'tip' })).answer,
      ).toMatchObject({
        code: 'TRANSACTION_DENIED',
      });
      expect(await movementsOf(w, pl)).toEqual(moved);
      expect(await balanceOf(w, pl)).toBe('95');
    });

    it('refund after the bet: money back once; a repeat answers success without moving', async () => {
      const pl = await newPlayer(w, p, mode, '40');
      const bet = await p.sim.bet(pl.session.token, '15.5');
      const betId = (bet.request as { transaction_id: string }).transaction_id;
      expect(bet.answer).toEqual({ status: true, balance: 24.5 });
      const refund = await p.sim.refund(pl.session.token, betId);
      expect(refund.answer).toEqual({ status: true, balance: 40 });
      const moved = await movementsOf(w, pl);
      expect((await p.sim.repeat(refund)).answer).toEqual({ status: true, balance: 40 });
      expect((await p.sim.refund(pl.session.token, betId)).answer).toEqual({ status: true, balance: 40 });
      expect(await movementsOf(w, pl)).toEqual(moved);
      expect(await balanceOf(w, pl)).toBe('40');
    });

    it('refund before the bet: success and remembered; the late bet is TRANSACTION_DENIED and moves nothing', async () => {
      const pl = await newPlayer(w, p, mode, '40');
      const before = await movementsOf(w, pl);
      const betId = tx();
      expect((await p.sim.refund(pl.session.token, betId)).answer).toEqual({ status: true, balance: 40 });
      const late = await p.sim.bet(pl.session.token, '10', { transactionId: betId });
      expect(late.answer).toEqual({
        status: false,
        code: 'TRANSACTION_DENIED',
        message: 'Bet is already refunded',
      });
      expect(await balanceOf(w, pl)).toBe('40');
      expect(await movementsOf(w, pl)).toEqual(before);
    });

    it.each([
      ['idle-expired', { idleSeconds: IDLE_TTL_S + 60, status: 'active', closeReason: null }],
      ['closed (superseded)', { idleSeconds: 0, status: 'closed', closeReason: 'superseded' }],
    ] as [string, { idleSeconds: number; status: string; closeReason: string | null }][])(
      'a %s session: bets refused, wins and refunds still settle',
      async (_name, seed) => {
        const pl = await newPlayer(w, p, mode, '50');
        const roundId = `r-${tx()}`;
        const bet = await p.sim.bet(pl.session.token, '10', { roundId });
        expect(bet.answer).toEqual({ status: true, balance: 40 });
        // The session idles out or is superseded while the round is open.
        await w.db.query(
          `UPDATE game_sessions SET last_seen_at = now() - make_interval(secs => $2), status = $3,
           close_reason = $4, closed_at = CASE WHEN $3::game_session_status = 'active' THEN NULL ELSE now() END
         WHERE id = $1`,
          [pl.session.id, seed.idleSeconds, seed.status, seed.closeReason],
        );
        await w.t.sessionsEdited();
        const before = await movementsOf(w, pl);
        const refused = await p.sim.bet(pl.session.token, '1');
        expect(refused.answer).toMatchObject({ status: false, code: 'SESSION_NOT_FOUND' });
        expect(await movementsOf(w, pl)).toEqual(before);

        expect((await p.sim.win(pl.session.token, '25', { roundId })).answer).toEqual({
          status: true,
          balance: 65,
        });
        const bet2Id = (bet.request as { transaction_id: string }).transaction_id;
        expect((await p.sim.refund(pl.session.token, bet2Id, { roundId })).answer).toEqual({
          status: true,
          balance: 75,
        });
        expect((await p.sim.balance(pl.session.token)).answer).toEqual({ status: true, balance: 75 });
        expect(await balanceOf(w, pl)).toBe('75');
      },
    );

    it('concurrent bets on one player never overdraw: exactly as many as the balance covers', async () => {
      const pl = await newPlayer(w, p, mode, '10');
      const answers = await Promise.all(Array.from({ length: 16 }, () => p.sim.bet(pl.session.token, '1')));
      const ok = answers.filter((a) => a.answer.status === true);
      const refused = answers.filter((a) => a.answer.status === false);
      expect(ok).toHaveLength(10);
      expect(refused.every((a) => (a.answer as { code: string }).code === 'INSUFFICIENT_BALANCE')).toBe(true);
      expect(await balanceOf(w, pl)).toBe('0');
      const balances = ok.map((a) => (a.answer as { balance: number }).balance).sort((a, b) => a - b);
      expect(balances).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('a duplicate racing its original is applied once', async () => {
      const pl = await newPlayer(w, p, mode, '10');
      const id = tx();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          p.sim.bet(pl.session.token, '4', { transactionId: id, roundId: 'race' }),
        ),
      );
      const inProgress = { status: false, code: 'TRANSACTION_IN_PROGRESS', message: expect.any(String) };
      for (const a of answers) {
        expect([{ status: true, balance: 6 }, inProgress]).toContainEqual(a.answer);
      }
      expect(answers.filter((a) => a.answer.status === true).length).toBeGreaterThanOrEqual(1);
      expect(await balanceOf(w, pl)).toBe('6');
    });
  });

  describe('seamless operator faults', () => {
    let p: ProviderSetup;
    beforeAll(async () => {
      p = await newSlotegrator(w);
    });

    it('a bet whose outcome is unknown (casino applied it, then failed): BET_FAILED_UNKNOWN_ERROR and one compensating refund', async () => {
      const pl = await newPlayer(w, p, 'seamless', '100');
      w.casino.setFault({ action: 'move-funds', moveType: 'bet', mode: 'fail', applied: true, times: 1 });
      const bet = await p.sim.bet(pl.session.token, '30');
      expect(bet.answer).toEqual({
        status: false,
        code: 'BET_FAILED_UNKNOWN_ERROR',
        message: 'Bet failed unknown error',
      });
      await eventually('compensating refund applied', async () => (await balanceOf(w, pl)) === '100');
      const refunds = w.casino.transactions(pl.userId).filter((t) => t.type === 'refund');
      expect(refunds).toHaveLength(1);
      // The provider's own refund, as the spec requires, moves nothing more.
      const betId = (bet.request as { transaction_id: string }).transaction_id;
      expect((await p.sim.refund(pl.session.token, betId)).answer).toEqual({ status: true, balance: 100 });
      expect(
        w.casino.transactions(pl.userId).filter((t) => t.type === 'refund' && t.status === 'applied'),
      ).toHaveLength(1);
      expect(await balanceOf(w, pl)).toBe('100');
    });

    it('a bet the casino times out on: BET_FAILED_UNKNOWN_ERROR within the call timeout', async () => {
      const pl = await newPlayer(w, p, 'seamless', '100');
      w.casino.setFault({
        action: 'move-funds',
        moveType: 'bet',
        mode: 'slow',
        delayMs: 1500,
        applied: true,
        times: 1,
      });
      const started = Date.now();
      const bet = await p.sim.bet(pl.session.token, '10');
      expect(Date.now() - started).toBeLessThan(1400);
      expect(bet.answer).toMatchObject({ status: false, code: 'BET_FAILED_UNKNOWN_ERROR' });
      await eventually('compensating refund applied', async () => (await balanceOf(w, pl)) === '100');
    });

    it('a win while the casino is down is answered success and delivered later, once', async () => {
      const pl = await newPlayer(w, p, 'seamless', '100');
      const roundId = `r-${tx()}`;
      expect((await p.sim.bet(pl.session.token, '10', { roundId })).answer).toEqual({
        status: true,
        balance: 90,
      });
      w.casino.setFault({ action: 'move-funds', moveType: 'win', mode: 'down', times: 1 });
      const win = await p.sim.win(pl.session.token, '15', { roundId });
      expect(win.answer).toMatchObject({ status: true });
      await eventually('win delivered', async () => (await balanceOf(w, pl)) === '105');
      expect((await p.sim.repeat(win)).answer).toMatchObject({ status: true });
      expect(
        w.casino.transactions(pl.userId).filter((t) => t.type === 'win' && t.status === 'applied'),
      ).toHaveLength(1);
    });
  });

  it('counts callbacks in /metrics by protocol, action and outcome', async () => {
    const res = await w.t.http().get('/metrics');
    expect(res.text).toMatch(
      /protocol_callbacks_total\{protocol="slotegrator",action="bet",outcome="ok"\} \d+/,
    );
    expect(res.text).toMatch(
      /protocol_callbacks_total\{protocol="slotegrator",action="bet",outcome="INSUFFICIENT_BALANCE"\} \d+/,
    );
    expect(res.text).toMatch(
      /protocol_callbacks_total\{protocol="slotegrator",action="invalid",outcome="INVALID_SIGN"\}/,
    );
  });
});
