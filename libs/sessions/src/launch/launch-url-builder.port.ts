import type { ActiveProvider, ProviderProtocol } from '@app/catalogue';
import type { SessionMode } from '../entities/game-session.entity';

/** What a protocol needs to build the provider's launch URL for a new game session. */
export interface LaunchRequest {
  provider: ActiveProvider;
  /** Our session id (public) and token (the secret the provider's callbacks carry). */
  sessionId: string;
  sessionToken: string;
  /** b2b: the one-time token for the launch URL, exchanged at `do-auth-user-ingame`. */
  authToken: string | null;
  mode: SessionMode;
  game: { id: string; externalId: string; name: string; meta: Readonly<Record<string, unknown>> };
  operatorId: string;
  /** The operator's user id. */
  userId: string;
  /** Our player id, unique across operators (what a provider should know the player by); null in demo. */
  playerId: string | null;
  currency: string;
  /** A validated tag as the operator sent it (`en`, `en-US`, `pt_BR`); see `languageTag`. */
  language: string;
  returnUrl: string | null;
  /** Our own public base URL without a trailing slash (for pages we serve, e.g. the apps embed page). */
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
  /** Whether the protocol has a demo mode at all (b2b has none). */
  readonly supportsDemo: boolean = true;
  /** Whether a real launch needs a one-time `authToken` (b2b). */
  readonly usesAuthToken: boolean = false;
  /** Never throws for the provider's behaviour: a failure is `{ ok: false, reason }`. */
  abstract build(req: LaunchRequest): Promise<LaunchResult>;
}
