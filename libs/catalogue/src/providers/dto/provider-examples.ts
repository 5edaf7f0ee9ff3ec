/** Example configs per protocol, for Swagger. Secrets here are placeholders. */
export const PROVIDER_CONFIG_EXAMPLES = {
  slotegrator: {
    clientId: 'aggregator-42',
    token: 'shared-hmac-token-from-the-provider',
    endpoints: {
      gameUrl: 'https://api.slotegrator.example/games/url',
      demoGameUrl: 'https://api.slotegrator.example/games/demo-url',
      jackpots: 'https://api.slotegrator.example/jackpots',
      createFreespins: 'https://api.slotegrator.example/freespins/create',
      cancelFreespins: 'https://api.slotegrator.example/freespins/cancel',
    },
  },
  b2b: {
    operatorId: 0,
    launchBaseUrl: 'https://int.apiforb2b.com',
    gamesListUrl: 'https://int.apiforb2b.com/frontendsrv/apihandler.api',
  },
  apps: {
    customerId: '1024',
    salt: 'salt-issued-by-the-provider',
    storagePath: 'https://media.example.com/apps',
    amountUnit: 'kopecks',
    gamesConfigUrl: 'https://media.example.com/apps/games_config.json',
  },
  'wallet-v2': { walletToken: 'hmeu134_56eEYeGgre', launchBaseUrl: 'https://games.wallet-v2.example/launch' },
} as const;

export const CONFIG_DESCRIPTION =
  'Settings of the protocol; more keys may be added, these are required:\n' +
  '- slotegrator: `{ clientId, token, endpoints: { gameUrl, demoGameUrl, jackpots?, createFreespins?, cancelFreespins? } }`\n' +
  '- b2b: `{ operatorId, launchBaseUrl, gamesListUrl? }`\n' +
  '- apps: `{ customerId, salt, storagePath, amountUnit: "kopecks"|"roubles", gamesConfigUrl? }`\n' +
  '- wallet-v2: `{ walletToken, launchBaseUrl }`\n' +
  'URLs must be http(s). Secrets (`token`, `salt`, `walletToken`) are stored encrypted and shown masked.';
