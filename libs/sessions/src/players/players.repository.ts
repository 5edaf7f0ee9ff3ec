import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryPrepared } from '@app/common';
import { DataSource } from 'typeorm';
import { SessionsErrorCode, SessionsException } from '../sessions.exception';

/** What a launch knows about the player: from `player-details` (seamless) or from the request (internal). */
export interface PlayerProfile {
  nickname: string | null;
  currency: string | null;
  country: string | null;
  language: string | null;
  details: Record<string, unknown>;
}

/** Players are created on their first real launch and refreshed on later ones. */
@Injectable()
export class PlayersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
}

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
