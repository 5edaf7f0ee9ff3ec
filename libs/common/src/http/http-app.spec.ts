import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyRequest } from 'fastify';
import { createRootLogger, ROOT_LOGGER } from '../observability/logger.module';
import { MetricsService } from '../observability/metrics.service';
import { configureHttpApp, createFastifyAdapter, RAW_BODY_ONLY } from './http-app';

/** What a route saw of its body. */
function seen(req: FastifyRequest): { body: unknown; raw: string | null; parseError: string | null } {
  return {
    body: req.body ?? null,
    raw: req.rawBody?.toString('utf8') ?? null,
    parseError: req.bodyParseError ?? null,
  };
}

@Controller()
class BodyProbeController {
  @Post('callbacks/probe/parsed')
  @HttpCode(200)
  parsed(@Req() req: FastifyRequest) {
    return seen(req);
  }

  @Post('callbacks/probe/raw')
  @HttpCode(200)
  @RouteConfig(RAW_BODY_ONLY)
  raw(@Req() req: FastifyRequest) {
    return seen(req);
  }

  @Post('api/probe')
  @HttpCode(200)
  api(@Req() req: FastifyRequest) {
    return seen(req);
  }
}

describe('configureHttpApp: request bodies', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [BodyProbeController],
      providers: [MetricsService, { provide: ROOT_LOGGER, useValue: createRootLogger('silent') }],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(1024), {
      bodyParser: false,
      logger: false,
    });
    configureHttpApp(app, { bodyLimit: 1024, swagger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  const post = async (url: string, payload: string, contentType = 'application/json') => {
    const res = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
    return { status: res.statusCode, json: res.json<ReturnType<typeof seen>>() };
  };

  it('parses JSON and keeps the exact bytes', async () => {
    const text = '{"amount": 1.10, "id": 18446744073709551615}';
    expect(await post('/callbacks/probe/parsed', text)).toEqual({
      status: 200,
      json: { body: { amount: 1.1, id: 18446744073709552000 }, raw: text, parseError: null },
    });
  });

  it('a raw-body-only route gets the exact bytes and no parsed body', async () => {
    const text = '{"amount": 1.10}';
    expect(await post('/callbacks/probe/raw', text)).toEqual({
      status: 200,
      json: { body: null, raw: text, parseError: null },
    });
    // Bad JSON is the route's own parser to refuse: nothing is judged before it.
    expect(await post('/callbacks/probe/raw', '{"amount":', 'text/x-anything')).toEqual({
      status: 200,
      json: { body: null, raw: '{"amount":', parseError: null },
    });
  });

  it('bad JSON on a callback reaches the route, marked, so the protocol answers in its own shape', async () => {
    const res = await post('/callbacks/probe/parsed', '{"amount":');
    expect(res.status).toBe(200);
    expect(res.json.body).toBeNull();
    expect(res.json.raw).toBe('{"amount":');
    expect(res.json.parseError).toMatch(/^Malformed JSON body/);
  });

  it('bad JSON elsewhere is a 400, and another content type a 415', async () => {
    expect((await post('/api/probe', '{"amount":')).status).toBe(400);
    expect((await post('/api/probe', '{}', 'text/x-anything')).status).toBe(415);
  });
});
