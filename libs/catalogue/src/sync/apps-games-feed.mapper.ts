import type { GameImages } from '../games/game.entity';
import type { GameInput } from '../games/game-view';
import type { GameType } from '../games/game-type';
import {
  clampName,
  FeedFormatError,
  isRecord,
  joinUrl,
  type MappedFeed,
  MAX_EXTERNAL_ID_LENGTH,
  positiveInt,
  text,
} from './games-feed';

/**
 * Reads the apps "List of Apps" file (games_config). It is JSON, but it is also published as a script
 * (`var games_config = {…};`); the object literal is taken from either.
 */
export function parseAppsGamesConfig(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    const start = body.indexOf('{');
    const end = body.lastIndexOf('}');
    if (start === -1 || end <= start)
      throw new FeedFormatError('games_config is neither JSON nor a script holding a JSON object');
    try {
      return JSON.parse(body.slice(start, end + 1));
    } catch (e) {
      throw new FeedFormatError(`games_config is not valid JSON: ${(e as Error).message}`);
    }
  }
}

const APPS_TYPES: Partial<Record<string, GameType>> = {
  slot: 'slot',
  egame: 'egame',
  betting: 'betting',
  bet: 'betting',
};

/** `name` is a map of language → title (`{"en": "Ocean Pearl"}`), a list of such maps, or a plain string. */
function namesOf(value: unknown): Record<string, string> {
  const names: Record<string, string> = {};
  const add = (v: unknown): void => {
    if (typeof v === 'string' && v.trim()) names.default ??= v.trim();
    else if (Array.isArray(v)) v.forEach(add);
    else if (isRecord(v)) {
      for (const [lang, title] of Object.entries(v)) {
        const t = text(title);
        if (t !== undefined) names[lang] ??= t;
      }
    }
  };
  add(value);
  return names;
}

/**
 * Maps the apps games_config: each key of `applications` is a game (its externalId, the `${application}`
 * of the launch page); `preview` is relative to the storage (`${path_to_storage}/thumb/a_op.png`).
 * The storage is `storagePath` when it is a URL; when it is a path on our host (the spec's default
 * `/media`, proxied to the feed's `container`), the image points at the container directly.
 */
export function mapAppsGamesConfig(feed: unknown, opts: { storagePath: string }): MappedFeed {
  if (!isRecord(feed) || !isRecord(feed.applications)) {
    throw new FeedFormatError('games_config has no "applications" object');
  }
  const container = text(feed.container);
  const imageBase =
    /^https?:\/\//i.test(opts.storagePath) || !container || !/^https?:\/\//i.test(container)
      ? opts.storagePath
      : container;

  const games: GameInput[] = [];
  const skipped: MappedFeed['skipped'] = [];
  for (const [key, app] of Object.entries(feed.applications)) {
    const externalId = key.trim();
    if (!externalId || externalId.length > MAX_EXTERNAL_ID_LENGTH) {
      skipped.push({ entry: key, reason: `application key must be 1-${MAX_EXTERNAL_ID_LENGTH} characters` });
      continue;
    }
    if (!isRecord(app)) {
      skipped.push({ entry: key, reason: 'application is not an object' });
      continue;
    }
    const names = namesOf(app.name);
    const rawType = text(app.type);
    const type: GameType = (rawType !== undefined ? APPS_TYPES[rawType.toLowerCase()] : undefined) ?? 'other';
    const preview = text(app.preview);
    const images: GameImages = preview ? { icon: joinUrl(imageBase, preview) } : {};
    const meta: Record<string, unknown> = {};
    for (const k of ['source', 'loader', 'position'] as const) {
      const v = text(app[k]);
      if (v !== undefined) meta[k] = v;
    }
    if (Object.keys(names).length > 0) meta.names = names;
    if (rawType !== undefined && type === 'other') meta.type = rawType;
    games.push({
      externalId,
      name: clampName(names.en ?? names.default ?? Object.values(names)[0] ?? externalId),
      type,
      images,
      lines: positiveInt(app.lines) ?? null,
      meta,
    });
  }
  return { games, skipped };
}
