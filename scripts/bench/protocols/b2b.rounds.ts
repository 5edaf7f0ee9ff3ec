import { randomUUID } from 'node:crypto';
import { inParallel } from '../bench-api';
import type { OpenedSession } from '../bench-sessions';
import { nextSeq, parseJson, RUN_STAMP, type RoundPlan, type RoundTarget, unexpected } from '../round-plan';

const USER_IP = '127.0.0.1';

function checkAnswer(status: number, body: string, api: string, tx?: string): string | null {
  const a = parseJson(body);
  const answer = a?.answer as Record<string, unknown> | undefined;
  if (
    status !== 200 ||
    !a ||
    a.api !== api ||
    a.success !== true ||
    !answer ||
    answer.error_code !== 0 ||
    typeof answer.balance !== 'string' ||
    (tx !== undefined && answer.transaction_id !== tx)
  )
    return unexpected(status, body);
  return null;
}

/** What the game learns from our launch URL (or, for a session inserted with SQL, from the row). */
function launchParams(s: OpenedSession): { userId: string; authToken: string } {
  const params = s.url ? new URL(s.url).searchParams : null;
  const userId = params?.get('user_id') ?? s.userId;
  const authToken = params?.get('auth_token') ?? s.authToken;
  if (!authToken) throw new Error(`b2b session ${s.sessionId} has no auth token`);
  return { userId, authToken };
}

export interface B2bGameSession {
  userId: string;
  gameToken: string;
}

/**
 * b2b: spends each session's one-time auth token at `do-auth-user-ingame` (as the game does when it
 * opens, with the `user_id` and `auth_token` of the launch URL) and keeps the `game_token` later calls
 * send as `user_game_token`.
 */
export async function b2bAuthenticate(
  baseUrl: string,
  providerCode: string,
  currency: string,
  sessions: OpenedSession[],
): Promise<Map<string, B2bGameSession>> {
  const out = new Map<string, B2bGameSession>();
  await inParallel(sessions, 8, async (s) => {
    const { userId, authToken } = launchParams(s);
    const body = JSON.stringify({
      api: 'do-auth-user-ingame',
      data: { user_id: userId, user_ip: USER_IP, user_auth_token: authToken, currency },
    });
    const res = await fetch(`${baseUrl}/callbacks/b2b/${encodeURIComponent(providerCode)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    const problem = checkAnswer(res.status, text, 'do-auth-user-ingame');
    if (problem) throw new Error(`b2b auth for ${userId}: HTTP ${res.status} ${text.slice(0, 600)}`);
    const gameToken = (parseJson(text)!.answer as { game_token?: unknown }).game_token;
    if (typeof gameToken !== 'string' || gameToken === '')
      throw new Error(`b2b auth for ${userId}: no game_token`);
    out.set(s.sessionId, { userId, gameToken });
  });
  return out;
}

/**
 * b2b (provider-b2b-integrator): `do-debit-user-ingame` then `do-credit-user-ingame` with the same
 * `turn_id`, BigDecimal(15,5) string amounts; every answer must echo the request's `transaction_id`.
 */
export function b2bRounds(
  t: RoundTarget,
  games: Map<string, B2bGameSession>,
  amounts = { debit: '1.00000', credit: '0.50000' },
): RoundPlan {
  const path = `/callbacks/b2b/${encodeURIComponent(t.provider.code)}`;
  const message = (
    api: 'do-debit-user-ingame' | 'do-credit-user-ingame',
    s: OpenedSession,
    turn: string,
    tx: string,
  ): string =>
    JSON.stringify({
      api,
      data: {
        user_id: games.get(s.sessionId)?.userId,
        user_ip: USER_IP,
        user_game_token: games.get(s.sessionId)?.gameToken,
        currency: t.currency,
        turn_id: Number(turn),
        transaction_id: tx,
        game_code: 702,
        game_name: t.game.externalId,
        ...(api === 'do-debit-user-ingame'
          ? { debit_amount: amounts.debit }
          : { credit_amount: amounts.credit }),
      },
    });
  return {
    protocol: 'b2b',
    steps: [
      {
        name: 'debit',
        build: (ctx) => {
          ctx.session = t.pick();
          ctx.roundId = String(RUN_STAMP * 1000 + nextSeq());
          ctx.betTx = randomUUID();
          return { path, body: message('do-debit-user-ingame', ctx.session, ctx.roundId, ctx.betTx) };
        },
        check: (status, body, ctx) => checkAnswer(status, body, 'do-debit-user-ingame', ctx.betTx),
      },
      {
        name: 'credit',
        build: (ctx) => {
          ctx.winTx = randomUUID();
          return { path, body: message('do-credit-user-ingame', ctx.session!, ctx.roundId!, ctx.winTx) };
        },
        check: (status, body, ctx) => checkAnswer(status, body, 'do-credit-user-ingame', ctx.winTx),
      },
    ],
  };
}
