import type { Logger as PinoLogger } from 'pino';
import { ROOT_LOGGER } from '@app/common';
import { createTestApp, type TestApp } from './support/test-app';

describe('service endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /health reports PostgreSQL and Redis up', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.postgres.status).toBe('up');
    expect(res.body.info.redis.status).toBe('up');
  });

  it('GET /metrics exposes the HTTP latency histogram by route and process metrics', async () => {
    await t.http().get('/health').expect(200);
    const res = await t.http().get('/metrics').expect(200);
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/health"/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('serves Swagger JSON with both security schemes', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.components.securitySchemes)).toEqual(
      expect.arrayContaining(['admin', 'operator-id', 'operator-timestamp', 'operator-sign']),
    );
    const page = await t.http().get('/docs').expect(200);
    // The UI's own files are served too (by @fastify/static), not only its page.
    const scripts = [...page.text.matchAll(/src="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const res = await t.http().get(`/docs/${script.replace(/^docs\//, '')}`);
      expect([script, res.status, res.headers['content-type']]).toEqual([
        script,
        200,
        expect.stringMatching(/javascript/),
      ]);
    }
  });

  it('echoes a sane X-Request-Id (else makes one) and logs one line per request, without headers', async () => {
    const root = t.app.get<symbol, PinoLogger>(ROOT_LOGGER);
    const level = root.level;
    root.level = 'info';
    const lines: unknown[][] = [];
    const spy = jest.spyOn(root, 'info').mockImplementation((...args: unknown[]) => void lines.push(args));
    try {
      const given = await t
        .http()
        .get('/nope')
        .set('x-request-id', 'front-42.a')
        .set('authorization', 'Bearer x');
      expect(given.headers['x-request-id']).toBe('front-42.a');
      expect(given.body.requestId).toBe('front-42.a');
      const odd = await t.http().get('/nope').set('x-request-id', 'has spaces and {braces}');
      expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      await t.http().get('/health').expect(200);
    } finally {
      spy.mockRestore();
      root.level = level;
    }
    expect(lines).toEqual([
      [
        {
          req: { id: 'front-42.a', method: 'GET', url: '/nope', remoteAddress: '127.0.0.1' },
          res: { statusCode: 404 },
          responseTime: expect.any(Number),
        },
        'request completed',
      ],
      [expect.objectContaining({ res: { statusCode: 404 } }), 'request completed'],
    ]);
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const res = await t.http().get('/nope').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    expect(typeof res.body.requestId).toBe('string');
  });

  it('refuses malformed JSON with a readable 400 and an oversized body with 413, writing nothing', async () => {
    const bad = await t
      .http()
      .post('/admin/operators')
      .set(t.adminAuth)
      .set('content-type', 'application/json')
      .send('{"name": "x",')
      .expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'MALFORMED_JSON' });
    expect(bad.body.message).toMatch(/Malformed JSON body/);
    const huge = JSON.stringify({
      name: 'x'.repeat(2 * 1024 * 1024),
      walletMode: 'internal',
      currencies: ['EUR'],
    });
    const big = await t
      .http()
      .post('/admin/operators')
      .set(t.adminAuth)
      .set('content-type', 'application/json')
      .send(huge);
    expect(big.status).toBe(413);
    expect(big.body.statusCode).toBe(413);
    const list = await t.http().get('/admin/operators').set(t.adminAuth).expect(200);
    expect(list.body.total).toBe(0);
  });
});
