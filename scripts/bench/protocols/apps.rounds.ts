import { createHash, randomUUID } from 'node:crypto';
import { nextSeq, parseJson, RUN_STAMP, type RoundPlan, type RoundTarget, unexpected } from '../round-plan';

/** md5 applied 45 times to `do::<session>::<trx_id>::<salt>` (provider-apps-billing.txt). */
export function appsSign(session: string, trxId: string, salt: string): string {
  let s = `do::${session}::${trxId}::${salt}`;
  for (let i = 0; i < 45; i++) s = createHash('md5').update(s).digest('hex');
  return s;
}

function checkAnswer(status: number, body: string): string | null {
  const a = parseJson(body);
  if (
    status !== 200 ||
    !a ||
    a.status !== 'OK' ||
    typeof a.balance !== 'number' ||
    typeof a.currency !== 'string'
  )
    return unexpected(status, body);
  return null;
}

/**
 * apps (provider-apps-billing.txt): a `minus` request then a `plus` request with the same `tag.game_uuid`
 * (one slot spin and its winning), amounts in the provider's unit (kopecks here), md5×45 `sign`.
 */
export function appsRounds(t: RoundTarget, amounts = { minus: 100, plus: 50 }): RoundPlan {
  const path = `/callbacks/apps/${encodeURIComponent(t.provider.code)}/do`;
  const salt = String(t.provider.config.salt);
  const message = (session: string, minus: number, plus: number, gameUuid: number): string => {
    const trxId = randomUUID();
    return JSON.stringify({
      method: 'do',
      session,
      minus,
      plus,
      trx_id: trxId,
      sign: appsSign(session, trxId, salt),
      tag: {
        game: 'slot',
        game_id: t.game.externalId,
        game_uuid: gameUuid,
        lines: 1,
        bet: 1,
        denomination: 100,
      },
    });
  };
  return {
    protocol: 'apps',
    steps: [
      {
        name: 'minus',
        build: (ctx) => {
          ctx.session = t.pick();
          const uuid = RUN_STAMP * 1000 + nextSeq();
          ctx.roundId = String(uuid);
          return { path, body: message(ctx.session.token, amounts.minus, 0, uuid) };
        },
        check: (status, body) => checkAnswer(status, body),
      },
      {
        name: 'plus',
        build: (ctx) => ({ path, body: message(ctx.session!.token, 0, amounts.plus, Number(ctx.roundId)) }),
        check: (status, body) => checkAnswer(status, body),
      },
    ],
  };
}
