import { randomUUID } from 'node:crypto';
import { SecretBox } from '@app/common';
import { DataSource } from 'typeorm';
import { newOperator } from './support/operator-builders';
import { createTestApp, type TestApp } from './support/test-app';
import { TEST_SECRETS_KEY } from './support/test-env';

const HEX_SECRET = /^[0-9a-f]{64}$/;
const PUBLIC_FIELDS = [
  'createdAt',
  'currencies',
  'enabled',
  'id',
  'name',
  'updatedAt',
  'walletMode',
  'walletUrl',
];

describe('admin API: operators', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const sealedColumns = async (
    id: string,
  ): Promise<{ secret_sealed: string; previous_secret_sealed: string | null; row: string }> => {
    const [row] = await db.query(
      `SELECT secret_sealed, previous_secret_sealed, row_to_json(o)::text AS row FROM operators o WHERE id = $1`,
      [id],
    );
    return row;
  };

  describe('POST /admin/operators', () => {
    it('creates an operator and shows its secret once, in the create response only', async () => {
      const res = await t
        .http()
        .post('/admin/operators')
        .set(t.adminAuth)
        .send({
          name: '  Lucky Casino  ',
          walletMode: 'seamless',
          walletUrl: 'https://lucky.example/wallet',
          currencies: ['EUR', 'USD'],
        })
        .expect(201);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Lucky Casino',
        walletMode: 'seamless',
        walletUrl: 'https://lucky.example/wallet',
        currencies: ['EUR', 'USD'],
        enabled: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        secret: expect.stringMatching(HEX_SECRET),
      });
      expect(Math.abs(Date.parse(res.body.createdAt) - Date.now())).toBeLessThan(60_000);

      const { id, secret } = res.body;
      const got = await t.http().get(`/admin/operators/${id}`).set(t.adminAuth).expect(200);
      expect(Object.keys(got.body).sort()).toEqual(PUBLIC_FIELDS);
      expect(got.body).toEqual({ ...res.body, secret: undefined });
      const list = await t.http().get('/admin/operators?limit=200').set(t.adminAuth).expect(200);
      expect(list.body.items.find((o: { id: string }) => o.id === id)).toEqual(got.body);
      const patched = await t
        .http()
        .patch(`/admin/operators/${id}`)
        .set(t.adminAuth)
        .send({ enabled: true })
        .expect(200);
      for (const text of [got.text, list.text, patched.text]) {
        expect(text).not.toContain(secret);
        expect(text).not.toMatch(/secret|sealed/i);
      }
    });

    it('stores the secret encrypted with SECRETS_KEY, never in plaintext', async () => {
      const op = await newOperator(t);
      const { secret_sealed, previous_secret_sealed, row } = await sealedColumns(op.id);
      expect(row).not.toContain(op.secret);
      expect(secret_sealed).toMatch(/^v1:/);
      expect(previous_secret_sealed).toBeNull();
      expect(new SecretBox(TEST_SECRETS_KEY).open(secret_sealed)).toBe(op.secret);
      expect(() => new SecretBox('ff'.repeat(32)).open(secret_sealed)).toThrow();
    });

    it('gives every operator its own secret', async () => {
      const [a, b] = await Promise.all([newOperator(t), newOperator(t)]);
      expect(a.secret).not.toBe(b.secret);
    });

    it('accepts an internal operator without walletUrl (null)', async () => {
      const op = await newOperator(t, { walletMode: 'internal', currencies: ['GBP'] });
      expect(op).toMatchObject({ walletMode: 'internal', walletUrl: null, currencies: ['GBP'] });
    });

    it.each([
      ['an unknown field', { extra: 1 }, 'property extra should not exist'],
      ['a name that is not a string', { name: 123 }, 'name must be a string'],
      ['an empty name', { name: '   ' }, 'name must not be empty'],
      ['an over-long name', { name: 'x'.repeat(101) }, 'name must be at most 100 characters'],
      ['an unknown wallet mode', { walletMode: 'cash' }, 'walletMode must be one of: internal, seamless'],
      [
        'seamless without walletUrl',
        { walletMode: 'seamless' },
        'walletUrl is required when walletMode is "seamless"',
      ],
      [
        'seamless with walletUrl null',
        { walletMode: 'seamless', walletUrl: null },
        'walletUrl is required when walletMode is "seamless"',
      ],
      [
        'a walletUrl that is not http(s)',
        { walletMode: 'seamless', walletUrl: 'ftp://casino.example/w' },
        'walletUrl must be an http(s) URL',
      ],
      ['a walletUrl that is no URL', { walletUrl: 'casino wallet' }, 'walletUrl must be an http(s) URL'],
      [
        'currencies that are not an array',
        { currencies: 'EUR' },
        'currencies must be an array of ISO 4217 codes',
      ],
      ['no currency', { currencies: [] }, 'currencies must name at least one currency'],
      [
        'a lower-case currency',
        { currencies: ['usd'] },
        'each currency must be an ISO 4217 code: three uppercase letters, e.g. "EUR"',
      ],
      ['a four-letter currency', { currencies: ['EURO'] }, 'each currency must be an ISO 4217 code'],
      ['a numeric currency', { currencies: [978] }, 'each currency must be a string'],
      ['a repeated currency', { currencies: ['EUR', 'EUR'] }, 'currencies must not repeat a currency'],
    ])('refuses %s with 400 and a readable reason', async (_case, change, reason) => {
      const body = {
        name: `Refused ${randomUUID()}`,
        walletMode: 'internal',
        currencies: ['EUR'],
        ...change,
      };
      const res = await t.http().post('/admin/operators').set(t.adminAuth).send(body).expect(400);
      expect(res.body.statusCode).toBe(400);
      expect([res.body.message].flat().join(' | ')).toContain(reason);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM operators WHERE name = $1`, [body.name]);
      expect(n).toBe(0);
    });

    it('lists every problem at once', async () => {
      const res = await t
        .http()
        .post('/admin/operators')
        .set(t.adminAuth)
        .send({ walletMode: 'x', currencies: ['eur'] })
        .expect(400);
      const reasons = (res.body.message as string[]).join(' | ');
      expect(reasons).toContain('name must be a string');
      expect(reasons).toContain('walletMode must be one of');
      expect(reasons).toContain('each currency must be an ISO 4217 code');
    });

    it('refuses a body that is not JSON with 400', async () => {
      const res = await t
        .http()
        .post('/admin/operators')
        .set(t.adminAuth)
        .set('Content-Type', 'application/json')
        .send('{"name":')
        .expect(400);
      expect(res.body.error).toBe('MALFORMED_JSON');
    });

    it('refuses a taken name with 409', async () => {
      const op = await newOperator(t);
      const res = await t
        .http()
        .post('/admin/operators')
        .set(t.adminAuth)
        .send({ name: op.name, walletMode: 'internal', currencies: ['EUR'] })
        .expect(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        error: 'OPERATOR_NAME_TAKEN',
        message: `An operator named "${op.name}" already exists`,
      });
    });
  });

  describe('GET /admin/operators', () => {
    it('pages through all operators, oldest first, without overlap', async () => {
      const mine = [await newOperator(t), await newOperator(t), await newOperator(t)];
      const first = await t.http().get('/admin/operators?page=1&limit=2').set(t.adminAuth).expect(200);
      expect(first.body).toMatchObject({ page: 1, limit: 2, total: expect.any(Number) });
      expect(first.body.items).toHaveLength(2);
      const total: number = first.body.total;
      expect(total).toBeGreaterThanOrEqual(3);

      const seen: { id: string; createdAt: string }[] = [];
      for (let page = 1; page <= Math.ceil(total / 2); page++) {
        const res = await t.http().get(`/admin/operators?page=${page}&limit=2`).set(t.adminAuth).expect(200);
        expect(res.body.total).toBe(total);
        seen.push(...res.body.items);
      }
      expect(new Set(seen.map((o) => o.id)).size).toBe(total);
      expect(seen.map((o) => o.id)).toEqual(expect.arrayContaining(mine.map((o) => o.id)));
      const times = seen.map((o) => Date.parse(o.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const beyond = await t
        .http()
        .get(`/admin/operators?page=${Math.ceil(total / 2) + 1}&limit=2`)
        .set(t.adminAuth)
        .expect(200);
      expect(beyond.body.items).toEqual([]);
    });

    it.each(['limit=0', 'limit=201', 'page=0', 'page=x', 'sort=name'])(
      'refuses ?%s with 400',
      async (query) => {
        const res = await t.http().get(`/admin/operators?${query}`).set(t.adminAuth).expect(400);
        expect(res.body.statusCode).toBe(400);
        expect([res.body.message].flat().length).toBeGreaterThan(0);
      },
    );
  });

  describe('GET /admin/operators/:id', () => {
    it('answers 404 with the reason for an unknown id', async () => {
      const id = randomUUID();
      const res = await t.http().get(`/admin/operators/${id}`).set(t.adminAuth).expect(404);
      expect(res.body).toMatchObject({
        statusCode: 404,
        error: 'OPERATOR_NOT_FOUND',
        message: `Operator ${id} does not exist`,
      });
    });

    it('answers 400 when the id is not a uuid', async () => {
      const res = await t.http().get('/admin/operators/not-a-uuid').set(t.adminAuth).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: 'id must be a uuid' });
    });
  });

  describe('PATCH /admin/operators/:id', () => {
    it('changes only the fields sent', async () => {
      const op = await newOperator(t, { currencies: ['EUR'] });
      const newName = `Renamed ${randomUUID().slice(0, 8)}`;
      const res = await t
        .http()
        .patch(`/admin/operators/${op.id}`)
        .set(t.adminAuth)
        .send({
          name: newName,
          currencies: ['EUR', 'TRY'],
          walletMode: 'seamless',
          walletUrl: 'http://127.0.0.1:9000/wallet',
        })
        .expect(200);
      expect(res.body).toEqual({
        ...op,
        secret: undefined,
        name: newName,
        currencies: ['EUR', 'TRY'],
        walletMode: 'seamless',
        walletUrl: 'http://127.0.0.1:9000/wallet',
        updatedAt: expect.any(String),
      });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(op.updatedAt));

      const disabled = await t
        .http()
        .patch(`/admin/operators/${op.id}`)
        .set(t.adminAuth)
        .send({ enabled: false })
        .expect(200);
      expect(disabled.body).toMatchObject({ name: newName, walletMode: 'seamless', enabled: false });
      const got = await t.http().get(`/admin/operators/${op.id}`).set(t.adminAuth).expect(200);
      expect(got.body).toEqual(disabled.body);
    });

    it('keeps a seamless operator with a walletUrl: switching without one or clearing it is refused', async () => {
      const internal = await newOperator(t);
      const toSeamless = await t
        .http()
        .patch(`/admin/operators/${internal.id}`)
        .set(t.adminAuth)
        .send({ walletMode: 'seamless' })
        .expect(400);
      expect(toSeamless.body).toMatchObject({
        error: 'WALLET_URL_REQUIRED',
        message: 'walletUrl is required when walletMode is "seamless"',
      });

      const seamless = await newOperator(t, {
        walletMode: 'seamless',
        walletUrl: 'https://casino.example/w',
      });
      const cleared = await t
        .http()
        .patch(`/admin/operators/${seamless.id}`)
        .set(t.adminAuth)
        .send({ walletUrl: null })
        .expect(400);
      expect(cleared.body.error).toBe('WALLET_URL_REQUIRED');
      const back = await t
        .http()
        .patch(`/admin/operators/${seamless.id}`)
        .set(t.adminAuth)
        .send({ walletMode: 'internal', walletUrl: null })
        .expect(200);
      expect(back.body).toMatchObject({ walletMode: 'internal', walletUrl: null });
    });

    it.each([
      ['an unknown field', { secret: 'mine' }, 'property secret should not exist'],
      ['an over-long name', { name: 'y'.repeat(101) }, 'name must be at most 100 characters'],
      ['a bad currency', { currencies: ['eu'] }, 'each currency must be an ISO 4217 code'],
      ['no currency', { currencies: [] }, 'currencies must name at least one currency'],
      ['enabled that is not a boolean', { enabled: 'yes' }, 'enabled must be true or false'],
      ['a bad walletUrl', { walletUrl: 'javascript:alert(1)' }, 'walletUrl must be an http(s) URL'],
    ])('refuses %s with 400', async (_case, body, reason) => {
      const op = await newOperator(t);
      const res = await t.http().patch(`/admin/operators/${op.id}`).set(t.adminAuth).send(body).expect(400);
      expect([res.body.message].flat().join(' | ')).toContain(reason);
      const got = await t.http().get(`/admin/operators/${op.id}`).set(t.adminAuth).expect(200);
      expect(got.body).toEqual({ ...op, secret: undefined });
    });

    it('refuses a name another operator has with 409', async () => {
      const [a, b] = await Promise.all([newOperator(t), newOperator(t)]);
      const res = await t
        .http()
        .patch(`/admin/operators/${b.id}`)
        .set(t.adminAuth)
        .send({ name: a.name })
        .expect(409);
      expect(res.body.error).toBe('OPERATOR_NAME_TAKEN');
      // Renaming to its own name is no conflict.
      await t.http().patch(`/admin/operators/${a.id}`).set(t.adminAuth).send({ name: a.name }).expect(200);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const res = await t
        .http()
        .patch(`/admin/operators/${randomUUID()}`)
        .set(t.adminAuth)
        .send({ enabled: false })
        .expect(404);
      expect(res.body.error).toBe('OPERATOR_NOT_FOUND');
      await t.http().patch('/admin/operators/123').set(t.adminAuth).send({ enabled: false }).expect(400);
    });
  });

  describe('POST /admin/operators/:id/secret/rotate', () => {
    it('returns a new secret once and keeps the old one, sealed, until the default grace ends', async () => {
      const op = await newOperator(t);
      const before = Date.now();
      const res = await t.http().post(`/admin/operators/${op.id}/secret/rotate`).set(t.adminAuth).expect(201);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(Object.keys(res.body).sort()).toEqual(['previousSecretValidUntil', 'secret']);
      expect(res.body.secret).toMatch(HEX_SECRET);
      expect(res.body.secret).not.toBe(op.secret);
      // OPERATOR_SECRET_GRACE_S defaults to one day.
      const validUntil = Date.parse(res.body.previousSecretValidUntil);
      expect(validUntil).toBeGreaterThanOrEqual(before + 86_400_000);
      expect(validUntil).toBeLessThanOrEqual(Date.now() + 86_400_000);

      const box = new SecretBox(TEST_SECRETS_KEY);
      const { secret_sealed, previous_secret_sealed, row } = await sealedColumns(op.id);
      expect(row).not.toContain(op.secret);
      expect(row).not.toContain(res.body.secret);
      expect(box.open(secret_sealed)).toBe(res.body.secret);
      expect(box.open(previous_secret_sealed!)).toBe(op.secret);

      const got = await t.http().get(`/admin/operators/${op.id}`).set(t.adminAuth).expect(200);
      expect(got.text).not.toContain(res.body.secret);
    });

    it('takes an optional graceSeconds', async () => {
      const op = await newOperator(t);
      const res = await t
        .http()
        .post(`/admin/operators/${op.id}/secret/rotate`)
        .set(t.adminAuth)
        .send({ graceSeconds: 60 })
        .expect(201);
      const validUntil = Date.parse(res.body.previousSecretValidUntil);
      expect(validUntil).toBeGreaterThan(Date.now() + 50_000);
      expect(validUntil).toBeLessThanOrEqual(Date.now() + 60_000);
    });

    it('keeps only the last replaced secret after two rotations', async () => {
      const op = await newOperator(t);
      await t.http().post(`/admin/operators/${op.id}/secret/rotate`).set(t.adminAuth).expect(201);
      const second = await t
        .http()
        .post(`/admin/operators/${op.id}/secret/rotate`)
        .set(t.adminAuth)
        .expect(201);
      const box = new SecretBox(TEST_SECRETS_KEY);
      const { secret_sealed, previous_secret_sealed, row } = await sealedColumns(op.id);
      expect(box.open(secret_sealed)).toBe(second.body.secret);
      expect(box.open(previous_secret_sealed!)).not.toBe(op.secret);
      expect(row).not.toContain(op.secret);
    });

    it('never loses a handed-out secret when rotations race', async () => {
      const op = await newOperator(t);
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.http().post(`/admin/operators/${op.id}/secret/rotate`).set(t.adminAuth).send({}),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      const handedOut = new Set(results.map((r) => r.body.secret as string));
      expect(handedOut.size).toBe(5);
      const box = new SecretBox(TEST_SECRETS_KEY);
      const { secret_sealed, previous_secret_sealed } = await sealedColumns(op.id);
      // Rotations apply one after another: the current secret and the one it replaced were both handed out
      // (a racy read-then-write would put the original secret back as the previous one, losing the others).
      const current = box.open(secret_sealed);
      const previous = box.open(previous_secret_sealed!);
      expect(handedOut.has(current)).toBe(true);
      expect(handedOut.has(previous)).toBe(true);
      expect(previous).not.toBe(current);
    });

    it.each([-1, 1.5, 'soon', 30 * 86400 + 1])('refuses graceSeconds %p with 400', async (graceSeconds) => {
      const op = await newOperator(t);
      const res = await t
        .http()
        .post(`/admin/operators/${op.id}/secret/rotate`)
        .set(t.adminAuth)
        .send({ graceSeconds })
        .expect(400);
      expect([res.body.message].flat().join(' | ')).toMatch(/graceSeconds must be/);
    });

    it('answers 404 for an unknown operator', async () => {
      const res = await t
        .http()
        .post(`/admin/operators/${randomUUID()}/secret/rotate`)
        .set(t.adminAuth)
        .expect(404);
      expect(res.body.error).toBe('OPERATOR_NOT_FOUND');
    });
  });

  describe('admin authentication', () => {
    const id = randomUUID();
    const routes: [string, string][] = [
      ['post', '/admin/operators'],
      ['get', '/admin/operators'],
      ['get', `/admin/operators/${id}`],
      ['patch', `/admin/operators/${id}`],
      ['post', `/admin/operators/${id}/secret/rotate`],
    ];

    it.each(routes)('%s %s answers 401 without a token and with a wrong one', async (method, path) => {
      const call = () =>
        (t.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[method](path);
      const none = await call().send({}).expect(401);
      expect(none.body).toMatchObject({
        statusCode: 401,
        message: expect.stringContaining('Missing admin bearer token'),
      });
      const wrong = await call()
        .set({ Authorization: 'Bearer not-the-admin-token-000' })
        .send({})
        .expect(401);
      expect(wrong.body).toMatchObject({ statusCode: 401, message: 'Invalid admin token' });
      const operatorSigned = await call()
        .set({ 'X-Operator-Id': id, 'X-Timestamp': '1', 'X-Sign': 'ab' })
        .send({})
        .expect(401);
      expect(operatorSigned.body.statusCode).toBe(401);
    });

    it('creates nothing for an unauthenticated create', async () => {
      const name = `Sneaky ${randomUUID()}`;
      await t
        .http()
        .post('/admin/operators')
        .send({ name, walletMode: 'internal', currencies: ['EUR'] })
        .expect(401);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM operators WHERE name = $1`, [name]);
      expect(n).toBe(0);
    });
  });

  it('documents every route in Swagger with its security', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    const paths = res.body.paths;
    const adminRoutes = [
      ['/admin/operators', 'post'],
      ['/admin/operators', 'get'],
      ['/admin/operators/{id}', 'get'],
      ['/admin/operators/{id}', 'patch'],
      ['/admin/operators/{id}/secret/rotate', 'post'],
    ];
    for (const [path, method] of adminRoutes) {
      const op = paths[path]?.[method];
      expect(op).toBeDefined();
      expect(op.tags).toEqual(['admin: operators']);
      expect(op.summary).toEqual(expect.any(String));
      expect(op.security).toEqual([{ admin: [] }]);
    }
    const me = paths['/api/v1/operator/me'].get;
    expect(me.security).toEqual([{ 'operator-id': [], 'operator-timestamp': [], 'operator-sign': [] }]);
    expect(Object.keys(me.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
    const created = res.body.components.schemas.CreatedOperatorResponseDto;
    expect(created.required).toEqual(expect.arrayContaining(['id', 'secret']));
    expect(res.body.components.schemas.OperatorResponseDto.properties.secret).toBeUndefined();
  });
});
