import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type LaunchRequest, type LaunchResult, LaunchUrlBuilder, LaunchUrlBuilders } from '@app/sessions';

/**
 * apps: the launch URL is our own embed page, `${PUBLIC_BASE_URL}/play/apps/{sessionId}`
 * (AppsLaunchPageController). The spec defines no demo launch: every page needs a billing session.
 */
@Injectable()
export class AppsLaunchUrlBuilder extends LaunchUrlBuilder implements OnModuleInit {
  readonly protocol = 'apps' as const;
  override readonly supportsDemo = false;

  constructor(private readonly registry: LaunchUrlBuilders) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  build(req: LaunchRequest): Promise<LaunchResult> {
    if (req.provider.protocol !== 'apps') {
      return Promise.resolve({ ok: false, reason: `not an apps provider: ${req.provider.protocol}` });
    }
    return Promise.resolve({
      ok: true,
      url: `${req.publicBaseUrl}/play/apps/${encodeURIComponent(req.sessionId)}`,
    });
  }
}
