import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapAppsGamesConfig, parseAppsGamesConfig } from './apps-games-feed.mapper';
import { FeedFormatError } from './games-feed';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../../../test/fixtures/catalogue', name), 'utf8');

describe('apps games_config mapper', () => {
  it('maps the spec example: key → externalId, names, preview → icon URL, type, lines', () => {
    const feed = parseAppsGamesConfig(fixture('apps-games-config.spec-example.json'));
    const { games, skipped } = mapAppsGamesConfig(feed, { storagePath: 'https://media.example.com/apps/' });
    expect(skipped).toEqual([]);
    expect(games).toEqual([
      {
        externalId: 'a_op',
        name: 'Ocean Pearl',
        type: 'slot',
        images: { icon: 'https://media.example.com/apps/thumb/a_op.png' },
        lines: 9,
        meta: { source: 'a_op', loader: 'a_op', position: '1', names: { en: 'Ocean Pearl' } },
      },
      {
        externalId: 'e_keno',
        name: 'Turbo Keno',
        type: 'egame',
        images: { icon: 'https://media.example.com/apps/thumb/e_keno.png' },
        lines: null,
        meta: { source: 'turbokeno', loader: 'e_keno', position: '2', names: { en: 'Turbo Keno' } },
      },
    ]);
  });

  it('points images at the container when storagePath is a path on our host (the proxied default /media)', () => {
    const feed = parseAppsGamesConfig(fixture('apps-games-config.spec-example.json'));
    const { games } = mapAppsGamesConfig(feed, { storagePath: '/media' });
    expect(games.map((g) => g.images)).toEqual([
      { icon: 'http://s3bucket.status200.io/thumb/a_op.png' },
      { icon: 'http://s3bucket.status200.io/thumb/e_keno.png' },
    ]);
  });

  it('maps a realistic list: name forms, betting and unknown types, absolute previews, no preview', () => {
    const feed = parseAppsGamesConfig(fixture('apps-games-config.multi.json'));
    const { games, skipped } = mapAppsGamesConfig(feed, { storagePath: 'https://media.example.com' });
    expect(skipped).toEqual([]);
    const byId = Object.fromEntries(games.map((g) => [g.externalId, g]));
    expect(Object.keys(byId)).toEqual([
      'a_op',
      'a_ec',
      'a_h',
      'e_keno',
      'e_roulette',
      'b_football',
      'x_wheel',
    ]);
    expect(byId.a_ec).toMatchObject({
      name: 'Egyptian Crown',
      lines: 20,
      meta: { names: { ru: 'Египетская корона', en: 'Egyptian Crown' } },
    });
    expect(byId.a_h).toMatchObject({ name: 'Горячие фрукты', lines: 5 });
    expect(byId.e_roulette.images).toEqual({ icon: 'https://cdn.status200.io/thumb/e_roulette.png' });
    expect(byId.b_football).toMatchObject({ type: 'betting', meta: { source: '1009' } });
    expect(byId.x_wheel).toMatchObject({
      name: 'Wheel of Luck',
      type: 'other',
      images: {},
      meta: { type: 'lottery' },
    });
  });

  it('reads the list when it is published as a script', () => {
    const json = fixture('apps-games-config.spec-example.json');
    const feed = parseAppsGamesConfig(`var games_config = ${json};\n`);
    expect(mapAppsGamesConfig(feed, { storagePath: '/media' }).games.map((g) => g.externalId)).toEqual([
      'a_op',
      'e_keno',
    ]);
  });

  it('skips entries that are not objects and rejects a file without applications', () => {
    const { games, skipped } = mapAppsGamesConfig(
      { applications: { ok: { name: { en: 'Ok' } }, bad: 'x' } },
      { storagePath: '/m' },
    );
    expect(games.map((g) => g.externalId)).toEqual(['ok']);
    expect(skipped).toEqual([{ entry: 'bad', reason: 'application is not an object' }]);
    expect(() => mapAppsGamesConfig({ apps: {} }, { storagePath: '/m' })).toThrow(FeedFormatError);
    expect(() => parseAppsGamesConfig('<html>maintenance</html>')).toThrow(FeedFormatError);
  });
});
