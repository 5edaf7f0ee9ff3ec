import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Money } from '@app/common';
import { ReferenceCasino } from '@app/sim';
import { WalletV2GameServer, type WalletV2Exchange } from '../apps/sim/src/games/wallet-v2';
import { type CreatedGame, newGames, newProvider } from './support/catalogue-builders';
import { balanceMismatches, postingSums, unbalancedTransactions } from './support/ledger-assertions';
import { type CreatedOperator, newOperator } from './support/operator-builders';
import { operatorHeaders } from './support/operator-sign';
import { seedSession } from './support/session-builders';
import { createTestApp, type TestApp } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'wallet-v2');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const SPEC_CODE = 'hmeu134_56eEYeGgre';
const TIME = /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/;

/** Every field of a success answer, with its type: `credit` an integer literal, `result` 1, `time` per spec. */
function expectSuccess(
  x: WalletV2Exchange,
  credit: number,
  keys: string[] = ['credit', 'result', 'time'],
): void {
  expect(x.httpStatus).toBe(200);
  expect(x.contentType).toMatch(/^application\/json/);
  const answer = x.answer as Record<string, unknown>;
  expect(Object.keys(answer).sort()).toEqual([...keys].sort());
  expect(answer.result).toBe(1);
  expect(Number.isInteger(answer.credit)).toBe(true);
  expect(answer.credit).toBe(credit);
  expect(x.rawAnswer).toContain(`"credit":${credit},`);
  expect(answer.time).toEqual(expect.stringMatching(TIME));
}

