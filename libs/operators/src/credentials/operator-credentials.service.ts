import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SecretBox } from '@app/common';
import type { Repository } from 'typeorm';
import { Operator } from '../operator.entity';
import type { OperatorCredentials } from './operator-credentials';

/** How long decrypted credentials are reused in this process before PostgreSQL is read again. */
export const CREDENTIALS_CACHE_TTL_MS = 5_000;
/** Upper bound of the cache; only existing operators are cached, so this is a safety net. */
const CACHE_MAX_ENTRIES = 10_000;

interface CacheEntry {
  loadedAt: number;
  value: Promise<OperatorCredentials | null>;
}

/**
 * Reads and decrypts operators' secrets, with a short in-memory cache so the operator-API guard does not
 * query and decrypt on every request.
 *
 * Consistency: changes made through this process (update, rotation) invalidate its cache at once; other
 * processes see them after at most `CREDENTIALS_CACHE_TTL_MS` (a disabled operator may still get in there
 * for that long). Nothing depends on the cache for correctness: the guard re-reads the operator when a
 * signature fails on cached data, so a secret rotated elsewhere verifies immediately, and the previous
 * secret's expiry is checked on every request, never extended by the cache.
 */
@Injectable()
export class OperatorCredentialsService {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    @InjectRepository(Operator) private readonly operators: Repository<Operator>,
    private readonly secretBox: SecretBox,
  ) {}

  /**
   * The operator's credentials, or null when it does not exist (disabled operators are returned, with
   * `enabled: false`). `maxAgeMs` asks for data read at most that long ago (capped by the cache TTL).
   */
  async get(id: string, opts: { maxAgeMs?: number } = {}): Promise<OperatorCredentials | null> {
    const maxAgeMs = Math.min(opts.maxAgeMs ?? CREDENTIALS_CACHE_TTL_MS, CREDENTIALS_CACHE_TTL_MS);
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.loadedAt <= maxAgeMs) return hit.value;

    // Concurrent callers share one load; failures and unknown ids are not kept.
    const entry: CacheEntry = { loadedAt: Date.now(), value: this.load(id) };
    this.remember(id, entry);
    try {
      const value = await entry.value;
      if (value === null) this.forget(id, entry);
      return value;
    } catch (e) {
      this.forget(id, entry);
      throw e;
    }
  }

  /** Drops this process's cached credentials of an operator; call after changing it. */
  invalidate(id: string): void {
    this.cache.delete(id);
  }

  private async load(id: string): Promise<OperatorCredentials | null> {
    const row = await this.operators.findOneBy({ id });
    if (!row) return null;
    return {
      operator: {
        id: row.id,
        name: row.name,
        walletMode: row.walletMode,
        walletUrl: row.walletUrl,
        currencies: [...row.currencies],
      },
      enabled: row.enabled,
      currentSecret: this.secretBox.open(row.secretSealed),
      previousSecret:
        row.previousSecretSealed !== null && row.previousSecretExpiresAt !== null
          ? { secret: this.secretBox.open(row.previousSecretSealed), validUntil: row.previousSecretExpiresAt }
          : null,
    };
  }

  private remember(id: string, entry: CacheEntry): void {
    this.cache.delete(id);
    if (this.cache.size >= CACHE_MAX_ENTRIES) {
      // Maps iterate in insertion order: the first key is the entry loaded longest ago.
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(id, entry);
  }

  private forget(id: string, entry: CacheEntry): void {
    if (this.cache.get(id) === entry) this.cache.delete(id);
  }
}
