import { signWalletCall } from './casino-signature';
import type { MoveFundsRequest, MoveType } from './casino.types';
import { ReferenceCasino } from './reference-casino';
import { postWallet, type WalletCallOptions } from './testing/wallet-client';

const SECRET = 'op-secret-0123456789';
const OPERATOR_ID = 'op-1';

describe('ReferenceCasino', () => {
  const casino = new ReferenceCasino({ operatorId: OPERATOR_ID, secret: SECRET });
  let seq = 0;

  const call = (body: unknown, options: Partial<WalletCallOptions> = {}) =>
    postWallet(casino.walletUrl, body, { secret: SECRET, operatorId: OPERATOR_ID, ...options });

  function move(type: MoveType, amount: string, extra: Partial<MoveFundsRequest> = {}): MoveFundsRequest {
    seq += 1;
    return {
      action: 'move-funds',
      transactionId: `tx-${seq}`,
      type,
      amount,
      currency: 'USD',
      userId: 'p1',
      sessionId: 'sess-1',
      gameId: 'game-1',
      roundId: `round-${seq}`,
      ...extra,
    };
  }

  const balanceOf = (userId = 'p1') => casino.player(userId).balance;

  beforeAll(async () => {
    await casino.start();
  });
  afterAll(async () => {
    await casino.stop();
  });
  beforeEach(() => {
    casino.reset();
    casino.clearPlayers();
    casino.setSecret(SECRET);
    casino.setOperatorId(OPERATOR_ID);
    casino.upsertPlayer({
      userId: 'p1',
      token: 'tok-1',
      currency: 'USD',
      balance: '37.00',
      nickname: 'Ann',
      country: 'DE',
      language: 'de',
    });
  });

  describe('signature', () => {
    const balance = { action: 'balance', userId: 'p1', currency: 'USD' };

    it('accepts a call signed with the secret over the raw body', async () => {
      const res = await call(balance);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ status: true, userId: 'p1', balance: '37', currency: 'USD' });
      expect(casino.calls()).toMatchObject([
        { action: 'balance', signature: 'valid', httpStatus: 200, processed: true },
      ]);
    });

    it('answers 401 to a wrong secret, a wrong operator, missing headers, without processing', async () => {
      expect((await call(balance, { secret: 'other-secret' })).status).toBe(401);
      expect((await call(balance, { operatorId: 'op-2' })).status).toBe(401);
      expect((await call(balance, { headers: { 'content-type': 'application/json' } })).status).toBe(401);
      expect(casino.calls().map((c) => [c.signature, c.httpStatus, c.processed])).toEqual([
        ['invalid', 401, false],
        ['invalid', 401, false],
        ['invalid', 401, false],
      ]);
    });

    it('accepts a timestamp within ±300 s and refuses a stale or future one', async () => {
      const now = Math.floor(Date.now() / 1000);
      expect((await call(balance, { timestamp: now - 295 })).status).toBe(200);
      expect((await call(balance, { timestamp: now + 295 })).status).toBe(200);
      expect((await call(balance, { timestamp: now - 310 })).status).toBe(401);
      expect((await call(balance, { timestamp: now + 310 })).status).toBe(401);
    });

    it('refuses a signature replayed over another body, and moves nothing', async () => {
      const small = JSON.stringify(move('win', '0.01'));
      const big = JSON.stringify({ ...JSON.parse(small), amount: '1000' });
      const res = await call(undefined, { rawBody: big, signedBody: small });
      expect(res.status).toBe(401);
      expect(balanceOf()).toBe('37');
      expect(casino.transactions()).toEqual([]);
    });

    it('signs the path with its query string', async () => {
      const res = await postWallet(`${casino.walletUrl}?x=1`, balance, {
        secret: SECRET,
        operatorId: OPERATOR_ID,
      });
      expect(res.status).toBe(200);
      const body = JSON.stringify(balance);
      const headers = signWalletCall(SECRET, OPERATOR_ID, '/wallet', body);
      const unsignedQuery = await postWallet(`${casino.walletUrl}?x=1`, balance, {
        secret: SECRET,
        operatorId: OPERATOR_ID,
        headers: { 'content-type': 'application/json', ...headers },
      });
      expect(unsignedQuery.status).toBe(401);
    });

    it('follows secret rotation: replaced, or kept alongside the new one', async () => {
      casino.setSecret('second-secret');
      expect((await call(balance)).status).toBe(401);
      expect((await call(balance, { secret: 'second-secret' })).status).toBe(200);
      casino.setSecret('third-secret', { keepPrevious: true });
      expect((await call(balance, { secret: 'second-secret' })).status).toBe(200);
      expect((await call(balance, { secret: 'third-secret' })).status).toBe(200);
    });

    it('can be told not to verify (benchmarks of the casino alone)', async () => {
      const open = new ReferenceCasino({ verifySignature: false });
      open.upsertPlayer({ userId: 'p1', token: 't', currency: 'USD', balance: '1' });
      await open.start();
      try {
        const res = await postWallet(open.walletUrl, balance, {
          secret: '',
          operatorId: '',
          headers: { 'content-type': 'application/json' },
        });
        expect(res.json).toMatchObject({ status: true, balance: '1' });
      } finally {
        await open.stop();
      }
    });
  });

  describe('actions', () => {
    it('session-check answers for the token’s player, refuses others', async () => {
      expect((await call({ action: 'session-check', userId: 'p1', token: 'tok-1' })).json).toEqual({
        status: true,
        userId: 'p1',
        balance: '37',
        currency: 'USD',
      });
      expect((await call({ action: 'session-check', userId: 'p1', token: 'tok-2' })).json).toEqual({
        status: false,
        code: 'INVALID_TOKEN',
        message: expect.any(String),
      });
      expect((await call({ action: 'session-check', userId: 'nobody', token: 'tok-1' })).json).toMatchObject({
        code: 'PLAYER_NOT_FOUND',
      });
      casino.upsertPlayer({ userId: 'p1', blocked: true });
      expect((await call({ action: 'session-check', userId: 'p1', token: 'tok-1' })).json).toMatchObject({
        code: 'PLAYER_BLOCKED',
      });
    });

    it('player-details and balance answer with the contract’s fields', async () => {
      expect((await call({ action: 'player-details', userId: 'p1', token: 'tok-1' })).json).toEqual({
        status: true,
        userId: 'p1',
        nickname: 'Ann',
        country: 'DE',
        language: 'de',
        currency: 'USD',
        balance: '37',
      });
      expect((await call({ action: 'balance', userId: 'p1', currency: 'USD', token: 'tok-1' })).json).toEqual(
        {
          status: true,
          userId: 'p1',
          balance: '37',
          currency: 'USD',
        },
      );
      expect((await call({ action: 'balance', userId: 'p1', currency: 'EUR' })).json).toMatchObject({
        status: false,
        code: 'CURRENCY_MISMATCH',
      });
    });

    it('move-funds moves exact decimals and echoes the transactionId', async () => {
      const bet = move('bet', '0.1');
      expect((await call(bet)).json).toEqual({
        status: true,
        userId: 'p1',
        balance: '36.9',
        currency: 'USD',
        transactionId: bet.transactionId,
      });
      await call(move('bet', '0.2'));
      await call(move('win', '0.3'));
      expect(balanceOf()).toBe('37');
      expect((await call(move('bet', '37.01'))).json).toMatchObject({
        status: false,
        code: 'INSUFFICIENT_FUNDS',
        balance: '37',
      });
    });

    it.each([
      ['a missing field', { action: 'move-funds', type: 'bet', amount: '1', currency: 'USD', userId: 'p1' }],
      ['an unknown action', { action: 'withdraw', userId: 'p1' }],
      [
        'an amount sent as a JSON number',
        {
          ...{ action: 'move-funds', transactionId: 'n1', type: 'win', currency: 'USD' },
          amount: 1,
          userId: 'p1',
          sessionId: 's',
          gameId: 'g',
          roundId: 'r',
        },
      ],
      [
        'an amount with an exponent',
        {
          action: 'move-funds',
          transactionId: 'n2',
          type: 'win',
          amount: '1e2',
          currency: 'USD',
          userId: 'p1',
          sessionId: 's',
          gameId: 'g',
          roundId: 'r',
        },
      ],
      [
        'a refund without refTransactionId',
        {
          action: 'move-funds',
          transactionId: 'n3',
          type: 'refund',
          amount: '1',
          currency: 'USD',
          userId: 'p1',
          sessionId: 's',
          gameId: 'g',
          roundId: 'r',
        },
      ],
      ['a userId that is not a string', { action: 'session-check', userId: 42, token: 'tok-1' }],
    ])('answers BAD_REQUEST (HTTP 200) to %s', async (_name, body) => {
      const res = await call(body);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ status: false, code: 'BAD_REQUEST', message: expect.any(String) });
      expect(balanceOf()).toBe('37');
    });

    it('answers BAD_REQUEST to a signed body that is not JSON', async () => {
      const res = await call(undefined, { rawBody: '{"action":' });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        status: false,
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/Malformed JSON/),
      });
    });
  });

  describe('idempotency and concurrency', () => {
    it('answers a repeated transactionId with the original answer and moves nothing', async () => {
      const win = move('win', '5');
      const first = await call(win);
      await call(move('bet', '2'));
      const again = await call(win);
      expect(again.json).toEqual(first.json);
      expect(again.json).toMatchObject({ balance: '42' });
      expect(balanceOf()).toBe('40');
      expect(casino.calls({ transactionId: win.transactionId }).map((c) => c.repeat)).toEqual([false, true]);
      expect(casino.transactions('p1').filter((t) => t.transactionId === win.transactionId)).toHaveLength(1);
    });

    it('applies exactly 37 of 100 concurrent bets of 1.00 on 37.00', async () => {
      const bets = Array.from({ length: 100 }, () => move('bet', '1.00'));
      const answers = await Promise.all(bets.map((b) => call(b)));
      const ok = answers.filter((a) => (a.json as { status: boolean }).status);
      const refused = answers.filter((a) => !(a.json as { status: boolean }).status);
      expect(ok).toHaveLength(37);
      expect(refused.map((a) => (a.json as { code: string }).code)).toEqual(
        Array(63).fill('INSUFFICIENT_FUNDS'),
      );
      expect(balanceOf()).toBe('0');
      expect(casino.transactions('p1').filter((t) => t.status === 'applied')).toHaveLength(37);
    });

    it('applies a win once when 20 copies race', async () => {
      const win = move('win', '0.5');
      const answers = await Promise.all(Array.from({ length: 20 }, () => call(win)));
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      expect(balanceOf()).toBe('37.5');
      expect(casino.calls({ transactionId: win.transactionId }).filter((c) => !c.repeat)).toHaveLength(1);
    });

    it('refuses a bet whose refund overtook it while the casino was slow', async () => {
      const bet = move('bet', '10');
      casino.setFault({ action: 'move-funds', moveType: 'bet', mode: 'slow', delayMs: 300, times: 1 });
      const slowBet = call(bet);
      await casino.waitForCalls({ transactionId: bet.transactionId }, { finished: false });
      const refund = await call(move('refund', '10', { refTransactionId: bet.transactionId }));
      expect(refund.json).toMatchObject({ status: true, balance: '37' });
      expect((await slowBet).json).toMatchObject({
        status: false,
        code: 'TRANSACTION_REFUNDED',
        balance: '37',
      });
      expect(balanceOf()).toBe('37');
    });
  });

  describe('faults', () => {
    it('fail: HTTP 500 and nothing moves; with applied, the money moves and the retry gets the original answer', async () => {
      casino.setFault({ action: 'move-funds', mode: 'fail', times: 1 });
      const lost = move('win', '1');
      expect((await call(lost)).status).toBe(500);
      expect(balanceOf()).toBe('37');

      casino.setFault({ action: 'move-funds', mode: 'fail', httpStatus: 503, applied: true, times: 1 });
      const applied = move('win', '2');
      expect((await call(applied)).status).toBe(503);
      expect(balanceOf()).toBe('39');
      expect((await call(applied)).json).toMatchObject({
        status: true,
        balance: '39',
        transactionId: applied.transactionId,
      });
      expect(balanceOf()).toBe('39');
    });

    it('garbage: HTTP 200 with a body that is not the contract’s shape', async () => {
      casino.setFault({ mode: 'garbage', times: 1 });
      const html = await call({ action: 'balance', userId: 'p1', currency: 'USD' });
      expect(html.status).toBe(200);
      expect(html.json).toBeUndefined();
      expect(html.contentType).toMatch(/text\/html/);

      casino.setFault({ mode: 'garbage', body: '{"result":"ok"}', times: 1 });
      const json = await call({ action: 'balance', userId: 'p1', currency: 'USD' });
      expect(json.json).toEqual({ result: 'ok' });
      expect((await call({ action: 'balance', userId: 'p1', currency: 'USD' })).json).toMatchObject({
        status: true,
      });
    });

    it('refuse: a refusal with the chosen code, nothing processed', async () => {
      casino.setFault({ action: 'move-funds', mode: 'refuse', times: 1 });
      expect((await call(move('bet', '1'))).json).toEqual({
        status: false,
        code: 'LIMIT_EXCEEDED',
        message: expect.any(String),
      });
      casino.setFault({
        action: 'move-funds',
        mode: 'refuse',
        code: 'SELF_EXCLUDED',
        message: 'Player excluded',
        times: 1,
      });
      expect((await call(move('bet', '1'))).json).toEqual({
        status: false,
        code: 'SELF_EXCLUDED',
        message: 'Player excluded',
      });
      expect(balanceOf()).toBe('37');
      expect(casino.transactions()).toEqual([]);
    });

    it('down: the connection drops without an answer; with applied the bet still moved', async () => {
      casino.setFault({ mode: 'down', times: 1 });
      await expect(call(move('bet', '1'))).rejects.toThrow();
      expect(balanceOf()).toBe('37');
      casino.setFault({ mode: 'down', applied: true, times: 1 });
      const bet = move('bet', '1');
      await expect(call(bet)).rejects.toThrow();
      expect(balanceOf()).toBe('36');
      expect(casino.calls({ transactionId: bet.transactionId })).toMatchObject([
        { fault: 'down', httpStatus: null, processed: true, endedAt: expect.any(Number) },
      ]);
      expect((await call({ action: 'balance', userId: 'p1', currency: 'USD' })).status).toBe(200);
    });

    it('slow: answers after the delay, and the log shows concurrent calls overlapping', async () => {
      casino.setFault({ mode: 'slow', delayMs: 150 });
      const started = Date.now();
      await Promise.all([
        call({ action: 'session-check', userId: 'p1', token: 'tok-1' }),
        call({ action: 'player-details', userId: 'p1', token: 'tok-1' }),
        call({ action: 'balance', userId: 'p1', currency: 'USD' }),
      ]);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(150);
      expect(elapsed).toBeLessThan(450);
      const calls = casino.calls();
      expect(calls).toHaveLength(3);
      const lastStart = Math.max(...calls.map((c) => c.startedAt));
      const firstEnd = Math.min(...calls.map((c) => c.endedAt ?? 0));
      expect(lastStart).toBeLessThan(firstEnd);
      for (const c of calls) expect((c.endedAt ?? 0) - c.startedAt).toBeGreaterThanOrEqual(145);
    });

    it('scopes a fault to an action, a move type or a number of calls, and `ok` overrides', async () => {
      casino.setFault({ mode: 'fail' });
      casino.setFault({ action: 'balance', mode: 'ok' });
      expect((await call({ action: 'balance', userId: 'p1', currency: 'USD' })).status).toBe(200);
      expect((await call({ action: 'session-check', userId: 'p1', token: 'tok-1' })).status).toBe(500);
      casino.clearFaults();

      casino.setFault({ action: 'move-funds', moveType: 'win', mode: 'fail', times: 2 });
      expect((await call(move('bet', '1'))).status).toBe(200);
      expect((await call(move('win', '1'))).status).toBe(500);
      expect((await call(move('win', '1'))).status).toBe(500);
      expect((await call(move('win', '1'))).status).toBe(200);
      expect(balanceOf()).toBe('37');
    });

    it('reset clears faults and the call log, and keeps the books', async () => {
      casino.setFault({ mode: 'fail' });
      await call({ action: 'balance', userId: 'p1', currency: 'USD' });
      casino.reset();
      expect(casino.faultRules()).toEqual([]);
      expect(casino.calls()).toEqual([]);
      expect((await call(move('win', '1'))).status).toBe(200);
      expect(balanceOf()).toBe('38');
    });
  });

  describe('call log', () => {
    it('waits for a call that has not arrived yet, and times out when none comes', async () => {
      const win = move('win', '1');
      const waiting = casino.waitForCalls({ transactionId: win.transactionId });
      await call(win);
      await expect(waiting).resolves.toMatchObject([
        { transactionId: win.transactionId, moveType: 'win', httpStatus: 200 },
      ]);
      await expect(
        casino.waitForCalls({ action: 'player-details' }, { timeoutMs: 50 }),
      ).rejects.toMatchObject({
        code: 'CALL_TIMEOUT',
      });
    });

    it('keeps the request and the answer of each call', async () => {
      const bet = move('bet', '1');
      await call(bet);
      const [logged] = casino.calls({ action: 'move-funds' });
      expect(logged).toMatchObject({
        seq: expect.any(Number),
        userId: 'p1',
        moveType: 'bet',
        request: bet,
        answer: { status: true, balance: '36', transactionId: bet.transactionId },
        fault: 'ok',
        repeat: false,
      });
    });
  });

  describe('outage', () => {
    it('stop drops a call held by a slow fault at once, without applying it', async () => {
      const other = new ReferenceCasino({ secret: SECRET });
      other.upsertPlayer({ userId: 'p1', token: 't', currency: 'USD', balance: '5' });
      await other.start();
      other.setFault({ mode: 'slow', delayMs: 10_000 });
      const bet = move('bet', '1');
      const pending = postWallet(other.walletUrl, bet, { secret: SECRET, operatorId: 'any' });
      await other.waitForCalls({ transactionId: bet.transactionId }, { finished: false });
      const started = Date.now();
      await other.stop();
      expect(Date.now() - started).toBeLessThan(2000);
      await expect(pending).rejects.toThrow();
      expect(other.player('p1').balance).toBe('5');
      expect(other.calls()).toMatchObject([{ fault: 'slow', httpStatus: null, processed: false }]);
    });

    it('stop then start on the same port keeps the players and transactions', async () => {
      const other = new ReferenceCasino({ secret: SECRET });
      other.upsertPlayer({ userId: 'p1', token: 't', currency: 'USD', balance: '5' });
      const url = await other.start();
      const port = Number(new URL(url).port);
      try {
        const win = move('win', '1');
        await postWallet(other.walletUrl, win, { secret: SECRET, operatorId: 'any' });
        await other.stop();
        await expect(
          postWallet(other.walletUrl, win, { secret: SECRET, operatorId: 'any' }),
        ).rejects.toThrow();
        expect(await other.start(port)).toBe(url);
        const again = await postWallet(other.walletUrl, win, { secret: SECRET, operatorId: 'any' });
        expect(again.json).toMatchObject({ status: true, balance: '6' });
        expect(other.player('p1').balance).toBe('6');
      } finally {
        await other.stop();
      }
    });
  });
});
