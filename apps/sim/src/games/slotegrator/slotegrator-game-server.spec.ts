import { createHmac } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { SlotegratorGameServer } from './slotegrator-game-server';

describe('SlotegratorGameServer launch endpoints', () => {
  const token = 'sim-token';
  let app: FastifyInstance;
  let sim: SlotegratorGameServer;
  const sign = (body: string) => createHmac('sha256', token).update(body).digest('hex');
  const real = {
    client_id: 'c1',
    game_id: 'g1',
    currency: 'USD',
    language: 'en',
    session_id: 'sess-1',
    player_id: 'p1USD',
    return_url: 'https://casino.example/exit',
  };
  const post = (url: string, body: unknown, xSign?: string) => {
    const payload = JSON.stringify(body);
    return app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        'x-sign': xSign ?? sign(payload),
        host: 'sim.test:4002',
      },
      payload,
    });
  };

  beforeEach(async () => {
    app = Fastify();
    sim = new SlotegratorGameServer({
      callbackBaseUrl: 'http://api/',
      providerCode: 'sg',
      token,
      clientId: 'c1',
    });
    sim.routes(app);
    await app.ready();
  });
  afterEach(() => app.close());

  it('answers a signed "get game url" with { url } and remembers the session', async () => {
    const res = await post('/slotegrator/games/init', real);
    expect(res.statusCode).toBe(200);
    const url = new URL(res.json<{ url: string }>().url);
    expect(url.origin).toBe('http://sim.test:4002');
    expect(url.searchParams.get('session_id')).toBe('sess-1');
    expect(sim.lastSessionId()).toBe('sess-1');
    expect(sim.launches()).toMatchObject([{ kind: 'real', signature: 'valid', request: real }]);
    expect(sim.callbackUrl).toBe('http://api/callbacks/slotegrator/sg');
  });

  it('answers "get demo game url" without session or currency, and return_url may be absent', async () => {
    const { currency: _c, session_id: _s, player_id: _p, return_url: _r, ...demo } = real;
    const res = await post('/slotegrator/games/init-demo', demo);
    expect(new URL(res.json<{ url: string }>().url).searchParams.get('mode')).toBe('demo');
    expect(sim.lastSessionId()).toBeUndefined();
  });

  it('refuses a bad signature, a missing field and another client_id in the spec error shape', async () => {
    expect((await post('/slotegrator/games/init', real, 'f'.repeat(64))).json()).toMatchObject({
      status: false,
      code: 'INVALID_SIGN',
    });
    const { session_id: _s, ...noSession } = real;
    expect((await post('/slotegrator/games/init', noSession)).json()).toMatchObject({
      code: 'WRONG_INPUT_PARAMETERS',
      message: expect.stringContaining('session_id'),
    });
    expect((await post('/slotegrator/games/init', { ...real, client_id: 'other' })).json()).toMatchObject({
      code: 'WRONG_INPUT_PARAMETERS',
    });
    expect(sim.lastSessionId()).toBeUndefined();
  });
});
