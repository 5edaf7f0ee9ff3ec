import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type LaunchRequest, type LaunchResult, LaunchUrlBuilder, LaunchUrlBuilders } from '@app/sessions';

/** The `slotegrator` launch URL. */
@Injectable()
export class SlotegratorLaunchUrlBuilder extends LaunchUrlBuilder implements OnModuleInit {
  readonly protocol = 'slotegrator' as const;

  constructor(private readonly registry: LaunchUrlBuilders) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  // Filled in by the launch flow work (issue 4).
  build(_req: LaunchRequest): Promise<LaunchResult> {
    return Promise.resolve({ ok: false, reason: 'launch for slotegrator is not built yet' });
  }
}
