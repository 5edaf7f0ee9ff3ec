import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Money } from '@app/common';
import { TransferCommand } from '@app/wallet';
import { AppsGameServer, appsSimSign, type AppsExchange } from '../apps/sim/src/games/apps';
import { newGames, newProvider, type CreatedProvider } from './support/catalogue-builders';
import { balanceMismatches, postingSums, unbalancedTransactions } from './support/ledger-assertions';
import { newOperator, type CreatedOperator } from './support/operator-builders';
import { seedSession, type SeededSession } from './support/session-builders';
import { createTestApp, type TestApp } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'apps');
const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const replies = JSON.parse(fixtureText('replies.json')) as Record<string, Record<string, unknown>>;
const signExample = JSON.parse(fixtureText('sign-example.json')) as Record<string, string>;

/** The spec's own reply shapes: the exact key set and the JSON type of each field. */
function shapeOf(v: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x]));
}

describe('apps billing: every request example of the spec, replayed (conformance)', () => {
  let t: TestApp;
  let db: DataSource;
  let op: CreatedOperator;
  let provider: CreatedProvider;
  let gameId: string;
  let server: AppsGameServer;
  let salt: string;

  /** A fixture body with a live session and its sign; the rest of the text is sent as written. */
  const live = (name: string, session: string, saltOverride?: string): string => {
    const text = fixtureText(name);
    const trx = (JSON.parse(text) as { trx_id: string }).trx_id;
    return text
      .replace('${session}', session)
      .replace('${sign}', appsSimSign(session, String(trx), saltOverride ?? salt));
  };
  const session = async (currency = 'FUN', balance = '1956.50'): Promise<SeededSession> => {
    const s = await seedSession(t, {
      operatorId: op.id,
      walletMode: 'internal',
      providerId: provider.id,
      gameId,
      currency,
    });
    if (balance !== '0') {
      await t.app.get(TransferCommand, { strict: false }).execute({
        party: { operatorId: op.id, walletMode: 'internal', playerId: s.userId, currency },
        direction: 'deposit',
        transactionId: randomUUID(),
        amount: Money.parseDecimal(balance, { maxDecimals: 2 }),
      });
    }
    return s;
  };
  const expectReply = (x: AppsExchange, kind: keyof typeof replies): void => {
    expect(x.httpStatus).toBe(200);
    expect(x.contentType).toMatch(/^application\/json/);
    expect(shapeOf(x.answer)).toEqual(shapeOf(replies[kind]));
    expect(x.answer.status).toBe(replies[kind].status);
  };
  interface TxRow {
    kind: string;
    amount: string;
    status: string;
    external_id: string;
    provider_round_id: string;
    meta: { tag: Record<string, unknown> };
    session_id: string;
    game_id: string;
  }
  const transactions = (sessionId: string): Promise<TxRow[]> =>
    db.query<TxRow[]>(
      `SELECT kind, amount::text AS amount, status, external_id, provider_round_id, meta, session_id, game_id
         FROM wallet_transactions WHERE session_id = $1 ORDER BY created_at`,
      [sessionId],
    );

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    db = t.app.get(getDataSourceToken());
    op = await newOperator(t, { walletMode: 'internal', currencies: ['EUR', 'USD'] });
  });

  // A provider per example: the fixtures' trx_ids are sent as written, and idempotency is per provider.
  beforeEach(async () => {
    provider = await newProvider(t, 'apps');
    salt = provider.config.salt as string;
    gameId = (await newGames(t, provider.code, 1))[0].id;
    server = new AppsGameServer({ callbackBaseUrl: t.url, providerCode: provider.code, salt });
  });

  afterEach(async () => {
    expect(Object.values(await postingSums(db)).every((v) => Money.fromDb(v).isZero())).toBe(true);
    expect(await unbalancedTransactions(db)).toEqual([]);
    expect(await balanceMismatches(db)).toEqual([]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('the sign example: md5 applied 45 times', () => {
    expect(appsSimSign(signExample.session, signExample.trx_id, signExample.salt)).toBe(signExample.sign);
  });

  it('balance request (both 0, empty game_id) → the OK reply of the spec, exactly', async () => {
    const s = await session();
    const x = await server.send(live('do-balance.json', s.token), { resign: false });
    expectReply(x, 'ok');
    expect(x.answer).toEqual(replies.ok); // { status: OK, balance: 195650, currency: FUN }
    expect(x.rawAnswer).toBe('{"status":"OK","balance":195650,"currency":"FUN"}');
    expect(await transactions(s.id)).toEqual([]);
  });

  it('Slots: the bet of spin 100001, then its win with the same game_uuid — one round', async () => {
    const s = await session();
    const bet = await server.send(live('do-slot.json', s.token), { resign: false });
    expectReply(bet, 'ok');
    expect(bet.answer).toEqual({ status: 'OK', balance: 195550, currency: 'FUN' });
    const win = await server.send(live('do-slot-win.json', s.token), { resign: false });
    expect(win.answer).toEqual({ status: 'OK', balance: 195800, currency: 'FUN' });

    const rows = await transactions(s.id);
    expect(rows.map((r) => [r.kind, r.amount, r.status, r.external_id, r.provider_round_id])).toEqual([
      ['bet', '1.00000000', 'committed', '1c9a4f3e-4b1f-4a6e-9a56-0d3e7c1b2a10', '100001'],
      ['win', '2.50000000', 'committed', '100002', '100001'],
    ]);
    // The tag is stored with the transaction as it was sent.
    expect(rows[0].meta.tag).toEqual(JSON.parse(fixtureText('do-slot.json')).tag);
    expect(rows.every((r) => r.session_id === s.id && r.game_id === gameId)).toBe(true);
    const rounds: { status: string; bet_total: string; win_total: string }[] = await db.query(
      `SELECT status, bet_total::text, win_total::text FROM rounds WHERE provider_id = $1 AND provider_round_id = '100001'`,
      [provider.id],
    );
    expect(rounds).toEqual([{ status: 'closed', bet_total: '1.00000000', win_total: '2.50000000' }]);
  });

  it('EGames: the keno bet "[0]:1000", then the null payout of the lost round closes it', async () => {
    const s = await session();
    const bet = await server.send(live('do-egame.json', s.token), { resign: false });
    expectReply(bet, 'ok');
    expect(bet.answer).toEqual({ status: 'OK', balance: 194650, currency: 'FUN' });
    const loss = await server.send(live('do-egame-loss.json', s.token), { resign: false });
    expect(loss.answer).toEqual({ status: 'OK', balance: 194650, currency: 'FUN' });
    const rounds: { status: string; win_total: string }[] = await db.query(
      `SELECT status, win_total::text FROM rounds WHERE provider_id = $1 AND provider_round_id = 'AA-BB-CC'`,
      [provider.id],
    );
    expect(rounds).toEqual([{ status: 'closed', win_total: '0.00000000' }]);
  });

  it('Bets: the bet package "[0]:1000" of round 10000', async () => {
    const s = await session();
    const bet = await server.send(live('do-bet.json', s.token), { resign: false });
    expectReply(bet, 'ok');
    expect(bet.answer).toEqual({ status: 'OK', balance: 194650, currency: 'FUN' });
    const rows = await transactions(s.id);
    expect(rows.map((r) => [r.kind, r.amount, r.external_id, r.provider_round_id])).toEqual([
      ['bet', '10.00000000', '200001', 'AA-BB-CD'],
    ]);
    expect(rows[0].meta.tag).toMatchObject({ game: 'bet', round: 10000, bets: ['[0]:1000'] });
  });

  it('not_enough_money: the reply example (balance 2 kopecks)', async () => {
    const s = await session('FUN', '0.02');
    const x = await server.send(live('do-slot.json', s.token), { resign: false });
    expectReply(x, 'not_enough_money');
    expect(x.answer).toEqual(replies.not_enough_money);
    expect(x.rawAnswer).toBe('{"status":"not_enough_money","balance":2,"currency":"FUN"}');
  });

  it('session_not_found: the reply example, for a session that does not exist', async () => {
    const x = await server.send(live('do-slot.json', `no-such-${randomUUID()}`), { resign: false });
    expectReply(x, 'session_not_found');
    expect(x.rawAnswer).toBe('{"status":"session_not_found"}');
  });

  it('sign_not_found: the reply example, for a sign made with another salt', async () => {
    const s = await session();
    const x = await server.send(live('do-slot.json', s.token, 'not-the-salt'), { resign: false });
    expectReply(x, 'sign_not_found');
    expect(x.rawAnswer).toBe('{"status":"sign_not_found"}');
    expect(await transactions(s.id)).toEqual([]);
  });

  it('a repeated trx_id gets the current balance and nothing moves ("If two requests with same trx_id …")', async () => {
    const s = await session();
    const body = live('do-slot.json', s.token);
    expect((await server.send(body, { resign: false })).answer).toMatchObject({
      status: 'OK',
      balance: 195550,
    });
    // Another movement in between: the repeat reports the balance as it is now.
    await server.send(live('do-bet.json', s.token), { resign: false });
    const again = await server.send(body, { resign: false });
    expect(again.answer).toEqual({ status: 'OK', balance: 194550, currency: 'FUN' });
    expect((await transactions(s.id)).length).toBe(2);
  });
});
