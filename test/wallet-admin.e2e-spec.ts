import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Money } from '@app/common';
import { CreditCommand, DebitCommand, RollbackCommand, TransferCommand, type WalletParty } from '@app/wallet';
import { createTestApp, type TestApp } from './support/test-app';

const m = (s: string) => Money.parseDecimal(s, { maxDecimals: 8 });

interface TxItem {
  id: string;
  kind: string;
  status: string;
  amount: string;
  balanceAfter: string | null;
  playerId: string;
  providerId: string | null;
  roundId: string | null;
  providerRoundId: string | null;
  createdAt: string;
}

describe('wallet admin views (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;

  // Operator A: player a1 (EUR) plays at providers P1 and P2; player a2 (EUR) only funds.
  // Operator B: player b1 (USD) plays at P1. Every id is fresh, so the filters below see only these rows.
  const opA = randomUUID();
  const opB = randomUUID();
  const p1 = randomUUID();
  const p2 = randomUUID();
  const a1: WalletParty = {
    operatorId: opA,
    walletMode: 'internal',
    playerId: `a1-${randomUUID().slice(0, 8)}`,
    currency: 'EUR',
  };
  const a2: WalletParty = {
    operatorId: opA,
    walletMode: 'internal',
    playerId: `a2-${randomUUID().slice(0, 8)}`,
    currency: 'EUR',
  };
  const b1: WalletParty = {
    operatorId: opB,
    walletMode: 'internal',
    playerId: `b1-${randomUUID().slice(0, 8)}`,
    currency: 'USD',
  };
  const r1 = `r1-${randomUUID()}`;
  const r2 = `r2-${randomUUID()}`;
  const r3 = `r3-${randomUUID()}`;
  let round1Id: string;
  let refusedBetId: string;
  let seededAfter: string;

  const get = (path: string, query: Record<string, string | number> = {}) =>
    t.http().get(path).query(query).set(t.adminAuth);
  const txs = async (query: Record<string, string | number>) => {
    const res = await get('/admin/transactions', { limit: 200, ...query });
    expect(res.status).toBe(200);
    return res.body as { items: TxItem[]; page: number; limit: number; total: number };
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(getDataSourceToken());
    const transfer = t.app.get(TransferCommand);
    const debit = t.app.get(DebitCommand);
    const credit = t.app.get(CreditCommand);
    const rollback = t.app.get(RollbackCommand);
    const ok = (o: { ok: boolean }) => expect(o.ok).toBe(true);

    ok(
      await transfer.execute({
        party: a1,
        direction: 'deposit',
        transactionId: randomUUID(),
        amount: m('100'),
      }),
    );
    ok(
      await transfer.execute({
        party: a2,
        direction: 'deposit',
        transactionId: randomUUID(),
        amount: m('20'),
      }),
    );
    ok(
      await transfer.execute({
        party: b1,
        direction: 'deposit',
        transactionId: randomUUID(),
        amount: m('50'),
      }),
    );
    // a1, round r1 at P1: bet 10, settling win 4 → closed.
    const bet1 = await debit.execute({
      party: a1,
      providerId: p1,
      externalId: `b-${r1}`,
      providerRoundId: r1,
      amount: m('10'),
    });
    ok(bet1);
    round1Id = bet1.roundId!;
    ok(
      await credit.execute({
        party: a1,
        providerId: p1,
        externalId: `w-${r1}`,
        providerRoundId: r1,
        amount: m('4'),
      }),
    );
    // a1, round r2 at P2: bet 5 then its refund → closed by the refund.
    ok(
      await debit.execute({
        party: a1,
        providerId: p2,
        externalId: `b-${r2}`,
        providerRoundId: r2,
        amount: m('5'),
      }),
    );
    ok(
      await rollback.execute({
        party: a1,
        providerId: p2,
        externalId: `rb-${r2}`,
        betExternalId: `b-${r2}`,
        providerRoundId: r2,
      }),
    );
    // a1 bets more than the balance: refused.
    const refused = await debit.execute({
      party: a1,
      providerId: p2,
      externalId: `big-${randomUUID()}`,
      amount: m('1000'),
    });
    expect(refused.ok).toBe(false);
    refusedBetId = refused.transactionId!;
    // b1, round r3 at P1: bet 3, no win yet → open.
    ok(
      await debit.execute({
        party: b1,
        providerId: p1,
        externalId: `b-${r3}`,
        providerRoundId: r3,
        amount: m('3'),
      }),
    );
    seededAfter = new Date(Date.now() + 1000).toISOString();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('admin token', () => {
    it.each([
      '/admin/transactions',
      '/admin/rounds',
      '/admin/deliveries',
      '/admin/reports/ggr?from=2024-01-01&to=2024-01-02',
    ])('%s answers 401 without the token and with a wrong one', async (path) => {
      const none = await t.http().get(path);
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED' });
      const wrong = await t.http().get(path).set('Authorization', 'Bearer not-the-admin-token-000');
      expect(wrong.status).toBe(401);
    });
  });

  describe('GET /admin/transactions', () => {
    it('filters by operator: all of its transactions with exact amounts and balances, newest first', async () => {
      const page = await txs({ operatorId: opA });
      // 2 deposits, bet, win, bet, refund, refused bet.
      expect(page.total).toBe(7);
      expect(page.items).toHaveLength(7);
      const kinds = page.items.map((i) => i.kind).sort();
      expect(kinds).toEqual(['bet', 'bet', 'bet', 'deposit', 'deposit', 'refund', 'win']);
      const win = page.items.find((i) => i.kind === 'win')!;
      expect(win).toMatchObject({
        amount: '4',
        balanceAfter: '94',
        playerId: a1.playerId,
        providerId: p1,
        providerRoundId: r1,
      });
      const order = page.items.map((i) => [i.createdAt, i.id]);
      const sorted = [...order].sort((x, y) =>
        x[0] === y[0] ? y[1].localeCompare(x[1]) : y[0].localeCompare(x[0]),
      );
      expect(order).toEqual(sorted);
    });

    it('each filter narrows to the matching rows only', async () => {
      expect((await txs({ operatorId: opB })).total).toBe(2);
      expect((await txs({ playerId: a2.playerId })).items.map((i) => i.kind)).toEqual(['deposit']);
      const atP2 = await txs({ providerId: p2 });
      expect(atP2.items.map((i) => i.kind).sort()).toEqual(['bet', 'bet', 'refund']);
      const round1 = await txs({ roundId: round1Id });
      expect(round1.items.map((i) => i.kind).sort()).toEqual(['bet', 'win']);
      expect(round1.items.every((i) => i.roundId === round1Id)).toBe(true);
      const byProviderRound = await txs({ providerRoundId: r2 });
      expect(byProviderRound.items.map((i) => `${i.kind}:${i.amount}`).sort()).toEqual(['bet:5', 'refund:5']);
      const bets = await txs({ operatorId: opA, kind: 'bet' });
      expect(bets.total).toBe(3);
      const refused = await txs({ operatorId: opA, status: 'refused' });
      expect(refused.items.map((i) => i.id)).toEqual([refusedBetId]);
      expect((await txs({ operatorId: opA, kind: 'bet', status: 'committed' })).total).toBe(2);
      expect((await txs({ operatorId: opA, playerId: b1.playerId })).total).toBe(0);
    });

    it('from/to bound created_at as [from, to)', async () => {
      const all = await txs({ operatorId: opA });
      const oldest = all.items[all.items.length - 1];
      const newest = all.items[0];
      expect((await txs({ operatorId: opA, from: seededAfter })).total).toBe(0);
      expect((await txs({ operatorId: opA, to: seededAfter })).total).toBe(7);
      expect((await txs({ operatorId: opA, to: oldest.createdAt })).total).toBe(0);
      const fromNewest = await txs({ operatorId: opA, from: newest.createdAt });
      expect(fromNewest.items.map((i) => i.id)).toContain(newest.id);
      expect(fromNewest.items.every((i) => i.createdAt >= newest.createdAt)).toBe(true);
      expect(fromNewest.items.map((i) => i.id)).not.toContain(oldest.id);
    });

    it('pages are disjoint, cover every row once and report the total', async () => {
      const all = await txs({ operatorId: opA });
      const pages = [];
      for (let page = 1; page <= 4; page++) {
        const res = await get('/admin/transactions', { operatorId: opA, limit: 2, page });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ page, limit: 2, total: 7 });
        pages.push((res.body as { items: TxItem[] }).items);
      }
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
      expect(pages.flat().map((i) => i.id)).toEqual(all.items.map((i) => i.id));
      const beyond = await get('/admin/transactions', { operatorId: opA, limit: 2, page: 5 });
      expect(beyond.body).toMatchObject({ items: [], page: 5, total: 7 });
    });

    it.each([
      [{ operatorId: 'not-a-uuid' }, 'operatorId'],
      [{ roundId: '123' }, 'roundId'],
      [{ kind: 'jackpot' }, 'kind'],
      [{ status: 'done' }, 'status'],
      [{ from: 'yesterday' }, 'from'],
      [{ to: '2024-02-30' }, 'to'],
      [{ from: '2024-05-01T10:00:00' }, 'from'],
      [{ limit: 201 }, 'limit'],
      [{ page: 0 }, 'page'],
      [{ unknown: 'x' }, 'unknown'],
    ])('400 for a bad filter %j', async (query, field) => {
      const res = await get('/admin/transactions', query);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('BAD_REQUEST');
      expect(JSON.stringify(res.body.message)).toContain(field);
    });

    it('400 INVALID_PERIOD when from is after to', async () => {
      const res = await get('/admin/transactions', { from: '2024-05-02', to: '2024-05-01T23:59:59Z' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'INVALID_PERIOD' });
    });
  });

  describe('GET /admin/rounds', () => {
    const rounds = async (query: Record<string, string | number>) => {
      const res = await get('/admin/rounds', query);
      expect(res.status).toBe(200);
      return res.body as { items: Record<string, unknown>[]; total: number };
    };

    it('lists rounds with their totals and status, filtered', async () => {
      const ofA = await rounds({ operatorId: opA });
      expect(ofA.total).toBe(2);
      const byRound = Object.fromEntries(ofA.items.map((r) => [r.providerRoundId as string, r]));
      expect(byRound[r1]).toMatchObject({
        id: round1Id,
        providerId: p1,
        playerId: a1.playerId,
        currency: 'EUR',
        status: 'closed',
        betTotal: '10',
        winTotal: '4',
        refundTotal: '0',
        betCount: 1,
        refundedCount: 0,
      });
      expect(byRound[r1].closedAt).toEqual(expect.any(String));
      expect(byRound[r2]).toMatchObject({
        status: 'closed',
        betTotal: '5',
        refundTotal: '5',
        refundedCount: 1,
      });
      const open = await rounds({ operatorId: opB, status: 'open' });
      expect(open.items).toHaveLength(1);
      expect(open.items[0]).toMatchObject({
        providerRoundId: r3,
        status: 'open',
        betTotal: '3',
        closedAt: null,
      });
      expect((await rounds({ operatorId: opB, status: 'closed' })).total).toBe(0);
      expect((await rounds({ providerId: p2 })).items.map((r) => r.providerRoundId)).toEqual([r2]);
      expect((await rounds({ playerId: b1.playerId })).items.map((r) => r.providerRoundId)).toEqual([r3]);
      expect((await rounds({ operatorId: opA, from: seededAfter })).total).toBe(0);
      const paged = await get('/admin/rounds', { operatorId: opA, limit: 1, page: 2 });
      expect(paged.body).toMatchObject({ page: 2, limit: 1, total: 2 });
      expect(paged.body.items).toHaveLength(1);
    });

    it('400 for bad filters', async () => {
      expect((await get('/admin/rounds', { status: 'settled' })).status).toBe(400);
      expect((await get('/admin/rounds', { providerId: 'x' })).status).toBe(400);
      expect((await get('/admin/rounds', { from: '2024-05-02', to: '2024-05-01' })).body.error).toBe(
        'INVALID_PERIOD',
      );
    });
  });

  describe('GET /admin/deliveries', () => {
    const opS = randomUUID();
    const insertOutbox = async (
      status: 'pending' | 'delivered',
      extra: { attempts: number; lastError: string | null; createdAt: string },
    ) => {
      const [{ id }] = await db.query(
        `INSERT INTO outbox (transaction_id, operator_id, payload, status, attempts, last_error, last_attempt_at, delivered_at, created_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, now(), $7, $8) RETURNING id`,
        [
          randomUUID(),
          opS,
          JSON.stringify({
            action: 'move-funds',
            type: 'win',
            amount: '25.5',
            currency: 'EUR',
            userId: 'u1',
          }),
          status,
          extra.attempts,
          extra.lastError,
          status === 'delivered' ? new Date() : null,
          extra.createdAt,
        ],
      );
      return id as string;
    };

    it('lists outbox rows with attempts, errors and payload; filters by status and operator', async () => {
      const failing = await insertOutbox('pending', {
        attempts: 7,
        lastError: 'operator answered HTTP 503',
        createdAt: '2024-05-01T10:00:00Z',
      });
      const newer = await insertOutbox('pending', {
        attempts: 0,
        lastError: null,
        createdAt: '2024-05-01T11:00:00Z',
      });
      const done = await insertOutbox('delivered', {
        attempts: 1,
        lastError: null,
        createdAt: '2024-05-01T09:00:00Z',
      });

      const all = await get('/admin/deliveries', { operatorId: opS });
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(3);
      expect(all.body.items.map((d: { id: string }) => d.id)).toEqual([newer, failing, done]);
      const pending = await get('/admin/deliveries', { operatorId: opS, status: 'pending' });
      expect(pending.body.items.map((d: { id: string }) => d.id)).toEqual([newer, failing]);
      expect(pending.body.items[1]).toMatchObject({
        operatorId: opS,
        status: 'pending',
        attempts: 7,
        lastError: 'operator answered HTTP 503',
        deliveredAt: null,
        payload: { action: 'move-funds', type: 'win', amount: '25.5' },
        createdAt: '2024-05-01T10:00:00.000Z',
      });
      expect(pending.body.items[1].lastAttemptAt).toEqual(expect.any(String));
      const delivered = await get('/admin/deliveries', { operatorId: opS, status: 'delivered' });
      expect(delivered.body.items.map((d: { id: string }) => d.id)).toEqual([done]);
      expect(delivered.body.items[0].deliveredAt).toEqual(expect.any(String));
      expect((await get('/admin/deliveries', { operatorId: randomUUID() })).body.total).toBe(0);
    });

    it('400 for bad filters', async () => {
      expect((await get('/admin/deliveries', { status: 'failed' })).status).toBe(400);
      expect((await get('/admin/deliveries', { operatorId: 'nope' })).status).toBe(400);
    });
  });

  describe('GET /admin/reports/ggr', () => {
    const opG = randomUUID();
    const provX = randomUUID();
    const provY = randomUUID();
    const game1 = randomUUID();

    beforeAll(async () => {
      const rows: [string, string, string, string, string, string | null, string | null][] = [
        // day 1 (UTC), EUR at X: two bets, a win, a refund; a refused and a voided bet do not count
        ['bet', '10.1', 'EUR', 'committed', '2024-03-01T00:00:00Z', provX, game1],
        ['bet', '0.00000001', 'EUR', 'committed', '2024-03-01T12:00:00Z', provX, game1],
        ['win', '5.05', 'EUR', 'committed', '2024-03-01T13:00:00Z', provX, game1],
        ['refund', '1', 'EUR', 'committed', '2024-03-01T14:00:00Z', provX, game1],
        ['bet', '100', 'EUR', 'refused', '2024-03-01T15:00:00Z', provX, game1],
        ['bet', '7', 'EUR', 'voided', '2024-03-01T15:00:00Z', provX, game1],
        ['bet', '9', 'EUR', 'pending', '2024-03-01T15:00:00Z', provX, game1],
        // day 1, USD at X: the house lost
        ['bet', '3', 'USD', 'committed', '2024-03-01T20:00:00Z', provX, game1],
        ['win', '4', 'USD', 'committed', '2024-03-01T21:00:00Z', provX, game1],
        // day 2 in UTC, though day 1 in its own offset
        ['bet', '1', 'EUR', 'committed', '2024-03-01T23:30:00-01:00', provX, game1],
        ['bet', '2.5', 'EUR', 'committed', '2024-03-02T23:59:59.999Z', provX, game1],
        ['win', '0', 'EUR', 'committed', '2024-03-02T23:59:59.999Z', provX, game1],
        // day 2, EUR at Y, no game
        ['bet', '0.5', 'EUR', 'committed', '2024-03-02T08:00:00Z', provY, null],
        // outside [from, to) or not a game movement
        ['bet', '1000', 'EUR', 'committed', '2024-03-03T00:00:00Z', provX, game1],
        ['bet', '1000', 'EUR', 'committed', '2024-02-29T23:59:59.999Z', provX, game1],
        ['deposit', '500', 'EUR', 'committed', '2024-03-01T10:00:00Z', null, null],
      ];
      for (const [kind, amount, currency, status, createdAt, providerId, gameId] of rows) {
        await db.query(
          `INSERT INTO wallet_transactions (idempotency_key, provider_id, operator_id, player_id, account_id, external_id, kind,
             amount, currency, status, wallet_mode, game_id, created_at)
           VALUES ($1, $2, $3, 'g-player', $4, $5, $6, $7, $8, $9, 'internal', $10, $11)`,
          [
            `test|${randomUUID()}`,
            providerId,
            opG,
            randomUUID(),
            randomUUID(),
            kind,
            amount,
            currency,
            status,
            gameId,
            createdAt,
          ],
        );
      }
    });

    const ggr = (query: Record<string, string>) =>
      get('/admin/reports/ggr', { operatorId: opG, from: '2024-03-01', to: '2024-03-03', ...query });

    it('sums committed bets, wins and refunds exactly per UTC day × provider × game × currency, with totals', async () => {
      const res = await ggr({});
      expect(res.status).toBe(200);
      expect(res.body.from).toBe('2024-03-01T00:00:00.000Z');
      expect(res.body.to).toBe('2024-03-03T00:00:00.000Z');
      const base = { operatorId: opG, providerId: provX, gameId: game1 as string | null };
      expect(res.body.rows).toEqual([
        {
          day: '2024-03-01',
          ...base,
          currency: 'EUR',
          bets: '10.10000001',
          wins: '5.05',
          refunds: '1',
          ggr: '4.05000001',
          betCount: 2,
          winCount: 1,
          refundCount: 1,
        },
        {
          day: '2024-03-01',
          ...base,
          currency: 'USD',
          bets: '3',
          wins: '4',
          refunds: '0',
          ggr: '-1',
          betCount: 1,
          winCount: 1,
          refundCount: 0,
        },
        ...[
          {
            day: '2024-03-02',
            ...base,
            currency: 'EUR',
            bets: '3.5',
            wins: '0',
            refunds: '0',
            ggr: '3.5',
            betCount: 2,
            winCount: 1,
            refundCount: 0,
          },
          {
            day: '2024-03-02',
            operatorId: opG,
            providerId: provY,
            gameId: null,
            currency: 'EUR',
            bets: '0.5',
            wins: '0',
            refunds: '0',
            ggr: '0.5',
            betCount: 1,
            winCount: 0,
            refundCount: 0,
          },
        ].sort((x, y) => (x.providerId < y.providerId ? -1 : 1)),
      ]);
      expect(res.body.totals).toEqual([
        {
          currency: 'EUR',
          bets: '14.10000001',
          wins: '5.05',
          refunds: '1',
          ggr: '8.05000001',
          betCount: 5,
          winCount: 2,
          refundCount: 1,
        },
        {
          currency: 'USD',
          bets: '3',
          wins: '4',
          refunds: '0',
          ggr: '-1',
          betCount: 1,
          winCount: 1,
          refundCount: 0,
        },
      ]);
    });

    it('narrows by currency and provider', async () => {
      const usd = await ggr({ currency: 'USD' });
      expect(usd.body.rows.map((r: { currency: string }) => r.currency)).toEqual(['USD']);
      expect(usd.body.totals).toEqual([expect.objectContaining({ currency: 'USD', ggr: '-1' })]);
      const atY = await ggr({ providerId: provY });
      expect(atY.body.rows).toHaveLength(1);
      expect(atY.body.totals).toEqual([
        expect.objectContaining({ currency: 'EUR', bets: '0.5', ggr: '0.5' }),
      ]);
      const day2 = await ggr({ from: '2024-03-02T00:00:00Z', providerId: provX, currency: 'EUR' });
      expect(day2.body.totals).toEqual([expect.objectContaining({ bets: '3.5', betCount: 2 })]);
    });

    it('an empty period has no rows and no totals', async () => {
      const res = await ggr({ from: '2023-01-01', to: '2023-01-02' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rows: [], totals: [] });
    });

    it('400 when from/to are missing or invalid, from is after to, or the period is too long', async () => {
      expect((await get('/admin/reports/ggr', { from: '2024-03-01' })).status).toBe(400);
      expect((await ggr({ currency: 'eur' })).status).toBe(400);
      expect((await ggr({ operatorId: 'x' })).status).toBe(400);
      const reversed = await ggr({ from: '2024-03-03', to: '2024-03-01' });
      expect(reversed.status).toBe(400);
      expect(reversed.body.error).toBe('INVALID_PERIOD');
      const long = await ggr({ from: '2020-01-01', to: '2024-01-01' });
      expect(long.status).toBe(400);
      expect(long.body.error).toBe('INVALID_PERIOD');
    });
  });

  describe('queue dashboard /admin/queues', () => {
    it.each(['/admin/queues', '/admin/queues/api/queues'])(
      '%s answers 401 without or with a wrong token',
      async (path) => {
        const none = await t.http().get(path);
        expect(none.status).toBe(401);
        expect(none.body).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED' });
        expect((await t.http().get(path).set('Authorization', 'Bearer wrong-token-wrong-token')).status).toBe(
          401,
        );
      },
    );

    it('serves the board and the delivery queue with the admin token', async () => {
      const page = await t.http().get('/admin/queues').set(t.adminAuth);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const api = await t.http().get('/admin/queues/api/queues').set(t.adminAuth);
      expect(api.status).toBe(200);
      expect((api.body as { queues: { name: string }[] }).queues.map((q) => q.name)).toContain(
        'wallet-delivery',
      );
    });
  });
});
