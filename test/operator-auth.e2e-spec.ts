import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureHttpApp, createFastifyAdapter, SecretBox } from '@app/common';
import { type AuthenticatedOperator, CurrentOperator, OperatorAuth, OperatorsModule } from '@app/operators';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { type CreatedOperator, newOperator } from './support/operator-builders';
import { operatorHeaders } from './support/operator-sign';
import { BODY_LIMIT, createTestApp, type TestApp } from './support/test-app';
import { TEST_ADMIN_TOKEN, TEST_SECRETS_KEY } from './support/test-env';

/** A signed route with a body, as the real operator API will have; only in this test's app. */
@OperatorAuth()
@Controller('api/v1/test-probe')
class ProbeController {
  @Post()
  echo(@CurrentOperator() operator: AuthenticatedOperator, @Body() body: unknown) {
    return { operatorId: operator.id, body };
  }

  @Get()
  who(@CurrentOperator() operator: AuthenticatedOperator) {
    return { operatorId: operator.id };
  }
}

async function createProbeApp(): Promise<Pick<TestApp, 'app' | 'http' | 'adminAuth' | 'close'>> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule, OperatorsModule],
    controllers: [ProbeController],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(BODY_LIMIT), {
    bodyParser: false,
    logger: false,
  });
  configureHttpApp(app, { bodyLimit: BODY_LIMIT, swagger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: () => request(app.getHttpServer()),
    adminAuth: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    close: () => app.close(),
  };
}

const now = (): number => Math.floor(Date.now() / 1000);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ME = '/api/v1/operator/me';
const PROBE = '/api/v1/test-probe';

