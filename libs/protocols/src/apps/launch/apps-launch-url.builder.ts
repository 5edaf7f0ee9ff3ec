import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type LaunchRequest, type LaunchResult, LaunchUrlBuilder, LaunchUrlBuilders } from '@app/sessions';

/** The `apps` launch URL. */
@Injectable()
export class AppsLaunchUrlBuilder extends LaunchUrlBuilder implements OnModuleInit {
  readonly protocol = 'apps' as const;

  constructor(private readonly registry: LaunchUrlBuilders) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  // Filled in by the launch flow work (issue 4).
  build(_req: LaunchRequest): Promise<LaunchResult> {
    return Promise.resolve({ ok: false, reason: 'launch for apps is not built yet' });
  }
}
