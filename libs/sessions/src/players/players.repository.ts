import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Page, queryPrepared, SqlFilter, sqlPage } from '@app/common';
import { DataSource } from 'typeorm';
import { SessionsErrorCode, SessionsException } from '../sessions.exception';
import { SessionCache } from '../sessions/session-cache';

/** What a launch knows about the player: from `player-details` (seamless) or from the request (internal). */
export interface PlayerProfile {
  nickname: string | null;
  currency: string | null;
  country: string | null;
  language: string | null;
  details: Record<string, unknown>;
}

/** A player as the admin API shows it. */
export interface PlayerView {
  id: string;
  operatorId: string;
  userId: string;
  nickname: string | null;
  currency: string | null;
  country: string | null;
  language: string | null;
  blocked: boolean;
  details: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlayerFilter {
  operatorId?: string;
  userId?: string;
  blocked?: boolean;
  page: number;
  limit: number;
}

/** Players are created on their first real launch and refreshed on later ones. */
@Injectable()
export class PlayersRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: SessionCache,
  ) {}

  /** The player of this operator's user, if it exists (a launch then refreshes it with its session). */
  async find(operatorId: string, userId: string): Promise<{ id: string; blocked: boolean } | null> {
    const rows = await queryPrepared<{ id: string; blocked: boolean }>(this.db, FIND_SQL, [
      operatorId,
      userId,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Creates or refreshes the player and returns its id, in one statement. A blocked player is refused and
   * left unchanged: the update is skipped, so the statement answers no row. Fields the profile lacks keep
   * their stored value.
   */
  async upsertForLaunch(operatorId: string, userId: string, profile: PlayerProfile): Promise<string> {
    const rows = await queryPrepared<{ id: string }>(this.db, UPSERT_SQL, [
      operatorId,
      userId,
      profile.nickname,
      profile.currency,
      profile.country,
      profile.language,
      JSON.stringify(profile.details),
    ]);
    if (rows.length === 0) {
      throw new SessionsException(SessionsErrorCode.PlayerBlocked, `Player ${userId} is blocked`);
    }
    return rows[0].id;
  }

  /** Newest first, ties broken by id. */
  async list(f: PlayerFilter): Promise<Page<PlayerView>> {
    const filter = new SqlFilter();
    if (f.operatorId !== undefined) filter.add('operator_id =', f.operatorId);
    if (f.userId !== undefined) filter.add('user_id =', f.userId);
    if (f.blocked !== undefined) filter.add('blocked =', f.blocked);
    return sqlPage(
      this.db,
      { columns: VIEW_COLUMNS, from: 'players', orderBy: 'created_at DESC, id DESC' },
      filter,
      f,
      (row: PlayerView) => row,
    );
  }

  /** The player; an unknown id is PLAYER_NOT_FOUND. */
  async get(id: string): Promise<PlayerView> {
    const [view] = await queryPrepared<PlayerView>(this.db, GET_SQL, [id]);
    if (!view) throw new SessionsException(SessionsErrorCode.PlayerNotFound, `Player ${id} does not exist`);
    return view;
  }

  /**
   * Blocks or unblocks the player and answers it as it is afterwards. A player already in that state is
   * left alone: `updated_at` does not move and no `player_changed` notification is sent. Callbacks of other
   * processes hear of a change from that notification; this process drops the player's sessions at once.
   */
  async setBlocked(id: string, blocked: boolean): Promise<PlayerView> {
    const [changed] = await queryPrepared<PlayerView>(this.db, SET_BLOCKED_SQL, [id, blocked]);
    if (!changed) return this.get(id);
    this.cache.forgetPlayer(id);
    return changed;
  }
}

/** The columns of a PlayerView, named as its fields. */
const VIEW_COLUMNS = `id, operator_id AS "operatorId", user_id AS "userId", nickname, currency, country, language,
  blocked, details, created_at AS "createdAt", updated_at AS "updatedAt"`;

const GET_SQL = `SELECT ${VIEW_COLUMNS} FROM players WHERE id = $1`;

const SET_BLOCKED_SQL = `
  UPDATE players SET blocked = $2, updated_at = now()
  WHERE id = $1 AND blocked IS DISTINCT FROM $2
  RETURNING ${VIEW_COLUMNS}`;

const FIND_SQL = `SELECT id, blocked FROM players WHERE operator_id = $1 AND user_id = $2`;

/**
 * The SET list that refreshes a player from a launch's profile: given fields replace the stored ones, absent
 * (null) ones keep them, details merge. `incoming` are the SQL expressions of nickname, currency, country,
 * language and details (jsonb), in that order.
 */
export function profileRefreshSql(incoming: [string, string, string, string, string]): string {
  const [nickname, currency, country, language, details] = incoming;
  return `nickname = COALESCE(${nickname}, players.nickname), currency = COALESCE(${currency}, players.currency),
    country = COALESCE(${country}, players.country), language = COALESCE(${language}, players.language),
    details = players.details || ${details}, updated_at = now()`;
}

const UPSERT_SQL = `
  INSERT INTO players (operator_id, user_id, nickname, currency, country, language, details)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (operator_id, user_id) DO UPDATE SET
    ${profileRefreshSql(['EXCLUDED.nickname', 'EXCLUDED.currency', 'EXCLUDED.country', 'EXCLUDED.language', 'EXCLUDED.details'])}
  WHERE NOT players.blocked
  RETURNING id`;
