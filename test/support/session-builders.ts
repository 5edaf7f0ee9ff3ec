import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { newSessionToken } from '@app/sessions';
import type { TestApp } from './test-app';

export interface SessionSeed {
  operatorId: string;
  walletMode: 'internal' | 'seamless';
  providerId: string;
  gameId: string;
  currency: string;
  /** Default: a fresh user id. */
  userId?: string;
  language?: string;
  mode?: 'real' | 'demo';
  status?: 'active' | 'closed' | 'expired';
  closeReason?: 'superseded' | 'admin' | 'expired' | null;
  /** Seconds since the last activity (an idle-expired session: more than SESSION_IDLE_TTL_S). */
  idleSeconds?: number;
  /** b2b: give the session a one-time auth token. */
  withAuthToken?: boolean;
  nickname?: string;
  blocked?: boolean;
}

export interface SeededSession {
  id: string;
  token: string;
  authToken: string | null;
  userId: string;
  playerId: string | null;
}

/**
 * Arranges a game session (and its player) straight in the database, for protocol tests that are about
 * callbacks rather than the launch flow. The launch flow's own tests go through `POST /api/v1/sessions`.
 */
export async function seedSession(t: Pick<TestApp, 'app'>, seed: SessionSeed): Promise<SeededSession> {
  const db = t.app.get(DataSource);
  const userId = seed.userId ?? `user_${randomBytes(4).toString('hex')}`;
  const mode = seed.mode ?? 'real';
  let playerId: string | null = null;
  if (mode === 'real') {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO players (operator_id, user_id, nickname, currency, blocked)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (operator_id, user_id) DO UPDATE SET blocked = EXCLUDED.blocked, nickname = EXCLUDED.nickname
       RETURNING id`,
      [seed.operatorId, userId, seed.nickname ?? userId, seed.currency, seed.blocked ?? false],
    );
    playerId = rows[0].id;
  }
  const id = randomUUID();
  const token = newSessionToken();
  const authToken = seed.withAuthToken ? newSessionToken() : null;
  await db.query(
    `INSERT INTO game_sessions (id, token, auth_token, operator_id, player_id, user_id, wallet_mode, provider_id,
       game_id, currency, language, mode, status, close_reason, last_seen_at, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
       now() - make_interval(secs => $15), CASE WHEN $13::game_session_status = 'active' THEN NULL ELSE now() END)`,
    [
      id,
      token,
      authToken,
      seed.operatorId,
      playerId,
      userId,
      seed.walletMode,
      seed.providerId,
      seed.gameId,
      seed.currency,
      seed.language ?? 'en',
      mode,
      seed.status ?? 'active',
      seed.closeReason ?? null,
      seed.idleSeconds ?? 0,
    ],
  );
  return { id, token, authToken, userId, playerId };
}
