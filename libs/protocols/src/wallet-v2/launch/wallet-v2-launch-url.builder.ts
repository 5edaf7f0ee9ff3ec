import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type LaunchRequest,
  type LaunchResult,
  LaunchUrlBuilder,
  LaunchUrlBuilders,
  languageTag,
} from '@app/sessions';

/**
 * wallet-v2 (spec "Demo mode" / "Real mode"):
 * `${launchBaseUrl}?mode=real_play&gameID=<externalId>&token=<session token>&lang=<ISO 639-1>&wallet=<walletToken>`,
 * demo `${launchBaseUrl}?mode=demo&gameID=<externalId>&lang=<ISO 639-1>`. The token is what the game server
 * sends back as `code`.
 */
@Injectable()
export class WalletV2LaunchUrlBuilder extends LaunchUrlBuilder implements OnModuleInit {
  readonly protocol = 'wallet-v2' as const;

  constructor(private readonly registry: LaunchUrlBuilders) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  build(req: LaunchRequest): Promise<LaunchResult> {
    if (req.provider.protocol !== 'wallet-v2') {
      return Promise.resolve({ ok: false, reason: `not a wallet-v2 provider: ${req.provider.protocol}` });
    }
    const { launchBaseUrl, walletToken } = req.provider.config;
    const url = new URL(launchBaseUrl);
    const lang = languageTag(req.language).language;
    const params: [string, string][] =
      req.mode === 'real'
        ? [
            ['mode', 'real_play'],
            ['gameID', req.game.externalId],
            ['token', req.sessionToken],
            ['lang', lang],
            ['wallet', walletToken],
          ]
        : [
            ['mode', 'demo'],
            ['gameID', req.game.externalId],
            ['lang', lang],
          ];
    for (const [name, value] of params) url.searchParams.set(name, value);
    return Promise.resolve({ ok: true, url: url.toString() });
  }
}