describe('operator API signature (OperatorAuth guard)', () => {
  let t: Awaited<ReturnType<typeof createProbeApp>>;
  let op: CreatedOperator;

  beforeAll(async () => {
    t = await createProbeApp();
    op = await newOperator(t, {
      walletMode: 'seamless',
      walletUrl: 'https://casino.example/wallet',
      currencies: ['EUR'],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, headers: Record<string, string>) => t.http().get(path).set(headers);
  const post = (path: string, raw: string, headers: Record<string, string>) =>
    t
      .http()
      .post(path)
      .set({ 'Content-Type': 'application/json', ...headers })
      .send(raw);
  const expectRefused = async (res: request.Response, status: number, error: string, message?: RegExp) => {
    expect({ status: res.status, error: res.body.error }).toEqual({ status, error });
    expect(res.body).toMatchObject({
      statusCode: status,
      message: expect.any(String),
      requestId: expect.any(String),
    });
    if (message) expect(res.body.message).toMatch(message);
  };

  describe('valid signatures', () => {
    it('GET /api/v1/operator/me answers who the signature authenticates, without secrets', async () => {
      const res = await get(ME, operatorHeaders(op, 'GET', ME)).expect(200);
      expect(res.body).toEqual({
        id: op.id,
        name: op.name,
        walletMode: 'seamless',
        walletUrl: 'https://casino.example/wallet',
        currencies: ['EUR'],
      });
      expect(res.text).not.toContain(op.secret);
    });

    it('covers the path with its query exactly as sent', async () => {
      const path = `${ME}?lang=en&q=a%20b&q=c`;
      await get(path, operatorHeaders(op, 'GET', path)).expect(200);
    });

    it('covers the raw body bytes, whitespace and non-ASCII included', async () => {
      const raw = '{ "userId" : "u-1",\n  "nickname": "Zoë ✓", "amount": "1.50" }';
      const res = await post(PROBE, raw, operatorHeaders(op, 'POST', PROBE, raw)).expect(201);
      expect(res.body).toEqual({
        operatorId: op.id,
        body: { userId: 'u-1', nickname: 'Zoë ✓', amount: '1.50' },
      });
    });

    it('signs an empty body as the empty string', async () => {
      await t
        .http()
        .post(PROBE)
        .set(operatorHeaders(op, 'POST', PROBE, ''))
        .expect(201);
      await post(PROBE, '', operatorHeaders(op, 'POST', PROBE, '')).expect(201);
    });

    it('accepts a timestamp within the tolerance, behind or ahead', async () => {
      await get(ME, operatorHeaders(op, 'GET', ME, '', now() - 290)).expect(200);
      await get(ME, operatorHeaders(op, 'GET', ME, '', now() + 290)).expect(200);
    });

    it('accepts an upper-case hex signature', async () => {
      const h = operatorHeaders(op, 'GET', ME);
      await get(ME, { ...h, 'X-Sign': h['X-Sign'].toUpperCase() }).expect(200);
    });
  });

  describe('refusals say why', () => {
    it.each(['X-Operator-Id', 'X-Timestamp', 'X-Sign'])('401 MISSING_HEADERS without %s', async (header) => {
      const headers = operatorHeaders(op, 'GET', ME);
      delete headers[header];
      await expectRefused(
        await get(ME, headers),
        401,
        'MISSING_HEADERS',
        new RegExp(`Missing header\\(s\\): ${header}$`),
      );
    });

    it('401 MISSING_HEADERS naming all three on an unsigned request', async () => {
      await expectRefused(
        await t.http().get(ME),
        401,
        'MISSING_HEADERS',
        /X-Operator-Id, X-Timestamp, X-Sign/,
      );
    });

    it.each([
      ['X-Operator-Id', 'operator-1', /X-Operator-Id must be a uuid/],
      ['X-Timestamp', '1763700000.5', /X-Timestamp must be unix seconds/],
      ['X-Timestamp', '-5', /X-Timestamp must be unix seconds/],
      ['X-Sign', 'c2lnbmF0dXJl', /X-Sign must be 64 hex characters/],
    ])('401 MALFORMED_HEADERS for %s %p', async (header, value, message) => {
      await expectRefused(
        await get(ME, { ...operatorHeaders(op, 'GET', ME), [header]: value }),
        401,
        'MALFORMED_HEADERS',
        message,
      );
    });

    it('401 INVALID_SIGNATURE for a signature made with another secret', async () => {
      const res = await get(ME, operatorHeaders({ id: op.id, secret: 'f'.repeat(64) }, 'GET', ME));
      await expectRefused(res, 401, 'INVALID_SIGNATURE');
    });

    it('401 STALE_TIMESTAMP for a timestamp too old or too far ahead (±300 s)', async () => {
      await expectRefused(
        await get(ME, operatorHeaders(op, 'GET', ME, '', now() - 310)),
        401,
        'STALE_TIMESTAMP',
        /behind the server clock; allowed ±300 s/,
      );
      await expectRefused(
        await get(ME, operatorHeaders(op, 'GET', ME, '', now() + 310)),
        401,
        'STALE_TIMESTAMP',
        /ahead of the server clock/,
      );
      await expectRefused(await get(ME, operatorHeaders(op, 'GET', ME, '', 0)), 401, 'STALE_TIMESTAMP');
    });

    it('401 INVALID_SIGNATURE when a signature is replayed with another body', async () => {
      const signed = '{"amount":"1.00"}';
      await expectRefused(
        await post(PROBE, '{"amount":"100.00"}', operatorHeaders(op, 'POST', PROBE, signed)),
        401,
        'INVALID_SIGNATURE',
      );
      await expectRefused(
        await post(PROBE, '{"amount": "1.00"}', operatorHeaders(op, 'POST', PROBE, signed)),
        401,
        'INVALID_SIGNATURE',
      );
      await expectRefused(
        await post(PROBE, '', operatorHeaders(op, 'POST', PROBE, signed)),
        401,
        'INVALID_SIGNATURE',
      );
    });

    it('401 INVALID_SIGNATURE when a signature is replayed on another path, query or method', async () => {
      await expectRefused(await get(PROBE, operatorHeaders(op, 'GET', ME)), 401, 'INVALID_SIGNATURE');
      await expectRefused(
        await get(`${ME}?page=2`, operatorHeaders(op, 'GET', `${ME}?page=1`)),
        401,
        'INVALID_SIGNATURE',
      );
      await expectRefused(
        await get(`${ME}?page=1`, operatorHeaders(op, 'GET', ME)),
        401,
        'INVALID_SIGNATURE',
      );
      await expectRefused(
        await post(PROBE, '', operatorHeaders(op, 'GET', PROBE, '')),
        401,
        'INVALID_SIGNATURE',
      );
    });

    it("401 INVALID_SIGNATURE when one operator's signature is presented as another's", async () => {
      const other = await newOperator(t);
      await expectRefused(
        await get(ME, { ...operatorHeaders(op, 'GET', ME), 'X-Operator-Id': other.id }),
        401,
        'INVALID_SIGNATURE',
      );
    });

    it('401 UNKNOWN_OPERATOR for an id no operator has', async () => {
      const ghost = { id: randomUUID(), secret: op.secret };
      await expectRefused(
        await get(ME, operatorHeaders(ghost, 'GET', ME)),
        401,
        'UNKNOWN_OPERATOR',
        new RegExp(ghost.id),
      );
    });

    it('403 OPERATOR_DISABLED for a disabled operator with a valid signature, 401 with a wrong one; back at once when re-enabled', async () => {
      const disabled = await newOperator(t);
      await get(ME, operatorHeaders(disabled, 'GET', ME)).expect(200); // caches its credentials
      await t
        .http()
        .patch(`/admin/operators/${disabled.id}`)
        .set(t.adminAuth)
        .send({ enabled: false })
        .expect(200);
      await expectRefused(
        await get(ME, operatorHeaders(disabled, 'GET', ME)),
        403,
        'OPERATOR_DISABLED',
        /disabled/,
      );
      await expectRefused(
        await get(ME, operatorHeaders({ id: disabled.id, secret: 'nope' }, 'GET', ME)),
        401,
        'INVALID_SIGNATURE',
      );
      await t
        .http()
        .patch(`/admin/operators/${disabled.id}`)
        .set(t.adminAuth)
        .send({ enabled: true })
        .expect(200);
      await get(ME, operatorHeaders(disabled, 'GET', ME)).expect(200);
    });

    it('shows a PATCH in this process at once (name in /me)', async () => {
      const renamed = await newOperator(t);
      await get(ME, operatorHeaders(renamed, 'GET', ME)).expect(200);
      const name = `Renamed ${randomUUID().slice(0, 8)}`;
      await t.http().patch(`/admin/operators/${renamed.id}`).set(t.adminAuth).send({ name }).expect(200);
      const res = await get(ME, operatorHeaders(renamed, 'GET', ME)).expect(200);
      expect(res.body.name).toBe(name);
    });
  });

  describe('secret rotation', () => {
    const rotate = async (
      id: string,
      body: object = {},
    ): Promise<{ secret: string; previousSecretValidUntil: string }> =>
      (await t.http().post(`/admin/operators/${id}/secret/rotate`).set(t.adminAuth).send(body).expect(201))
        .body;

    it('the new secret verifies at once, the old one during the grace; a second rotation drops the oldest', async () => {
      const o = await newOperator(t);
      const first = o.secret;
      await get(ME, operatorHeaders(o, 'GET', ME)).expect(200);
      const { secret: second } = await rotate(o.id);
      await get(ME, operatorHeaders({ id: o.id, secret: second }, 'GET', ME)).expect(200);
      await get(ME, operatorHeaders({ id: o.id, secret: first }, 'GET', ME)).expect(200);

      const { secret: third } = await rotate(o.id);
      await get(ME, operatorHeaders({ id: o.id, secret: third }, 'GET', ME)).expect(200);
      await get(ME, operatorHeaders({ id: o.id, secret: second }, 'GET', ME)).expect(200);
      await expectRefused(
        await get(ME, operatorHeaders({ id: o.id, secret: first }, 'GET', ME)),
        401,
        'INVALID_SIGNATURE',
      );
    });

    it('graceSeconds 0 revokes the old secret at once', async () => {
      const o = await newOperator(t);
      await get(ME, operatorHeaders(o, 'GET', ME)).expect(200);
      const { secret } = await rotate(o.id, { graceSeconds: 0 });
      await expectRefused(await get(ME, operatorHeaders(o, 'GET', ME)), 401, 'INVALID_SIGNATURE');
      await get(ME, operatorHeaders({ id: o.id, secret }, 'GET', ME)).expect(200);
    });

    it('the old secret stops verifying when the grace ends, even while its credentials are cached', async () => {
      const o = await newOperator(t);
      const { secret, previousSecretValidUntil } = await rotate(o.id, { graceSeconds: 1 });
      await get(ME, operatorHeaders(o, 'GET', ME)).expect(200);
      await sleep(Date.parse(previousSecretValidUntil) - Date.now() + 50);
      await expectRefused(await get(ME, operatorHeaders(o, 'GET', ME)), 401, 'INVALID_SIGNATURE');
      await get(ME, operatorHeaders({ id: o.id, secret }, 'GET', ME)).expect(200);
    });

    it('an expiry set in the database (grace over) is honoured', async () => {
      const o = await newOperator(t);
      const { secret } = await rotate(o.id);
      await t.app
        .get(DataSource)
        .query(
          `UPDATE operators SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`,
          [o.id],
        );
      await expectRefused(await get(ME, operatorHeaders(o, 'GET', ME)), 401, 'INVALID_SIGNATURE');
      await get(ME, operatorHeaders({ id: o.id, secret }, 'GET', ME)).expect(200);
    });

    it('a secret rotated through another API process verifies here at once, despite the cache', async () => {
      const other = await createTestApp(); // a second API process on the same database
      try {
        const o = await newOperator(t);
        await get(ME, operatorHeaders(o, 'GET', ME)).expect(200); // this process now caches the first secret
        await sleep(1_100); // re-reads on a failed signature are throttled to one per second per operator
        const res = await other
          .http()
          .post(`/admin/operators/${o.id}/secret/rotate`)
          .set(other.adminAuth)
          .send({})
          .expect(201);
        await get(ME, operatorHeaders({ id: o.id, secret: res.body.secret }, 'GET', ME)).expect(200);
        await get(ME, operatorHeaders(o, 'GET', ME)).expect(200); // old one: grace
      } finally {
        await other.close();
      }
    });

    it('a secret written in the database by hand (sealed with SECRETS_KEY) is used', async () => {
      const o = await newOperator(t);
      const replacement = 'e'.repeat(64);
      await t.app
        .get(DataSource)
        .query(`UPDATE operators SET secret_sealed = $2 WHERE id = $1`, [
          o.id,
          new SecretBox(TEST_SECRETS_KEY).seal(replacement),
        ]);
      await get(ME, operatorHeaders({ id: o.id, secret: replacement }, 'GET', ME)).expect(200);
    });
  });
});
