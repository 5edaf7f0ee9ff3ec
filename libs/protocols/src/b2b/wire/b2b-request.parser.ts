import {
  JSON_PARSE_COMPATIBLE,
  JsonNumber,
  JsonSyntaxError,
  type Money,
  MoneyParseError,
  parseLosslessJson,
  parseWire,
} from '@app/common';
import { type B2bApi, isB2bApi } from './b2b-api';
import type {
  B2bFeaturesRequest,
  B2bMoneyRequest,
  B2bParseResult,
  B2bRequest,
  B2bRequestRefusal,
} from './b2b-request';

const CURRENCY = /^[A-Za-z0-9]{1,16}$/;
const TURN_ID = /^(0|[1-9][0-9]{0,19})$/;
/** IPv6 text does not fit the spec's string(30); the field is informational, so it is not cut short. */
const MAX_IP_CHARS = 45;

class FieldError extends Error {}

type Data = Record<string, unknown>;

function isObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(data: Data, key: string, maxChars: number): string {
  const v = data[key];
  if (v === undefined || v === null) throw new FieldError(`${key} is missing`);
  if (typeof v !== 'string') throw new FieldError(`${key} must be a string`);
  if (v.trim() === '') throw new FieldError(`${key} is empty`);
  if (v.length > maxChars) throw new FieldError(`${key} is longer than ${maxChars} characters`);
  return v;
}

function optionalStr(data: Data, key: string, maxChars: number): string | null {
  return data[key] === undefined || data[key] === null ? null : str(data, key, maxChars);
}

function int(data: Data, key: string): number {
  const v = data[key];
  if (v === undefined || v === null) throw new FieldError(`${key} is missing`);
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new FieldError(`${key} must be a non-negative integer`);
  }
  return v;
}

function currency(data: Data): string {
  const v = str(data, 'currency', 16);
  if (!CURRENCY.test(v)) throw new FieldError('currency must be a currency code');
  return v.toUpperCase();
}

/**
 * `turn_id` is a BigInt: JSON.parse rounds integers above 2^53, so the digits are read back losslessly from
 * the raw body (with JSON.parse's rules, so it is the same `data.turn_id`). A digit string is accepted too.
 */
function turnId(data: Data, rawBody: Buffer | undefined): string {
  const v = data.turn_id;
  if (v === undefined || v === null) throw new FieldError('turn_id is missing');
  if (typeof v === 'string' && TURN_ID.test(v)) return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) {
    if (Number.isSafeInteger(v)) return String(v);
    const written = writtenTurnId(rawBody);
    if (written !== null && TURN_ID.test(written)) return written;
  }
  throw new FieldError('turn_id must be a non-negative integer');
}

function writtenTurnId(rawBody: Buffer | undefined): string | null {
  if (!rawBody) return null;
  try {
    const body = parseLosslessJson(rawBody.toString('utf8'), JSON_PARSE_COMPATIBLE);
    const data = isObject(body) ? body.data : undefined;
    const v = isObject(data) ? data.turn_id : undefined;
    return v instanceof JsonNumber ? v.text : null;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return null;
    throw e;
  }
}

function amount(data: Data, key: string, allowZero: boolean): Money {
  const v = data[key];
  if (v === undefined || v === null) throw new FieldError(`${key} is missing`);
  if (typeof v !== 'string') throw new FieldError(`${key} must be a BigDecimal(15,5) string`);
  const money = wireAmount(v, key);
  if (!allowZero && money.isZero()) throw new FieldError(`${key} must be above zero`);
  return money;
}

function wireAmount(v: unknown, key: string): Money {
  try {
    return parseWire(v, 'bigdecimal15_5');
  } catch (e) {
    if (e instanceof MoneyParseError) throw new FieldError(`${key} is not a valid amount (${e.reason})`);
    throw e;
  }
}

function base(data: Data): { userId: string; userIp: string | null; currency: string } {
  return {
    userId: str(data, 'user_id', 128),
    userIp: optionalStr(data, 'user_ip', MAX_IP_CHARS),
    currency: currency(data),
  };
}

