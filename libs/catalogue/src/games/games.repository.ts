import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { queryPrepared } from '@app/common';
import type { EntityManager, Repository } from 'typeorm';
import type { Provider } from '../providers/provider.entity';
import { Game } from './game.entity';
import type { GameInput, UpsertCounts } from './game-view';
import type { GameType } from './game-type';

/** A playable game's columns and its provider's, as `findPlayable` reads them. */
export type PlayableGameRow = Omit<Game, 'provider' | 'delistedAt' | 'createdAt' | 'updatedAt'> & {
  provider: Pick<Provider, 'id' | 'code' | 'name' | 'protocol' | 'config' | 'allowedIps'>;
};

const PLAYABLE_SQL = `
  SELECT g.id, g.provider_id AS "providerId", g.external_id AS "externalId", g.name, g.type, g.images,
         g.lines, g.has_demo AS "hasDemo", g.has_freespins AS "hasFreespins", g.enabled, g.meta,
         json_build_object('id', p.id, 'code', p.code, 'name', p.name, 'protocol', p.protocol,
                           'config', p.config, 'allowedIps', p.allowed_ips) AS provider
    FROM games g JOIN providers p ON p.id = g.provider_id
   WHERE g.id = $1 AND g.enabled AND p.enabled`;

/**
 * Who owns which columns on upsert. An admin PUT states the whole game (flags and `enabled` included,
 * omitted ones take their defaults). A feed sync owns only what the feed describes: it keeps flags set
 * by an admin, never re-enables a game an admin disabled, and re-enables only games it delisted itself.
 */
export type UpsertMode = 'admin' | 'feed';

const FEED_COLUMNS = ['name', 'type', 'images', 'lines', 'meta'] as const;
const ADMIN_COLUMNS = [...FEED_COLUMNS, 'has_demo', 'has_freespins', 'enabled'] as const;

function upsertSql(mode: UpsertMode): string {
  const columns: readonly string[] = mode === 'admin' ? ADMIN_COLUMNS : FEED_COLUMNS;
  const sets = columns.map((c) => `"${c}" = EXCLUDED."${c}"`);
  if (mode === 'feed') sets.push(`"enabled" = games."enabled" OR games."delisted_at" IS NOT NULL`);
  sets.push(`"delisted_at" = NULL`, `"updated_at" = now()`);
  const current = columns.map((c) => `games."${c}"`).join(', ');
  const incoming = columns.map((c) => `EXCLUDED."${c}"`).join(', ');
  // jsonb_to_recordset turns one parameter into rows: one statement whatever the batch size.
  // `xmax = 0` holds for a freshly inserted row; rows the WHERE skipped (no change) return nothing.
  return `
    INSERT INTO "games" ("provider_id", "external_id", "name", "type", "images", "lines", "has_demo", "has_freespins", "enabled", "meta")
    SELECT $1, r."externalId", r."name", r."type", COALESCE(r."images", '{}'), r."lines",
           COALESCE(r."hasDemo", false), COALESCE(r."hasFreespins", false), COALESCE(r."enabled", true), COALESCE(r."meta", '{}')
      FROM jsonb_to_recordset($2::jsonb) AS r("externalId" varchar, "name" varchar, "type" varchar, "images" jsonb,
           "lines" integer, "hasDemo" boolean, "hasFreespins" boolean, "enabled" boolean, "meta" jsonb)
    ON CONFLICT ("provider_id", "external_id") DO UPDATE SET ${sets.join(', ')}
     WHERE (${current}) IS DISTINCT FROM (${incoming}) OR games."delisted_at" IS NOT NULL
    RETURNING (xmax = 0) AS "inserted"`;
}

const UPSERT_SQL: Record<UpsertMode, string> = { admin: upsertSql('admin'), feed: upsertSql('feed') };

export interface OperatorGameFilter {
  providerCode?: string;
  type?: GameType;
  search?: string;
  offset: number;
  limit: number;
}

/** Escapes LIKE wildcards so a search for `50%` or `a_b` means those characters. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class GamesRepository {
  constructor(@InjectRepository(Game) private readonly games: Repository<Game>) {}

  /** Inserts or updates the games of one provider by externalId, in one statement. */
  async upsert(
    em: EntityManager,
    providerId: string,
    games: GameInput[],
    mode: UpsertMode,
  ): Promise<UpsertCounts> {
    if (games.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    // A stable order makes concurrent upserts of overlapping batches lock rows in the same order.
    const sorted = [...games].sort((a, b) =>
      a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0,
    );
    const rows = await em.query<{ inserted: boolean }[]>(UPSERT_SQL[mode], [
      providerId,
      JSON.stringify(sorted),
    ]);
    const inserted = rows.filter((r) => r.inserted).length;
    const updated = rows.length - inserted;
    return { inserted, updated, unchanged: games.length - inserted - updated };
  }

  /** Disables (never deletes) the enabled games of a provider that are not in `keepExternalIds`. */
  async delistMissing(em: EntityManager, providerId: string, keepExternalIds: string[]): Promise<number> {
    const result: unknown = await em.query(
      `UPDATE "games" SET "enabled" = false, "delisted_at" = now(), "updated_at" = now()
        WHERE "provider_id" = $1 AND "enabled" AND NOT ("external_id" = ANY($2::varchar[]))`,
      [providerId, keepExternalIds],
    );
    // On PostgreSQL, TypeORM answers an UPDATE with [rows, affectedCount].
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  /**
   * The game with its provider if both are enabled: one prepared statement (every launch asks this).
   * `gameId` must be a UUID.
   */
  async findPlayable(gameId: string): Promise<PlayableGameRow | null> {
    const rows = await queryPrepared<PlayableGameRow>(this.games.manager, PLAYABLE_SQL, [gameId]);
    return rows[0] ?? null;
  }

  findByExternalId(providerId: string, externalId: string): Promise<Game | null> {
    return this.games.findOne({ where: { providerId, externalId } });
  }

  /** Enabled games of enabled providers, ordered by (name, id) so pages never overlap or skip. */
  listForOperators(f: OperatorGameFilter): Promise<[Game[], number]> {
    const qb = this.games
      .createQueryBuilder('g')
      .innerJoinAndSelect('g.provider', 'p', 'p.enabled')
      .where('g.enabled');
    if (f.providerCode !== undefined) qb.andWhere('p.code = :code', { code: f.providerCode });
    if (f.type !== undefined) qb.andWhere('g.type = :type', { type: f.type });
    if (f.search !== undefined && f.search.length > 0) {
      qb.andWhere(`g.name ILIKE :pattern ESCAPE '\\'`, { pattern: likeContains(f.search) });
    }
    return qb
      .orderBy('g.name', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .offset(f.offset)
      .limit(f.limit)
      .getManyAndCount();
  }

  listForAdmin(providerId: string, offset: number, limit: number): Promise<[Game[], number]> {
    return this.games.findAndCount({
      where: { providerId },
      order: { name: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
  }
}
