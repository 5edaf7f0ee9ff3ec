import { type Money, MoneyParseError, parseWire } from '@app/common';
import type { AppsAmountUnit } from '@app/catalogue';
import { topLevelNumberTexts } from './apps-top-level-numbers';

/** What the signature covers: read before anything else is judged. */
export interface AppsIdentity {
  session: string;
  /** As the spec's PHP concatenates it: a string, or the decimal text of an integer. */
  trxId: string;
  sign: unknown;
}

/** The nested `tag`: stored with the transaction as sent. */
export type AppsTag = Record<string, unknown>;

export interface AppsDoRequest extends AppsIdentity {
  minus: Money;
  plus: Money;
  tag: AppsTag;
  /** `tag.game_uuid` as text: groups a bet and its win into one round. */
  gameUuid: string | null;
  /** `tag.game_id`, the game source; may be empty only on a balance request. */
  gameSource: string;
}

export type AppsParse<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

const MAX_ID_LENGTH = 128;
const MAX_SESSION_LENGTH = 256;
const PRINTABLE = /^[\x21-\x7e]+$/;

function fail(field: string, reason: string): { ok: false; field: string; reason: string } {
  return { ok: false, field, reason };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A provider id (trx_id, game_uuid): a non-empty printable string or a non-negative safe integer. */
function idText(v: unknown): string | null {
  if (typeof v === 'string') return v.length > 0 && v.length <= MAX_ID_LENGTH && PRINTABLE.test(v) ? v : null;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return null;
}

export function readIdentity(body: unknown): AppsParse<AppsIdentity> {
  if (!isObject(body)) return fail('body', 'not a JSON object');
  const { session, trx_id: trx, sign } = body;
  if (typeof session !== 'string' || session.length === 0 || session.length > MAX_SESSION_LENGTH)
    return fail('session', 'must be a non-empty string');
  const trxId = idText(trx);
  if (trxId === null) return fail('trx_id', 'must be a UUID or a positive integer');
  return { ok: true, value: { session, trxId, sign } };
}

function amount(
  body: Record<string, unknown>,
  numbers: Map<string, string>,
  key: 'minus' | 'plus',
  unit: AppsAmountUnit,
): AppsParse<Money> {
  const raw = body[key];
  // Judge a JSON number on its written text: 1e2 or 100.0 in kopecks is refused, not read as 100.
  const value = typeof raw === 'number' ? (numbers.get(key) ?? raw) : raw;
  if (typeof value !== 'string' && typeof value !== 'number') return fail(key, 'must be a number');
  try {
    return { ok: true, value: parseWire(value, unit) };
  } catch (e) {
    if (e instanceof MoneyParseError) return fail(key, e.message);
    throw e;
  }
}

/** The whole `do` request after its identity: method, amounts in the provider's unit, tag. */
export function readDoRequest(
  body: Record<string, unknown>,
  identity: AppsIdentity,
  rawBody: string,
  unit: AppsAmountUnit,
): AppsParse<AppsDoRequest> {
  const numbers =
    typeof body.minus === 'number' || typeof body.plus === 'number'
      ? topLevelNumberTexts(rawBody)
      : new Map<string, string>();
  const minus = amount(body, numbers, 'minus', unit);
  if (!minus.ok) return minus;
  const plus = amount(body, numbers, 'plus', unit);
  if (!plus.ok) return plus;
  const balanceOnly = minus.value.isZero() && plus.value.isZero();

  const tag = body.tag ?? (balanceOnly ? {} : undefined);
  if (!isObject(tag)) return fail('tag', 'must be an object');
  const source = tag.game_id ?? '';
  if (typeof source !== 'string' && !(typeof source === 'number' && Number.isSafeInteger(source)))
    return fail('tag.game_id', 'must be a string');
  const gameSource = String(source);
  if (!balanceOnly && gameSource === '') return fail('tag.game_id', 'must be filled on a money request');
  let gameUuid: string | null = null;
  if (tag.game_uuid !== undefined && tag.game_uuid !== null && tag.game_uuid !== '') {
    gameUuid = idText(tag.game_uuid);
    if (gameUuid === null) return fail('tag.game_uuid', 'must be a string or a non-negative integer');
  }
  return {
    ok: true,
    value: { ...identity, minus: minus.value, plus: plus.value, tag, gameUuid, gameSource },
  };
}
