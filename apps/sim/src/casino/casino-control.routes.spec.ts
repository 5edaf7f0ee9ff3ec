import type { WalletCall } from './call-log';
import { ReferenceCasino } from './reference-casino';
import { postWallet } from './testing/wallet-client';

const SECRET = 'control-spec-secret';

describe('ReferenceCasino /control', () => {
  const casino = new ReferenceCasino();
  let base: string;

  async function control(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${base}/control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
  }

  const wallet = (body: unknown) =>
    postWallet(casino.walletUrl, body, { secret: SECRET, operatorId: 'op-9' });

  beforeAll(async () => {
    base = await casino.start();
  });
  afterAll(async () => {
    await casino.stop();
  });
  beforeEach(() => {
    casino.reset();
    casino.clearPlayers();
  });

  it('sets the secret and operator id the aggregator signs with', async () => {
    const balance = { action: 'balance', userId: 'p1', currency: 'USD' };
    expect((await wallet(balance)).status).toBe(401);
    expect((await control('PUT', '/secret', { secret: SECRET, operatorId: 'op-9' })).status).toBe(204);
    expect((await wallet(balance)).json).toMatchObject({ status: false, code: 'PLAYER_NOT_FOUND' });
    expect((await control('PUT', '/secret', { secret: SECRET, operatorId: 'op-10' })).status).toBe(204);
    expect((await wallet(balance)).status).toBe(401);
    casino.setOperatorId(undefined);
    expect((await control('PUT', '/secret', {})).status).toBe(400);
  });

  it('adds, updates, reads and lists players; 404 for an unknown one, 400 for an invalid one', async () => {
    const created = await control('POST', '/players', {
      userId: 'p1',
      token: 't1',
      currency: 'EUR',
      balance: '12.34',
    });
    expect(created).toEqual({
      status: 200,
      json: {
        userId: 'p1',
        token: 't1',
        currency: 'EUR',
        balance: '12.34',
        nickname: 'p1',
        country: 'MT',
        language: 'en',
        blocked: false,
      },
    });
    expect(
      (await control('POST', '/players', { userId: 'p1', balance: 5, blocked: true })).json,
    ).toMatchObject({
      balance: '5',
      blocked: true,
      token: 't1',
    });
    expect((await control('GET', '/players/p1')).json).toMatchObject({ balance: '5' });
    expect((await control('GET', '/players')).json).toHaveLength(1);
    expect(await control('GET', '/players/ghost')).toEqual({
      status: 404,
      json: { statusCode: 404, error: 'PLAYER_NOT_FOUND', message: expect.any(String) },
    });
    expect((await control('POST', '/players', { userId: 'p2', currency: 'USD' })).json).toMatchObject({
      statusCode: 400,
      error: 'INVALID_PLAYER',
    });
    expect((await control('POST', '/players', { userId: 'p1', balance: '1e3' })).status).toBe(400);
    expect((await control('POST', '/players', { userId: 'p1', colour: 'red' })).status).toBe(400);
  });

  it('injects faults, lists and clears them, and shows transactions and calls', async () => {
    casino.setSecret(SECRET);
    await control('POST', '/players', { userId: 'p1', token: 't1', currency: 'USD', balance: '10' });
    const fault = await control('POST', '/faults', {
      action: 'move-funds',
      moveType: 'win',
      mode: 'fail',
      times: 1,
    });
    expect(fault).toEqual({
      status: 201,
      json: {
        id: expect.any(Number),
        rule: { action: 'move-funds', moveType: 'win', mode: 'fail', times: 1 },
        remaining: 1,
      },
    });
    expect((await control('GET', '/faults')).json).toHaveLength(1);
    const win = {
      action: 'move-funds',
      transactionId: 'w1',
      type: 'win',
      amount: '2.5',
      currency: 'USD',
      userId: 'p1',
      sessionId: 's',
      gameId: 'g',
      roundId: 'r',
    };
    expect((await wallet(win)).status).toBe(500);
    expect((await wallet(win)).json).toMatchObject({ status: true, balance: '12.5' });

    expect((await control('GET', '/players/p1/transactions')).json).toEqual([
      expect.objectContaining({
        transactionId: 'w1',
        type: 'win',
        amount: '2.5',
        moved: '2.5',
        status: 'applied',
      }),
    ]);
    expect((await control('GET', '/transactions/w1')).json).toMatchObject({ transactionId: 'w1' });
    expect((await control('GET', '/transactions/nope')).status).toBe(404);
    const calls = (await control('GET', '/calls?transactionId=w1')).json as WalletCall[];
    expect(calls.map((c) => c.httpStatus)).toEqual([500, 200]);

    await control('POST', '/faults', { mode: 'down' });
    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await wallet({ action: 'balance', userId: 'p1', currency: 'USD' })).status).toBe(200);
    expect((await control('POST', '/faults', { mode: 'slow' })).status).toBe(400);
    expect((await control('POST', '/faults', { mode: 'explode' })).status).toBe(400);

    await control('POST', '/faults', { mode: 'fail' });
    expect((await control('POST', '/reset')).status).toBe(204);
    expect((await control('GET', '/faults')).json).toEqual([]);
    expect((await control('GET', '/calls')).json).toEqual([]);
    expect((await control('GET', '/players/p1')).json).toMatchObject({ balance: '12.5' });
  });

  it('answers a malformed control body with 400', async () => {
    const res = await fetch(`${base}/control/players`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"userId":',
    });
    expect(res.status).toBe(400);
  });
});
