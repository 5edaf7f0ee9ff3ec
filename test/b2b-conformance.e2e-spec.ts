import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Money } from '@app/common';
import { ReferenceCasino } from '@app/sim';
import { TransferCommand } from '@app/wallet';
import { B2bGameServer, type B2bExchange } from '../apps/sim/src/games/b2b';
import { newGames, newProvider, type CreatedProvider } from './support/catalogue-builders';
import { balanceMismatches, postingSums, unbalancedTransactions } from './support/ledger-assertions';
import { newOperator, type CreatedOperator } from './support/operator-builders';
import { seedSession, type SeededSession } from './support/session-builders';
import { createTestApp, type TestApp } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'b2b');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const SPEC_GAME_TOKEN = 'c3720505ad4dfd2b34cdb55bc524f3ffa6941ad7';
const SPEC_AUTH_TOKEN = '638b779ea073609b28374364bf1eb0de488fb9b5';
const SPEC_TX = '2fa7bfb2-a03a-11e6-8347-00ffa41930b3';

/** The JSON type of each answer field, nested one level (free_rounds). */
function shapeOf(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k,
      typeof x === 'object' && x !== null ? shapeOf(x as Record<string, unknown>) : typeof x,
    ]),
  );
}

/** The spec's example answer of this api: our answer has exactly its fields, each of the same JSON type. */
function expectSpecShape(x: B2bExchange, example: string): void {
  const spec = JSON.parse(fixture(example)) as {
    api: string;
    success: boolean;
    answer: Record<string, unknown>;
  };
  expect(x.status).toBe(200);
  expect(Object.keys(x.answer).sort()).toEqual(['answer', 'api', 'success']);
  expect(x.answer.api).toBe(spec.api);
  expect(x.answer.success).toBe(true);
  expect(shapeOf(x.answer.answer)).toEqual(shapeOf(spec.answer));
  expect(x.answer.answer.timestamp).toMatch(/^\d{13}$/);
  expect(Math.abs(Number(x.answer.answer.timestamp) - Date.now())).toBeLessThan(60_000);
}

