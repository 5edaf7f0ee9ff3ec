import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Money } from '@app/common';
import {
  BalanceQuery,
  CreditCommand,
  DebitCommand,
  RollbackCommand,
  TransferCommand,
  type WalletParty,
  WalletRefusal,
} from '@app/wallet';
import { balanceMismatches, postingSums, unbalancedTransactions } from './support/ledger-assertions';
import { createTestApp, type TestApp } from './support/test-app';

const m = (s: string) => Money.parseDecimal(s, { maxDecimals: 8 });

describe('wallet ledger (internal mode, real PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  let debit: DebitCommand;
  let credit: CreditCommand;
  let rollback: RollbackCommand;
  let transfer: TransferCommand;
  let balance: BalanceQuery;
  const operatorId = randomUUID();
  const providerId = randomUUID();

  const party = (playerId = `p-${randomUUID().slice(0, 8)}`, currency = 'EUR'): WalletParty => ({
    operatorId,
    walletMode: 'internal',
    playerId,
    currency,
  });
  const fund = async (p: WalletParty, amount: string) => {
    const out = await transfer.execute({
      party: p,
      direction: 'deposit',
      transactionId: randomUUID(),
      amount: m(amount),
    });
    expect(out.ok).toBe(true);
  };
  const bal = async (p: WalletParty) => (await balance.execute(p))!.toString();
  const rounds = (providerRoundId: string) =>
    db.query(
      `SELECT status, bet_total::text, win_total::text, refund_total::text, bet_count, refunded_count FROM rounds
              WHERE provider_id = $1 AND provider_round_id = $2`,
      [providerId, providerRoundId],
    );

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(getDataSourceToken());
    debit = t.app.get(DebitCommand);
    credit = t.app.get(CreditCommand);
    rollback = t.app.get(RollbackCommand);
    transfer = t.app.get(TransferCommand);
    balance = t.app.get(BalanceQuery);
  });
  afterAll(async () => {
    await t.close();
  });

  afterEach(async () => {
    expect(Object.values(await postingSums(db)).every((v) => Money.fromDb(v).isZero())).toBe(true);
    expect(await unbalancedTransactions(db)).toEqual([]);
    expect(await balanceMismatches(db)).toEqual([]);
  });

  it('100 parallel bets of 1.00 on a balance of 37.00: exactly 37 applied, balance 0, never below', async () => {
    const p = party();
    await fund(p, '37');
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        debit.execute({ party: p, providerId, externalId: `par-${p.playerId}-${i}`, amount: m('1.00') }),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(37);
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused).toHaveLength(63);
    expect(refused.every((o) => o.refusal === WalletRefusal.InsufficientFunds)).toBe(true);
    expect(await bal(p)).toBe('0');
    const [{ min }] = await db.query(
      `SELECT min(balance_after)::text AS min FROM wallet_transactions WHERE player_id = $1`,
      [p.playerId],
    );
    expect(Money.fromDb(min).isNegative()).toBe(false);
  });

  it('a duplicate racing its original is applied once and answered with the original outcome', async () => {
    const p = party();
    await fund(p, '100');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        debit.execute({ party: p, providerId, externalId: `dup-${p.playerId}`, amount: m('7.5') }),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(new Set(outcomes.map((o) => o.transactionId)).size).toBe(1);
    expect(outcomes.filter((o) => !o.repeated)).toHaveLength(1);
    expect(outcomes.every((o) => o.balance?.toString() === '92.5')).toBe(true);
    expect(await bal(p)).toBe('92.5');
  });

  it('a repeat of a refused bet gets the same refusal, even after the balance would allow it', async () => {
    const p = party();
    await fund(p, '5');
    const first = await debit.execute({
      party: p,
      providerId,
      externalId: `ref-${p.playerId}`,
      amount: m('10'),
    });
    expect(first).toMatchObject({ ok: false, refusal: WalletRefusal.InsufficientFunds, repeated: false });
    await fund(p, '20');
    const again = await debit.execute({
      party: p,
      providerId,
      externalId: `ref-${p.playerId}`,
      amount: m('10'),
    });
    expect(again).toMatchObject({
      ok: false,
      refusal: WalletRefusal.InsufficientFunds,
      repeated: true,
      transactionId: first.transactionId,
    });
    expect(await bal(p)).toBe('25');
  });

  it('the same id with another amount, player, type or currency is a conflict and moves nothing', async () => {
    const p = party();
    const other = party();
    await fund(p, '50');
    await fund(other, '50');
    const id = `conf-${p.playerId}`;
    expect((await debit.execute({ party: p, providerId, externalId: id, amount: m('10') })).ok).toBe(true);
    const conflicts = await Promise.all([
      debit.execute({ party: p, providerId, externalId: id, amount: m('11') }),
      debit.execute({ party: other, providerId, externalId: id, amount: m('10') }),
      credit.execute({ party: p, providerId, externalId: id, amount: m('10') }),
      debit.execute({ party: { ...p, currency: 'USD' }, providerId, externalId: id, amount: m('10') }),
      debit.execute({ party: p, providerId, externalId: id, amount: m('10'), subtype: 'tip' }),
    ]);
    for (const c of conflicts)
      expect(c).toMatchObject({ ok: false, refusal: WalletRefusal.IdempotencyConflict, transactionId: null });
    expect(await bal(p)).toBe('40');
    expect(await bal(other)).toBe('50');
  });

  it('the idempotency scope keeps equal ids of different currencies apart (wallet-v2)', async () => {
    const eur = party(undefined, 'EUR');
    const usd = { ...eur, currency: 'USD' };
    await fund(eur, '10');
    await fund(usd, '10');
    const a = await debit.execute({
      party: eur,
      providerId,
      externalId: '18446744073709551615',
      idempotencyScope: 'EUR',
      amount: m('1'),
    });
    const b = await debit.execute({
      party: usd,
      providerId,
      externalId: '18446744073709551615',
      idempotencyScope: 'USD',
      amount: m('2'),
    });
    expect([a.ok, b.ok, a.repeated, b.repeated]).toEqual([true, true, false, false]);
    expect([await bal(eur), await bal(usd)]).toEqual(['9', '8']);
  });

  it('a rollback reverses a committed bet exactly once', async () => {
    const p = party();
    await fund(p, '30');
    const bet = await debit.execute({
      party: p,
      providerId,
      externalId: `rb-${p.playerId}`,
      amount: m('12.34'),
      providerRoundId: `r-${p.playerId}`,
    });
    expect(bet.ok).toBe(true);
    const refunds = await Promise.all(
      Array.from({ length: 5 }, () =>
        rollback.execute({
          party: p,
          providerId,
          externalId: `rb-${p.playerId}`,
          betExternalId: `rb-${p.playerId}`,
        }),
      ),
    );
    expect(refunds.every((r) => r.ok)).toBe(true);
    expect(refunds.filter((r) => !r.repeated)).toHaveLength(1);
    // Another refund id for the same bet: accepted, nothing moves.
    const second = await rollback.execute({
      party: p,
      providerId,
      externalId: `rb2-${p.playerId}`,
      betExternalId: `rb-${p.playerId}`,
    });
    expect(second).toMatchObject({ ok: true, noMovement: true });
    expect(await bal(p)).toBe('30');
    expect(await rounds(`r-${p.playerId}`)).toEqual([
      {
        status: 'closed',
        bet_total: '12.34000000',
        win_total: '0.00000000',
        refund_total: '12.34000000',
        bet_count: 1,
        refunded_count: 1,
      },
    ]);
  });

  it('a rollback before its bet is remembered and the late bet is refused', async () => {
    const p = party();
    await fund(p, '10');
    const early = await rollback.execute({
      party: p,
      providerId,
      externalId: `early-r-${p.playerId}`,
      betExternalId: `early-${p.playerId}`,
      amount: m('4'),
    });
    expect(early).toMatchObject({ ok: true, noMovement: true });
    const late = await debit.execute({
      party: p,
      providerId,
      externalId: `early-${p.playerId}`,
      amount: m('4'),
    });
    expect(late).toMatchObject({ ok: false, refusal: WalletRefusal.BetAlreadyRefunded });
    expect(await bal(p)).toBe('10');
  });

  it('a bet and its rollback racing: the balance ends where it started', async () => {
    for (let i = 0; i < 10; i++) {
      const p = party();
      await fund(p, '10');
      const [b, r] = await Promise.all([
        debit.execute({ party: p, providerId, externalId: `race-${p.playerId}`, amount: m('3') }),
        rollback.execute({
          party: p,
          providerId,
          externalId: `race-r-${p.playerId}`,
          betExternalId: `race-${p.playerId}`,
        }),
      ]);
      expect(r.ok).toBe(true);
      expect(b.ok || b.refusal === WalletRefusal.BetAlreadyRefunded).toBe(true);
      expect(await bal(p)).toBe('10');
    }
  });

  it('a refund of a refused bet succeeds with no movement; a refund with another amount is refused', async () => {
    const p = party();
    await fund(p, '1');
    await debit.execute({ party: p, providerId, externalId: `nf-${p.playerId}`, amount: m('5') });
    const r = await rollback.execute({
      party: p,
      providerId,
      externalId: `nf-r-${p.playerId}`,
      betExternalId: `nf-${p.playerId}`,
    });
    expect(r).toMatchObject({ ok: true, noMovement: true });
    await debit.execute({ party: p, providerId, externalId: `mm-${p.playerId}`, amount: m('1') });
    const mm = await rollback.execute({
      party: p,
      providerId,
      externalId: `mm-r-${p.playerId}`,
      betExternalId: `mm-${p.playerId}`,
      amount: m('0.5'),
    });
    expect(mm).toMatchObject({ ok: false, refusal: WalletRefusal.RefundAmountMismatch });
    expect(await bal(p)).toBe('0');
  });

  it('rounds open on the first bet and close on the settling win, 0 included', async () => {
    const p = party();
    await fund(p, '10');
    const round = `round-${p.playerId}`;
    await debit.execute({
      party: p,
      providerId,
      externalId: `${round}-b1`,
      amount: m('1'),
      providerRoundId: round,
    });
    await debit.execute({
      party: p,
      providerId,
      externalId: `${round}-b2`,
      amount: m('2'),
      providerRoundId: round,
    });
    expect((await rounds(round))[0]).toMatchObject({ status: 'open', bet_total: '3.00000000', bet_count: 2 });
    const win = await credit.execute({
      party: p,
      providerId,
      externalId: `${round}-w`,
      amount: m('0'),
      providerRoundId: round,
    });
    expect(win).toMatchObject({ ok: true });
    expect(win.balance!.toString()).toBe('7');
    expect((await rounds(round))[0]).toMatchObject({ status: 'closed', win_total: '0.00000000' });
  });

  it('random bet/win/refund/duplicate sequences keep the ledger balanced and match a model', async () => {
    type Op =
      | { op: 'bet' | 'win'; player: number; id: number; cents: number }
      | { op: 'refund'; player: number; id: number; bet: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        op: fc.constantFrom<'bet' | 'win'>('bet', 'win'),
        player: fc.nat(2),
        id: fc.nat(30),
        cents: fc.integer({ min: 0, max: 5000 }),
      }),
      fc.record({ op: fc.constant<'refund'>('refund'), player: fc.nat(2), id: fc.nat(30), bet: fc.nat(30) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
        const run = randomUUID().slice(0, 8);
        const parties = [0, 1, 2].map((i) => party(`fc-${run}-${i}`));
        const model = parties.map(() => 2000n * 100n); // cents
        for (const p of parties) await fund(p, '2000');
        // The model: what each provider id means once first seen.
        const seen = new Map<
          string,
          { kind: string; player: number; cents: number; applied: boolean; refunded: boolean }
        >();
        const refunds = new Set<string>();
        for (const o of ops) {
          const p = parties[o.player];
          if (o.op === 'refund') {
            const res = await rollback.execute({
              party: p,
              providerId,
              externalId: `${run}-rf-${o.id}`,
              betExternalId: `${run}-tx-${o.bet}`,
            });
            const betKey = `${run}-tx-${o.bet}`;
            const refundKey = `${run}-rf-${o.id}`;
            const bet = seen.get(betKey);
            if (refunds.has(refundKey)) continue;
            if (!bet) {
              if (res.ok) {
                refunds.add(refundKey);
                seen.set(betKey, {
                  kind: 'voided',
                  player: o.player,
                  cents: 0,
                  applied: false,
                  refunded: true,
                });
              }
              continue;
            }
            if (bet.kind !== 'bet' || bet.player !== o.player) {
              expect(res.ok || res.refusal === WalletRefusal.IdempotencyConflict).toBe(true);
              if (res.ok) refunds.add(refundKey);
              continue;
            }
            expect(res.ok).toBe(true);
            refunds.add(refundKey);
            if (bet.applied && !bet.refunded) model[o.player] += BigInt(bet.cents);
            bet.refunded = true;
            continue;
          }
          const key = `${run}-tx-${o.id}`;
          const amount = Money.fromMinorUnits(BigInt(o.cents), 2);
          const cmd = o.op === 'bet' ? debit : credit;
          const res = await cmd.execute({ party: p, providerId, externalId: key, amount });
          const prior = seen.get(key);
          if (prior) {
            expect(res.ok && !res.repeated).toBe(false);
            continue;
          }
          if (o.op === 'win') {
            expect(res.ok).toBe(true);
            model[o.player] += BigInt(o.cents);
            seen.set(key, { kind: 'win', player: o.player, cents: o.cents, applied: true, refunded: false });
          } else {
            const enough = model[o.player] >= BigInt(o.cents);
            expect(res.ok).toBe(enough);
            if (enough) model[o.player] -= BigInt(o.cents);
            seen.set(key, {
              kind: 'bet',
              player: o.player,
              cents: o.cents,
              applied: enough,
              refunded: false,
            });
          }
        }
        for (let i = 0; i < parties.length; i++) {
          expect((await balance.execute(parties[i]))!.toMinorUnits(2)).toBe(model[i]);
        }
        const sums = await postingSums(db);
        expect(Object.values(sums).every((v) => Money.fromDb(v).isZero())).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