describe.each(['internal', 'seamless'] as const)(
  'wallet-v2 conformance: every request example of the spec, replayed exactly (%s wallet)',
  (walletMode) => {
    let t: TestApp;
    let db: DataSource;
    let casino: ReferenceCasino;
    let op: CreatedOperator;

    beforeAll(async () => {
      t = await createTestApp({ listen: true, workers: true });
      db = t.app.get(getDataSourceToken());
      casino = new ReferenceCasino();
      await casino.start();
      op =
        walletMode === 'internal'
          ? await newOperator(t, { walletMode, currencies: ['USD'] })
          : await newOperator(t, { walletMode, walletUrl: casino.walletUrl, currencies: ['USD'] });
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

    /**
     * A fresh provider (so the spec's small ids are unused), a game, and a player holding 1000.00 USD whose
     * live session has the spec's own code, so the examples are sent unchanged.
     */
    async function specSession(): Promise<{ server: WalletV2GameServer; userId: string; game: CreatedGame }> {
      const provider = await newProvider(t, 'wallet-v2');
      const [game] = await newGames(t, provider.code, 1);
      const userId = `usr-${Math.random().toString(36).slice(2, 12)}`;
      if (walletMode === 'internal') {
        const path = `/api/v1/players/${userId}/deposit`;
        const raw = JSON.stringify({ amount: '1000.00', currency: 'USD', transactionId: `dep-${userId}` });
        const res = await t
          .http()
          .post(path)
          .set(operatorHeaders(op, 'POST', path, raw))
          .set('content-type', 'application/json')
          .send(raw);
        expect(res.status).toBe(200);
      } else {
        casino.upsertPlayer({ userId, token: `tok-${userId}`, currency: 'USD', balance: '1000.00' });
      }
      const session = await seedSession(t, {
        operatorId: op.id,
        walletMode,
        providerId: provider.id,
        gameId: game.id,
        currency: 'USD',
        userId,
      });
      await db.query(`UPDATE game_sessions SET token = md5(random()::text) WHERE token = $1`, [SPEC_CODE]);
      await db.query(`UPDATE game_sessions SET token = $2 WHERE id = $1`, [session.id, SPEC_CODE]);
      await t.sessionsEdited();
      const server = new WalletV2GameServer({
        callbackBaseUrl: t.url,
        providerCode: provider.code,
        walletToken: provider.config.walletToken as string,
      });
      return { server, userId, game };
    }

    const replay = (server: WalletV2GameServer, name: string) => server.sendRaw(fixture(name));

    async function playerBalance(userId: string): Promise<string> {
      if (walletMode === 'seamless')
        return Money.parseDecimal(casino.player(userId).balance, { maxDecimals: 8 }).toString();
      const rows: { balance: string }[] = await db.query(
        `SELECT balance::text AS balance FROM accounts WHERE kind = 'player' AND owner_key = $1 AND currency = 'USD'`,
        [`${op.id}:${userId}`],
      );
      return Money.fromDb(rows[0].balance).toString();
    }

    it('1.01: credit, bet, win and cancel examples answer with every field the spec lists', async () => {
      const { server, userId } = await specSession();
      try {
        const credit = await replay(server, '01-credit.request.json');
        expectSuccess(credit, 100000, ['credit', 'player_id', 'result', 'time', 'currency']);
        expect(credit.answer).toMatchObject({ player_id: userId, currency: 'USD' });
        const specCredit = JSON.parse(fixture('01-credit.response.json')) as Record<string, unknown>;
        expect(Object.keys(credit.answer).sort()).toEqual(Object.keys(specCredit).sort());

        const bet = await replay(server, '02-bet.request.json');
        expectSuccess(bet, 99500);
        expect(Object.keys(bet.answer).sort()).toEqual(
          Object.keys(JSON.parse(fixture('02-bet.response.json'))).sort(),
        );
        expect(bet.answer).toMatchObject({
          credit: (JSON.parse(fixture('02-bet.response.json')) as { credit: number }).credit,
        });

        const win = await replay(server, '03-win.request.json');
        expectSuccess(win, 100500);
        expect(win.answer).toMatchObject({
          credit: (JSON.parse(fixture('03-win.response.json')) as { credit: number }).credit,
        });

        // Transaction 5 does not exist: "if such transaction canceled or does not exist =1", nothing moves.
        const cancel = await replay(server, '04-cancel.request.json');
        expectSuccess(cancel, 100500);
        expect(Object.keys(cancel.answer).sort()).toEqual(
          Object.keys(JSON.parse(fixture('04-cancel.response.json'))).sort(),
        );
        expect(await playerBalance(userId)).toBe('1005');

        // A provider retry of each example: the same answer, nothing moves again.
        expectSuccess(await replay(server, '02-bet.request.json'), 99500);
        expectSuccess(await replay(server, '03-win.request.json'), 100500);
        expectSuccess(await replay(server, '04-cancel.request.json'), 100500);
        expect(await playerBalance(userId)).toBe('1005');
        const rows: { kind: string; status: string; external_id: string }[] = await db.query(
          `SELECT kind, status, external_id FROM wallet_transactions
            WHERE player_id = $1 AND kind IN ('bet', 'win', 'refund') ORDER BY external_id, kind`,
          [userId],
        );
        expect(rows).toEqual([
          { kind: 'bet', status: 'committed', external_id: '3' },
          { kind: 'win', status: 'committed', external_id: '4' },
          // The cancel of an unknown bet is remembered: bet 5, if it ever came, would be refused.
          { kind: 'bet', status: 'voided', external_id: '5' },
          { kind: 'refund', status: 'committed', external_id: '5' },
        ]);
      } finally {
        await server.close();
      }
    });

    it('2.01 call order: bet with round_id, win 50 in that round, then the cancel example (unknown bet 5)', async () => {
      const { server, userId } = await specSession();
      try {
        expectSuccess(await replay(server, '05-bet-round.request.json'), 99900);
        expectSuccess(await replay(server, '06-win-round.request.json'), 99950);
        expectSuccess(await replay(server, '08-cancel-round.request.json'), 99950);
        expect(await playerBalance(userId)).toBe('999.5');
        const rounds: { provider_round_id: string; status: string; bet_total: string; win_total: string }[] =
          await db.query(
            `SELECT provider_round_id, status, bet_total::text, win_total::text FROM rounds WHERE player_id = $1`,
            [userId],
          );
        expect(rounds).toHaveLength(1);
        expect(rounds[0]).toMatchObject({ provider_round_id: 'USD:85', status: 'closed' });
        expect(Money.fromDb(rounds[0].bet_total).toString()).toBe('1');
        expect(Money.fromDb(rounds[0].win_total).toString()).toBe('0.5');
      } finally {
        await server.close();
      }
    });

    it('2.01 losing ending: win 0 settles the round and moves nothing', async () => {
      const { server, userId } = await specSession();
      try {
        expectSuccess(await replay(server, '05-bet-round.request.json'), 99900);
        expectSuccess(await replay(server, '07-win-zero-round.request.json'), 99900);
        expect(await playerBalance(userId)).toBe('999');
        const rounds: { status: string }[] = await db.query(
          `SELECT status FROM rounds WHERE player_id = $1`,
          [userId],
        );
        expect(rounds).toEqual([{ status: 'closed' }]);
        // The other ending with the same id 86 is a different request: refused, never applied.
        const conflict = await replay(server, '06-win-round.request.json');
        expect(conflict.httpStatus).toBe(200);
        expect(conflict.answer).toMatchObject({ result: 11, err_code: 'TRANSACTION_CONFLICT' });
        expect(await playerBalance(userId)).toBe('999');
      } finally {
        await server.close();
      }
    });
  },
);
