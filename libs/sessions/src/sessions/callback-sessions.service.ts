import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Env, queryPrepared } from '@app/common';
import { DataSource } from 'typeorm';
import type { CallbackSession, CallbackSessionState } from './callback-session';
import { SessionCache, type CachedSession } from './session-cache';
import { newSessionToken } from './session-token';

interface SessionRow {
  id: string;
  operator_id: string;
  wallet_mode: CallbackSession['walletMode'];
  user_id: string;
  player_id: string | null;
  provider_id: string;
  game_id: string;
  currency: string;
  language: string;
  mode: CallbackSession['mode'];
  state: CallbackSessionState;
  close_reason: CallbackSession['closeReason'];
  nickname: string | null;
  blocked: boolean | null;
  game_token: string | null;
  idle_ms: number;
}

/** Columns of a session as callbacks see it; `$ttl` is the idle expiry in seconds. */
const SELECT = `
  s.id, s.operator_id, s.wallet_mode, s.user_id, s.player_id, s.provider_id, s.game_id, s.currency,
  s.language, s.mode, s.close_reason, s.game_token, p.nickname, p.blocked,
  (extract(epoch FROM now() - s.last_seen_at) * 1000)::float8 AS idle_ms,
  CASE WHEN s.status = 'active' AND s.last_seen_at < now() - make_interval(secs => $TTL)
       THEN 'expired' ELSE s.status::text END AS state`;

/**
 * How often a session's activity is written: a fortieth of the idle TTL, between 1 s and 60 s (the default
 * 4 h TTL gives 60 s). A session then idles out within that much of its TTL, and a busy session costs a
 * write a minute instead of one per callback.
 */
function touchEveryMs(idleTtlS: number): number {
  return Math.min(60_000, Math.max(1_000, Math.floor((idleTtlS * 1000) / 40)));
}
const MAX_TRACKED_TOUCHES = 10_000;
const TOUCH_SQL = `UPDATE game_sessions SET last_seen_at = now()
   WHERE id = $1 AND status = 'active' AND last_seen_at < now() - make_interval(secs => $2)
   RETURNING id`;

const BY_TOKEN = 's.token = $1 AND s.provider_id = $2';

/**
 * The one statement a callback's session lookup runs (exported so the wallet benchmark can drive the very
 * same SQL straight through `pg`). `where` uses `$1…$n` for `params`; the idle TTL is appended.
 */
export function sessionLookupStatement(
  where: string,
  params: unknown[],
  idleTtlS: number,
): { sql: string; params: unknown[] } {
  const ttlParam = `$${params.length + 1}`;
  return {
    sql: `SELECT ${SELECT.replace('$TTL', ttlParam)}
            FROM game_sessions s LEFT JOIN players p ON p.id = s.player_id
           WHERE ${where}`,
    params: [...params, idleTtlS],
  };
}

/** The lookup by session token, as `CallbackSessionsService.byToken` runs it. */
export function sessionByTokenStatement(
  providerId: string,
  token: string,
  idleTtlS: number,
): { sql: string; params: unknown[] } {
  return sessionLookupStatement(BY_TOKEN, [token, providerId], idleTtlS);
}

/**
 * Resolves provider callbacks to game sessions. A session only resolves for the provider it was made
 * for, so a token leaked to one provider is worthless at another.
 */
@Injectable()
export class CallbackSessionsService {
  private readonly idleTtlS: number;
  private readonly touchEveryMs: number;
  private readonly lastTouch = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: SessionCache,
    config: ConfigService<Env, true>,
  ) {
    this.idleTtlS = config.get('SESSION_IDLE_TTL_S', { infer: true });
    this.touchEveryMs = touchEveryMs(this.idleTtlS);
  }

  /** By the session token (wallet-v2 `code`, apps `session`, slotegrator `session_id`). */
  async byToken(providerId: string, token: string): Promise<CallbackSession | null> {
    return this.cached(`t|${providerId}|${token}`, BY_TOKEN, [token, providerId]);
  }

  /** b2b: by the `game_token` issued at `do-auth-user-ingame`. */
  async byGameToken(providerId: string, gameToken: string): Promise<CallbackSession | null> {
    return this.cached(`g|${providerId}|${gameToken}`, 's.game_token = $1 AND s.provider_id = $2', [
      gameToken,
      providerId,
    ]);
  }

  /**
   * b2b `do-auth-user-ingame`: spends the one-time `auth_token` of an active session and issues its
   * `game_token`. Null when the token is unknown, already spent, or its session is no longer active.
   */
  async exchangeAuthToken(providerId: string, authToken: string): Promise<CallbackSession | null> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await this.db.query<[{ id: string }[], number]>(
      `UPDATE game_sessions SET auth_token_used_at = now(), game_token = $3, last_seen_at = now()
        WHERE auth_token = $1 AND provider_id = $2 AND auth_token_used_at IS NULL AND status = 'active'
          AND last_seen_at >= now() - make_interval(secs => $4)
        RETURNING id`,
      [authToken, providerId, newSessionToken(), this.idleTtlS],
    );
    const id = rows[0]?.id;
    if (!id) return null;
    this.cache.forgetSession(id);
    return (await this.one('s.id = $1 AND s.provider_id = $2', [id, providerId]))?.session ?? null;
  }

  /**
   * Marks activity on an active session (keeps it from idling out). Called on every callback, so it writes
   * at most once per session and process every `touchEveryMs` (and the SQL skips rows another process
   * touched in the last half of that): a saving only, as a touch is safe to repeat or to miss that long.
   */
  async touch(sessionId: string): Promise<void> {
    const now = Date.now();
    const last = this.lastTouch.get(sessionId);
    if (last !== undefined && now - last < this.touchEveryMs) return;
    if (this.lastTouch.size >= MAX_TRACKED_TOUCHES) this.lastTouch.clear();
    this.lastTouch.set(sessionId, now);
    try {
      const touched = await queryPrepared(this.db, TOUCH_SQL, [sessionId, this.touchEveryMs / 2000]);
      if (touched.length > 0) this.cache.seen(sessionId, now);
    } catch (e) {
      this.lastTouch.delete(sessionId);
      throw e;
    }
  }

  /**
   * A session from the cache, else from the database. An active session this process last saw active
   * longer ago than the idle TTL is read again: the database decides whether it expired (another process
   * may have seen it since).
   */
  private async cached(key: string, where: string, params: unknown[]): Promise<CallbackSession | null> {
    const hit = this.cache.get(key);
    if (hit && (hit.session.state !== 'active' || Date.now() - hit.lastSeenMs <= this.idleTtlS * 1000)) {
      return { ...hit.session };
    }
    const ticket = this.cache.begin();
    const found = await this.one(where, params);
    if (!found) return null;
    this.cache.set(key, found, ticket);
    return { ...found.session };
  }

  private async one(where: string, params: unknown[]): Promise<CachedSession | null> {
    const { sql, params: all } = sessionLookupStatement(where, params, this.idleTtlS);
    const rows = await queryPrepared<SessionRow>(this.db, sql, all);
    const r = rows[0];
    if (!r) return null;
    const session: CallbackSession = {
      id: r.id,
      operatorId: r.operator_id,
      walletMode: r.wallet_mode,
      userId: r.user_id,
      playerId: r.player_id,
      providerId: r.provider_id,
      gameId: r.game_id,
      currency: r.currency,
      language: r.language,
      mode: r.mode,
      state: r.state,
      closeReason: r.close_reason,
      nickname: r.nickname,
      playerBlocked: r.blocked ?? false,
      gameToken: r.game_token,
    };
    return { session, lastSeenMs: Date.now() - r.idle_ms };
  }
}