function moneyRequest(api: B2bMoneyRequest['api'], data: Data, rawBody: Buffer | undefined): B2bMoneyRequest {
  const field =
    api === 'do-debit-user-ingame'
      ? 'debit_amount'
      : api === 'do-credit-user-ingame'
        ? 'credit_amount'
        : 'rollback_amount';
  return {
    api,
    ...base(data),
    gameToken: str(data, 'user_game_token', 255),
    turnId: turnId(data, rawBody),
    transactionId: str(data, 'transaction_id', 36),
    gameCode: int(data, 'game_code'),
    gameName: str(data, 'game_name', 255),
    // A losing round settles with credit 0 (§3.4); debits and rollbacks are above zero.
    amount: amount(data, field, api === 'do-credit-user-ingame'),
  };
}

function featuresRequest(api: B2bFeaturesRequest['api'], data: Data): B2bFeaturesRequest {
  const request: B2bFeaturesRequest = {
    api,
    ...base(data),
    gameToken: str(data, 'user_game_token', 255),
    gameCode: int(data, 'game_code'),
    gameName: optionalStr(data, 'game_name', 255),
    freeRoundsId: null,
    freeRoundsWin: null,
  };
  if (api === 'do-get-features-user-ingame') return request;
  const rounds = data.free_rounds;
  if (!isObject(rounds)) throw new FieldError('free_rounds must be an object');
  request.freeRoundsId = int(rounds, 'id');
  if (api === 'do-end-features-user-ingame') {
    const win = rounds.win;
    if (win === undefined || win === null) throw new FieldError('free_rounds.win is missing');
    if (typeof win !== 'number' && typeof win !== 'string')
      throw new FieldError('free_rounds.win must be a number');
    request.freeRoundsWin = wireAmount(win, 'free_rounds.win');
  }
  return request;
}

function parseData(api: B2bApi, data: Data, rawBody: Buffer | undefined): B2bRequest {
  switch (api) {
    case 'do-auth-user-ingame':
      return { api, ...base(data), authToken: str(data, 'user_auth_token', 255) };
    case 'do-debit-user-ingame':
    case 'do-credit-user-ingame':
    case 'do-rollback-user-ingame':
      return moneyRequest(api, data, rawBody);
    case 'do-get-features-user-ingame':
    case 'do-activate-features-user-ingame':
    case 'do-end-features-user-ingame':
      return featuresRequest(api, data);
  }
}

function echoOf(data: Data): B2bRequestRefusal['echo'] {
  const s = (k: string) => (typeof data[k] === 'string' ? data[k].slice(0, 255) : undefined);
  return {
    userId: s('user_id'),
    currency: s('currency'),
    transactionId: s('transaction_id'),
    authToken: s('user_auth_token'),
    gameToken: s('user_game_token'),
  };
}

function refuse(
  api: string,
  known: B2bApi | null,
  description: string,
  echo: B2bRequestRefusal['echo'] = {},
) {
  return { ok: false as const, refusal: { api, known, description, echo } };
}

/**
 * Reads `{ api, data }` exactly as the spec writes it. Anything missing, mistyped, out of range or more
 * precise than BigDecimal(15,5) is refused here, before anything is looked up or moved.
 */
export function parseB2bRequest(
  body: unknown,
  rawBody: Buffer | undefined,
  bodyParseError?: string,
): B2bParseResult {
  if (bodyParseError !== undefined) return refuse('', null, 'request body is not valid JSON');
  if (!isObject(body)) return refuse('', null, 'request body must be a JSON object { api, data }');
  const api = typeof body.api === 'string' ? body.api.slice(0, 64) : '';
  if (!isB2bApi(body.api)) {
    return refuse(api, null, body.api === undefined ? 'api is missing' : `unknown api "${api}"`);
  }
  const data = body.data;
  if (!isObject(data)) return refuse(api, body.api, 'data must be a JSON object');
  try {
    return { ok: true, request: parseData(body.api, data, rawBody) };
  } catch (e) {
    if (e instanceof FieldError) return refuse(api, body.api, e.message, echoOf(data));
    throw e;
  }
}
