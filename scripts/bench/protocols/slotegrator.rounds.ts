import { createHmac, randomBytes } from 'node:crypto';
import { nextSeq, parseJson, RUN_STAMP, type RoundPlan, type RoundTarget, unexpected } from '../round-plan';

function checkAnswer(status: number, body: string): string | null {
  const a = parseJson(body);
  if (status !== 200 || !a || a.status !== true || typeof a.balance !== 'number')
    return unexpected(status, body);
  return null;
}

/**
 * slotegrator (provider-slotegrator-reverse.txt): `action: bet` then `action: win` on `session_id`, decimal
 * amounts, `X-Sign` = hex HMAC-SHA256 of the raw body with the provider's token.
 */
export function slotegratorRounds(t: RoundTarget, amounts = { bet: '1.00', win: '0.50' }): RoundPlan {
  const path = `/callbacks/slotegrator/${encodeURIComponent(t.provider.code)}`;
  const token = String(t.provider.config.token);
  const prefix = randomBytes(4).toString('hex');
  const signed = (body: string): { path: string; body: string; headers: Record<string, string> } => ({
    path,
    body,
    headers: { 'X-Sign': createHmac('sha256', token).update(body).digest('hex') },
  });
  const message = (
    action: 'bet' | 'win',
    sessionId: string,
    amount: string,
    tx: string,
    round: string,
  ): string =>
    JSON.stringify({
      action,
      type: action,
      session_id: sessionId,
      amount,
      transaction_id: tx,
      round_id: round,
      game_id: t.game.externalId,
    });
  return {
    protocol: 'slotegrator',
    steps: [
      {
        name: 'bet',
        build: (ctx) => {
          ctx.session = t.pick();
          const seq = nextSeq();
          ctx.roundId = `${RUN_STAMP}${seq}`;
          return signed(message('bet', ctx.session.token, amounts.bet, `${prefix}b${seq}`, ctx.roundId));
        },
        check: (status, body) => checkAnswer(status, body),
      },
      {
        name: 'win',
        build: (ctx) =>
          signed(message('win', ctx.session!.token, amounts.win, `${prefix}w${nextSeq()}`, ctx.roundId!)),
        check: (status, body) => checkAnswer(status, body),
      },
    ],
  };
}