describe.each(['internal', 'seamless'] as const)(
  'b2b integrator: every request example of the spec, replayed (%s wallet)',
  (walletMode) => {
    let t: TestApp;
    let db: DataSource;
    let casino: ReferenceCasino;
    let op: CreatedOperator;
    let provider: CreatedProvider;
    let gameId: string;
    let sim: B2bGameServer;
    let player: SeededSession;
    let gameToken: string;

    const balanceOf = async (userId: string): Promise<string> => {
      if (walletMode === 'seamless') return casino.player(userId).balance;
      const rows: { balance: string }[] = await db.query(
        `SELECT balance::text FROM accounts WHERE kind = 'player' AND operator_id = $1 AND player_id = $2`,
        [op.id, userId],
      );
      return Money.fromDb(rows[0].balance).toString();
    };
    const norm = (s: string) => Money.parseDecimal(s, { maxDecimals: 8 }).toString();

    const fund = async (userId: string, amount: string): Promise<void> => {
      if (walletMode === 'seamless') {
        casino.upsertPlayer({ userId, token: `tok-${userId}`, currency: 'BTC', balance: amount });
        return;
      }
      await t.app.get(TransferCommand, { strict: false }).execute({
        party: { operatorId: op.id, walletMode, playerId: userId, currency: 'BTC' },
        direction: 'deposit',
        transactionId: randomUUID(),
        amount: Money.parseDecimal(amount, { maxDecimals: 5 }),
      });
    };
    const seed = (userId: string) =>
      seedSession(t, {
        operatorId: op.id,
        walletMode,
        providerId: provider.id,
        gameId,
        currency: 'BTC',
        userId,
        nickname: 'Anonimous',
        withAuthToken: true,
      });
    /**
     * A spec example with the live game token and player id of operator user "1" (the launch URL names
     * players by our player id); the rest is sent exactly as written.
     */
    const live = (name: string) =>
      fixture(name)
        .replace(SPEC_GAME_TOKEN, gameToken)
        .replace('"user_id": "1"', `"user_id": "${player.playerId}"`);

    beforeAll(async () => {
      t = await createTestApp({ listen: true, workers: walletMode === 'seamless' });
      db = t.app.get(getDataSourceToken());
      casino = new ReferenceCasino();
      await casino.start();
      op = await newOperator(t, {
        walletMode,
        ...(walletMode === 'seamless' ? { walletUrl: casino.walletUrl } : {}),
        currencies: ['BTC'],
      });
      casino.setSecret(op.secret);
      casino.setOperatorId(op.id);
      provider = await newProvider(t, 'b2b', { config: { operatorId: 0 } });
      [{ id: gameId }] = await newGames(t, provider.code, 1, { prefix: 'BookOfRaClassic' });
      sim = new B2bGameServer({ callbackBaseUrl: t.url, providerCode: provider.code, operatorId: 0 });
      await fund('1', '855.69713');
      player = await seed('1');
    });

    afterAll(async () => {
      await sim.close();
      await casino.stop();
      await t.close();
    });

    it('5.1 auth, exactly as written: its duplicated "user_id" key names user "127.0.0.1" (5)', async () => {
      // The example writes "user_id" twice; JSON keeps the last ("127.0.0.1"), which is not the player the
      // launch URL named, so the answer is "user not found" in the spec's auth shape.
      const s = await seed('someone');
      const x = await sim.sendRaw(fixture('auth.request.json').replace(SPEC_AUTH_TOKEN, s.authToken!));
      expectSpecShape(x, 'auth.response.json');
      expect(x.answer.answer).toMatchObject({
        operator_id: 0,
        user_id: s.playerId,
        auth_token: s.authToken,
        error_code: 5,
        currency: 'BTC',
      });
    });

    it('5.1 auth with user_ip as meant: issues the game_token; the auth_token is spent', async () => {
      const text = fixture('auth.request.json')
        .replace('"user_id": "127.0.0.1"', '"user_ip": "127.0.0.1"')
        .replace('"user_id": "1"', `"user_id": "${player.playerId}"`)
        .replace(SPEC_AUTH_TOKEN, player.authToken!);
      const x = await sim.sendRaw(text);
      expectSpecShape(x, 'auth.response.json');
      expect(x.answer.answer).toMatchObject({
        operator_id: 0,
        user_id: player.playerId,
        user_nickname: 'Anonimous',
        balance: '855.69713',
        auth_token: player.authToken,
        error_code: 0,
        error_description: 'ok',
        currency: 'BTC',
      });
      gameToken = x.answer.answer.game_token!;
      expect(gameToken).toMatch(/^[\w-]{16,255}$/);

      const again = await sim.sendRaw(text);
      expectSpecShape(again, 'auth.response.json');
      expect(again.answer.answer.error_code).toBe(4);
      expect(again.answer.answer.game_token).toBe('');
    });

    it('5.2 debit: takes 0.02, echoes the transaction_id; a repeat answers the same, moves nothing', async () => {
      const x = await sim.sendRaw(live('debit.request.json'));
      expectSpecShape(x, 'debit.response.json');
      expect(x.answer.answer).toMatchObject({
        operator_id: 0,
        transaction_id: SPEC_TX,
        user_id: player.playerId,
        user_nickname: 'Anonimous',
        balance: '855.67713',
        bonus_balance: '0.00000',
        bonus_amount: '0.00000',
        game_token: gameToken,
        error_code: 0,
        error_description: 'ok',
        currency: 'BTC',
      });
      expect(await balanceOf('1')).toBe(norm('855.67713'));

      const repeat = await sim.repeatLast();
      expect(repeat.answer).toMatchObject({
        transaction_id: SPEC_TX,
        balance: '855.67713',
        error_code: 0,
        error_description: 'transaction has already proceeded',
      });
      expect(await balanceOf('1')).toBe(norm('855.67713'));
    });

    it('5.3 credit (the example reuses the debit transaction_id): pays 0.02', async () => {
      const x = await sim.sendRaw(live('credit.request.json'));
      expectSpecShape(x, 'credit.response.json');
      expect(x.answer.answer).toMatchObject({
        transaction_id: SPEC_TX,
        user_id: player.playerId,
        balance: '855.69713',
        bonus_amount: '0.00000',
        error_code: 0,
        error_description: 'ok',
        currency: 'BTC',
      });
      await expect(sim.repeatLast()).resolves.toMatchObject({
        answer: {
          error_code: 0,
          error_description: 'transaction has already proceeded',
          balance: '855.69713',
        },
      });
      expect(await balanceOf('1')).toBe(norm('855.69713'));
    });

    it('5.4 rollback of the debit (same transaction_id, rollback_amount): returns 0.02 once', async () => {
      const x = await sim.sendRaw(live('rollback.request.json'));
      expectSpecShape(x, 'rollback.response.json');
      expect(x.answer.answer).toMatchObject({
        transaction_id: SPEC_TX,
        balance: '855.71713',
        error_code: 0,
        error_description: 'ok',
      });
      await expect(sim.repeatLast()).resolves.toMatchObject({
        answer: { error_code: 0, error_description: 'transaction has already proceeded' },
      });
      expect(await balanceOf('1')).toBe(norm('855.71713'));
    });

    it('5.5 get features: exactly as written its trailing comma is not JSON (error 1); without it, ok', async () => {
      const broken = await sim.sendRaw(live('get-features.request.json'));
      expect(broken.status).toBe(200);
      expect(broken.answer).toMatchObject({ api: '', success: true, answer: { error_code: 1 } });

      const x = await sim.sendRaw(live('get-features.request.json').replace(/,(\s*})/, '$1'));
      expectSpecShape(x, 'get-features.response.json');
      expect(x.answer.answer).toMatchObject({
        operator_id: 0,
        user_id: player.playerId,
        balance: '855.71713',
        game_token: gameToken,
        error_code: 0,
        currency: 'BTC',
        free_rounds: { id: 0, count: 0 },
      });
    });

    it('5.6 activate features: no free rounds were issued, so bonus 1 is refused (error 1)', async () => {
      const x = await sim.sendRaw(live('activate-features.request.json'));
      expectSpecShape(x, 'activate-features.response.json');
      expect(x.answer.answer).toMatchObject({
        user_id: player.playerId,
        balance: '855.71713',
        error_code: 1,
      });
    });

    it('5.7 end features: an unissued bonus wins nothing (error 1, no movement)', async () => {
      const x = await sim.sendRaw(live('end-features.request.json'));
      expectSpecShape(x, 'end-features.response.json');
      expect(x.answer.answer).toMatchObject({
        user_id: player.playerId,
        balance: '855.71713',
        error_code: 1,
      });
      expect(await balanceOf('1')).toBe(norm('855.71713'));
    });

    it('the books balance', async () => {
      expect(Object.values(await postingSums(db)).every((s) => Number(s) === 0)).toBe(true);
      expect(await balanceMismatches(db)).toEqual([]);
      expect(await unbalancedTransactions(db)).toEqual([]);
    });
  },
);
