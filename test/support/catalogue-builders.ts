import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

export type ProtocolKey = 'slotegrator' | 'b2b' | 'apps' | 'wallet-v2';

/** A valid config per protocol; URLs point nowhere (tests that call them pass their own). */
export function validProviderConfig(protocol: ProtocolKey): Record<string, unknown> {
  switch (protocol) {
    case 'slotegrator':
      return {
        clientId: 'aggregator-test',
        token: `slotegrator-token-${randomBytes(8).toString('hex')}`,
        endpoints: {
          gameUrl: 'http://127.0.0.1:9/games/url',
          demoGameUrl: 'http://127.0.0.1:9/games/demo-url',
        },
      };
    case 'b2b':
      return { operatorId: 0, launchBaseUrl: 'http://127.0.0.1:9' };
    case 'apps':
      return {
        customerId: '1024',
        salt: `apps-salt-${randomBytes(8).toString('hex')}`,
        storagePath: 'http://127.0.0.1:9/media',
        amountUnit: 'kopecks',
      };
    case 'wallet-v2':
      return {
        walletToken: `wt_${randomBytes(8).toString('hex')}`,
        launchBaseUrl: 'http://127.0.0.1:9/launch',
      };
  }
}

export interface NewProviderOverrides {
  code?: string;
  name?: string;
  /** Merged over the valid config of the protocol (shallow). */
  config?: Record<string, unknown>;
  allowedIps?: string[];
  /** false: disable it right after creating it (PATCH). */
  enabled?: boolean;
}

export interface CreatedProvider {
  id: string;
  code: string;
  name: string;
  protocol: ProtocolKey;
  /** The config as sent, secrets in clear (the API only shows them masked). */
  config: Record<string, unknown>;
  allowedIps: string[];
  enabled: boolean;
}

/** Registers a provider of this protocol through the admin API, with a unique code unless given. */
export async function newProvider(
  t: Pick<TestApp, 'http' | 'adminAuth'>,
  protocol: ProtocolKey,
  overrides: NewProviderOverrides = {},
): Promise<CreatedProvider> {
  const code = overrides.code ?? `${protocol}-${randomBytes(4).toString('hex')}`;
  const config = { ...validProviderConfig(protocol), ...overrides.config };
  const body = {
    code,
    name: overrides.name ?? `Provider ${code}`,
    protocol,
    config,
    ...(overrides.allowedIps ? { allowedIps: overrides.allowedIps } : {}),
  };
  const res = await t.http().post('/admin/providers').set(t.adminAuth).send(body);
  if (res.status !== 201) throw new Error(`newProvider: ${res.status} ${JSON.stringify(res.body)}`);
  let enabled = res.body.enabled as boolean;
  if (overrides.enabled === false) {
    const patch = await t.http().patch(`/admin/providers/${code}`).set(t.adminAuth).send({ enabled: false });
    if (patch.status !== 200)
      throw new Error(`newProvider (disable): ${patch.status} ${JSON.stringify(patch.body)}`);
    enabled = false;
  }
  return {
    id: res.body.id,
    code,
    name: body.name,
    protocol,
    config,
    allowedIps: res.body.allowedIps,
    enabled,
  };
}

export interface CreatedGame {
  id: string;
  externalId: string;
  name: string;
  type: string;
  enabled: boolean;
}

/**
 * Adds `n` slot games to a provider through the admin API (`game-1` … `game-n`, or with the given
 * prefix) and returns them with their aggregator ids, in externalId order.
 */
export async function newGames(
  t: Pick<TestApp, 'http' | 'adminAuth'>,
  providerCode: string,
  n: number,
  opts: { prefix?: string; hasDemo?: boolean } = {},
): Promise<CreatedGame[]> {
  const prefix = opts.prefix ?? 'game';
  const pad = String(n).length;
  const games = Array.from({ length: n }, (_, i) => {
    const num = String(i + 1).padStart(pad, '0');
    return {
      externalId: `${prefix}-${num}`,
      name: `${prefix} ${num}`,
      type: 'slot',
      images: { icon: `https://cdn.example.com/${prefix}-${num}.png` },
      lines: 20,
      hasDemo: opts.hasDemo ?? true,
    };
  });
  const put = await t.http().put(`/admin/providers/${providerCode}/games`).set(t.adminAuth).send({ games });
  if (put.status !== 200) throw new Error(`newGames: ${put.status} ${JSON.stringify(put.body)}`);

  const wanted = new Set(games.map((g) => g.externalId));
  const found: CreatedGame[] = [];
  for (let page = 1; found.length < n; page++) {
    const res = await t
      .http()
      .get(`/admin/providers/${providerCode}/games?page=${page}&limit=200`)
      .set(t.adminAuth);
    if (res.status !== 200) throw new Error(`newGames (list): ${res.status} ${JSON.stringify(res.body)}`);
    const items = res.body.items as CreatedGame[];
    for (const g of items) {
      if (wanted.has(g.externalId))
        found.push({ id: g.id, externalId: g.externalId, name: g.name, type: g.type, enabled: g.enabled });
    }
    if (items.length < 200) break;
  }
  return found.sort((a, b) => a.externalId.localeCompare(b.externalId));
}
