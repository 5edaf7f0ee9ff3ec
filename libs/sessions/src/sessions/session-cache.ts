import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@app/common';
import { Client } from 'pg';
import type { CallbackSession } from './callback-session';

/** The PostgreSQL channels the `session-change-notify` migration's triggers notify. */
const SESSION_CHANNEL = 'game_session_changed';
const PLAYER_CHANNEL = 'player_changed';
const MAX_ENTRIES = 50_000;
const RECONNECT_MIN_MS = 1000;
const RECONNECT_MAX_MS = 10_000;

/** A cached session as read from the database, and when it was last seen active there (epoch ms). */
export interface CachedSession {
  session: CallbackSession;
  lastSeenMs: number;
}

interface Entry extends CachedSession {
  freshUntil: number;
}

/** Marks a lookup started before a change so its answer is not cached (see `begin`). */
export type CacheTicket = number;

/**
 * Callback sessions kept in memory so a callback does not read its session from the database every time.
 * Exact because every process LISTENs for the notifications the database triggers send on any change a
 * callback sees (status, tokens, player block…), whoever made it; a process that changes a session itself
 * also drops it at once. Entries live at most SESSION_CACHE_TTL_MS as a safety net. While the listening
 * connection is down nothing is cached, so a missed notification can never leave a stale session behind.
 */
@Injectable()
export class SessionCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly ttlMs: number;
  private readonly databaseUrl: string;
  private readonly entries = new Map<string, Entry>();
  /** The keys each cached session is found under (its token, its b2b game token). */
  private readonly keysOf = new Map<string, Set<string>>();
  /** Bumped on every change heard: a lookup that began before it must not cache its answer. */
  private generation = 0;
  private client: Client | null = null;
  private listening = false;
  private stopped = false;
  private reconnectMs = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(config: ConfigService<Env, true>) {
    this.ttlMs = config.get('SESSION_CACHE_TTL_MS', { infer: true });
    this.databaseUrl = config.get('DATABASE_URL', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.ttlMs > 0) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.drop();
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  /** Whether answers are being cached (the listener is up). */
  get enabled(): boolean {
    return this.listening;
  }

  get(key: string): CachedSession | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (Date.now() > e.freshUntil) {
      this.delete(key, e.session.id);
      return undefined;
    }
    return e;
  }

  /** Call before reading a session from the database; pass the ticket to `set` with the answer. */
  begin(): CacheTicket {
    return this.generation;
  }

  set(key: string, value: CachedSession, ticket: CacheTicket): void {
    if (!this.listening || ticket !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) {
      this.entries.clear();
      this.keysOf.clear();
    }
    const id = value.session.id;
    this.entries.set(key, { ...value, freshUntil: Date.now() + this.ttlMs });
    const keys = this.keysOf.get(id);
    if (keys) keys.add(key);
    else this.keysOf.set(id, new Set([key]));
  }

  /** Records activity this process wrote to the database. */
  seen(sessionId: string, atMs: number): void {
    for (const key of this.keysOf.get(sessionId) ?? []) {
      const e = this.entries.get(key);
      if (e && e.lastSeenMs < atMs) e.lastSeenMs = atMs;
    }
  }

  /** Drops a session this process changed (other processes hear of it from the database). */
  forgetSession(sessionId: string): void {
    this.generation++;
    for (const key of this.keysOf.get(sessionId) ?? []) this.entries.delete(key);
    this.keysOf.delete(sessionId);
  }

  forgetPlayer(playerId: string): void {
    this.generation++;
    for (const [key, e] of this.entries) if (e.session.playerId === playerId) this.delete(key, e.session.id);
  }

  private delete(key: string, sessionId: string): void {
    this.entries.delete(key);
    const keys = this.keysOf.get(sessionId);
    keys?.delete(key);
    if (keys?.size === 0) this.keysOf.delete(sessionId);
  }

  /**
   * Resolves once every change committed before the call has reached this cache: PostgreSQL delivers a
   * listener's pending notifications before its answer to a later query. For whoever edits sessions in SQL
   * and reads them back through a callback at once (tests, scripts).
   */
  async sync(): Promise<void> {
    if (this.listening && this.client) await this.client.query('SELECT 1');
  }

  private drop(): void {
    this.listening = false;
    this.generation++;
    this.entries.clear();
    this.keysOf.clear();
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'aggregator-session-cache',
    });
    this.client = client;
    client.on('notification', (n) => {
      if (!n.payload) return;
      if (n.channel === SESSION_CHANNEL) this.forgetSession(n.payload);
      else if (n.channel === PLAYER_CHANNEL) this.forgetPlayer(n.payload);
    });
    const lost = (reason: string): void => {
      if (this.client !== client) return;
      this.client = null;
      this.drop();
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`Session cache off (${reason}); reconnecting in ${this.reconnectMs} ms`);
      this.reconnectTimer = setTimeout(() => void this.listen(), this.reconnectMs);
      this.reconnectMs = Math.min(this.reconnectMs * 2, RECONNECT_MAX_MS);
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}; LISTEN ${PLAYER_CHANNEL}`);
      if (this.client !== client) return;
      this.listening = true;
      this.reconnectMs = RECONNECT_MIN_MS;
    } catch (e) {
      lost(e instanceof Error ? e.message : String(e));
    }
  }
}
