import { ProvidersService } from '@app/catalogue';
import { DataSource } from 'typeorm';
import { newProvider, type ProtocolKey, validProviderConfig } from './support/catalogue-builders';
import { createTestApp, type TestApp } from './support/test-app';

/** Removes a dotted path (`endpoints.gameUrl`) from a copy of a config. */
function without(config: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(config);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  delete node[keys[keys.length - 1]];
  return copy;
}

function withValue(config: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(config);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return copy;
}

const REQUIRED: Record<ProtocolKey, string[]> = {
  slotegrator: ['clientId', 'token', 'endpoints', 'endpoints.gameUrl', 'endpoints.demoGameUrl'],
  b2b: ['operatorId', 'launchBaseUrl'],
  apps: ['customerId', 'salt', 'storagePath', 'amountUnit'],
  'wallet-v2': ['walletToken', 'launchBaseUrl'],
};

const BAD_URLS: [ProtocolKey, string, string][] = [
  ['slotegrator', 'endpoints.gameUrl', 'not a url'],
  ['slotegrator', 'endpoints.jackpots', 'ftp://jackpots.example/list'],
  ['b2b', 'launchBaseUrl', '//int.apiforb2b.com'],
  ['b2b', 'gamesListUrl', 'javascript:alert(1)'],
  ['apps', 'gamesConfigUrl', 'file:///etc/passwd'],
  ['apps', 'storagePath', 'media'],
  ['wallet-v2', 'launchBaseUrl', 'games.example/launch'],
];

