import { formatWire, type Money } from '@app/common';
import { WalletV2ErrorCode, walletV2ErrorInfo } from './wallet-v2-error';
import { formatWalletV2Time } from './wire/wallet-v2-time';

/** An answer ready to send, with what the logs and metrics need. */
export interface WalletV2Answer {
  /** The exact JSON body (written by hand so `credit` is an integer of any size). */
  body: string;
  /** `ok` or the error code: the metrics outcome. */
  outcome: 'ok' | WalletV2ErrorCode;
  result: number;
  credit?: string;
}

/** `credit` in integer cents, rounded down (never report more than is held). */
function creditOf(balance: Money): string {
  return formatWire(balance, 'cents');
}

/** `type: "credit"`: `{ credit, player_id, result: 1, time, currency }`. */
export function balanceAnswer(
  balance: Money,
  playerId: string,
  currency: string,
  now = new Date(),
): WalletV2Answer {
  const credit = creditOf(balance);
  return {
    body:
      `{"credit":${credit},"player_id":${JSON.stringify(playerId)},"result":1,` +
      `"time":"${formatWalletV2Time(now)}","currency":${JSON.stringify(currency)}}`,
    outcome: 'ok',
    result: 1,
    credit,
  };
}

/** `bet`, `win`, `cancel`: `{ credit, result: 1, time }`. */
export function movementAnswer(balance: Money, now = new Date()): WalletV2Answer {
  const credit = creditOf(balance);
  return {
    body: `{"credit":${credit},"result":1,"time":"${formatWalletV2Time(now)}"}`,
    outcome: 'ok',
    result: 1,
    credit,
  };
}

/** Any refusal: `{ result ≠ 1, err_code, err_desc }`; `detail` is appended to the text the game shows. */
export function errorAnswer(code: WalletV2ErrorCode, detail?: string): WalletV2Answer {
  const { result, desc } = walletV2ErrorInfo(code);
  const text = detail ? `${desc} (${detail})` : desc;
  return {
    body: `{"result":${result},"err_code":${JSON.stringify(code)},"err_desc":${JSON.stringify(text)}}`,
    outcome: code,
    result,
  };
}
