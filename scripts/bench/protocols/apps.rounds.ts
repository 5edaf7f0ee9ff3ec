import { randomUUID } from 'node:crypto';
import { appsSimSign } from '../../../apps/sim/src/games/apps/apps-game-server';
import { nextSeq, parseJson, RUN_STAMP, type RoundPlan, type RoundTarget, unexpected } from '../round-plan';

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
      sign: appsSimSign(session, trxId, salt),
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
