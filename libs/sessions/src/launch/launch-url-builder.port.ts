import type { ActiveProvider, ProviderProtocol } from '@app/catalogue';

/** What a protocol needs to build the provider's launch URL for a new game session. */
export interface LaunchRequest {
  provider: ActiveProvider;
  /** Our session id (public) and token (the secret the provider's callbacks carry). */
  sessionId: string;
  sessionToken: string;
  /** b2b: the one-time token for the launch URL, exchanged at `do-auth-user-ingame`. */
  authToken: string | null;
  mode: 'real' | 'demo';
  game: { id: string; externalId: string; name: string; meta: Record<string, unknown> };
  operatorId: string;
  userId: string;
  currency: string;
  /** As the operator sent it (e.g. `en`, `en-US`); each protocol maps it to its own form. */
  language: string;
  returnUrl: string | null;
  /** Our own public base URL (for pages we serve, e.g. the apps embed page). */
  publicBaseUrl: string;
}

/** The provider's address to open, or why it could not be had (provider error, timeout). */
export type LaunchResult = { ok: true; url: string } | { ok: false; reason: string };

/**
 * One per protocol (in `libs/protocols/<key>/launch/`): builds, or for slotegrator asks the provider for,
 * the launch URL. Each registers itself with LaunchUrlBuilders when its module starts.
 */
export abstract class LaunchUrlBuilder {
  abstract readonly protocol: ProviderProtocol;
  abstract build(req: LaunchRequest): Promise<LaunchResult>;
}
