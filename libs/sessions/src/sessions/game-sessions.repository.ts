import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Env, type Page, queryPrepared, SqlFilter, sqlPage } from '@app/common';
import type { WalletMode } from '@app/operators';
import { DataSource } from 'typeorm';
import type { SessionCloseReason, SessionMode, SessionStatus } from '../entities/game-session.entity';
import { SessionsErrorCode, SessionsException } from '../sessions.exception';
import { SessionCache } from './session-cache';
import { type PlayerProfile, profileRefreshSql } from '../players/players.repository';
import type { SessionView } from './session-view';

export interface NewSession {
  id: string;
  token: string;
  authToken: string | null;
  operatorId: string;
  /** A real session's player, with the profile this launch refreshes; null in demo. */
  player: { id: string; profile: PlayerProfile } | null;
  userId: string;
  walletMode: WalletMode;
  providerId: string;
  gameId: string;
  currency: string;
  language: string;
  mode: SessionMode;
  returnUrl: string | null;
}

export interface NewLaunch {
  id: string;
  url: string;
  expiresAt: Date;
}

export interface SessionFilter {
  operatorId?: string;
  userId?: string;
  playerId?: string;
  providerId?: string;
  gameId?: string;
  mode?: SessionMode;
  status?: SessionStatus;
  from: Date | null;
  to: Date | null;
  page: number;
  limit: number;
}

/** A session as the apps embed page needs it. */
export interface LaunchPageSession {
  id: string;
  token: string;
  providerId: string;
  gameId: string;
  currency: string;
  language: string;
  returnUrl: string | null;
  state: SessionStatus;
}

interface ViewRow {
  id: string;
  operator_id: string;
  user_id: string;
  player_id: string | null;
  wallet_mode: WalletMode;
  provider_id: string;
  game_id: string;
  currency: string;
  language: string;
  mode: SessionMode;
  state: SessionStatus;
  close_reason: SessionCloseReason | null;
  created_at: Date;
  last_seen_at: Date;
  closed_at: Date | null;
}

/** The derived state of session `s`: an active session idle longer than `ttlS` reads `expired`. */
function stateSql(ttlS: number): string {
  return `CASE WHEN s.status = 'active' AND s.last_seen_at < now() - make_interval(secs => ${Math.trunc(ttlS)})
               THEN 'expired' ELSE s.status::text END`;
}

/** The unique index that holds "one active session per player and provider". */
const ONE_ACTIVE_INDEX = 'UQ_game_sessions_player_provider_active';
/** Launches racing for one player and provider each commit or retry; this bounds one launch's retries. */
const MAX_OPEN_ATTEMPTS = 10;

const openSqlCache = new Map<string, string>();

/**
 * One statement, one commit. The session insert takes $1–$13. For a player's session ($14–$19: idle TTL,
 * then the profile), it first refreshes the player's profile — which also locks the player row, and
 * matches nothing for a blocked player, so then nothing is written — and closes the player's other active
 * real sessions with this provider (an idle one as expired). With `withLaunch`, the redirect's insert takes
 * the last three parameters. Answers whether it inserted and the ids it closed. Built once per variant.
 */
function openSql(forPlayer: boolean, withLaunch: boolean): string {
  const key = `${forPlayer}:${withLaunch}`;
  const known = openSqlCache.get(key);
  if (known !== undefined) return known;
  const parts: string[] = [];
  let next = 14;
  if (forPlayer) {
    const ttl = `$${next}`;
    const $ = (i: number): string => `$${next + i}`;
    const refresh = profileRefreshSql([$(1), $(2), $(3), $(4), `${$(5)}::jsonb`]);
    next += 6;
    parts.push(
      `player AS (UPDATE players SET ${refresh}
       WHERE id = $5 AND NOT blocked
       RETURNING id)`,
      `closed AS (UPDATE game_sessions SET
         status = CASE WHEN last_seen_at < now() - make_interval(secs => ${ttl})
                       THEN 'expired' ELSE 'closed' END::game_session_status,
         close_reason = CASE WHEN last_seen_at < now() - make_interval(secs => ${ttl})
                             THEN 'expired' ELSE 'superseded' END::game_session_close_reason,
         closed_at = now()
       WHERE player_id IN (SELECT id FROM player) AND provider_id = $8 AND status = 'active' AND mode = 'real'
       RETURNING id)`,
    );
  }
  // For a player, the insert reads `closed` to its end first: the old session must be closed before the
  // new one meets the unique index of active sessions.
  const guard = forPlayer ? `WHERE EXISTS (SELECT 1 FROM player) AND (SELECT count(*) FROM closed) >= 0` : '';
  parts.push(
    `opened AS (INSERT INTO game_sessions (id, token, auth_token, operator_id, player_id, user_id, wallet_mode,
       provider_id, game_id, currency, language, mode, return_url)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 ${guard}
     RETURNING id)`,
  );
  if (withLaunch) {
    parts.push(
      `redirect AS (INSERT INTO launches (id, session_id, url, expires_at)
       SELECT $${next}, id, $${next + 1}, $${next + 2} FROM opened)`,
    );
  }
  const closedIds = forPlayer ? 'ARRAY(SELECT id FROM closed)' : `'{}'::uuid[]`;
  const sql = `WITH ${parts.join(',\n')}\nSELECT EXISTS (SELECT 1 FROM opened) AS opened, ${closedIds} AS closed`;
  openSqlCache.set(key, sql);
  return sql;
}

