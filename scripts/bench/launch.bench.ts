import { BenchApi, expectStatus, inParallel, operatorHeaders } from './bench-api';
import type { BenchConfig } from './bench-config';
import { isMissingRoute, launchBody, operatorToken } from './bench-sessions';
import type { BenchStack } from './bench-stack';
import { type Figure, fmtMs, fmtRate } from './figures';
import { describeFailures, type LoadResult, runLoad, runPaced, type Step } from './load-runner';
import { parseJson, unexpected } from './round-plan';

const CURRENCY = 'EUR';
const PATH = '/api/v1/sessions';

/**
 * Issue 4: launch latency and throughput of `POST /api/v1/sessions` (real mode) for a seamless operator
 * whose wallet is the reference casino — the three concurrent operator calls are part of every launch.
 */
export async function launchBench(
  stack: BenchStack,
  cfg: BenchConfig,
  log: (line: string) => void,
): Promise<Figure[]> {
  const peers = await stack.peers();
  const api = new BenchApi(stack.apiUrl, stack.adminToken);
  const operator = await api.createOperator('Bench seamless casino', 'seamless', [CURRENCY], peers.walletUrl);
  const told = await fetch(`${peers.casinoUrl}/control/secret`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret: operator.secret, operatorId: operator.id }),
  });
  if (told.status !== 204)
    throw new Error(`reference casino refused the operator secret: HTTP ${told.status}`);
  const provider = await api.createProvider('bench-launch-wallet-v2', 'wallet-v2', {
    walletToken: 'bench_launch_token',
    launchBaseUrl: 'http://127.0.0.1:9/wallet-v2/launch',
  });
  const [game] = await api.createGames(provider.code, ['2024']);
  const players = Array.from({ length: Math.min(cfg.players, 500) }, (_, i) => `launch-player-${i + 1}`);
  await inParallel(players, 16, async (userId) => {
    const res = await fetch(`${peers.casinoUrl}/control/players`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        userId,
        token: operatorToken(userId),
        currency: CURRENCY,
        balance: '1000',
        nickname: userId.replace(/[^A-Za-z0-9]/g, ''),
        country: 'MT',
        language: 'en',
      }),
    });
    if (res.status !== 200)
      throw new Error(`casino player ${userId}: HTTP ${res.status} ${await res.text()}`);
  });

  const t = { game, currency: CURRENCY };
  const first = await api.operator(operator, 'POST', PATH, JSON.parse(launchBody(t, players[0])));
  if (isMissingRoute(first.status, first.text)) {
    log('launch: POST /api/v1/sessions is not in the API yet');
    return [
      {
        figure: 'launch POST /api/v1/sessions (seamless)',
        measured: 'not measurable: POST /api/v1/sessions is not in the API yet',
        target: 'p99 ≤ 30 ms',
        pass: false,
      },
    ];
  }
  expectStatus(first, 201, 'the first launch');

  let next = 0;
  const step: Step<object> = {
    name: 'launch',
    build: () => {
      const body = launchBody(t, players[next++ % players.length]);
      return { path: PATH, body, headers: operatorHeaders(operator, 'POST', PATH, body) };
    },
    check: (status, body) => {
      const a = parseJson(body);
      return status === 201 && typeof a?.sessionId === 'string' && typeof a.url === 'string'
        ? null
        : unexpected(status, body);
    },
  };
  log(
    `launch: ${cfg.launchConnections} connections (closed loop), ${players.length} players, seamless wallet at the reference casino …`,
  );
  const spec = {
    name: 'launch',
    baseUrl: stack.apiUrl,
    connections: cfg.launchConnections,
    durationS: cfg.durationS,
    warmupS: cfg.warmupS,
    steps: [step],
  };
  const capacity = await runLoad(spec);
  log(`launch: ${cfg.launchRate}/s offered (open loop) over ${cfg.launchConnections} connections …`);
  const atRate = await runPaced({ ...spec, name: 'launch at rate', cyclesPerS: cfg.launchRate });
  for (const r of [capacity, atRate]) {
    const failures = describeFailures(r);
    if (failures) log(failures);
  }
  log(`launch: ${await operatorCallsNote(peers.casinoUrl)}`);
  const clean = (r: LoadResult): boolean => r.failures === 0 && r.transportErrors === 0 && r.requests > 0;
  const errors = (r: LoadResult): string =>
    r.failures + r.transportErrors > 0 ? ` (${r.failures + r.transportErrors} non-success!)` : '';
  return [
    {
      figure: `launch capacity, ${cfg.launchConnections} connections closed loop`,
      measured: `${fmtRate(capacity.reqPerS)}; p50 / p99 ${fmtMs(capacity.p50)} / ${fmtMs(capacity.p99)}${errors(capacity)}`,
      target: '(reported)',
      pass: clean(capacity) ? null : false,
    },
    {
      figure: `launch latency at ${cfg.launchRate}/s offered, p50 / p95 / p99`,
      measured: `${fmtMs(atRate.p50)} / ${fmtMs(atRate.p95)} / ${fmtMs(atRate.p99)} (${fmtRate(atRate.reqPerS)})${errors(atRate)}`,
      target: 'p99 ≤ 30 ms',
      pass: clean(atRate) && atRate.p99 <= 30,
    },
  ];
}
/** Proof that launches did ask the operator: the casino's log (its last calls) counted by action. */
async function operatorCallsNote(casinoUrl: string): Promise<string> {
  const res = await fetch(`${casinoUrl}/control/calls`);
  const calls = (await res.json()) as { action: string | null; httpStatus: number | null }[];
  const count = (action: string): number => calls.filter((c) => c.action === action).length;
  const failed = calls.filter((c) => c.httpStatus !== 200).length;
  return (
    `the casino's last ${calls.length} wallet calls: session-check ${count('session-check')}, ` +
    `player-details ${count('player-details')}, balance ${count('balance')}, not HTTP 200: ${failed}`
  );
}
