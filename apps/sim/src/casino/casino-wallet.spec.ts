import fc from 'fast-check';
import { Money } from '@app/common';
import { CasinoControlError } from './casino-control.error';
import { CasinoWallet } from './casino-wallet';
import type { MoveFundsRequest, MoveType } from './casino.types';

let seq = 0;
function move(type: MoveType, amount: string, extra: Partial<MoveFundsRequest> = {}): MoveFundsRequest {
  seq += 1;
  return {
    action: 'move-funds',
    transactionId: `tx-${seq}`,
    type,
    amount,
    currency: 'USD',
    userId: 'p1',
    sessionId: 's1',
    gameId: 'g1',
    roundId: `r-${seq}`,
    ...extra,
  };
}

describe('CasinoWallet', () => {
  let wallet: CasinoWallet;
  beforeEach(() => {
    wallet = new CasinoWallet();
    wallet.upsertPlayer({
      userId: 'p1',
      token: 't1',
      currency: 'USD',
      balance: '10.00',
      nickname: 'Ann',
      country: 'DE',
      language: 'de',
    });
  });

  describe('players', () => {
    it('defaults the optional fields of a new player and keeps unsent fields on update', () => {
      expect(wallet.upsertPlayer({ userId: 'p2', token: 't2', currency: 'EUR' })).toEqual({
        userId: 'p2',
        token: 't2',
        currency: 'EUR',
        balance: '0',
        nickname: 'p2',
        country: 'MT',
        language: 'en',
        blocked: false,
      });
      expect(wallet.upsertPlayer({ userId: 'p1', balance: '3.5', blocked: true })).toMatchObject({
        token: 't1',
        currency: 'USD',
        balance: '3.5',
        nickname: 'Ann',
        blocked: true,
      });
    });

    it('refuses a new player without token or currency, and a balance that is not an exact decimal', () => {
      expect(() => wallet.upsertPlayer({ userId: 'p3', currency: 'USD' })).toThrow(CasinoControlError);
      expect(() => wallet.upsertPlayer({ userId: 'p1', balance: '1e3' })).toThrow(/balance/);
      expect(() => wallet.upsertPlayer({ userId: 'p1', balance: '-1' })).toThrow(/NEGATIVE/);
      expect(() => wallet.upsertPlayer({ userId: 'p1', balance: '0.000000001' })).toThrow(
        /TOO_MANY_DECIMALS/,
      );
      expect(wallet.player('p1')?.balance).toBe('10');
    });
  });

  describe('session-check, player-details, balance', () => {
    it('answers for the player whose token it is', () => {
      expect(wallet.sessionCheck({ action: 'session-check', userId: 'p1', token: 't1' })).toEqual({
        status: true,
        userId: 'p1',
        balance: '10',
        currency: 'USD',
      });
      expect(wallet.playerDetails({ action: 'player-details', userId: 'p1', token: 't1' })).toEqual({
        status: true,
        userId: 'p1',
        nickname: 'Ann',
        country: 'DE',
        language: 'de',
        currency: 'USD',
        balance: '10',
      });
      expect(wallet.balance({ action: 'balance', userId: 'p1', currency: 'USD' })).toEqual({
        status: true,
        userId: 'p1',
        balance: '10',
        currency: 'USD',
      });
    });

    it('refuses a wrong token, an unknown player, a blocked player and another currency', () => {
      wallet.upsertPlayer({ userId: 'blocked', token: 'tb', currency: 'USD', blocked: true });
      expect(wallet.sessionCheck({ action: 'session-check', userId: 'p1', token: 'nope' })).toMatchObject({
        status: false,
        code: 'INVALID_TOKEN',
      });
      expect(wallet.sessionCheck({ action: 'session-check', userId: 'ghost', token: 't1' })).toMatchObject({
        status: false,
        code: 'PLAYER_NOT_FOUND',
      });
      expect(wallet.sessionCheck({ action: 'session-check', userId: 'blocked', token: 'tb' })).toMatchObject({
        status: false,
        code: 'PLAYER_BLOCKED',
      });
      expect(wallet.playerDetails({ action: 'player-details', userId: 'p1', token: 't2' })).toMatchObject({
        status: false,
        code: 'INVALID_TOKEN',
      });
      expect(wallet.balance({ action: 'balance', userId: 'p1', currency: 'EUR' })).toMatchObject({
        status: false,
        code: 'CURRENCY_MISMATCH',
      });
      expect(
        wallet.balance({ action: 'balance', userId: 'p1', currency: 'USD', token: 'bad' }),
      ).toMatchObject({
        status: false,
        code: 'INVALID_TOKEN',
      });
      // Balance stays informational for a blocked player.
      expect(wallet.balance({ action: 'balance', userId: 'blocked', currency: 'USD' })).toMatchObject({
        status: true,
      });
    });
  });

  describe('move-funds', () => {
    it('debits a bet and credits a win exactly, echoing the transactionId', () => {
      const bet = move('bet', '0.1');
      expect(wallet.moveFunds(bet)).toEqual({
        answer: {
          status: true,
          userId: 'p1',
          balance: '9.9',
          currency: 'USD',
          transactionId: bet.transactionId,
        },
        repeat: false,
      });
      wallet.moveFunds(move('bet', '0.2'));
      expect(wallet.player('p1')?.balance).toBe('9.7');
      wallet.moveFunds(move('win', '0.30000001'));
      expect(wallet.player('p1')?.balance).toBe('10.00000001');
    });

    it('answers a repeat with the original answer and moves nothing', () => {
      const bet = move('bet', '4');
      const first = wallet.moveFunds(bet);
      wallet.moveFunds(move('win', '1'));
      const again = wallet.moveFunds({ ...bet, amount: '4.00' });
      expect(again).toEqual({ answer: first.answer, repeat: true });
      expect(wallet.player('p1')?.balance).toBe('7');
      expect(wallet.allTransactions('p1')).toHaveLength(2);
    });

    it('refuses the same transactionId with other content, without moving', () => {
      const win = move('win', '1');
      wallet.moveFunds(win);
      for (const changed of [
        { amount: '2' },
        { type: 'bet' as const },
        { currency: 'EUR' },
        { userId: 'p2' },
      ]) {
        expect(wallet.moveFunds({ ...win, ...changed }).answer).toMatchObject({
          status: false,
          code: 'TRANSACTION_MISMATCH',
        });
      }
      expect(wallet.player('p1')?.balance).toBe('11');
    });

    it('refuses a bet over the balance with the balance, and remembers that refusal', () => {
      const bet = move('bet', '10.00000001');
      const refused = wallet.moveFunds(bet);
      expect(refused.answer).toEqual({
        status: false,
        code: 'INSUFFICIENT_FUNDS',
        message: expect.any(String),
        balance: '10',
      });
      wallet.moveFunds(move('win', '5'));
      expect(wallet.moveFunds(bet)).toEqual({ answer: refused.answer, repeat: true });
      expect(wallet.player('p1')?.balance).toBe('15');
      expect(wallet.moveFunds(move('bet', '15')).answer).toMatchObject({ status: true, balance: '0' });
    });

    it('refuses another currency, an unknown player, a blocked player betting; credits a blocked player', () => {
      expect(wallet.moveFunds(move('bet', '1', { currency: 'EUR' })).answer).toMatchObject({
        code: 'CURRENCY_MISMATCH',
      });
      expect(wallet.moveFunds(move('win', '1', { userId: 'ghost' })).answer).toMatchObject({
        code: 'PLAYER_NOT_FOUND',
      });
      wallet.upsertPlayer({ userId: 'p1', blocked: true });
      expect(wallet.moveFunds(move('bet', '1')).answer).toMatchObject({ code: 'PLAYER_BLOCKED' });
      expect(wallet.moveFunds(move('win', '1')).answer).toMatchObject({ status: true, balance: '11' });
    });

    it.each(['-1', '1e2', '1.000000001', ' 1', '', '0x10', '01', 'NaN'])(
      'refuses amount %j as BAD_REQUEST',
      (amount) => {
        expect(wallet.moveFunds(move('win', amount)).answer).toMatchObject({
          status: false,
          code: 'BAD_REQUEST',
        });
        expect(wallet.player('p1')?.balance).toBe('10');
        expect(wallet.allTransactions()).toHaveLength(0);
      },
    );
  });

  describe('refunds', () => {
    it('reverses a bet once, whatever amount the refund carries', () => {
      const bet = move('bet', '2.5');
      wallet.moveFunds(bet);
      const refund = move('refund', '2.5', { refTransactionId: bet.transactionId });
      expect(wallet.moveFunds(refund).answer).toMatchObject({ status: true, balance: '10' });
      expect(wallet.moveFunds(refund)).toMatchObject({ repeat: true });
      const second = move('refund', '2.5', { refTransactionId: bet.transactionId });
      expect(wallet.moveFunds(second).answer).toMatchObject({ status: true, balance: '10' });
      expect(wallet.transaction(bet.transactionId)).toMatchObject({ refundedBy: refund.transactionId });
      expect(wallet.transaction(second.transactionId)).toMatchObject({ moved: '0', status: 'applied' });
    });

    it('succeeds without movement for a refused bet', () => {
      const bet = move('bet', '50');
      wallet.moveFunds(bet);
      expect(
        wallet.moveFunds(move('refund', '50', { refTransactionId: bet.transactionId })).answer,
      ).toMatchObject({
        status: true,
        balance: '10',
      });
    });

    it('remembers a refund that came before its bet, and refuses the late bet', () => {
      const refund = move('refund', '3', { refTransactionId: 'late-bet' });
      expect(wallet.moveFunds(refund).answer).toMatchObject({ status: true, balance: '10' });
      const late = move('bet', '3', { transactionId: 'late-bet' });
      expect(wallet.moveFunds(late).answer).toMatchObject({
        status: false,
        code: 'TRANSACTION_REFUNDED',
        balance: '10',
      });
      expect(wallet.moveFunds(late)).toMatchObject({
        repeat: true,
        answer: { code: 'TRANSACTION_REFUNDED' },
      });
      expect(wallet.player('p1')?.balance).toBe('10');
    });

    it('refuses to refund a win or another player’s bet', () => {
      const win = move('win', '1');
      wallet.moveFunds(win);
      expect(
        wallet.moveFunds(move('refund', '1', { refTransactionId: win.transactionId })).answer,
      ).toMatchObject({
        code: 'INVALID_REFUND',
      });
      wallet.upsertPlayer({ userId: 'p2', token: 't2', currency: 'USD', balance: '5' });
      const bet = move('bet', '1', { userId: 'p2' });
      wallet.moveFunds(bet);
      expect(
        wallet.moveFunds(move('refund', '1', { refTransactionId: bet.transactionId })).answer,
      ).toMatchObject({
        code: 'INVALID_REFUND',
      });
      expect(wallet.player('p2')?.balance).toBe('4');
      expect(wallet.player('p1')?.balance).toBe('11');
    });
  });

  it('keeps balance = start − applied bets + wins + refunded bets, never negative, over any sequence', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('bet' as const), cents: fc.integer({ min: 0, max: 800 }) }),
      fc.record({ kind: fc.constant('win' as const), cents: fc.integer({ min: 0, max: 800 }) }),
      fc.record({ kind: fc.constant('refund' as const), target: fc.nat() }),
      fc.record({ kind: fc.constant('repeat' as const), target: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const w = new CasinoWallet();
        w.upsertPlayer({ userId: 'p1', token: 't', currency: 'USD', balance: '20' });
        const sent: MoveFundsRequest[] = [];
        for (const o of ops) {
          let req: MoveFundsRequest;
          if (o.kind === 'bet' || o.kind === 'win') {
            req = move(o.kind, Money.fromMinorUnits(BigInt(o.cents), 2).toString());
          } else if (sent.length === 0) {
            continue;
          } else if (o.kind === 'refund') {
            req = move('refund', '0', { refTransactionId: sent[o.target % sent.length].transactionId });
          } else {
            req = sent[o.target % sent.length];
          }
          sent.push(req);
          w.moveFunds(req);
          expect(Money.parseDecimal(w.player('p1')?.balance ?? '', { maxDecimals: 8 }).isNegative()).toBe(
            false,
          );
        }
        let expected = Money.parseDecimal('20', { maxDecimals: 8 });
        for (const tx of w.allTransactions()) {
          const amount = Money.parseDecimal(tx.amount, { maxDecimals: 8 });
          if (tx.type === 'win' && tx.status === 'applied') expected = expected.add(amount);
          if (tx.type === 'bet' && tx.status === 'applied' && tx.refundedBy === undefined)
            expected = expected.sub(amount);
        }
        expect(w.player('p1')?.balance).toBe(expected.toString());
      }),
    );
  });
});
