import type { GameImages } from '../games/game.entity';
import type { GameInput } from '../games/game-view';
import {
  clampName,
  FeedFormatError,
  isRecord,
  type MappedFeed,
  MAX_EXTERNAL_ID_LENGTH,
  positiveInt,
  text,
} from './games-feed';

/**
 * The game-list request of the b2b spec (§4.2): a GET with the command as a JSON query parameter,
 * `…/frontendsrv/apihandler.api?cmd={"api":"ls-games-by-operator-id-get","operator_id":"0"}`.
 */
export function b2bGamesListRequestUrl(gamesListUrl: string, operatorId: string | number): string {
  const url = new URL(gamesListUrl);
  url.searchParams.set(
    'cmd',
    JSON.stringify({ api: 'ls-games-by-operator-id-get', operator_id: String(operatorId) }),
  );
  return url.toString();
}

/** `game_name` as the launch URL uses it: `BookOfRaClassic` from `BookOfRaClassic`, `/games/BookOfRaClassic.game`. */
function gameNameFromUrl(value: unknown): string | undefined {
  const t = text(value);
  if (t === undefined) return undefined;
  const last = t.split('?')[0].split('/').filter(Boolean).pop();
  return last?.replace(/\.game$/i, '') || undefined;
}

/**
 * Maps the b2b game list: groups → games → icons. The game's `game_name` (what launch URLs and
 * debit/credit calls carry) is the externalId, its numeric `game_code` goes to `meta`. The spec shows
 * `{ ico_baseurl, groups }`; the live service wraps it as `{ success, locator: { … } }` and names the
 * fields `gm_url` / `gm_bk_id`: both are read. Icon URL = origin of the list + `ico_baseurl` + `ic_name`.
 * A game listed in several groups is kept once, with every group in `meta.groups`.
 */
export function mapB2bGamesList(feed: unknown, opts: { iconOrigin: string }): MappedFeed {
  if (isRecord(feed) && feed.success === false)
    throw new FeedFormatError('the game list answered success: false');
  const root = isRecord(feed) && isRecord(feed.locator) ? feed.locator : feed;
  if (!isRecord(root) || !Array.isArray(root.groups))
    throw new FeedFormatError('the game list has no "groups" array');
  const icoBase = text(root.ico_baseurl) ?? '/';

  const byId = new Map<string, GameInput & { meta: Record<string, unknown> }>();
  const skipped: MappedFeed['skipped'] = [];
  for (const group of root.groups) {
    if (!isRecord(group) || !Array.isArray(group.games)) continue;
    const groupTitle = text(group.gr_title);
    for (const game of group.games) {
      if (!isRecord(game)) continue;
      const externalId = text(game.game_name) ?? gameNameFromUrl(game.gm_url);
      const title = text(game.gm_title);
      if (!externalId || externalId.length > MAX_EXTERNAL_ID_LENGTH) {
        skipped.push({ entry: title ?? JSON.stringify(game).slice(0, 80), reason: 'no usable game_name' });
        continue;
      }
      const existing = byId.get(externalId);
      if (existing) {
        if (groupTitle && Array.isArray(existing.meta.groups) && !existing.meta.groups.includes(groupTitle)) {
          existing.meta.groups.push(groupTitle);
        }
        continue;
      }
      const images: GameImages = {};
      for (const icon of Array.isArray(game.icons) ? game.icons : []) {
        const file = isRecord(icon) ? text(icon.ic_name) : undefined;
        if (!file || !isRecord(icon)) continue;
        const url = new URL(`${icoBase}${file}`, opts.iconOrigin).toString();
        images.icon ??= url;
        const w = positiveInt(icon.ic_w);
        const h = positiveInt(icon.ic_h);
        if (w && h) images[`${w}x${h}`] ??= url;
      }
      const gameCode = positiveInt(game.game_code) ?? positiveInt(game.gm_bk_id);
      const meta: Record<string, unknown> = {};
      if (gameCode !== undefined) meta.game_code = gameCode;
      if (groupTitle) meta.groups = [groupTitle];
      byId.set(externalId, {
        externalId,
        name: clampName(title ?? externalId),
        type: 'slot',
        images,
        lines: positiveInt(game.gm_ln) ?? null,
        meta,
      });
    }
  }
  return { games: [...byId.values()], skipped };
}
