import { createHmac } from 'node:crypto';

export interface BenchOperator {
  id: string;
  secret: string;
  walletMode: 'internal' | 'seamless';
}

export interface BenchProvider {
  id: string;
  code: string;
  protocol: BenchProtocol;
  config: Record<string, unknown>;
}

export interface BenchGame {
  id: string;
  externalId: string;
}

export type BenchProtocol = 'slotegrator' | 'b2b' | 'apps' | 'wallet-v2';

export interface ApiAnswer {
  status: number;
  body: unknown;
  text: string;
}

/** Headers of a signed operator-API request (DESIGN §6). */
export function operatorHeaders(
  operator: { id: string; secret: string },
  method: string,
  pathWithQuery: string,
  rawBody: string,
): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  const sign = createHmac('sha256', operator.secret)
    .update(`${ts}.${method.toUpperCase()}.${pathWithQuery}.${rawBody}`)
    .digest('hex');
  return { 'X-Operator-Id': operator.id, 'X-Timestamp': String(ts), 'X-Sign': sign };
}

/** The admin and operator APIs as the seeding of a benchmark uses them (everything through HTTP). */
export class BenchApi {
  constructor(
    readonly baseUrl: string,
    private readonly adminToken: string,
  ) {}

  async admin(method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    return this.send(method, path, body === undefined ? undefined : JSON.stringify(body), {
      authorization: `Bearer ${this.adminToken}`,
    });
  }

  async operator(op: BenchOperator, method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    const raw = body === undefined ? '' : JSON.stringify(body);
    return this.send(
      method,
      path,
      body === undefined ? undefined : raw,
      operatorHeaders(op, method, path, raw),
    );
  }

  private async send(
    method: string,
    path: string,
    raw: string | undefined,
    headers: Record<string, string>,
  ): Promise<ApiAnswer> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(raw === undefined ? {} : { 'content-type': 'application/json' }) },
      body: raw,
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      body = text;
    }
    return { status: res.status, body, text };
  }

  async createOperator(
    name: string,
    walletMode: 'internal' | 'seamless',
    currencies: string[],
    walletUrl?: string,
  ): Promise<BenchOperator> {
    const res = await this.admin('POST', '/admin/operators', {
      name,
      walletMode,
      currencies,
      ...(walletUrl ? { walletUrl } : {}),
    });
    expectStatus(res, 201, `creating operator ${name}`);
    const b = res.body as { id: string; secret: string };
    return { id: b.id, secret: b.secret, walletMode };
  }

  async createProvider(
    code: string,
    protocol: BenchProtocol,
    config: Record<string, unknown>,
  ): Promise<BenchProvider> {
    const res = await this.admin('POST', '/admin/providers', {
      code,
      name: `Bench ${code}`,
      protocol,
      config,
    });
    expectStatus(res, 201, `creating provider ${code}`);
    return { id: (res.body as { id: string }).id, code, protocol, config };
  }

  /** Upserts one slot game per external id and returns them with our ids. */
  async createGames(providerCode: string, externalIds: string[]): Promise<BenchGame[]> {
    const games = externalIds.map((externalId) => ({
      externalId,
      name: `Bench ${externalId}`,
      type: 'slot',
      hasDemo: true,
    }));
    const put = await this.admin('PUT', `/admin/providers/${providerCode}/games`, { games });
    expectStatus(put, 200, `games of ${providerCode}`);
    const list = await this.admin('GET', `/admin/providers/${providerCode}/games?page=1&limit=200`);
    expectStatus(list, 200, `listing games of ${providerCode}`);
    const items = (list.body as { items: BenchGame[] }).items;
    return externalIds.map((externalId) => {
      const g = items.find((i) => i.externalId === externalId);
      if (!g) throw new Error(`game ${externalId} of ${providerCode} not found after upsert`);
      return { id: g.id, externalId };
    });
  }

  async deposit(op: BenchOperator, userId: string, amount: string, currency: string): Promise<void> {
    const res = await this.operator(op, 'POST', `/api/v1/players/${encodeURIComponent(userId)}/deposit`, {
      amount,
      currency,
      transactionId: `bench-dep-${userId}-${currency}`,
    });
    expectStatus(res, 200, `deposit for ${userId}`);
  }
}

export function expectStatus(res: ApiAnswer, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  });
  await Promise.all(lanes);
  return out;
}
