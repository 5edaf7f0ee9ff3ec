import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { b2bGamesListRequestUrl, mapB2bGamesList } from './b2b-games-feed.mapper';
import { FeedFormatError } from './games-feed';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/catalogue', name), 'utf8'));

describe('b2b game list mapper', () => {
  it('builds the ls-games-by-operator-id-get request of spec §4.2', () => {
    const url = new URL(b2bGamesListRequestUrl('https://int.apiforb2b.com/frontendsrv/apihandler.api', 0));
    expect(url.origin + url.pathname).toBe('https://int.apiforb2b.com/frontendsrv/apihandler.api');
    expect(JSON.parse(url.searchParams.get('cmd')!)).toEqual({
      api: 'ls-games-by-operator-id-get',
      operator_id: '0',
    });
    expect(url.search).toContain('%22api%22');
  });

  it('maps the spec example: icon URL = list origin + ico_baseurl + ic_name', () => {
    const { games, skipped } = mapB2bGamesList(fixture('b2b-games-list.spec-example.json'), {
      iconOrigin: 'https://int.apiforb2b.com',
    });
    expect(skipped).toEqual([]);
    expect(games).toEqual([
      {
        externalId: 'ReelKing',
        name: 'Reel King',
        type: 'slot',
        images: {
          icon: 'https://int.apiforb2b.com/game/icons/ReelKing_300_221.jpg',
          '300x221': 'https://int.apiforb2b.com/game/icons/ReelKing_300_221.jpg',
        },
        lines: null,
        meta: { game_code: 701 },
      },
    ]);
  });

  it('maps the live shape (success/locator, gm_url, gm_bk_id), keeps a game listed twice once, skips nameless ones', () => {
    const { games, skipped } = mapB2bGamesList(fixture('b2b-games-list.multi.json'), {
      iconOrigin: 'http://127.0.0.1:9999',
    });
    expect(games.map((g) => g.externalId)).toEqual([
      'BookOfRaClassic',
      'SizzlingHot',
      'LuckyLadysCharm',
      'Resident',
      'FruitCocktail',
    ]);
    expect(games[0]).toEqual({
      externalId: 'BookOfRaClassic',
      name: 'Book of Ra Classic',
      type: 'slot',
      images: {
        icon: 'http://127.0.0.1:9999/game/icons/BookOfRaClassic_300_221.jpg',
        '300x221': 'http://127.0.0.1:9999/game/icons/BookOfRaClassic_300_221.jpg',
        '480x160': 'http://127.0.0.1:9999/game/icons/BookOfRaClassic_480_160.jpg',
      },
      lines: 9,
      meta: { game_code: 702, groups: ['Novomatic Deluxe', 'New'] },
    });
    expect(games[2]).toMatchObject({ externalId: 'LuckyLadysCharm', images: {}, meta: { game_code: 704 } });
    expect(games[3]).toMatchObject({
      externalId: 'Resident',
      meta: { game_code: 810, groups: ['Igrosoft'] },
    });
    expect(skipped).toEqual([{ entry: 'Broken entry without a game name', reason: 'no usable game_name' }]);
  });

  it('rejects a list that failed or has no groups', () => {
    expect(() => mapB2bGamesList({ success: false }, { iconOrigin: 'http://x' })).toThrow(FeedFormatError);
    expect(() => mapB2bGamesList({ ico_baseurl: '/i/' }, { iconOrigin: 'http://x' })).toThrow(
      FeedFormatError,
    );
  });
});
