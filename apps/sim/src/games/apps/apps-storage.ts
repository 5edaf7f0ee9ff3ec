/** The apps that the simulator's games_config lists (the spec's "List of Apps" shape). */
const APPLICATIONS = {
  a_op: {
    html5: { app: ['a_op-201707051645'], mainjs: 'game.js' },
    loader: 'a_op',
    name: [{ en: 'Ocean Pearl' }],
    position: '1',
    lines: '9',
    source: 'a_op',
    preview: 'thumb/a_op.png',
    type: 'slot',
  },
  e_keno: {
    html5: { app: ['turbokeno-201707201722'], mainjs: 'game.js' },
    lang: ['en', 'ru'],
    loader: 'e_keno',
    name: [{ en: 'Turbo Keno' }],
    position: '2',
    source: 'turbokeno',
    preview: 'thumb/e_keno.png',
    type: 'egame',
  },
};

/** `games_config`: the app list and the addresses of this simulated game server and storage. */
export function appsGamesConfig(baseUrl: string): Record<string, unknown> {
  return {
    api: `${baseUrl}/apps/`,
    applications: APPLICATIONS,
    container: `${baseUrl}/apps/storage/`,
    container_name: 'flashslots',
  };
}

/** `${path_to_storage}/prod_flash_data.js`. */
export function appsFlashDataScript(): string {
  return `window.prod_flash_data = ${JSON.stringify({ applications: Object.keys(APPLICATIONS) })};\n`;
}

/**
 * `${path_to_storage}/loader/build/app.js`: a stand-in game client. Whatever config object the embed
 * page hands it (`path`, `game`, `billing`, `token`, `currency` …) is shown in `#game-content`.
 */
export function appsLoaderScript(): string {
  return `(function () {
  function show(config) {
    var el = document.getElementById('game-content');
    if (!el) return;
    el.textContent = 'apps simulator: ' + (config && config.game) + ' for billing ' + (config && config.billing) +
      ' (' + (config && config.currency) + ')';
  }
  window.AppsLoader = { start: show };
  window.appsLoader = show;
})();
`;
}
