import { newGames, newProvider } from './support/catalogue-builders';
import { operatorHeaders } from './support/operator-sign';
import { newOperator, type CreatedOperator } from './support/operator-builders';
import { createTestApp, type TestApp } from './support/test-app';

interface ListedGame {
  id: string;
  name: string;
  provider: string;
  type: string;
  images: Record<string, string>;
  lines: number | null;
  hasDemo: boolean;
  hasFreespins: boolean;
}

describe('catalogue: operator API', () => {
  let t: TestApp;
  let operator: CreatedOperator;
  let alpha: string; // provider with 25 slots
  let beta: string; // provider with assorted games
  let hidden: string; // disabled provider

  const signedGet = (path: string, extra: Record<string, string> = {}) =>
    t
      .http()
      .get(path)
      .set({ ...operatorHeaders(operator, 'GET', path), ...extra });

  async function listAll(query: string, limit: number): Promise<{ pages: ListedGame[][]; total: number }> {
    const pages: ListedGame[][] = [];
    let total = -1;
    for (let page = 1; ; page++) {
      const res = await signedGet(
        `/api/v1/games?${query}${query ? '&' : ''}page=${page}&limit=${limit}`,
      ).expect(200);
      expect(res.body).toMatchObject({ page, limit });
      total = res.body.total;
      if (res.body.items.length === 0) break;
      pages.push(res.body.items);
    }
    return { pages, total };
  }

  beforeAll(async () => {
    t = await createTestApp();
    operator = await newOperator(t, { walletMode: 'internal', currencies: ['USD'] });

    alpha = (await newProvider(t, 'slotegrator', { code: 'alpha-slots' })).code;
    await newGames(t, alpha, 25, { prefix: 'Slot' });

    beta = (await newProvider(t, 'b2b', { code: 'beta-b2b' })).code;
    await t
      .http()
      .put(`/admin/providers/${beta}/games`)
      .set(t.adminAuth)
      .send({
        games: [
          {
            externalId: 'roulette',
            name: 'Live Roulette',
            type: 'live',
            images: { icon: 'https://cdn.example.com/r.png' },
          },
          { externalId: 'bj', name: 'Blackjack', type: 'table' },
          { externalId: 'pct', name: '100% Wild', type: 'slot' },
          { externalId: 'under', name: 'Lucky_7', type: 'slot' },
          {
            externalId: 'lucky',
            name: 'Lucky 777',
            type: 'slot',
            lines: 5,
            hasDemo: true,
            hasFreespins: true,
          },
          { externalId: 'off', name: 'Switched Off', type: 'slot', enabled: false },
          // Same name as an alpha game: the order must still be total (name, then id).
          { externalId: 'twin', name: 'Slot 01', type: 'slot' },
        ],
      })
      .expect(200);

    hidden = (await newProvider(t, 'wallet-v2', { code: 'hidden-wv2' })).code;
    await newGames(t, hidden, 3, { prefix: 'Hidden' });
    await t.http().patch(`/admin/providers/${hidden}`).set(t.adminAuth).send({ enabled: false }).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses unsigned or badly signed requests with 401', async () => {
    await t.http().get('/api/v1/games').expect(401);
    await t.http().get('/api/v1/providers').expect(401);
    const wrongPath = operatorHeaders(operator, 'GET', '/api/v1/games?page=2');
    await t.http().get('/api/v1/games?page=1').set(wrongPath).expect(401);
    await t
      .http()
      .get('/api/v1/games')
      .set(operatorHeaders({ ...operator, secret: 'not-the-secret' }, 'GET', '/api/v1/games'))
      .expect(401);
  });

  it('GET /api/v1/providers lists enabled providers by code, never their config', async () => {
    const res = await signedGet('/api/v1/providers').expect(200);
    expect(res.body).toEqual({
      items: [
        { code: 'alpha-slots', name: 'Provider alpha-slots', protocol: 'slotegrator' },
        { code: 'beta-b2b', name: 'Provider beta-b2b', protocol: 'b2b' },
      ],
      page: 1,
      limit: 50,
      total: 2,
    });
  });

  it('pages through all playable games in a stable order: no overlap, no gap, same total', async () => {
    const { pages, total } = await listAll('', 7);
    const all = pages.flat();
    expect(total).toBe(25 + 6); // 25 alpha + 6 enabled beta; disabled game and hidden provider excluded
    expect(all).toHaveLength(total);
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 3]);
    expect(new Set(all.map((g) => g.id)).size).toBe(total);

    // One big page gives the same sequence as the small pages.
    const single = await signedGet('/api/v1/games?limit=200').expect(200);
    expect(single.body.items.map((g: ListedGame) => g.id)).toEqual(all.map((g) => g.id));

    // Ordered by name, ties broken by id.
    const twins = all.filter((g) => g.name === 'Slot 01');
    expect(twins).toHaveLength(2);
    expect(twins[0].id < twins[1].id).toBe(true);
    expect(all.some((g) => g.name === 'Switched Off' || g.name.startsWith('Hidden'))).toBe(false);
  });

  it('answers an empty page past the end, with the total', async () => {
    const res = await signedGet('/api/v1/games?page=99&limit=10').expect(200);
    expect(res.body).toEqual({ items: [], page: 99, limit: 10, total: 31 });
  });

  it('shows games as operators need them, without provider internals', async () => {
    const res = await signedGet(`/api/v1/games?provider=${beta}&search=lucky%20777`).expect(200);
    expect(res.body.items).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Lucky 777',
        provider: 'beta-b2b',
        type: 'slot',
        images: {},
        lines: 5,
        hasDemo: true,
        hasFreespins: true,
      },
    ]);
  });

  it('filters by provider and type', async () => {
    const byProvider = await signedGet(`/api/v1/games?provider=${alpha}&limit=200`).expect(200);
    expect(byProvider.body.total).toBe(25);
    expect(byProvider.body.items.every((g: ListedGame) => g.provider === alpha)).toBe(true);

    const live = await signedGet('/api/v1/games?type=live').expect(200);
    expect(live.body.items.map((g: ListedGame) => g.name)).toEqual(['Live Roulette']);

    const betaSlots = await signedGet(`/api/v1/games?provider=${beta}&type=slot`).expect(200);
    expect(betaSlots.body.items.map((g: ListedGame) => g.name)).toEqual([
      '100% Wild',
      'Lucky 777',
      'Lucky_7',
      'Slot 01',
    ]);

    expect((await signedGet(`/api/v1/games?provider=${hidden}`).expect(200)).body.total).toBe(0);
    expect((await signedGet('/api/v1/games?provider=nobody').expect(200)).body.total).toBe(0);
  });

  it('searches names case-insensitively, LIKE wildcards taken literally', async () => {
    const names = async (search: string): Promise<string[]> =>
      (
        await signedGet(`/api/v1/games?search=${encodeURIComponent(search)}&limit=200`).expect(200)
      ).body.items.map((g: ListedGame) => g.name);
    expect(await names('ROULETTE')).toEqual(['Live Roulette']);
    expect(await names('slot 2')).toEqual(['Slot 20', 'Slot 21', 'Slot 22', 'Slot 23', 'Slot 24', 'Slot 25']);
    expect(await names('%')).toEqual(['100% Wild']);
    expect(await names('_')).toEqual(['Lucky_7']);
    expect(await names('y_7')).toEqual(['Lucky_7']);
    expect(await names('\\')).toEqual([]);
  });

  it('validates the query: limit ≤ 200, known type, page ≥ 1, no unknown parameters', async () => {
    await signedGet('/api/v1/games?limit=201').expect(400);
    await signedGet('/api/v1/games?limit=0').expect(400);
    await signedGet('/api/v1/games?page=0').expect(400);
    const type = await signedGet('/api/v1/games?type=arcade').expect(400);
    expect(JSON.stringify(type.body.message)).toContain('type must be one of');
    await signedGet('/api/v1/games?sort=name').expect(400);
  });

  it('sends an ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const path = `/api/v1/games?provider=${beta}`;
    const first = await signedGet(path).expect(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('private, max-age=60');

    const again = await signedGet(path).expect(200);
    expect(again.headers.etag).toBe(etag);

    const notModified = await signedGet(path, { 'If-None-Match': etag }).expect(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers['cache-control']).toBe('private, max-age=60');
    await signedGet(path, { 'If-None-Match': `"stale", W/${etag}` }).expect(304);
    await signedGet(path, { 'If-None-Match': '"stale"' }).expect(200);

    // Another page has another ETag.
    const otherPage = await signedGet(`${path}&limit=2`).expect(200);
    expect(otherPage.headers.etag).not.toBe(etag);

    // A change to the catalogue changes the ETag: the old one no longer gets a 304.
    await t
      .http()
      .put(`/admin/providers/${beta}/games`)
      .set(t.adminAuth)
      .send({ games: [{ externalId: 'bj', name: 'Blackjack Pro', type: 'table' }] })
      .expect(200);
    const changed = await signedGet(path, { 'If-None-Match': etag }).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.items.map((g: ListedGame) => g.name)).toContain('Blackjack Pro');
  });

  it('providers list has an ETag too', async () => {
    const first = await signedGet('/api/v1/providers').expect(200);
    expect(first.headers['cache-control']).toBe('private, max-age=60');
    await signedGet('/api/v1/providers', { 'If-None-Match': first.headers.etag }).expect(304);
  });

  it('a game or provider disabled later disappears from the list', async () => {
    const before = (await signedGet(`/api/v1/games?provider=${beta}&type=live`).expect(200)).body.total;
    expect(before).toBe(1);
    await t
      .http()
      .put(`/admin/providers/${beta}/games`)
      .set(t.adminAuth)
      .send({ games: [{ externalId: 'roulette', name: 'Live Roulette', type: 'live', enabled: false }] })
      .expect(200);
    expect((await signedGet(`/api/v1/games?provider=${beta}&type=live`).expect(200)).body.total).toBe(0);

    await t.http().patch(`/admin/providers/${alpha}`).set(t.adminAuth).send({ enabled: false }).expect(200);
    expect((await signedGet(`/api/v1/games?provider=${alpha}`).expect(200)).body.total).toBe(0);
    const providers = await signedGet('/api/v1/providers').expect(200);
    expect(providers.body.items.map((p: { code: string }) => p.code)).toEqual(['beta-b2b']);
  });
});
