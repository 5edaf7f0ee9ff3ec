import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GamesService } from '@app/catalogue';
import { newGames, newProvider } from './support/catalogue-builders';
import { createTestApp, type TestApp } from './support/test-app';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures/catalogue', name), 'utf8');

interface FeedReply {
  status: number;
  body: string;
  contentType?: string;
}

/** A stand-in for a provider's game list: answers what `reply` says and remembers the requests. */
class FeedServer {
  private server!: Server;
  url = '';
  reply: FeedReply = { status: 200, body: '{}' };
  requests: IncomingMessage[] = [];

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push(req);
      res.writeHead(this.reply.status, { 'content-type': this.reply.contentType ?? 'application/json' });
      res.end(this.reply.body);
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A port nothing listens on: a server started and stopped again. */
async function closedPortUrl(): Promise<string> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return `http://127.0.0.1:${port}`;
}

interface AdminGame {
  id: string;
  externalId: string;
  name: string;
  type: string;
  images: Record<string, string>;
  lines: number | null;
  hasDemo: boolean;
  hasFreespins: boolean;
  enabled: boolean;
  delistedAt: string | null;
  meta: Record<string, unknown>;
  updatedAt: string;
}

describe('catalogue: games (admin API, sync)', () => {
  let t: TestApp;
  let feed: FeedServer;

  const put = (code: string, games: unknown[]) =>
    t.http().put(`/admin/providers/${code}/games`).set(t.adminAuth).send({ games });
  const sync = (code: string) => t.http().post(`/admin/providers/${code}/games/sync`).set(t.adminAuth);
  async function allGames(code: string): Promise<Record<string, AdminGame>> {
    const res = await t.http().get(`/admin/providers/${code}/games?limit=200`).set(t.adminAuth).expect(200);
    return Object.fromEntries((res.body.items as AdminGame[]).map((g) => [g.externalId, g]));
  }

  beforeAll(async () => {
    t = await createTestApp();
    feed = new FeedServer();
    await feed.start();
  });
  afterAll(async () => {
    await feed.stop();
    await t.close();
  });

  describe('PUT /admin/providers/{code}/games', () => {
    it('inserts, then reports updates and unchanged games; a repeat changes nothing', async () => {
      const p = await newProvider(t, 'slotegrator');
      const games = [
        {
          externalId: 'g-1',
          name: 'Alpha',
          type: 'slot',
          images: { icon: 'https://cdn.example.com/a.png' },
          lines: 9,
          hasDemo: true,
          meta: { rtp: '96.1' },
        },
        { externalId: 'g-2', name: 'Beta', type: 'table' },
        { externalId: 'g-3', name: 'Gamma', type: 'live', hasFreespins: true },
      ];
      expect((await put(p.code, games).expect(200)).body).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
      const first = await allGames(p.code);
      expect(first['g-1']).toMatchObject({
        name: 'Alpha',
        type: 'slot',
        images: { icon: 'https://cdn.example.com/a.png' },
        lines: 9,
        hasDemo: true,
        hasFreespins: false,
        enabled: true,
        meta: { rtp: '96.1' },
      });
      expect(first['g-2']).toMatchObject({
        images: {},
        lines: null,
        hasDemo: false,
        enabled: true,
        meta: {},
      });

      // Idempotent: the same request again inserts and changes nothing, ids and timestamps stay.
      expect((await put(p.code, games).expect(200)).body).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
      const second = await allGames(p.code);
      expect(Object.keys(second)).toHaveLength(3);
      for (const id of ['g-1', 'g-2', 'g-3']) {
        expect(second[id].id).toBe(first[id].id);
        expect(second[id].updatedAt).toBe(first[id].updatedAt);
      }

      const changed = [
        { ...games[0], name: 'Alpha II' },
        games[1],
        { externalId: 'g-4', name: 'Delta', type: 'other' },
      ];
      expect((await put(p.code, changed).expect(200)).body).toEqual({
        inserted: 1,
        updated: 1,
        unchanged: 1,
      });
      const third = await allGames(p.code);
      expect(third['g-1']).toMatchObject({ id: first['g-1'].id, name: 'Alpha II' });
      expect(third['g-3']).toMatchObject({ name: 'Gamma', enabled: true }); // not in the request: untouched
      expect(Object.keys(third).sort()).toEqual(['g-1', 'g-2', 'g-3', 'g-4']);
    });

    it('states the whole game: an admin can disable one, and omitted flags take their defaults', async () => {
      const p = await newProvider(t, 'wallet-v2');
      await put(p.code, [{ externalId: '1014', name: 'Fruits', type: 'slot', hasDemo: true }]).expect(200);
      expect(
        (
          await put(p.code, [{ externalId: '1014', name: 'Fruits', type: 'slot', enabled: false }]).expect(
            200,
          )
        ).body,
      ).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      expect((await allGames(p.code))['1014']).toMatchObject({ enabled: false, hasDemo: false });
    });

    it('refuses an externalId repeated within one request (400) and writes nothing', async () => {
      const p = await newProvider(t, 'slotegrator');
      const res = await put(p.code, [
        { externalId: 'dup', name: 'A', type: 'slot' },
        { externalId: 'ok', name: 'B', type: 'slot' },
        { externalId: 'dup', name: 'C', type: 'slot' },
      ]).expect(400);
      expect(res.body.error).toBe('DUPLICATE_GAME_IDS');
      expect(res.body.message).toContain('dup');
      expect(await allGames(p.code)).toEqual({});
    });

    it('validates each game and caps the batch at 5000', async () => {
      const p = await newProvider(t, 'slotegrator');
      const bad = await put(p.code, [
        { externalId: '', name: 'A', type: 'slot' },
        { externalId: 'x', name: 'B', type: 'arcade' },
        { externalId: 'y', name: 'C', type: 'slot', images: { icon: 'javascript:alert(1)' } },
        { externalId: 'z', name: 'D', type: 'slot', lines: 2.5 },
      ]).expect(400);
      const messages = (bad.body.message as string[]).join('\n');
      expect(messages).toContain('games.0.externalId should not be empty');
      expect(messages).toContain('games.1.type must be one of: slot, egame, betting, live, table, other');
      expect(messages).toContain('games.2.images must be an object of up to 20 image URLs');
      expect(messages).toContain('games.3.lines must be an integer number');
      await put(p.code, []).expect(400);

      const tooMany = Array.from({ length: 5001 }, (_, i) => ({
        externalId: `g${i}`,
        name: 'n',
        type: 'slot',
      }));
      const res = await put(p.code, tooMany).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('games must contain no more than 5000 elements');
    });

    it('takes 5000 games in one request', async () => {
      const p = await newProvider(t, 'slotegrator');
      const games = Array.from({ length: 5000 }, (_, i) => ({
        externalId: `g${i}`,
        name: `Game ${i}`,
        type: 'slot',
      }));
      expect((await put(p.code, games).expect(200)).body).toEqual({
        inserted: 5000,
        updated: 0,
        unchanged: 0,
      });
      const list = await t
        .http()
        .get(`/admin/providers/${p.code}/games?limit=1`)
        .set(t.adminAuth)
        .expect(200);
      expect(list.body.total).toBe(5000);
    });

    it('answers 404 for an unknown provider and 401 without the admin token', async () => {
      const res = await put('no-such-provider', [{ externalId: 'a', name: 'A', type: 'slot' }]).expect(404);
      expect(res.body.error).toBe('PROVIDER_NOT_FOUND');
      await t.http().put('/admin/providers/x/games').send({ games: [] }).expect(401);
      await t.http().get('/admin/providers/x/games').expect(401);
      await t.http().post('/admin/providers/x/games/sync').expect(401);
    });
  });

  describe('POST /admin/providers/{code}/games/sync', () => {
    it('apps: maps games_config, then disables a game that vanished and restores it when it is back', async () => {
      const p = await newProvider(t, 'apps', {
        config: {
          storagePath: 'https://media.example.com/apps',
          gamesConfigUrl: `${feed.url}/games_config.json`,
        },
      });
      const full = fixture('apps-games-config.multi.json');
      feed.reply = { status: 200, body: full };
      const first = await sync(p.code).expect(200);
      expect(first.body).toEqual({
        inserted: 7,
        updated: 0,
        unchanged: 0,
        disabled: 0,
        received: 7,
        skipped: 0,
      });
      expect(feed.requests.at(-1)?.url).toBe('/games_config.json');

      const games = await allGames(p.code);
      expect(games.a_op).toMatchObject({
        name: 'Ocean Pearl',
        type: 'slot',
        lines: 9,
        images: { icon: 'https://media.example.com/apps/thumb/a_op.png' },
        enabled: true,
        meta: { source: 'a_op' },
      });
      expect(games.e_keno).toMatchObject({
        name: 'Turbo Keno',
        type: 'egame',
        lines: null,
        meta: { source: 'turbokeno' },
      });
      expect(games.b_football).toMatchObject({ type: 'betting' });

      // An admin marks a game as having a demo: a sync keeps what the feed does not describe.
      await put(p.code, [
        {
          externalId: 'a_h',
          name: 'Горячие фрукты',
          type: 'slot',
          lines: 5,
          hasDemo: true,
          images: games.a_h.images,
          meta: games.a_h.meta,
        },
      ]).expect(200);

      const parsed = JSON.parse(full) as { applications: Record<string, unknown> };
      delete parsed.applications.e_keno;
      (parsed.applications.a_op as { name: unknown }).name = { en: 'Ocean Pearl Deluxe' };
      feed.reply = { status: 200, body: JSON.stringify(parsed) };
      const second = await sync(p.code).expect(200);
      expect(second.body).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 5,
        disabled: 1,
        received: 6,
        skipped: 0,
      });

      const after = await allGames(p.code);
      expect(Object.keys(after)).toHaveLength(7); // disabled, never deleted
      expect(after.e_keno).toMatchObject({ id: games.e_keno.id, enabled: false });
      expect(after.e_keno.delistedAt).not.toBeNull();
      expect(after.a_op).toMatchObject({ id: games.a_op.id, name: 'Ocean Pearl Deluxe', enabled: true });
      expect(after.a_h).toMatchObject({ hasDemo: true, enabled: true });

      // The game is back in the feed: enabled again, same id.
      feed.reply = { status: 200, body: full };
      const third = await sync(p.code).expect(200);
      expect(third.body).toMatchObject({ inserted: 0, updated: 2, disabled: 0 });
      expect((await allGames(p.code)).e_keno).toMatchObject({
        id: games.e_keno.id,
        enabled: true,
        delistedAt: null,
      });
    });

    it('a game an admin disabled stays disabled through syncs', async () => {
      const p = await newProvider(t, 'apps', { config: { gamesConfigUrl: `${feed.url}/games_config.json` } });
      feed.reply = { status: 200, body: fixture('apps-games-config.spec-example.json') };
      await sync(p.code).expect(200);
      await put(p.code, [{ externalId: 'a_op', name: 'Ocean Pearl', type: 'slot', enabled: false }]).expect(
        200,
      );
      await sync(p.code).expect(200);
      expect((await allGames(p.code)).a_op.enabled).toBe(false);
    });

    it('b2b: requests ls-games-by-operator-id-get, maps groups → games → icons, disables vanished games', async () => {
      const p = await newProvider(t, 'b2b', {
        config: { operatorId: 77, gamesListUrl: `${feed.url}/frontendsrv/apihandler.api` },
      });
      const full = fixture('b2b-games-list.multi.json');
      feed.reply = { status: 200, body: full };
      const first = await sync(p.code).expect(200);
      expect(first.body).toEqual({
        inserted: 5,
        updated: 0,
        unchanged: 0,
        disabled: 0,
        received: 5,
        skipped: 1,
      });

      const request = new URL(feed.requests.at(-1)!.url!, feed.url);
      expect(request.pathname).toBe('/frontendsrv/apihandler.api');
      expect(feed.requests.at(-1)!.method).toBe('GET');
      expect(JSON.parse(request.searchParams.get('cmd')!)).toEqual({
        api: 'ls-games-by-operator-id-get',
        operator_id: '77',
      });

      const games = await allGames(p.code);
      expect(Object.keys(games).sort()).toEqual([
        'BookOfRaClassic',
        'FruitCocktail',
        'LuckyLadysCharm',
        'Resident',
        'SizzlingHot',
      ]);
      expect(games.BookOfRaClassic).toMatchObject({
        name: 'Book of Ra Classic',
        type: 'slot',
        lines: 9,
        images: { icon: `${feed.url}/game/icons/BookOfRaClassic_300_221.jpg` },
        meta: { game_code: 702, groups: ['Novomatic Deluxe', 'New'] },
      });

      const parsed = JSON.parse(full) as { locator: { groups: { games: { gm_url?: string }[] }[] } };
      parsed.locator.groups[1].games = parsed.locator.groups[1].games.filter(
        (g) => g.gm_url !== 'FruitCocktail',
      );
      feed.reply = { status: 200, body: JSON.stringify(parsed) };
      const second = await sync(p.code).expect(200);
      expect(second.body).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 4,
        disabled: 1,
        received: 4,
        skipped: 1,
      });
      const after = await allGames(p.code);
      expect(after.FruitCocktail).toMatchObject({ id: games.FruitCocktail.id, enabled: false });
      expect(after.Resident.enabled).toBe(true);
    });

    it('b2b: the spec example list', async () => {
      const p = await newProvider(t, 'b2b', {
        config: { gamesListUrl: `${feed.url}/frontendsrv/apihandler.api` },
      });
      feed.reply = { status: 200, body: fixture('b2b-games-list.spec-example.json') };
      expect((await sync(p.code).expect(200)).body).toMatchObject({ inserted: 1, disabled: 0 });
      expect((await allGames(p.code)).ReelKing).toMatchObject({
        name: 'Reel King',
        images: {
          icon: `${feed.url}/game/icons/ReelKing_300_221.jpg`,
          '300x221': `${feed.url}/game/icons/ReelKing_300_221.jpg`,
        },
        meta: { game_code: 701 },
      });
    });

    describe('upstream failures answer 502 with a reason and change nothing', () => {
      let code: string;
      let before: Record<string, AdminGame>;

      beforeAll(async () => {
        const p = await newProvider(t, 'b2b', {
          config: { gamesListUrl: `${feed.url}/frontendsrv/apihandler.api` },
        });
        code = p.code;
        feed.reply = { status: 200, body: fixture('b2b-games-list.multi.json') };
        await sync(code).expect(200);
        before = await allGames(code);
      });
      afterEach(async () => {
        expect(await allGames(code)).toEqual(before);
      });

      it('the feed is down', async () => {
        await t
          .http()
          .patch(`/admin/providers/${code}`)
          .set(t.adminAuth)
          .send({ config: { gamesListUrl: `${await closedPortUrl()}/list` } })
          .expect(200);
        const res = await sync(code).expect(502);
        expect(res.body.error).toBe('UPSTREAM_FAILED');
        expect(res.body.message).toMatch(/^games feed at 127\.0\.0\.1:\d+ did not answer: ECONNREFUSED/);
        await t
          .http()
          .patch(`/admin/providers/${code}`)
          .set(t.adminAuth)
          .send({ config: { gamesListUrl: `${feed.url}/frontendsrv/apihandler.api` } })
          .expect(200);
      });

      it('the feed answers an HTTP error', async () => {
        feed.reply = { status: 503, body: 'maintenance', contentType: 'text/plain' };
        const res = await sync(code).expect(502);
        expect(res.body.message).toMatch(/answered HTTP 503$/);
      });

      it('the feed is not JSON', async () => {
        feed.reply = { status: 200, body: '<html>oops</html>', contentType: 'text/html' };
        const res = await sync(code).expect(502);
        expect(res.body.message).toContain('The b2b games feed is unusable');
      });

      it('the feed reports failure', async () => {
        feed.reply = { status: 200, body: JSON.stringify({ success: false, error: 'operator not found' }) };
        const res = await sync(code).expect(502);
        expect(res.body.message).toContain('success: false');
      });

      it('the feed lists no games: nothing is disabled', async () => {
        feed.reply = {
          status: 200,
          body: JSON.stringify({ success: true, locator: { ico_baseurl: '/i/', groups: [] } }),
        };
        const res = await sync(code).expect(502);
        expect(res.body.message).toContain('refusing to disable the whole catalogue');
      });
    });

    it('protocols without a list feed, or without its URL, answer 422 saying so', async () => {
      for (const protocol of ['slotegrator', 'wallet-v2'] as const) {
        const p = await newProvider(t, protocol);
        const res = await sync(p.code).expect(422);
        expect(res.body.error).toBe('SYNC_NOT_SUPPORTED');
        expect(res.body.message).toContain(`The ${protocol} protocol has no games feed`);
      }
      const apps = await newProvider(t, 'apps');
      const noUrl = await sync(apps.code).expect(422);
      expect(noUrl.body).toMatchObject({ error: 'SYNC_NOT_CONFIGURED' });
      expect(noUrl.body.message).toContain('config.gamesConfigUrl');
      const b2b = await newProvider(t, 'b2b');
      expect((await sync(b2b.code).expect(422)).body.message).toContain('config.gamesListUrl');
      await sync('no-such-provider').expect(404);
    });
  });

  describe('GamesService (for launch and callbacks)', () => {
    it('findActive returns a playable game with its provider, null when either is disabled or unknown', async () => {
      const svc = t.app.get(GamesService);
      const p = await newProvider(t, 'slotegrator');
      const [g1, g2] = await newGames(t, p.code, 2);

      const found = await svc.findActive(g1.id);
      expect(found?.game).toMatchObject({
        id: g1.id,
        externalId: g1.externalId,
        providerId: p.id,
        type: 'slot',
        enabled: true,
      });
      expect(found?.provider).toMatchObject({ id: p.id, code: p.code, protocol: 'slotegrator' });
      expect(found?.provider.protocol === 'slotegrator' && found.provider.config.token).toBe(p.config.token);

      await put(p.code, [{ externalId: g2.externalId, name: g2.name, type: 'slot', enabled: false }]).expect(
        200,
      );
      expect(await svc.findActive(g2.id)).toBeNull();
      expect(await svc.findActive('not-a-uuid')).toBeNull();
      expect(await svc.findActive('00000000-0000-4000-8000-000000000000')).toBeNull();

      await t
        .http()
        .patch(`/admin/providers/${p.code}`)
        .set(t.adminAuth)
        .send({ enabled: false })
        .expect(200);
      expect(await svc.findActive(g1.id)).toBeNull();
    });

    it('findByExternalId finds a game by the provider id, disabled or not', async () => {
      const svc = t.app.get(GamesService);
      const p = await newProvider(t, 'wallet-v2');
      await put(p.code, [{ externalId: '1012', name: 'Keno', type: 'egame', enabled: false }]).expect(200);
      expect(await svc.findByExternalId(p.id, '1012')).toMatchObject({
        externalId: '1012',
        name: 'Keno',
        enabled: false,
      });
      expect(await svc.findByExternalId(p.id, '9999')).toBeNull();
    });
  });
});
