import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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

  /**
   * Creates or refreshes the player and returns its id. A blocked player is refused and left unchanged
   * (the upsert is rolled back). Fields the profile lacks keep their stored value.
   */
  async upsertForLaunch(operatorId: string, userId: string, profile: PlayerProfile): Promise<string> {
    return this.db.transaction(async (em) => {
      const rows: { id: string; blocked: boolean }[] = await em.query(
        `INSERT INTO players (operator_id, user_id, nickname, currency, country, language, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (operator_id, user_id) DO UPDATE SET
           nickname = COALESCE(EXCLUDED.nickname, players.nickname),
           currency = COALESCE(EXCLUDED.currency, players.currency),
           country = COALESCE(EXCLUDED.country, players.country),
           language = COALESCE(EXCLUDED.language, players.language),
           details = players.details || EXCLUDED.details,
           updated_at = now()
         RETURNING id, blocked`,
        [
          operatorId,
          userId,
          profile.nickname,
          profile.currency,
          profile.country,
          profile.language,
          JSON.stringify(profile.details),
        ],
      );
      const row = rows[0];
      if (row.blocked) {
        throw new SessionsException(SessionsErrorCode.PlayerBlocked, `Player ${userId} is blocked`);
      }
      return row.id;
    });
  }
}