@Injectable()
export class GameSessionsRepository {
  private readonly idleTtlS: number;
  /** Inlined: an integer from the validated config, so the same SQL works with or without parameters. */
  private readonly state: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: SessionCache,
    config: ConfigService<Env, true>,
  ) {
    this.idleTtlS = config.get('SESSION_IDLE_TTL_S', { infer: true });
    this.state = stateSql(this.idleTtlS);
  }

  /**
   * Registers the session (and its redirect) in one statement. A real session refreshes its player's
   * profile and supersedes the player's active real sessions with the same provider (an idle one is closed
   * as expired). The database holds one active session per player and provider (a unique index): a launch
   * racing another for the same player meets the other's committed session and runs again, now seeing and
   * superseding it, so at most one stays active. A player blocked meanwhile is refused with nothing written.
   */
  async open(session: NewSession, launch: NewLaunch | null): Promise<void> {
    const { player } = session;
    const params: unknown[] = [
      session.id,
      session.token,
      session.authToken,
      session.operatorId,
      player?.id ?? null,
      session.userId,
      session.walletMode,
      session.providerId,
      session.gameId,
      session.currency,
      session.language,
      session.mode,
      session.returnUrl,
    ];
    if (player) {
      const { profile } = player;
      params.push(
        this.idleTtlS,
        profile.nickname,
        profile.currency,
        profile.country,
        profile.language,
        JSON.stringify(profile.details),
      );
    }
    if (launch) params.push(launch.id, launch.url, launch.expiresAt);
    const sql = openSql(player !== null, launch !== null);
    for (let attempt = 1; ; attempt++) {
      let row: { opened: boolean; closed: string[] };
      try {
        [row] = await queryPrepared<{ opened: boolean; closed: string[] }>(this.db, sql, params);
      } catch (e) {
        // Another launch of this player and provider committed its session after this statement's
        // snapshot: run again, which sees (and supersedes) it.
        if (!isUniqueViolation(e, ONE_ACTIVE_INDEX)) throw e;
        if (attempt < MAX_OPEN_ATTEMPTS) continue;
        throw new SessionsException(
          SessionsErrorCode.LaunchContended,
          `Other launches of player ${session.userId} at this provider keep committing first; nothing was ` +
            `written, try again`,
        );
      }
      for (const id of row.closed) this.cache.forgetSession(id);
      if (!row.opened) {
        throw new SessionsException(SessionsErrorCode.PlayerBlocked, `Player ${session.userId} is blocked`);
      }
      return;
    }
  }

  /** Newest first, ties broken by id. */
  async list(f: SessionFilter): Promise<Page<SessionView>> {
    const filter = new SqlFilter();
    if (f.operatorId !== undefined) filter.add('s.operator_id =', f.operatorId);
    if (f.userId !== undefined) filter.add('s.user_id =', f.userId);
    if (f.playerId !== undefined) filter.add('s.player_id =', f.playerId);
    if (f.providerId !== undefined) filter.add('s.provider_id =', f.providerId);
    if (f.gameId !== undefined) filter.add('s.game_id =', f.gameId);
    if (f.mode !== undefined) filter.add('s.mode =', f.mode);
    if (f.status !== undefined) filter.add(`${this.state} =`, f.status);
    if (f.from) filter.add('s.created_at >=', f.from);
    if (f.to) filter.add('s.created_at <', f.to);
    return sqlPage(
      this.db,
      { columns: this.viewColumns(), from: 'game_sessions s', orderBy: 's.created_at DESC, s.id DESC' },
      filter,
      f,
      toView,
    );
  }

  async get(id: string): Promise<SessionView | null> {
    const rows: ViewRow[] = await this.db.query(
      `SELECT ${this.viewColumns()} FROM game_sessions s WHERE s.id = $1`,
      [id],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Closes an active session (idle or not) for the admin; a closed one is refused. */
  async closeByAdmin(id: string): Promise<SessionView> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await this.db.query<[{ id: string }[], number]>(
      `UPDATE game_sessions SET status = 'closed', close_reason = 'admin', closed_at = now()
        WHERE id = $1 AND status = 'active' RETURNING id`,
      [id],
    );
    this.cache.forgetSession(id);
    const view = await this.get(id);
    if (!view) throw new SessionsException(SessionsErrorCode.SessionNotFound, `Session ${id} does not exist`);
    if (rows.length === 0) {
      throw new SessionsException(
        SessionsErrorCode.SessionNotActive,
        `Session ${id} is already ${view.status} (${view.closeReason ?? 'no reason'})`,
        { status: view.status, closeReason: view.closeReason },
      );
    }
    return view;
  }

  async forLaunchPage(id: string): Promise<LaunchPageSession | null> {
    const rows: (Omit<LaunchPageSession, 'state'> & { state: SessionStatus })[] = await this.db.query(
      `SELECT s.id, s.token, s.provider_id AS "providerId", s.game_id AS "gameId", s.currency, s.language,
              s.return_url AS "returnUrl", ${this.state} AS state
         FROM game_sessions s WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  private viewColumns(): string {
    return `s.id, s.operator_id, s.user_id, s.player_id, s.wallet_mode, s.provider_id, s.game_id, s.currency,
            s.language, s.mode, s.close_reason, s.created_at, s.last_seen_at, s.closed_at,
            ${this.state} AS state`;
  }
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: unknown; constraint?: unknown } | null;
  return err?.code === '23505' && err.constraint === constraint;
}

function toView(r: ViewRow): SessionView {
  return {
    id: r.id,
    operatorId: r.operator_id,
    userId: r.user_id,
    playerId: r.player_id,
    walletMode: r.wallet_mode,
    providerId: r.provider_id,
    gameId: r.game_id,
    currency: r.currency,
    language: r.language,
    mode: r.mode,
    status: r.state,
    closeReason: r.close_reason,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    closedAt: r.closed_at,
  };
}
