import { Injectable } from '@nestjs/common';
import { type ActiveProvider, type ProviderProtocol, ProvidersService } from '@app/catalogue';

export type ProviderOf<P extends ProviderProtocol> = Extract<ActiveProvider, { protocol: P }>;

export type CallbackProviderResult<P extends ProviderProtocol> =
  { ok: true; provider: ProviderOf<P> } | { ok: false; reason: 'UNKNOWN_PROVIDER' | 'IP_NOT_ALLOWED' };

/**
 * The provider a callback path names (`/callbacks/<protocol>/{providerCode}`): enabled, of that protocol,
 * and — when it has an `allowedIps` list — called from an address on it. Cached by the catalogue.
 */
@Injectable()
export class CallbackProviders {
  constructor(private readonly providers: ProvidersService) {}

  async resolve<P extends ProviderProtocol>(
    protocol: P,
    code: string,
    ip: string,
  ): Promise<CallbackProviderResult<P>> {
    const provider = await this.providers.findActiveByCode(code);
    if (!provider || provider.protocol !== protocol) return { ok: false, reason: 'UNKNOWN_PROVIDER' };
    if (!provider.allowsIp(ip)) return { ok: false, reason: 'IP_NOT_ALLOWED' };
    return { ok: true, provider: provider as ProviderOf<P> };
  }
}
