import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { getQueueToken } from '@nestjs/bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { Money } from '@app/common';
import { OperatorWalletClient } from '@app/operators';
import { ReferenceCasino, type WalletCall } from '@app/sim';
import {
  BalanceQuery,
  CreditCommand,
  DebitCommand,
  type DebitInput,
  OutboxService,
  QueueName,
  RollbackCommand,
  type WalletParty,
  WalletRefusal,
} from '@app/wallet';
import { balanceMismatches, postingSums, unbalancedTransactions } from './support/ledger-assertions';
import { type CreatedOperator, newOperator } from './support/operator-builders';
import { eventually } from './support/eventually';
import { createTestApp, type TestApp } from './support/test-app';

const CALL_TIMEOUT_MS = 300;
const BREAKER_THRESHOLD = 3;
const BREAKER_OPEN_MS = 500;

const m = (s: string) => Money.parseDecimal(s, { maxDecimals: 8 });

describe('seamless wallet against the reference casino (real PostgreSQL, Redis, BullMQ worker)', () => {
  let t: TestApp;
  let db: DataSource;
  let casino: ReferenceCasino;
  let op: CreatedOperator;
  let debit: DebitCommand;
  let credit: CreditCommand;
  let rollback: RollbackCommand;
  let balance: BalanceQuery;
  let outbox: OutboxService;
  let client: OperatorWalletClient;
  let queue: Queue;
  const providerId = randomUUID();

  /** A casino player with this balance, and the aggregator party that plays for them. */
  const player = (startBalance = '100'): WalletParty => {
    const playerId = `sp-${randomUUID().slice(0, 8)}`;
    casino.upsertPlayer({
      userId: playerId,
      token: `tok-${playerId}`,
      currency: 'EUR',
      balance: startBalance,
    });
    return { operatorId: op.id, walletMode: 'seamless', playerId, currency: 'EUR' };
  };
  const bet = (party: WalletParty, amount: string, extra: Partial<DebitInput> = {}): DebitInput => ({
    party,
    providerId,
    externalId: `bet-${randomUUID()}`,
    amount: m(amount),
    sessionId: randomUUID(),
    gameId: randomUUID(),
    providerRoundId: `round-${randomUUID().slice(0, 8)}`,
    ...extra,
  });
  const casinoBalance = (party: WalletParty) => casino.player(party.playerId).balance;
  const moveFundsCalls = (party: WalletParty, type?: string): WalletCall[] =>
    casino.calls({ action: 'move-funds', userId: party.playerId, ...(type ? { moveType: type } : {}) });
  const txRow = async (id: string) => {
    const rows: {
      status: string;
      error_code: string | null;
      balance_after: string | null;
      refunded_at: Date | null;
    }[] = await db.query(
      `SELECT status, error_code, balance_after::text AS balance_after, refunded_at FROM wallet_transactions WHERE id = $1`,
      [id],
    );
    return rows[0];
  };
  const outboxRows = async (transactionId: string) => {
    const rows: { id: string; status: string; payload: Record<string, unknown>; attempts: number }[] =
      await db.query(
        `SELECT id, status, payload, attempts FROM outbox WHERE transaction_id = $1 ORDER BY created_at`,
        [transactionId],
      );
    return rows;
  };
  const delivered = (outboxId: string) =>
    eventually(`outbox ${outboxId} delivered`, async () => {
      const rows: { status: string }[] = await db.query(`SELECT status FROM outbox WHERE id = $1`, [
        outboxId,
      ]);
      return rows[0].status === 'delivered' ? rows[0] : undefined;
    });

  beforeAll(async () => {
    t = await createTestApp({
      workers: true,
      env: {
        WALLET_CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS),
        BREAKER_FAILURE_THRESHOLD: String(BREAKER_THRESHOLD),
        BREAKER_OPEN_MS: String(BREAKER_OPEN_MS),
      },
    });
    db = t.app.get(getDataSourceToken());
    debit = t.app.get(DebitCommand);
    credit = t.app.get(CreditCommand);
    rollback = t.app.get(RollbackCommand);
    balance = t.app.get(BalanceQuery);
    outbox = t.app.get(OutboxService);
    client = t.app.get(OperatorWalletClient);
    queue = t.app.get(getQueueToken(QueueName.WalletDelivery));
    casino = new ReferenceCasino();
    await casino.start();
  });

  beforeEach(async () => {
    casino.reset();
    // One operator per test: the circuit breaker is per operator, so tests cannot trip each other's.
    op = await newOperator(t, { walletMode: 'seamless', walletUrl: casino.walletUrl, currencies: ['EUR'] });
    casino.setSecret(op.secret);
    casino.setOperatorId(op.id);
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

  it('a bet moves the casino balance, is committed with its balance, and a repeat makes no second call', async () => {
    const p = player('100');
    const input = bet(p, '12.34');
    const out = await debit.execute(input);

    expect(out).toMatchObject({ ok: true, repeated: false });
    expect(out.balance?.toString()).toBe('87.66');
    expect(casinoBalance(p)).toBe('87.66');
    expect(await txRow(out.transactionId!)).toMatchObject({
      status: 'committed',
      balance_after: '87.66000000',
    });

    const [call] = moveFundsCalls(p);
    expect(call.signature).toBe('valid');
    expect(call.request).toEqual({
      action: 'move-funds',
      transactionId: out.transactionId,
      type: 'bet',
      amount: '12.34',
      currency: 'EUR',
      userId: p.playerId,
      sessionId: input.sessionId,
      gameId: input.gameId,
      roundId: input.providerRoundId,
    });

    const again = await debit.execute(input);
    expect(again).toMatchObject({ ok: true, repeated: true, transactionId: out.transactionId });
    expect(again.balance?.toString()).toBe('87.66');
    expect(moveFundsCalls(p)).toHaveLength(1);
    expect(casinoBalance(p)).toBe('87.66');
  });

  it('a casino refusal (INSUFFICIENT_FUNDS) is stored; a repeat gets the same refusal without a call', async () => {
    const p = player('5');
    const input = bet(p, '10');
    const out = await debit.execute(input);

    expect(out).toMatchObject({
      ok: false,
      refusal: WalletRefusal.InsufficientFunds,
      operatorCode: 'INSUFFICIENT_FUNDS',
      repeated: false,
    });
    expect(await txRow(out.transactionId!)).toMatchObject({
      status: 'refused',
      error_code: 'INSUFFICIENT_FUNDS',
    });
    expect(casinoBalance(p)).toBe('5');

    const again = await debit.execute(input);
    expect(again).toMatchObject({
      ok: false,
      refusal: WalletRefusal.InsufficientFunds,
      repeated: true,
      transactionId: out.transactionId,
    });
    expect(moveFundsCalls(p)).toHaveLength(1);
    expect(
      await db.query(`SELECT count(*)::int AS n FROM outbox WHERE transaction_id = $1`, [out.transactionId]),
    ).toEqual([{ n: 0 }]);
  });

  it.each([
    [
      'slow (applied, answered after the timeout)',
      { mode: 'slow' as const, delayMs: CALL_TIMEOUT_MS * 4, applied: true },
    ],
    ['fail (applied, HTTP 500)', { mode: 'fail' as const, applied: true }],
    ['garbage (applied, HTML body)', { mode: 'garbage' as const, applied: true }],
  ])('bet with an unknown outcome — %s: failed, compensated by exactly one refund', async (_name, fault) => {
    const p = player('100');
    casino.setFault({ action: 'move-funds', moveType: 'bet', times: 1, ...fault });
    const started = Date.now();
    const out = await debit.execute(bet(p, '30'));
    expect(Date.now() - started).toBeLessThan(CALL_TIMEOUT_MS * 3);

    expect(out).toMatchObject({ ok: false, refusal: WalletRefusal.UnknownOutcome, repeated: false });
    expect(await txRow(out.transactionId!)).toMatchObject({
      status: 'failed',
      error_code: WalletRefusal.UnknownOutcome,
    });
    const [row] = await outboxRows(out.transactionId!);
    expect(row.payload).toMatchObject({
      type: 'refund',
      refTransactionId: out.transactionId,
      amount: '30',
      userId: p.playerId,
    });
    expect(row.payload.transactionId).not.toBe(out.transactionId);

    await delivered(row.id);
    expect(casinoBalance(p)).toBe('100');
    const refunds = casino.transactions(p.playerId).filter((tx) => tx.type === 'refund');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ refTransactionId: out.transactionId, status: 'applied', moved: '30' });
    expect(moveFundsCalls(p, 'refund')).toHaveLength(1);
  });

  it('a win while the casino drops connections: answered ok, delivered later by the worker, applied exactly once', async () => {
    const p = player('100');
    // The casino applies the win but the connection drops, twice (inline try and first retry).
    casino.setFault({ action: 'move-funds', moveType: 'win', mode: 'down', applied: true, times: 2 });
    const win = { ...bet(p, '7.5'), externalId: `win-${randomUUID()}` };
    const out = await credit.execute(win);

    expect(out).toMatchObject({ ok: true, repeated: false });
    const [row] = await outboxRows(out.transactionId!);
    expect(row.status).toBe('pending');

    await delivered(row.id);
    const wins = casino.transactions(p.playerId).filter((tx) => tx.type === 'win');
    expect(wins).toHaveLength(1);
    expect(wins[0]).toMatchObject({ transactionId: out.transactionId, moved: '7.5' });
    expect(casinoBalance(p)).toBe('107.5');
    expect(moveFundsCalls(p, 'win').length).toBeGreaterThanOrEqual(3);

    const again = await credit.execute(win);
    expect(again).toMatchObject({ ok: true, repeated: true, transactionId: out.transactionId });
    expect(casino.transactions(p.playerId).filter((tx) => tx.type === 'win')).toHaveLength(1);
  });

  it('a twin of a win whose first delivery is in flight answers the balance after the win, never our shadow', async () => {
    const p = player('100');
    // The casino answers the win after 200 ms (inside the call timeout): the twin arrives meanwhile.
    casino.setFault({ action: 'move-funds', moveType: 'win', mode: 'slow', delayMs: 200, times: 1 });
    const win = { ...bet(p, '7.5'), externalId: `win-${randomUUID()}` };
    const first = credit.execute(win);
    await casino.waitForCalls(
      { action: 'move-funds', moveType: 'win', userId: p.playerId },
      { finished: false },
    );
    const twin = await credit.execute(win);
    const out = await first;

    expect(out).toMatchObject({ ok: true, repeated: false });
    expect(out.balance?.toString()).toBe('107.5');
    expect(twin).toMatchObject({ ok: true, repeated: true, transactionId: out.transactionId });
    // Our shadow account for this player reads 7.5 (the win's posting); the player's balance is the casino's.
    expect(twin.balance?.toString()).toBe('107.5');
    expect(await txRow(out.transactionId!)).toMatchObject({
      status: 'committed',
      balance_after: '107.50000000',
    });
    expect(moveFundsCalls(p, 'win')).toHaveLength(1);
  });

  it('a win while the casino is stopped: delivered once it is back on the same port', async () => {
    const p = player('100');
    const port = Number(new URL(casino.baseUrl).port);
    await casino.stop();
    try {
      const out = await credit.execute({ ...bet(p, '3'), externalId: `win-${randomUUID()}` });
      expect(out).toMatchObject({ ok: true, repeated: false });
      const [row] = await outboxRows(out.transactionId!);
      expect(row.status).toBe('pending');
      await sleep(300);
      expect((await outboxRows(out.transactionId!))[0].status).toBe('pending');
      expect(casinoBalance(p)).toBe('100');

      await casino.start(port);
      await delivered(row.id);
      expect(casino.transactions(p.playerId).filter((tx) => tx.type === 'win')).toHaveLength(1);
      expect(casinoBalance(p)).toBe('103');
    } finally {
      if (!casino.listening) await casino.start(port);
    }
  });

  it('a refund of a committed bet reaches the casino once with refTransactionId, however often repeated', async () => {
    const p = player('50');
    const input = bet(p, '20');
    const placed = await debit.execute(input);
    expect(placed.ok).toBe(true);
    expect(casinoBalance(p)).toBe('30');

    const refund = {
      party: p,
      providerId,
      externalId: `rb-${randomUUID()}`,
      betExternalId: input.externalId,
      sessionId: input.sessionId,
      gameId: input.gameId,
      providerRoundId: input.providerRoundId,
    };
    const outs = [
      await rollback.execute(refund),
      ...(await Promise.all([rollback.execute(refund), rollback.execute(refund)])),
    ];
    expect(outs[0]).toMatchObject({ ok: true, repeated: false });
    expect(outs[0].balance?.toString()).toBe('50');
    expect(outs.slice(1).every((o) => o.ok && o.repeated && o.transactionId === outs[0].transactionId)).toBe(
      true,
    );

    const refundCalls = moveFundsCalls(p, 'refund');
    expect(refundCalls).toHaveLength(1);
    expect(refundCalls[0].request).toMatchObject({
      type: 'refund',
      refTransactionId: placed.transactionId,
      amount: '20',
    });
    expect(casinoBalance(p)).toBe('50');
    expect((await txRow(placed.transactionId!)).refunded_at).not.toBeNull();
    const [row] = await outboxRows(outs[0].transactionId!);
    expect(row.status).toBe('delivered');
  });

  it('a twin of a refund whose first delivery is in flight answers the balance after the refund', async () => {
    const p = player('100');
    const input = bet(p, '20');
    expect((await debit.execute(input)).ok).toBe(true);
    // The casino answers the refund after 200 ms (inside the call timeout): the twin arrives meanwhile.
    casino.setFault({ action: 'move-funds', moveType: 'refund', mode: 'slow', delayMs: 200, times: 1 });
    const refund = {
      party: p,
      providerId,
      externalId: `rb-${randomUUID()}`,
      betExternalId: input.externalId,
    };
    const first = rollback.execute(refund);
    await casino.waitForCalls(
      { action: 'move-funds', moveType: 'refund', userId: p.playerId },
      { finished: false },
    );
    const twin = await rollback.execute(refund);
    const out = await first;

    expect(out).toMatchObject({ ok: true, repeated: false });
    expect(out.balance?.toString()).toBe('100');
    expect(twin).toMatchObject({ ok: true, repeated: true, transactionId: out.transactionId });
    expect(twin.balance?.toString()).toBe('100');
    expect(moveFundsCalls(p, 'refund')).toHaveLength(1);
  });

  it('a refund that moves nothing reports the casino balance (not our shadow account), also when repeated', async () => {
    const p = player('42.5');
    const won = await credit.execute({ ...bet(p, '7.5'), externalId: `win-${randomUUID()}` });
    expect(won.ok).toBe(true);
    expect(casinoBalance(p)).toBe('50');

    const refund = {
      party: p,
      providerId,
      externalId: `rb-${randomUUID()}`,
      betExternalId: `never-placed-${randomUUID()}`,
    };
    const first = await rollback.execute(refund);
    const again = await rollback.execute(refund);
    expect(first).toMatchObject({ ok: true, noMovement: true, repeated: false });
    expect(first.balance?.toString()).toBe('50');
    expect(again).toMatchObject({ ok: true, repeated: true });
    expect(again.balance?.toString()).toBe('50');
    expect(moveFundsCalls(p, 'refund')).toHaveLength(0);
  });

  it('a refund racing its in-flight bet waits for the bet: a bet the casino applied is refunded, nothing is lost', async () => {
    const p = player('50');
    const input = bet(p, '20');
    // The casino answers the bet after 150 ms (inside the call timeout): the refund arrives meanwhile.
    casino.setFault({ action: 'move-funds', moveType: 'bet', mode: 'slow', delayMs: 150, times: 1 });
    const placing = debit.execute(input);
    await casino.waitForCalls(
      { action: 'move-funds', moveType: 'bet', userId: p.playerId },
      { finished: false },
    );
    const refunded = await rollback.execute({
      party: p,
      providerId,
      externalId: `rb-${randomUUID()}`,
      betExternalId: input.externalId,
    });
    const placed = await placing;

    expect(placed.ok).toBe(true);
    expect(refunded).toMatchObject({ ok: true, repeated: false });
    expect(refunded.noMovement).toBeFalsy();
    const [row] = await outboxRows(refunded.transactionId!);
    await delivered(row.id);
    expect(casinoBalance(p)).toBe('50');
    expect(casino.transactions(p.playerId).filter((tx) => tx.type === 'refund')).toMatchObject([
      { refTransactionId: placed.transactionId, moved: '20' },
    ]);
  });

  it('circuit breaker: opens after the threshold, fails fast without calling, lets a trial through after the open period', async () => {
    const p = player('100');
    // Keep the worker from delivering the compensating refunds (they would take the half-open trial).
    await queue.pause();
    try {
      casino.setFault({ action: 'move-funds', mode: 'fail' });
      for (let i = 0; i < BREAKER_THRESHOLD; i++) {
        expect(await debit.execute(bet(p, '1'))).toMatchObject({
          ok: false,
          refusal: WalletRefusal.UnknownOutcome,
        });
      }
      expect(client.breakerState(op.id)).toBe('open');
      const callsBefore = casino.calls().length;

      const fast = await debit.execute(bet(p, '1'));
      expect(fast).toMatchObject({ ok: false, refusal: WalletRefusal.OperatorUnavailable });
      expect(await txRow(fast.transactionId!)).toMatchObject({
        status: 'refused',
        error_code: WalletRefusal.OperatorUnavailable,
      });
      expect(await outboxRows(fast.transactionId!)).toEqual([]);
      expect(casino.calls()).toHaveLength(callsBefore);
      expect(casinoBalance(p)).toBe('100');

      casino.clearFaults();
      await sleep(BREAKER_OPEN_MS + 50);
      expect(client.breakerState(op.id)).toBe('half-open');
      const trial = await debit.execute(bet(p, '2'));
      expect(trial).toMatchObject({ ok: true });
      expect(casino.calls()).toHaveLength(callsBefore + 1);
      expect(client.breakerState(op.id)).toBe('closed');
      expect(casinoBalance(p)).toBe('98');
    } finally {
      await queue.resume();
    }
    // The queued compensations are then delivered; the failed bets were never applied, so nothing moves.
    const failed: { id: string }[] = await db.query(
      `SELECT o.id FROM outbox o JOIN wallet_transactions w ON w.id = o.transaction_id WHERE w.player_id = $1`,
      [p.playerId],
    );
    expect(failed).toHaveLength(BREAKER_THRESHOLD);
    for (const { id } of failed) await delivered(id);
    expect(casinoBalance(p)).toBe('98');
  });

  it('balance of a seamless player comes from the casino; while it is down, the last known one', async () => {
    const p = player('100');
    expect((await balance.execute(p))?.toString()).toBe('100');

    casino.upsertPlayer({ userId: p.playerId, balance: '150' });
    casino.setFault({ action: 'balance', mode: 'down' });
    expect((await balance.execute(p))?.toString()).toBe('100');
    expect(casino.calls({ action: 'balance', userId: p.playerId })).toHaveLength(2);

    casino.clearFaults();
    expect((await balance.execute(p))?.toString()).toBe('150');
  });

  // Last: it empties the delivery queue.
  it('outbox recovery: a pending delivery whose job vanished from Redis is re-queued by the sweeper and delivered once', async () => {
    const p = player('100');
    casino.setFault({ action: 'move-funds', moveType: 'win', mode: 'down' });
    const out = await credit.execute({ ...bet(p, '4'), externalId: `win-${randomUUID()}` });
    expect(out.ok).toBe(true);
    const [row] = await outboxRows(out.transactionId!);
    expect(row.status).toBe('pending');
    expect(await queue.getJob(row.id)).toBeDefined();

    await queue.obliterate({ force: true });
    await queue.resume();
    expect(await queue.getJob(row.id)).toBeUndefined();
    casino.clearFaults();
    await sleep(1500);
    expect((await outboxRows(out.transactionId!))[0].status).toBe('pending');

    expect(await outbox.sweep(0)).toBeGreaterThanOrEqual(1);
    await delivered(row.id);
    expect(casino.transactions(p.playerId).filter((tx) => tx.type === 'win')).toHaveLength(1);
    expect(casinoBalance(p)).toBe('104');
  });
});
