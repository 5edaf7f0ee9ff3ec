import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type LaunchRequest, type LaunchResult, LaunchUrlBuilder, LaunchUrlBuilders } from '@app/sessions';

/** The `wallet-v2` launch URL. */
@Injectable()
export class WalletV2LaunchUrlBuilder extends LaunchUrlBuilder implements OnModuleInit {
  readonly protocol = 'wallet-v2' as const;

  constructor(private readonly registry: LaunchUrlBuilders) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  // Filled in by the launch flow work (issue 4).
  build(_req: LaunchRequest): Promise<LaunchResult> {
    return Promise.resolve({ ok: false, reason: 'launch for wallet-v2 is not built yet' });
  }
}
