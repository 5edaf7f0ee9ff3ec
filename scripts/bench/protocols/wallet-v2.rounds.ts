import {
  nextSeq,
  parseJson,
  RUN_STAMP,
  type RoundPlan,
  type RoundTarget,
  unexpected,
  walletV2Time,
} from '../round-plan';

/** Above 2^53 on purpose: the spec says such ids occur and must not lose precision. */
const ID_BASE = 2n ** 53n + BigInt(RUN_STAMP) * 1_000_000n;

/** `game` is the provider's game code, a number on the wire when the external id is one. */
function gameField(externalId: string): string {
  return /^\d{1,15}$/.test(externalId) ? externalId : JSON.stringify(externalId);
}

function checkAnswer(status: number, body: string): string | null {
  const a = parseJson(body);
  if (status !== 200 || !a || a.result !== 1 || !Number.isInteger(a.credit) || typeof a.time !== 'string')
    return unexpected(status, body);
  return null;
}

/**
 * wallet-v2 (provider-wallet-api-v2.txt): `type: bet` then `type: win` on the session's `code`, integer
 * cents, 64-bit ids written as JSON integers; `round_id` is the bet's id.
 */
export function walletV2Rounds(t: RoundTarget, amounts = { betCents: 100, winCents: 50 }): RoundPlan {
  const path = `/callbacks/wallet-v2/${encodeURIComponent(t.provider.code)}`;
  const game = gameField(t.game.externalId);
  return {
    protocol: 'wallet-v2',
    steps: [
      {
        name: 'bet',
        build: (ctx) => {
          ctx.session = t.pick();
          const id = (ID_BASE + BigInt(nextSeq())).toString();
          ctx.roundId = id;
          return {
            path,
            body: `{"bet":${amounts.betCents},"code":${JSON.stringify(ctx.session.token)},"game":${game},"id":${id},"round_id":${id},"type":"bet","time":"${walletV2Time()}"}`,
          };
        },
        check: (status, body) => checkAnswer(status, body),
      },
      {
        name: 'win',
        build: (ctx) => {
          const id = (ID_BASE + BigInt(nextSeq())).toString();
          return {
            path,
            body: `{"code":${JSON.stringify(ctx.session!.token)},"game":${game},"id":${id},"round_id":${ctx.roundId!},"type":"win","win":${amounts.winCents},"time":"${walletV2Time()}"}`,
          };
        },
        check: (status, body) => checkAnswer(status, body),
      },
    ],
  };
}
