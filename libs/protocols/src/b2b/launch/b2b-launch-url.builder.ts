import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type LaunchRequest, type LaunchResult, LaunchUrlBuilder, LaunchUrlBuilders } from '@app/sessions';

/** The `b2b` launch URL. */
@Injectable()
export class B2bLaunchUrlBuilder extends LaunchUrlBuilder implements OnModuleInit {
  readonly protocol = 'b2b' as const;

  constructor(private readonly registry: LaunchUrlBuilders) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  // Filled in by the launch flow work (issue 4).
  build(_req: LaunchRequest): Promise<LaunchResult> {
    return Promise.resolve({ ok: false, reason: 'launch for b2b is not built yet' });
  }
}
