/** What the apps embed page carries (spec "Step 2. Creating web page containing a game"). */
export interface AppsLaunchPage {
  /** `${path_to_storage}`: the provider's `storagePath`. */
  storagePath: string;
  title: string;
  /** `${application}`: the game's key in games_config (our externalId). */
  game: string;
  /** `${customer_id}`. */
  billing: string;
  /** `${session}`: the session token the billing `/do` calls carry. */
  token: string;
  /** `${denomination}`: cost of one credit in kopecks. */
  kf: number;
  kfList: readonly number[];
  currency: string;
  /** `en_US` style. */
  language: string;
  /** `${home_page}`. */
  homePage: string;
}

const JS_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** A JS string literal that cannot end its `<script>` element, whatever the value holds. */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JS_UNSAFE[c]);
}

/** Text for HTML content and quoted attributes. */
export function htmlText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function integerList(values: readonly number[]): string {
  return values.filter((v) => Number.isSafeInteger(v)).join(',');
}

/** The spec's embed markup as a whole page; every value is escaped for where it lands. */
export function renderAppsLaunchPage(p: AppsLaunchPage): string {
  const storage = p.storagePath.replace(/\/+$/, '');
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1" />
<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, minimum-scale=1.0, user-scalable=no, minimal-ui" />
<meta name="apple-mobile-web-app-capable" content="yes" />
<meta name="mobile-web-app-capable" content="yes" />
<meta name="apple-mobile-web-app-status-bar-style" content="black" />
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${htmlText(p.title)}</title>
<style>html,body{margin:0;height:100%;background:#000}#game-content{width:100%;height:100%}</style>
<script type="text/javascript" src="${htmlText(`${storage}/prod_flash_data.js`)}"></script>
<script src="${htmlText(`${storage}/loader/build/app.js`)}"></script>
<script type="text/javascript">
var config = {
  path: ${jsString(`${storage}/`)},
  game: ${jsString(p.game)},
  billing: ${jsString(p.billing)},
  token: ${jsString(p.token)},
  kf: ${jsString(String(p.kf))},
  kf_list: [${integerList(p.kfList)}],
  currency: ${jsString(p.currency)},
  language: ${jsString(p.language)},
  home_page: ${jsString(p.homePage)}
};
</script>
</head>
<body>
<div id="game-content"></div>
</body>
</html>
`;
}

/** A small page for a launch that cannot be shown (unknown, closed or expired session). */
export function renderAppsErrorPage(title: string, message: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8" /><title>${htmlText(title)}</title></head>
<body><h1>${htmlText(title)}</h1><p>${htmlText(message)}</p></body></html>
`;
}
