import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import {
  type BenchApi,
  type BenchGame,
  type BenchOperator,
  type BenchProvider,
  inParallel,
} from './bench-api';

export interface SessionTarget {
  api: BenchApi;
  pool: Pool;
  operator: BenchOperator;
  provider: BenchProvider;
  game: BenchGame;
  currency: string;
}

/** What a provider's game server knows of a session: the token it calls back with (b2b: the auth token). */
export interface OpenedSession {
  userId: string;
  sessionId: string;
  token: string;
  authToken: string | null;
  /** The launch URL the API answered (null for sessions inserted with SQL). */
  url: string | null;
}

export type SessionsVia = 'api' | 'sql';

/** The player's token on the operator side (the reference casino knows players by it). */
export const operatorToken = (userId: string): string => `tok-${userId}`;

/**
 * Opens one real-money session per user. Through `POST /api/v1/sessions` (the launch flow, operator calls
 * included) when the API has it; otherwise, while the launch flow is not there, rows are inserted the way
 * `test/support/session-builders.ts` does. The tokens are read back by session id: that is what the
 * provider learns from the launch URL (or, for slotegrator, from our signed game-url call).
 */
export async function openSessions(
  t: SessionTarget,
  userIds: string[],
): Promise<{ sessions: OpenedSession[]; via: SessionsVia }> {
  const first = await launch(t, userIds[0]);
  if (first === 'no-route') {
    return { sessions: await inParallel(userIds, 8, (u) => insertSession(t, u)), via: 'sql' };
  }
  const rest = await inParallel(userIds.slice(1), 8, async (u) => {
    const s = await launch(t, u);
    if (s === 'no-route') throw new Error('POST /api/v1/sessions disappeared during seeding');
    return s;
  });
  return { sessions: [first, ...rest], via: 'api' };
}

/** Fastify's own 404 for a route that does not exist (not a 404 about a game or player). */
export function isMissingRoute(status: number, text: string): boolean {
  return status === 404 && /Route POST:\/api\/v1\/sessions not found|Cannot POST/i.test(text);
}

export function launchBody(t: Pick<SessionTarget, 'game' | 'currency'>, userId: string): string {
  return JSON.stringify({
    userId,
    token: operatorToken(userId),
    gameId: t.game.id,
    currency: t.currency,
    language: 'en',
    mode: 'real',
  });
}

async function launch(t: SessionTarget, userId: string): Promise<OpenedSession | 'no-route'> {
  const res = await t.api.operator(t.operator, 'POST', '/api/v1/sessions', JSON.parse(launchBody(t, userId)));
  if (isMissingRoute(res.status, res.text)) return 'no-route';
  if (res.status !== 201)
    throw new Error(`launch for ${userId}: HTTP ${res.status} ${res.text.slice(0, 400)}`);
  const { sessionId, url } = res.body as { sessionId: string; url: string };
  const rows = await t.pool.query<{ token: string; auth_token: string | null }>(
    'SELECT token, auth_token FROM game_sessions WHERE id = $1',
    [sessionId],
  );
  if (rows.rowCount !== 1) throw new Error(`launched session ${sessionId} is not in game_sessions`);
  return { userId, sessionId, token: rows.rows[0].token, authToken: rows.rows[0].auth_token, url };
}

async function insertSession(t: SessionTarget, userId: string): Promise<OpenedSession> {
  const player = await t.pool.query<{ id: string }>(
    `INSERT INTO players (operator_id, user_id, nickname, currency, blocked)
     VALUES ($1, $2, $3, $4, false)
     ON CONFLICT (operator_id, user_id) DO UPDATE SET nickname = EXCLUDED.nickname
     RETURNING id`,
    [t.operator.id, userId, userId.replace(/[^A-Za-z0-9]/g, '').slice(0, 32), t.currency],
  );
  const sessionId = randomUUID();
  const token = randomBytes(24).toString('base64url');
  const authToken = t.provider.protocol === 'b2b' ? randomBytes(24).toString('base64url') : null;
  await t.pool.query(
    `INSERT INTO game_sessions (id, token, auth_token, operator_id, player_id, user_id, wallet_mode, provider_id,
       game_id, currency, language, mode, status, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'en', 'real', 'active', now())`,
    [
      sessionId,
      token,
      authToken,
      t.operator.id,
      player.rows[0].id,
      userId,
      t.operator.walletMode,
      t.provider.id,
      t.game.id,
      t.currency,
    ],
  );
  return { userId, sessionId, token, authToken, url: null };
}
