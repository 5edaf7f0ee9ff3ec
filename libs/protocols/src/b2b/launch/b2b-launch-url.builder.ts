import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type LaunchRequest, type LaunchResult, LaunchUrlBuilder, LaunchUrlBuilders } from '@app/sessions';

/**
 * b2b (spec 3.1): `${launchBaseUrl}/games/<game_name>.game?operator_id=…&user_id=…&auth_token=…&currency=…`.
 * `auth_token` is the session's one-time token, exchanged for the `game_token` at `do-auth-user-ingame`.
 * `user_id` is our player id: towards the integrator we are one operator, so the operators' own user ids
 * could collide. The protocol has no demo mode.
 */
@Injectable()
export class B2bLaunchUrlBuilder extends LaunchUrlBuilder implements OnModuleInit {
  readonly protocol = 'b2b' as const;
  override readonly supportsDemo = false;
  override readonly usesAuthToken = true;

  constructor(private readonly registry: LaunchUrlBuilders) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  build(req: LaunchRequest): Promise<LaunchResult> {
    if (req.provider.protocol !== 'b2b') {
      return Promise.resolve({ ok: false, reason: `not a b2b provider: ${req.provider.protocol}` });
    }
    if (req.mode !== 'real' || req.authToken === null || req.playerId === null) {
      return Promise.resolve({
        ok: false,
        reason: 'b2b games launch for real play only, with an auth token',
      });
    }
    const base = req.provider.config.launchBaseUrl.replace(/\/+$/, '');
    const url = new URL(`${base}/games/${encodeURIComponent(req.game.externalId)}.game`);
    url.searchParams.set('operator_id', String(req.provider.config.operatorId));
    url.searchParams.set('user_id', req.playerId);
    url.searchParams.set('auth_token', req.authToken);
    url.searchParams.set('currency', req.currency);
    return Promise.resolve({ ok: true, url: url.toString() });
  }
}
