import { createHmac } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { request } from 'undici';
import { SlotegratorGameServer } from '../apps/sim/src/games/slotegrator';
import {
  balanceOf,
  expectBooksBalanced,
  fixture,
  movementsOf,
  newPlayer,
  newSlotegrator,
  type ProviderSetup,
  SPEC_SESSION_ID,
  startWorld,
  stopWorld,
  WALLET_MODES,
  type World,
} from './fixtures/slotegrator/harness';

/** Field names and JSON types of an object (`{ status: 'boolean', balance: 'number' }`). */
const shape = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? 'null' : typeof v]));
const specAnswer = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;
const live = (name: string, token: string) => fixture(name).replace(SPEC_SESSION_ID, token);

describe('slotegrator conformance: every request example of the spec, replayed as written', () => {
  let w: World;

  beforeAll(async () => {
    w = await startWorld({ WALLET_CALL_TIMEOUT_MS: '400' });
  });
  afterEach(async () => {
    w.casino.clearFaults();
    await expectBooksBalanced(w);
  });
  afterAll(async () => {
    await stopWorld(w);
  });

  describe.each(WALLET_MODES)('callbacks, %s wallet', (mode) => {
    let p: ProviderSetup;
    beforeAll(async () => {
      p = await newSlotegrator(w);
    });

    it('balance, bet, repeated bet, win, refund, repeated refund: the spec examples byte for byte', async () => {
      const pl = await newPlayer(w, p, mode, '100');
      const token = pl.session.token;

      const balance = await p.sim.send(live('balance.request.json', token));
      expect(balance.httpStatus).toBe(200);
      expect(balance.contentType).toMatch(/^application\/json/);
      expect(balance.answer).toEqual({ status: true, balance: 100 });
      expect(shape(balance.answer)).toEqual(shape(specAnswer('balance.response.json')));

      const bet = await p.sim.send(live('bet.request.json', token));
      expect(bet.answer).toEqual({ status: true, balance: 89.9999 });
      expect(bet.rawAnswer).toBe('{"status":true,"balance":89.9999}');
      expect(shape(bet.answer)).toEqual(shape(specAnswer('bet.response.json')));
      expect(await balanceOf(w, pl)).toBe('89.9999');

      const moved = await movementsOf(w, pl);
      const repeat = await p.sim.repeat(bet);
      expect(repeat.answer).toEqual({ status: true, balance: 89.9999 });
      expect(await movementsOf(w, pl)).toEqual(moved);

      // The spec's win example carries the bet's transaction_id: a win is its own transaction all the same.
      const win = await p.sim.send(live('win.request.json', token));
      expect(win.answer).toEqual({ status: true, balance: 100 });
      expect(shape(win.answer)).toEqual(shape(specAnswer('win.response.json')));

      const refund = await p.sim.send(live('refund.request.json', token));
      expect(refund.answer).toEqual(specAnswer('refund.response.json'));
      expect(refund.answer).toEqual({ status: true, balance: 110.0001 });
      expect(await balanceOf(w, pl)).toBe('110.0001');

      const afterRefund = await movementsOf(w, pl);
      const refundAgain = await p.sim.repeat(refund);
      expect(refundAgain.answer).toEqual({ status: true, balance: 110.0001 });
      expect(await movementsOf(w, pl)).toEqual(afterRefund);
      expect(await balanceOf(w, pl)).toBe('110.0001');

      // A late retry of the refunded bet gets its original answer and moves nothing.
      const late = await p.sim.repeat(bet);
      expect(late.answer).toEqual({ status: true, balance: 89.9999 });
      expect(await movementsOf(w, pl)).toEqual(afterRefund);
      expect(await balanceOf(w, pl)).toBe('110.0001');
    });

    it('the known error INSUFFICIENT_BALANCE, exactly as the spec writes it; nothing moves', async () => {
      const pl = await newPlayer(w, p, mode, '5');
      const before = await movementsOf(w, pl);
      const bet = await p.sim.send(
        live('bet.request.json', pl.session.token).replace(
          'eccbc87e4b5ce2fe28308fd9f2a7baf3',
          `tx-ib-${mode}`,
        ),
      );
      expect(bet.httpStatus).toBe(200);
      expect(bet.answer).toEqual(specAnswer('bet.known-error-insufficient.response.json'));
      expect(await balanceOf(w, pl)).toBe('5');
      expect((await movementsOf(w, pl)).postings).toBe(before.postings);
    });

    it('the spec error response shape for wrong input parameters', async () => {
      const pl = await newPlayer(w, p, mode, '100');
      const bad = await p.sim.send(live('bet.request.json', pl.session.token).replace('10.0001', '10.00001'));
      const spec = specAnswer('error-response.example.json');
      expect(shape(bad.answer)).toEqual(shape(spec));
      expect(bad.answer).toMatchObject({ status: false, code: spec.code });
      expect(String((bad.answer as { message: string }).message)).toMatch(/^Wrong input parameters/);
      expect(await balanceOf(w, pl)).toBe('100');
    });
  });

  describe('seamless-only answers of the spec', () => {
    let p: ProviderSetup;
    beforeAll(async () => {
      p = await newSlotegrator(w);
    });

    it('the known error INTERNAL_ERROR "Not enough limits" when the casino refuses a bet over its limits', async () => {
      const pl = await newPlayer(w, p, 'seamless', '100');
      w.casino.setFault({
        action: 'move-funds',
        moveType: 'bet',
        mode: 'refuse',
        code: 'LIMIT_EXCEEDED',
        times: 1,
      });
      const bet = await p.sim.send(live('bet.request.json', pl.session.token));
      expect(bet.answer).toEqual(specAnswer('bet.known-error-internal.response.json'));
      expect(await balanceOf(w, pl)).toBe('100');
    });

    it('the unknown error BET_FAILED_UNKNOWN_ERROR when the casino fails a bet unknowingly', async () => {
      const pl = await newPlayer(w, p, 'seamless', '100');
      w.casino.setFault({ action: 'move-funds', moveType: 'bet', mode: 'fail', applied: true, times: 1 });
      const bet = await p.sim.send(
        live('bet.request.json', pl.session.token).replace(
          'eccbc87e4b5ce2fe28308fd9f2a7baf3',
          'tx-unknown-1',
        ),
      );
      expect(bet.answer).toEqual(specAnswer('bet.unknown-error.response.json'));
      // As the spec requires, the provider then sends the refund: success, and the money is back once.
      const refund = await p.sim.refund(pl.session.token, 'tx-unknown-1', { roundId: '3' });
      expect(refund.answer).toEqual({ status: true, balance: expect.any(Number) });
      for (let i = 0; i < 100 && (await balanceOf(w, pl)) !== '100'; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await balanceOf(w, pl)).toBe('100');
    });
  });

  describe('requests from the aggregator to the provider, against the game-server simulator', () => {
    let host: FastifyInstance;
    let base: string;
    const token = 'MVaoC9xKdJesozkX';
    const sign = (body: string) => createHmac('sha256', token).update(body).digest('hex');
    const post = async (path: string, body: string, xSign: string | null = sign(body)) => {
      const res = await request(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(xSign === null ? {} : { 'X-SIGN': xSign }) },
        body,
      });
      return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
    };

    beforeAll(async () => {
      host = Fastify();
      new SlotegratorGameServer({ callbackBaseUrl: 'http://127.0.0.1:9', providerCode: 'x', token }).routes(
        host,
      );
      base = await host.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await host?.close();
    });

    it.each([
      ['get-game-url', '/slotegrator/games/init'],
      ['get-demo-game-url', '/slotegrator/games/init-demo'],
    ])('%s: the spec request answers { url } as the spec response', async (name, path) => {
      const res = await post(path, fixture(`${name}.request.json`));
      expect(res.status).toBe(200);
      expect(shape(res.body)).toEqual(shape(specAnswer(`${name}.response.json`)));
      expect(new URL(res.body.url as string).pathname).toBe('/slotegrator/play');
      const unsigned = await post(path, fixture(`${name}.request.json`), null);
      expect(unsigned.body).toMatchObject({ status: false, code: 'INVALID_SIGN' });
      const tampered = await post(path, fixture(`${name}.request.json`).replace('en', 'de'), sign('x'));
      expect(tampered.body).toMatchObject({ status: false, code: 'INVALID_SIGN' });
    });

    it.each([
      ['jackpots', '/slotegrator/jackpots'],
      ['create-freespin-campaign', '/slotegrator/freespins/create'],
      ['cancel-freespin-campaign', '/slotegrator/freespins/cancel'],
    ])('%s: the spec request answers in the spec response shape', async (name, path) => {
      const res = await post(path, fixture(`${name}.request.json`));
      const spec = specAnswer(`${name}.response.json`);
      expect(shape(res.body)).toEqual(shape(spec));
      expect(res.body.status).toBe(true);
      if (name === 'jackpots') expect(res.body.jackpots).toEqual(spec.jackpots);
    });

    it('the spec PHP signing example verifies (X-SIGN over the JSON body with the token)', async () => {
      const php = fixture('x-sign.example.php');
      expect(php).toContain("$token = 'MVaoC9xKdJesozkX'");
      const body = JSON.stringify({ client_id: 'abcd12345', game_id: 'zxcv67890' });
      expect(sign(body)).toBe('3dbf94d650ff70aeef8de197d608fdee075c8ac3a67b1da1328fae3838e593e1');
    });
  });
});