describe('catalogue: providers (admin API)', () => {
  let t: TestApp;
  let seq = 0;
  const code = (p: string): string => `${p}-${++seq}-${Date.now().toString(36)}`;
  const create = (body: Record<string, unknown>) =>
    t.http().post('/admin/providers').set(t.adminAuth).send(body);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('requires the admin token', async () => {
    await t.http().get('/admin/providers').expect(401);
    await t
      .http()
      .post('/admin/providers')
      .set({ Authorization: 'Bearer wrong-token-0123456789' })
      .send({})
      .expect(401);
  });

  describe.each(Object.keys(REQUIRED) as ProtocolKey[])('%s config', (protocol) => {
    it('accepts a valid config, keeps extra keys, and answers 201 with the provider', async () => {
      const config = { ...validProviderConfig(protocol), extraSetting: 'kept' };
      const c = code(protocol);
      const res = await create({ code: c, name: `P ${c}`, protocol, config }).expect(201);
      expect(res.body).toMatchObject({ code: c, name: `P ${c}`, protocol, enabled: true, allowedIps: [] });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.config.extraSetting).toBe('kept');
    });

    it.each(REQUIRED[protocol])('refuses a config without %s, naming it', async (key) => {
      const res = await create({
        code: code(protocol),
        name: 'x',
        protocol,
        config: without(validProviderConfig(protocol), key),
      }).expect(400);
      expect(res.body.error).toBe('INVALID_PROVIDER_CONFIG');
      expect(res.body.message).toContain(`config.${key} is required`);
    });
  });

  it.each(BAD_URLS)('%s: refuses %s = %j, naming the key', async (protocol, key, value) => {
    const res = await create({
      code: code(protocol),
      name: 'x',
      protocol,
      config: withValue(validProviderConfig(protocol), key, value),
    }).expect(400);
    expect(res.body.error).toBe('INVALID_PROVIDER_CONFIG');
    expect(res.body.message).toContain(`config.${key} must be`);
  });

  it('refuses an apps amountUnit other than kopecks or roubles, and accepts roubles', async () => {
    const bad = await create({
      code: code('apps'),
      name: 'x',
      protocol: 'apps',
      config: { ...validProviderConfig('apps'), amountUnit: 'cents' },
    }).expect(400);
    expect(bad.body.message).toContain('config.amountUnit must be one of: kopecks, roubles');
    await create({
      code: code('apps'),
      name: 'x',
      protocol: 'apps',
      config: { ...validProviderConfig('apps'), amountUnit: 'roubles' },
    }).expect(201);
  });

  it('refuses a wallet-v2 walletToken outside the spec alphabet', async () => {
    const res = await create({
      code: code('wv2'),
      name: 'x',
      protocol: 'wallet-v2',
      config: { ...validProviderConfig('wallet-v2'), walletToken: 'has space' },
    }).expect(400);
    expect(res.body.message).toContain('config.walletToken must be 1-40 letters, digits or "_"');
  });

  it('validates the envelope: code slug, protocol, config object, unknown fields', async () => {
    const config = validProviderConfig('b2b');
    const badCode = await create({ code: 'Bad_Code', name: 'x', protocol: 'b2b', config }).expect(400);
    expect(JSON.stringify(badCode.body.message)).toContain('code must be a lowercase slug');
    const badProtocol = await create({ code: code('x'), name: 'x', protocol: 'soap', config }).expect(400);
    expect(JSON.stringify(badProtocol.body.message)).toContain(
      'protocol must be one of: slotegrator, b2b, apps, wallet-v2',
    );
    const noConfig = await create({ code: code('x'), name: 'x', protocol: 'b2b', config: 'x' }).expect(400);
    expect(JSON.stringify(noConfig.body.message)).toContain('config must be an object');
    const extra = await create({ code: code('x'), name: 'x', protocol: 'b2b', config, owner: 'me' }).expect(
      400,
    );
    expect(JSON.stringify(extra.body.message)).toContain('property owner should not exist');
  });

  it('refuses a second provider with the same code (409)', async () => {
    const p = await newProvider(t, 'b2b');
    const res = await create({
      code: p.code,
      name: 'again',
      protocol: 'b2b',
      config: validProviderConfig('b2b'),
    }).expect(409);
    expect(res.body.error).toBe('PROVIDER_CODE_TAKEN');
  });

  describe('allowedIps', () => {
    it('accepts IPv4/IPv6 addresses and CIDRs', async () => {
      const ips = ['203.0.113.10', '198.51.100.0/24', '2001:db8::1', '2001:db8::/32'];
      const p = await newProvider(t, 'slotegrator', { allowedIps: ips });
      expect(p.allowedIps).toEqual(ips);
    });

    it.each([['10.0.0.256'], ['10.0.0.0/33'], ['2001:db8::/129'], ['provider.example.com'], ['10.0.0.0/']])(
      'refuses %j, naming it',
      async (entry) => {
        const res = await create({
          code: code('ips'),
          name: 'x',
          protocol: 'b2b',
          config: validProviderConfig('b2b'),
          allowedIps: ['203.0.113.10', entry],
        }).expect(400);
        expect(res.body.error).toBe('INVALID_ALLOWED_IPS');
        expect(res.body.message).toContain(JSON.stringify(entry));
        expect(res.body.message).not.toContain('"203.0.113.10"');
      },
    );

    it('is enforced by the provider other modules get', async () => {
      const p = await newProvider(t, 'b2b', { allowedIps: ['10.1.0.0/16'] });
      const active = await t.app.get(ProvidersService).findActiveByCode(p.code);
      expect(active?.allowsIp('10.1.2.3')).toBe(true);
      expect(active?.allowsIp('::ffff:10.1.2.3')).toBe(true);
      expect(active?.allowsIp('10.2.0.1')).toBe(false);
      const open = await t.app.get(ProvidersService).findActiveByCode((await newProvider(t, 'b2b')).code);
      expect(open?.allowsIp('192.0.2.1')).toBe(true);
    });
  });

  describe('secrets', () => {
    it.each([
      ['slotegrator', 'token'],
      ['apps', 'salt'],
      ['wallet-v2', 'walletToken'],
    ] as [ProtocolKey, string][])(
      '%s %s is masked in every admin response and sealed at rest',
      async (protocol, key) => {
        const p = await newProvider(t, protocol);
        const secret = p.config[key] as string;
        const responses = [
          await t.http().get(`/admin/providers/${p.code}`).set(t.adminAuth).expect(200),
          await t.http().get('/admin/providers?limit=200').set(t.adminAuth).expect(200),
          await t
            .http()
            .patch(`/admin/providers/${p.code}`)
            .set(t.adminAuth)
            .send({ name: 'renamed' })
            .expect(200),
        ];
        for (const res of responses) expect(res.text).not.toContain(secret);
        expect(responses[0].body.config[key]).toBe(`****${secret.slice(-4)}`);

        const [row] = await t.app
          .get(DataSource)
          .query(`SELECT config::text AS config FROM providers WHERE code = $1`, [p.code]);
        expect(row.config).not.toContain(secret);

        const active = await t.app.get(ProvidersService).findActiveByCode(p.code);
        expect((active?.config as unknown as Record<string, unknown>)[key]).toBe(secret);
      },
    );
  });

  describe('GET', () => {
    it('lists providers by code, paginated', async () => {
      const res = await t.http().get('/admin/providers?page=1&limit=2').set(t.adminAuth).expect(200);
      expect(res.body).toMatchObject({ page: 1, limit: 2 });
      expect(res.body.items).toHaveLength(2);
      expect(res.body.total).toBeGreaterThan(2);
      const all = await t.http().get('/admin/providers?limit=200').set(t.adminAuth).expect(200);
      const codes = all.body.items.map((p: { code: string }) => p.code);
      expect(codes).toEqual([...codes].sort());
      expect(all.body.total).toBe(codes.length);
    });

    it('gets one by code, 404 for an unknown code', async () => {
      const p = await newProvider(t, 'b2b');
      const res = await t.http().get(`/admin/providers/${p.code}`).set(t.adminAuth).expect(200);
      expect(res.body).toMatchObject({ id: p.id, code: p.code, protocol: 'b2b', config: p.config });
      const missing = await t.http().get('/admin/providers/no-such-provider').set(t.adminAuth).expect(404);
      expect(missing.body.error).toBe('PROVIDER_NOT_FOUND');
    });
  });

  describe('PATCH', () => {
    it('changes name, enabled and allowedIps', async () => {
      const p = await newProvider(t, 'b2b');
      const res = await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ name: 'New name', enabled: false, allowedIps: ['192.0.2.0/24'] })
        .expect(200);
      expect(res.body).toMatchObject({ name: 'New name', enabled: false, allowedIps: ['192.0.2.0/24'] });
      const again = await t.http().get(`/admin/providers/${p.code}`).set(t.adminAuth).expect(200);
      expect(again.body).toMatchObject({ name: 'New name', enabled: false, allowedIps: ['192.0.2.0/24'] });
    });

    it('merges config (secrets kept unless given) and validates the result against the protocol', async () => {
      const p = await newProvider(t, 'slotegrator');
      const ok = await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ config: { endpoints: { jackpots: 'http://127.0.0.1:9/jackpots' } } })
        .expect(200);
      expect(ok.body.config.endpoints).toEqual({
        ...(p.config.endpoints as object),
        jackpots: 'http://127.0.0.1:9/jackpots',
      });
      const active = await t.app.get(ProvidersService).findActiveByCode(p.code);
      expect(active?.protocol === 'slotegrator' && active.config.token).toBe(p.config.token);

      const removed = await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ config: { endpoints: { gameUrl: null } } })
        .expect(400);
      expect(removed.body.message).toContain('config.endpoints.gameUrl is required');
      const badUrl = await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ config: { endpoints: { demoGameUrl: 'nope' } } })
        .expect(400);
      expect(badUrl.body.message).toContain('config.endpoints.demoGameUrl must be an absolute http(s) URL');

      // Nothing of the refused patches was kept.
      const after = await t.http().get(`/admin/providers/${p.code}`).set(t.adminAuth).expect(200);
      expect(after.body.config.endpoints).toEqual(ok.body.config.endpoints);
    });

    it('replaces a secret when given, and the new one is served at once in this process', async () => {
      const p = await newProvider(t, 'wallet-v2');
      await t.app.get(ProvidersService).findActiveByCode(p.code); // warm the cache
      await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ config: { walletToken: 'rotated_token_1' } })
        .expect(200);
      const active = await t.app.get(ProvidersService).findActiveByCode(p.code);
      expect(active?.protocol === 'wallet-v2' && active.config.walletToken).toBe('rotated_token_1');
    });

    it('refuses a protocol change, accepts the same protocol', async () => {
      const p = await newProvider(t, 'b2b');
      const res = await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ protocol: 'apps' })
        .expect(400);
      expect(res.body.error).toBe('PROTOCOL_IMMUTABLE');
      await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ protocol: 'b2b', name: 'same' })
        .expect(200);
    });

    it('refuses invalid allowedIps and answers 404 for an unknown provider', async () => {
      const p = await newProvider(t, 'b2b');
      const res = await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ allowedIps: ['1.2.3'] })
        .expect(400);
      expect(res.body.error).toBe('INVALID_ALLOWED_IPS');
      await t
        .http()
        .patch('/admin/providers/no-such-provider')
        .set(t.adminAuth)
        .send({ name: 'x' })
        .expect(404);
    });
  });

  describe('findActiveByCode (for callbacks)', () => {
    it('returns enabled providers only, with the typed config', async () => {
      const svc = t.app.get(ProvidersService);
      const p = await newProvider(t, 'apps');
      const active = await svc.findActiveByCode(p.code);
      expect(active).toMatchObject({ id: p.id, code: p.code, protocol: 'apps' });
      expect(active?.protocol === 'apps' && active.config.amountUnit).toBe('kopecks');

      await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ enabled: false })
        .expect(200);
      expect(await svc.findActiveByCode(p.code)).toBeNull();
      expect(await svc.findActiveByCode('never-registered')).toBeNull();
    });
  });
});
