import {
  JsonNumber,
  type JsonObject,
  JsonSyntaxError,
  type JsonValue,
  isJsonObject,
  type Money,
  MoneyParseError,
  parseLosslessJson,
  parseWire,
} from '@app/common';
import { WalletV2ErrorCode } from '../wallet-v2-error';
import { isWalletV2Time } from './wallet-v2-time';

export const WALLET_V2_TYPES = ['credit', 'bet', 'win', 'cancel'] as const;
export type WalletV2Type = (typeof WALLET_V2_TYPES)[number];

interface Common {
  /** The player's game session token. */
  code: string;
  time: string;
}

/** A bet or a win: `id`, `round_id` and `game` as exact decimal text (ids are 64-bit unsigned). */
export interface WalletV2Movement extends Common {
  type: 'bet' | 'win';
  id: string;
  roundId: string | null;
  game: string;
  amount: Money;
}

export interface WalletV2Cancel extends Common {
  type: 'cancel';
  /** The id of the bet to cancel. */
  id: string;
  roundId: string | null;
}

export type WalletV2Request = ({ type: 'credit' } & Common) | WalletV2Movement | WalletV2Cancel;

/** What a refused request still tells the logs. */
export interface WalletV2RequestIds {
  type?: string;
  id?: string;
  roundId?: string;
}

export type WalletV2Parse =
  | { ok: true; request: WalletV2Request }
  | {
      ok: false;
      error: WalletV2ErrorCode.BadRequest | WalletV2ErrorCode.UnknownType;
      reason: string;
      ids: WalletV2RequestIds;
    };

const U64_MAX = 18446744073709551615n;
const UNSIGNED = /^(0|[1-9][0-9]*)$/;
const MAX_CODE_LENGTH = 64;

class WireError extends Error {
  constructor(
    readonly error: WalletV2ErrorCode.BadRequest | WalletV2ErrorCode.UnknownType,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a request body exactly: no field is coerced, no amount rounded, no id loses a digit. */
export function parseWalletV2Request(raw: Buffer | string | undefined): WalletV2Parse {
  const ids: WalletV2RequestIds = {};
  try {
    let value: JsonValue;
    try {
      value = parseLosslessJson(typeof raw === 'string' ? raw : (raw?.toString('utf8') ?? ''));
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new WireError(WalletV2ErrorCode.BadRequest, e.message);
      throw e;
    }
    if (!isJsonObject(value))
      throw new WireError(WalletV2ErrorCode.BadRequest, 'The body must be a JSON object');
    return { ok: true, request: readRequest(value, ids) };
  } catch (e) {
    if (e instanceof WireError) return { ok: false, error: e.error, reason: e.message, ids };
    throw e;
  }
}

function readRequest(body: JsonObject, ids: WalletV2RequestIds): WalletV2Request {
  const type = body.type;
  if (typeof type !== 'string') throw bad('type', 'a string');
  ids.type = type;
  if (!(WALLET_V2_TYPES as readonly string[]).includes(type)) {
    throw new WireError(WalletV2ErrorCode.UnknownType, `Unknown type "${type.slice(0, 32)}"`);
  }
  const wireType = type as WalletV2Type;
  if (wireType !== 'credit') {
    ids.id = unsigned64(body, 'id');
    const roundId = optionalUnsigned64(body, 'round_id');
    if (roundId !== null) ids.roundId = roundId;
  }
  const code = body.code;
  if (typeof code !== 'string' || code.length === 0 || code.length > MAX_CODE_LENGTH) {
    throw bad('code', `a string of 1-${MAX_CODE_LENGTH} characters`);
  }
  const time = body.time;
  if (typeof time !== 'string' || !isWalletV2Time(time)) throw bad('time', 'DD-MM-YYYY HH:mm:ss');
  switch (wireType) {
    case 'credit':
      return { type: wireType, code, time };
    case 'bet':
    case 'win':
      return {
        type: wireType,
        code,
        time,
        id: ids.id!,
        roundId: ids.roundId ?? null,
        game: unsigned64(body, 'game'),
        amount: cents(body, wireType),
      };
    case 'cancel':
      return { type: wireType, code, time, id: ids.id!, roundId: ids.roundId ?? null };
  }
}

function unsigned64(body: JsonObject, field: string): string {
  const value = body[field];
  if (!(value instanceof JsonNumber) || !UNSIGNED.test(value.text) || BigInt(value.text) > U64_MAX) {
    throw bad(field, 'an unsigned 64-bit integer');
  }
  return value.text;
}

function optionalUnsigned64(body: JsonObject, field: string): string | null {
  return Object.prototype.hasOwnProperty.call(body, field) ? unsigned64(body, field) : null;
}

function cents(body: JsonObject, field: 'bet' | 'win'): Money {
  const value = body[field];
  if (!(value instanceof JsonNumber)) throw bad(field, 'an integer number of cents');
  try {
    return parseWire(value.text, 'cents');
  } catch (e) {
    if (e instanceof MoneyParseError) throw bad(field, `an integer number of cents (${e.reason})`);
    throw e;
  }
}

function bad(field: string, expected: string): WireError {
  return new WireError(WalletV2ErrorCode.BadRequest, `"${field}" must be ${expected}`);
}
