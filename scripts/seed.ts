/**
 * Demo data through the admin API (so it goes through the same validation as any admin): a demo operator
 * with a seamless wallet at the reference casino, an internal-wallet operator, the four demo providers
 * and their games. Idempotent: credentials of operators it created are kept in .run/demo-operators.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
const adminToken = process.env.ADMIN_TOKEN ?? '';
const casinoUrl = process.env.SIM_CASINO_URL ?? 'http://127.0.0.1:4001/wallet';
const simBase = process.env.SIM_BASE_URL ?? 'http://127.0.0.1:4002';
const stateFile = join(process.cwd(), '.run', 'demo-operators.json');

interface Created {
  id: string;
  name: string;
  secret: string;
  walletMode: string;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

async function ensureOperator(
  known: Record<string, Created>,
  name: string,
  body: Record<string, unknown>,
): Promise<Created> {
  const existing = known[name];
  if (existing && (await call('GET', `/admin/operators/${existing.id}`)).status === 200) return existing;
  let res = await call('POST', '/admin/operators', { name, ...body });
  if (res.status === 409) {
    // Exists from an earlier run whose credentials were lost: look it up and issue a fresh secret.
    const list = (await call('GET', '/admin/operators?limit=200')).body as {
      items: { id: string; name: string }[];
    };
    const found = list.items.find((o) => o.name === name);
    if (!found) throw new Error(`operator ${name} reported as existing but not found`);
    const rotated = await call('POST', `/admin/operators/${found.id}/secret/rotate`, {});
    res = { status: 201, body: { ...found, ...(rotated.body as object), walletMode: body.walletMode } };
  }
  if (res.status !== 201)
    throw new Error(`creating operator ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  const created = res.body as Created;
  return { id: created.id, name, secret: created.secret, walletMode: String(body.walletMode) };
}

const PROVIDERS = [
  {
    code: 'demo-slotegrator',
    name: 'Demo Slotegrator',
    protocol: 'slotegrator',
    config: {
      clientId: 'demo-client',
      token: 'demo-slotegrator-token',
      endpoints: {
        gameUrl: `${simBase}/slotegrator/games/init`,
        demoGameUrl: `${simBase}/slotegrator/games/init-demo`,
      },
    },
  },
  {
    code: 'demo-b2b',
    name: 'Demo B2B',
    protocol: 'b2b',
    config: { operatorId: 'demo-operator', launchBaseUrl: `${simBase}/b2b` },
  },
  {
    code: 'demo-apps',
    name: 'Demo Apps',
    protocol: 'apps',
    config: {
      customerId: 'demo-customer',
      salt: 'demo-apps-salt',
      storagePath: `${simBase}/apps/storage`,
      amountUnit: 'kopecks',
    },
  },
  {
    code: 'demo-wallet-v2',
    name: 'Demo Wallet v2',
    protocol: 'wallet-v2',
    config: { walletToken: 'demo_wallet_token', launchBaseUrl: `${simBase}/wallet-v2/launch` },
  },
];

const TYPES = ['slot', 'slot', 'table', 'live', 'egame'];

async function seedProvider(p: (typeof PROVIDERS)[number]): Promise<void> {
  const created = await call('POST', '/admin/providers', p);
  if (created.status !== 201 && created.status !== 409) {
    throw new Error(`creating provider ${p.code}: ${created.status} ${JSON.stringify(created.body)}`);
  }
  const games = Array.from({ length: 5 }, (_, i) => ({
    externalId: `${p.code}-game-${i + 1}`,
    name: `${p.name} Game ${i + 1}`,
    type: TYPES[i],
    hasDemo: i !== 3,
    hasFreespins: i === 0,
  }));
  const up = await call('PUT', `/admin/providers/${p.code}/games`, { games });
  if (up.status !== 200) throw new Error(`games of ${p.code}: ${up.status} ${JSON.stringify(up.body)}`);
}

async function main(): Promise<void> {
  if (!adminToken) throw new Error('ADMIN_TOKEN is not set');
  mkdirSync(join(process.cwd(), '.run'), { recursive: true });
  const known = existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, Created>)
    : {};
  const seamless = await ensureOperator(known, 'Demo Casino (seamless)', {
    walletMode: 'seamless',
    walletUrl: casinoUrl,
    currencies: ['EUR', 'USD'],
  });
  // The reference casino keeps nothing across restarts: tell it, every time, which operator signs its calls.
  const casinoControl = `${new URL(casinoUrl).origin}/control/secret`;
  const told = await fetch(casinoControl, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret: seamless.secret, operatorId: seamless.id }),
  });
  if (told.status !== 204) throw new Error(`reference casino refused the operator secret: ${told.status}`);
  const internal = await ensureOperator(known, 'Demo Casino (internal wallet)', {
    walletMode: 'internal',
    currencies: ['EUR', 'USD'],
  });
  writeFileSync(
    stateFile,
    JSON.stringify({ [seamless.name]: seamless, [internal.name]: internal }, null, 2),
    { mode: 0o600 },
  );
  for (const p of PROVIDERS) await seedProvider(p);
  process.stdout.write(
    JSON.stringify({
      operators: [seamless, internal].map(({ id, name, walletMode, secret }) => ({
        id,
        name,
        walletMode,
        secret,
      })),
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`seed failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
