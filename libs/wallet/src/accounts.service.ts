import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AccountKind } from './entities/account.entity';

const CACHE_LIMIT = 100_000;

/**
 * Finds or opens ledger accounts. An account's id never changes once made, so ids are cached in memory
 * (bounded): the hot path does not look them up again.
 */
@Injectable()
export class AccountsService {
  private readonly ids = new Map<string, string>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  player(operatorId: string, playerId: string, currency: string): Promise<string> {
    return this.ensure('player', `${operatorId}:${playerId}`, currency, { operatorId, playerId });
  }

  house(providerId: string, currency: string): Promise<string> {
    return this.ensure('house', providerId, currency, { providerId });
  }

  operatorCash(operatorId: string, currency: string): Promise<string> {
    return this.ensure('operator', operatorId, currency, { operatorId });
  }

  private async ensure(
    kind: AccountKind,
    ownerKey: string,
    currency: string,
    owner: { operatorId?: string; playerId?: string; providerId?: string },
  ): Promise<string> {
    const cacheKey = `${kind}|${ownerKey}|${currency}`;
    const cached = this.ids.get(cacheKey);
    if (cached) return cached;
    // DO UPDATE (a no-op) rather than DO NOTHING so RETURNING yields the id whether or not the row existed.
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO accounts (kind, owner_key, currency, operator_id, player_id, provider_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, owner_key, currency) DO UPDATE SET kind = EXCLUDED.kind
       RETURNING id`,
      [kind, ownerKey, currency, owner.operatorId ?? null, owner.playerId ?? null, owner.providerId ?? null],
    );
    const id = rows[0].id;
    if (this.ids.size >= CACHE_LIMIT) this.ids.clear();
    this.ids.set(cacheKey, id);
    return id;
  }
}
