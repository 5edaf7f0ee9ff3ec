import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type ProviderProtocol, ProvidersService } from '@app/catalogue';
import type { Env } from '@app/common';

/** Protocols whose callbacks carry no signature: only an IP allowlist tells the real provider apart. */
export const UNSIGNED_PROTOCOLS: readonly ProviderProtocol[] = ['b2b', 'wallet-v2'];

/**
 * In production, warns at start-up about every enabled provider of an unsigned protocol that accepts
 * callbacks from any address: anyone who learns a session code could move that player's money.
 */
@Injectable()
export class UnsignedProvidersWarning implements OnApplicationBootstrap {
  private readonly logger = new Logger(UnsignedProvidersWarning.name);

  constructor(
    private readonly providers: ProvidersService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.get('NODE_ENV', { infer: true }) !== 'production') return;
    for (const warning of await this.warnings()) this.logger.warn(warning);
  }

  /** One line per unguarded provider (empty when all are guarded). */
  async warnings(): Promise<string[]> {
    const open = await this.providers.listEnabledWithoutAllowedIps(UNSIGNED_PROTOCOLS);
    return open.map(
      (p) =>
        `Provider "${p.code}" (${p.protocol}) has no signature scheme and no allowedIps: its callbacks are ` +
        `accepted from any address. Set allowedIps with PATCH /admin/providers/${p.code}.`,
    );
  }
}
