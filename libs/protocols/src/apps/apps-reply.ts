import { formatWire, type Money } from '@app/common';
import type { AppsAmountUnit } from '@app/catalogue';

/** The only four replies the spec accepts ("No other replies or types of errors are accepted"). */
export type AppsReply =
  | { status: 'OK'; balance: Money; currency: string }
  | { status: 'not_enough_money'; balance: Money; currency: string }
  | { status: 'session_not_found' }
  | { status: 'sign_not_found' };

export type AppsStatus = AppsReply['status'];

export const SESSION_NOT_FOUND: AppsReply = { status: 'session_not_found' };
export const SIGN_NOT_FOUND: AppsReply = { status: 'sign_not_found' };

/**
 * The reply body. `balance` is a JSON number in the provider's unit (kopecks: an integer; roubles: ≤ 2
 * decimals), written from the exact amount and rounded down, never through a double.
 */
export function appsReplyJson(reply: AppsReply, unit: AppsAmountUnit): string {
  switch (reply.status) {
    case 'OK':
    case 'not_enough_money':
      return `{"status":"${reply.status}","balance":${formatWire(reply.balance, unit)},"currency":${JSON.stringify(reply.currency)}}`;
    case 'session_not_found':
    case 'sign_not_found':
      return `{"status":"${reply.status}"}`;
  }
}
