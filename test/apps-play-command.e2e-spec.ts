import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Money } from '@app/common';
import { ReferenceCasino } from '@app/sim';
import {
  BalanceQuery,
  CreditCommand,
  PlayCommand,
  type PlayInput,
  TransferCommand,
  type WalletParty,
  WalletRefusal,
} from '@app/wallet';
import { balanceMismatches, postingSums, unbalancedTransactions } from './support/ledger-assertions';
import { newOperator, type CreatedOperator } from './support/operator-builders';
import { createTestApp, type TestApp } from './support/test-app';

const m = (s: string) => Money.parseDecimal(s, { maxDecimals: 8 });

describe('PlayCommand: minus and plus as one movement (real PostgreSQL; reference casino for seamless)', () => {
  let t: TestApp;
  let db: DataSource;
  let play: PlayCommand;
  let casino: ReferenceCasino;
  let internalOp: CreatedOperator;
  let seamlessOp: CreatedOperator;
  const providerId = randomUUID();

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { WALLET_CALL_TIMEOUT_MS: '3000' } });
    db = t.app.get(getDataSourceToken());
    play = t.app.get(PlayCommand, { strict: false });
    casino = new ReferenceCasino();
    await casino.start();
    internalOp = await newOperator(t, { walletMode: 'internal', currencies: ['EUR'] });
    seamlessOp = await newOperator(t, {
      walletMode: 'seamless',
      walletUrl: casino.walletUrl,
      currencies: ['EUR'],
    });
    casino.setSecret(seamlessOp.secret);
    casino.setOperatorId(seamlessOp.id);
  });

  afterEach(async () => {
    expect(Object.values(await postingSums(db)).every((v) => Money.fromDb(v).isZero())).toBe(true);
    expect(await unbalancedTransactions(db)).toEqual([]);
    expect(await balanceMismatches(db)).toEqual([]);
  });

  afterAll(async () => {
    await t?.close();
    await casino?.stop();
  });

  async function internalPlayer(balance: string): Promise<WalletParty> {
    const party: WalletParty = {
      operatorId: internalOp.id,
      walletMode: 'internal',
      playerId: `pp-${randomUUID().slice(0, 8)}`,
      currency: 'EUR',
    };
    await t.app
      .get(TransferCommand, { strict: false })
      .execute({ party, direction: 'deposit', transactionId: randomUUID(), amount: m(balance) });
    return party;
  }

  function seamlessPlayer(balance: string): WalletParty {
    const playerId = `sp-${randomUUID().slice(0, 8)}`;
    casino.upsertPlayer({ userId: playerId, token: `tok-${playerId}`, currency: 'EUR', balance });
    return { operatorId: seamlessOp.id, walletMode: 'seamless', playerId, currency: 'EUR' };
  }

  const input = (
    party: WalletParty,
    minus: string,
    plus: string,
    extra: Partial<PlayInput> = {},
  ): PlayInput => ({
    party,
    providerId,
    externalId: randomUUID(),
    sessionId: randomUUID(),
    gameId: randomUUID(),
    providerRoundId: `spin-${randomUUID().slice(0, 8)}`,
    meta: { tag: { game: 'slot' } },
    minus: m(minus),
    plus: m(plus),
    ...extra,
  });

  const ledgerBalance = async (party: WalletParty): Promise<Money> =>
    (await t.app.get(BalanceQuery, { strict: false }).execute(party)) ?? Money.zero();

  const rowsOf = (party: WalletParty) =>
    db.query<{ kind: string; amount: string; status: string; round_id: string | null }[]>(
      `SELECT kind, amount::text AS amount, status, round_id FROM wallet_transactions
        WHERE player_id = $1 AND kind IN ('bet', 'win') ORDER BY kind`,
      [party.playerId],
    );

  describe('internal wallet', () => {
    it('debits minus and credits plus in one transaction, one closed round', async () => {
      const party = await internalPlayer('10');
      const out = await play.execute(input(party, '2.5', '4'));
      expect(out).toMatchObject({ ok: true, repeated: false });
      expect(out.balance!.eq(m('11.5'))).toBe(true);
      const rows = await rowsOf(party);
      expect(rows.map((r) => [r.kind, r.amount, r.status])).toEqual([
        ['bet', '2.50000000', 'committed'],
        ['win', '4.00000000', 'committed'],
      ]);
      expect(rows[0].round_id).toBe(rows[1].round_id);
      const rounds = await db.query<{ status: string; bet_total: string; win_total: string }[]>(
        `SELECT status, bet_total::text, win_total::text FROM rounds WHERE id = $1`,
        [rows[0].round_id],
      );
      expect(rounds).toEqual([{ status: 'closed', bet_total: '2.50000000', win_total: '4.00000000' }]);
    });

    it('is refused whole when the balance is below minus, whatever plus is; a repeat answers the same', async () => {
      const party = await internalPlayer('1');
      const req = input(party, '1.01', '100');
      const out = await play.execute(req);
      expect(out).toMatchObject({ ok: false, refusal: WalletRefusal.InsufficientFunds });
      expect((await play.execute(req)).refusal).toBe(WalletRefusal.InsufficientFunds);
      expect((await ledgerBalance(party)).eq(m('1'))).toBe(true);
      expect((await rowsOf(party)).map((r) => r.status)).toEqual(['refused']);
    });

    it('a repeat moves nothing and reports the current balance; another plus under the same id conflicts', async () => {
      const party = await internalPlayer('10');
      const req = input(party, '1', '3');
      await play.execute(req);
      const again = await play.execute(req);
      expect(again).toMatchObject({ ok: true, repeated: true });
      expect(again.balance!.eq(m('12'))).toBe(true);
      expect((await play.execute({ ...req, plus: m('4') })).refusal).toBe(WalletRefusal.IdempotencyConflict);
      expect((await play.execute({ ...req, plus: Money.zero() })).refusal).toBe(
        WalletRefusal.IdempotencyConflict,
      );
      expect((await ledgerBalance(party)).eq(m('12'))).toBe(true);
      expect(await rowsOf(party)).toHaveLength(2);
    });

    it('when the win leg cannot be written the bet is rolled back with it', async () => {
      const party = await internalPlayer('10');
      const req = input(party, '2', '1');
      // Take the win leg's key first (the same id under the play's win scope): the play must not half-apply.
      await t.app
        .get(CreditCommand, { strict: false })
        .execute({ ...req, amount: m('0.5'), idempotencyScope: 'play-win' });
      const out = await play.execute(req);
      expect(out).toMatchObject({ ok: false, refusal: WalletRefusal.IdempotencyConflict });
      expect((await ledgerBalance(party)).eq(m('10.5'))).toBe(true);
      expect((await rowsOf(party)).map((r) => r.kind)).toEqual(['win']);
    });

    it('parallel plays on one player never overdraw it', async () => {
      const party = await internalPlayer('5');
      const outs = await Promise.all(
        Array.from({ length: 30 }, () => play.execute(input(party, '1', '0.5'))),
      );
      // Each play needs 1 and nets -0.5: 5 → 4.5 → … → 1 → 0.5, then refused.
      expect(outs.filter((o) => o.ok)).toHaveLength(9);
      expect(outs.filter((o) => o.refusal === WalletRefusal.InsufficientFunds)).toHaveLength(21);
      expect((await ledgerBalance(party)).eq(m('0.5'))).toBe(true);
    });

    it('a duplicate racing its original is applied once', async () => {
      const party = await internalPlayer('5');
      const req = input(party, '2', '1');
      const outs = await Promise.all(Array.from({ length: 12 }, () => play.execute(req)));
      expect(outs.every((o) => o.ok)).toBe(true);
      expect(outs.filter((o) => !o.repeated)).toHaveLength(1);
      expect((await ledgerBalance(party)).eq(m('4'))).toBe(true);
      expect(await rowsOf(party)).toHaveLength(2);
    });

    it('one side zero is a plain bet or win (0 settles the round)', async () => {
      const party = await internalPlayer('5');
      const round = `spin-${randomUUID().slice(0, 8)}`;
      expect((await play.execute(input(party, '2', '0', { providerRoundId: round }))).ok).toBe(true);
      expect((await play.execute(input(party, '0', '0', { providerRoundId: round }))).ok).toBe(true);
      const rounds = await db.query<{ status: string }[]>(
        `SELECT status FROM rounds WHERE provider_id = $1 AND provider_round_id = $2`,
        [providerId, round],
      );
      expect(rounds).toEqual([{ status: 'closed' }]);
      expect((await ledgerBalance(party)).eq(m('3'))).toBe(true);
    });
  });

  describe('seamless wallet', () => {
    it('the bet is a move-funds bet, the win a move-funds win; the casino holds the result', async () => {
      const party = seamlessPlayer('10');
      const req = input(party, '2', '5');
      const out = await play.execute(req);
      expect(out.ok).toBe(true);
      expect(out.balance!.eq(m('13'))).toBe(true);
      expect(casino.player(party.playerId).balance).toBe('13');
      const types = casino.calls({ action: 'move-funds', userId: party.playerId }).map((c) => c.moveType);
      expect(types).toEqual(['bet', 'win']);
      const again = await play.execute(req);
      expect(again).toMatchObject({ ok: true, repeated: true });
      expect(casino.player(party.playerId).balance).toBe('13');
    });

    it('refused by the casino for funds: nothing moves, the win is not sent', async () => {
      const party = seamlessPlayer('1');
      const out = await play.execute(input(party, '2', '50'));
      expect(out.refusal).toBe(WalletRefusal.InsufficientFunds);
      expect(casino.calls({ action: 'move-funds', userId: party.playerId, moveType: 'win' })).toEqual([]);
      expect(casino.player(party.playerId).balance).toBe('1');
    });

    it('parallel plays on one casino player never overdraw it', async () => {
      const party = seamlessPlayer('5');
      const outs = await Promise.all(
        Array.from({ length: 20 }, () => play.execute(input(party, '1', '0.5'))),
      );
      // At the operator the bet and the win are two calls: wins may land after other bets were refused, so
      // between 5 and 9 plays pass; the balance is exactly what they net and never below zero.
      const passed = outs.filter((o) => o.ok).length;
      expect(passed).toBeGreaterThanOrEqual(5);
      expect(passed).toBeLessThanOrEqual(9);
      expect(outs.filter((o) => !o.ok).map((o) => o.refusal)).toEqual(
        Array<WalletRefusal>(20 - passed).fill(WalletRefusal.InsufficientFunds),
      );
      const balance = m(casino.player(party.playerId).balance);
      expect(balance.eq(m(String(5 - passed / 2)))).toBe(true);
      expect(balance.isNegative()).toBe(false);
    });

    it('a play interrupted after its bet is completed by the retry: the win is booked once', async () => {
      const party = seamlessPlayer('10');
      const req = input(party, '3', '1');
      await db.query(`ALTER TABLE outbox RENAME TO outbox_away`);
      try {
        await expect(play.execute(req)).rejects.toThrow();
      } finally {
        await db.query(`ALTER TABLE outbox_away RENAME TO outbox`);
      }
      expect(casino.player(party.playerId).balance).toBe('7');
      const out = await play.execute(req);
      expect(out.ok).toBe(true);
      expect(casino.player(party.playerId).balance).toBe('8');
      await play.execute(req);
      expect(casino.player(party.playerId).balance).toBe('8');
      expect(casino.calls({ action: 'move-funds', userId: party.playerId, moveType: 'bet' })).toHaveLength(1);
    });
  });
});
