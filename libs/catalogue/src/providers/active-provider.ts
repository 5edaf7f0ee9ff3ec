import type { ProviderConfigByProtocol } from './config/provider-config.registry';
import type { ProviderProtocol } from './provider-protocol';

interface ActiveProviderOf<P extends ProviderProtocol> {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly protocol: P;
  /** The validated config with its secrets in clear: never log it. */
  readonly config: Readonly<ProviderConfigByProtocol[P]>;
  readonly allowedIps: readonly string[];
  /** Whether a callback from this address is allowed (an empty allowlist allows everyone). */
  allowsIp(ip: string): boolean;
}

/**
 * An enabled provider as other modules see it. Narrow on `protocol` to get the protocol's config type:
 * `if (p.protocol === 'slotegrator') p.config.endpoints.gameUrl`.
 */
export type ActiveProvider = { [P in ProviderProtocol]: ActiveProviderOf<P> }[ProviderProtocol];
