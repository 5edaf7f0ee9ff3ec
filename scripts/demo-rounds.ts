/**
 * Plays a few demo rounds through every protocol, as `npm start` shows: launches a game for a demo player
 * of the seamless demo casino (POST /api/v1/sessions), then lets that provider's game-server simulator bet
 * and settle against our callbacks. Prints one line per round.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signOperatorRequest } from '@app/operators';
import { AppsGameServer, B2bGameServer, SlotegratorGameServer, WalletV2GameServer } from '@app/sim';

const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
const stateFile = join(process.cwd(), '.run', 'demo-operators.json');

interface Operator {
  id: string;
  secret: string;
  walletMode: string;
}

async function operatorCall(op: Operator, method: string, path: string, body?: unknown): Promise<unknown> {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const sign = signOperatorRequest(op.secret, { timestamp, method, pathWithQuery: path, rawBody: raw });
  const res = await fetch(`${api}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-operator-id': op.id,
      'x-timestamp': timestamp,
      'x-sign': sign,
    },
    body: raw === '' ? undefined : raw,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

async function launch(op: Operator, provider: string, userId: string, token: string): Promise<URL> {
  const games = (await operatorCall(op, 'GET', `/api/v1/games?provider=${provider}&limit=10`)) as {
    items: { id: string; hasDemo: boolean }[];
  };
  const game = games.items[0];
  if (!game) throw new Error(`no games for ${provider}`);
  const session = (await operatorCall(op, 'POST', '/api/v1/sessions', {
    userId,
    token,
    gameId: game.id,
    currency: 'USD',
    language: 'en',
    mode: 'real',
    returnUrl: 'https://casino.example/lobby',
  })) as { sessionId: string; url: string };
  return new URL(session.url);
}

function line(protocol: string, what: string, answer: unknown): void {
  process.stdout.write(`  ${protocol.padEnd(12)} ${what.padEnd(18)} ${JSON.stringify(answer)}\n`);
}

async function main(): Promise<void> {
  const operators = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, Operator>;
  const op = Object.values(operators).find((o) => o.walletMode === 'seamless');
  if (!op) throw new Error('no seamless demo operator in .run/demo-operators.json');
  const user = { userId: 'demo-usd-1', token: 'demo-token-usd-1' };

  const slot = new SlotegratorGameServer({
    callbackBaseUrl: api,
    providerCode: 'demo-slotegrator',
    token: 'demo-slotegrator-token',
  });
  const slotUrl = await launch(op, 'demo-slotegrator', user.userId, user.token);
  const slotSession = slotUrl.searchParams.get('session_id') ?? '';
  const slotRound = await slot.round(slotSession, '1.50', '3.00');
  line('slotegrator', 'bet 1.50', slotRound.bet.answer);
  line('slotegrator', 'win 3.00', slotRound.win?.answer);

  const b2b = new B2bGameServer({ callbackBaseUrl: api, providerCode: 'demo-b2b' });
  const b2bUrl = await launch(op, 'demo-b2b', user.userId, user.token);
  const auth = await b2b.auth({
    userId: b2bUrl.searchParams.get('user_id') ?? '',
    authToken: b2bUrl.searchParams.get('auth_token') ?? '',
    currency: b2bUrl.searchParams.get('currency') ?? 'USD',
  });
  line('b2b', 'auth', auth.exchange.answer);
  if (auth.session) {
    const r = await b2b.playRound(auth.session, '2.00', '0.00');
    line('b2b', 'debit 2.00', r.bet.answer);
    line('b2b', 'credit 0 (loss)', r.win?.answer);
  }
  await b2b.close();

  const apps = new AppsGameServer({
    callbackBaseUrl: api,
    providerCode: 'demo-apps',
    salt: 'demo-apps-salt',
  });
  const appsUrl = await launch(op, 'demo-apps', user.userId, user.token);
  const page = await (await fetch(appsUrl)).text();
  const appsToken = /token: ("(?:[^"\\]|\\.)*")/.exec(page)?.[1];
  if (!appsToken) throw new Error('the apps launch page carries no token');
  const appsRound = await apps.playRound(JSON.parse(appsToken) as string, { bet: 100, win: 250 });
  line('apps', 'minus 100 kop', appsRound.bet.answer);
  line('apps', 'plus 250 kop', appsRound.win?.answer);

  const wv2 = new WalletV2GameServer({
    callbackBaseUrl: api,
    providerCode: 'demo-wallet-v2',
    walletToken: 'demo_wallet_token',
  });
  const wv2Url = await launch(op, 'demo-wallet-v2', user.userId, user.token);
  const wv2Round = await wv2.playRound(wv2Url.searchParams.get('token') ?? '', 75n, 150n);
  line('wallet-v2', 'bet 75 cents', wv2Round.bet.answer);
  line('wallet-v2', 'win 150 cents', wv2Round.settle.answer);
  await wv2.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`demo rounds failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
