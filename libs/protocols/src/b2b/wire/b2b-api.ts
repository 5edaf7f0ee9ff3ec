/** The `api` names of the b2b integrator protocol (spec §3.2–3.8). */
export const B2B_APIS = [
  'do-auth-user-ingame',
  'do-debit-user-ingame',
  'do-credit-user-ingame',
  'do-rollback-user-ingame',
  'do-get-features-user-ingame',
  'do-activate-features-user-ingame',
  'do-end-features-user-ingame',
] as const;

export type B2bApi = (typeof B2B_APIS)[number];

export type B2bMoneyApi = 'do-debit-user-ingame' | 'do-credit-user-ingame' | 'do-rollback-user-ingame';

export type B2bFeaturesApi =
  'do-get-features-user-ingame' | 'do-activate-features-user-ingame' | 'do-end-features-user-ingame';

export function isB2bApi(value: unknown): value is B2bApi {
  return typeof value === 'string' && (B2B_APIS as readonly string[]).includes(value);
}

/** Spec §4.3. 2 and 9–11 are reserved. */
export enum B2bErrorCode {
  Ok = 0,
  General = 1,
  InsufficientFunds = 3,
  TokenNotFound = 4,
  UserNotFound = 5,
  UserBlocked = 6,
  TransactionNotFound = 7,
  TransactionExpired = 8,
}

/** Spec §4.3: a repeated transaction_id gets the original answer and code with this description. */
export const ALREADY_PROCEEDED = 'transaction has already proceeded';
