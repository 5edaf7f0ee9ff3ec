import {
  JSON_PARSE_COMPATIBLE,
  JsonNumber,
  JsonSyntaxError,
  type JsonValue,
  isJsonObject,
  type Money,
  MoneyParseError,
  parseLosslessJson,
  parseWire,
} from '@app/common';
import { errorAnswer, SlotegratorCode, type SlotegratorAnswer } from './slotegrator-answer';

export const SLOTEGRATOR_ACTIONS = ['balance', 'bet', 'win', 'refund'] as const;
export type SlotegratorAction = (typeof SLOTEGRATOR_ACTIONS)[number];
export const BET_TYPES = ['bet', 'freespin', 'tip'] as const;
export const WIN_TYPES = ['win', 'freespin', 'jackpot'] as const;

interface Movement {
  sessionId: string;
  transactionId: string;
  roundId: string;
  gameId: string;
}

export type SlotegratorRequest =
  | { action: 'balance'; sessionId: string }
  | (Movement & { action: 'bet'; type: (typeof BET_TYPES)[number]; amount: Money })
  | (Movement & { action: 'win'; type: (typeof WIN_TYPES)[number]; amount: Money })
  | (Movement & { action: 'refund' });

/** What could be read of a request, for logs even when it is refused. */
export interface SlotegratorRequestIds {
  action?: string;
  type?: string;
  transactionId?: string;
  roundId?: string;
  gameId?: string;
}

export type ParsedSlotegratorRequest =
  | { ok: true; request: SlotegratorRequest; ids: SlotegratorRequestIds }
  | { ok: false; answer: SlotegratorAnswer; ids: SlotegratorRequestIds };

const MAX_ID_LENGTH = 255;

class WrongInput extends Error {
  constructor(
    readonly code: SlotegratorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a callback body exactly as the spec writes it. Unknown extra fields are ignored; every listed
 * field must be present with its type. `amount` is a JSON number or a string with at most 4 decimals,
 * judged on its written text (no rounding, no exponent, no sign).
 */
export function parseSlotegratorRequest(rawBody: Buffer | undefined): ParsedSlotegratorRequest {
  const ids: SlotegratorRequestIds = {};
  try {
    const body = readObject(rawBody);
    const action = body.action;
    if (typeof action !== 'string') throw wrong('action must be a string');
    ids.action = action;
    if (!(SLOTEGRATOR_ACTIONS as readonly string[]).includes(action)) {
      throw new WrongInput(
        SlotegratorCode.ActionIsNotExist,
        `Action ${JSON.stringify(action)} does not exist`,
      );
    }
    const sessionId = id(body, 'session_id');
    const act = action as SlotegratorAction;
    if (act === 'balance') return { ok: true, request: { action: act, sessionId }, ids };
    ids.transactionId = optionalText(body.transaction_id);
    ids.roundId = optionalText(body.round_id);
    ids.gameId = optionalText(body.game_id);
    ids.type = optionalText(body.type);
    const movement: Movement = {
      sessionId,
      transactionId: id(body, 'transaction_id'),
      roundId: id(body, 'round_id'),
      gameId: id(body, 'game_id'),
    };
    switch (act) {
      case 'refund':
        return { ok: true, request: { action: act, ...movement }, ids };
      case 'bet':
        return {
          ok: true,
          request: { action: act, ...movement, type: oneOf(body, BET_TYPES), amount: amount(body) },
          ids,
        };
      case 'win':
        return {
          ok: true,
          request: { action: act, ...movement, type: oneOf(body, WIN_TYPES), amount: amount(body) },
          ids,
        };
    }
  } catch (e) {
    if (e instanceof WrongInput) return { ok: false, answer: errorAnswer(e.code, e.message), ids };
    throw e;
  }
}

function wrong(detail: string): WrongInput {
  return new WrongInput(SlotegratorCode.WrongInputParameters, `Wrong input parameters: ${detail}`);
}

function readObject(rawBody: Buffer | undefined): Record<string, JsonValue> {
  if (!rawBody || rawBody.length === 0) throw wrong('Request body is empty');
  let value: JsonValue;
  try {
    value = parseLosslessJson(rawBody.toString('utf8'), JSON_PARSE_COMPATIBLE);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw wrong('Request body is not valid JSON');
    throw e;
  }
  if (!isJsonObject(value)) throw wrong('Request body must be a JSON object');
  return value;
}

function id(body: Record<string, JsonValue>, field: string): string {
  const value = body[field];
  if (value === undefined) throw wrong(`${field} is required`);
  if (typeof value !== 'string') throw wrong(`${field} must be a string`);
  if (value.trim() === '') throw wrong(`${field} must not be empty`);
  if (value.length > MAX_ID_LENGTH) throw wrong(`${field} is longer than ${MAX_ID_LENGTH} characters`);
  return value;
}

function oneOf<T extends string>(body: Record<string, JsonValue>, allowed: readonly T[]): T {
  const value = body.type;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw wrong(`type must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function amount(body: Record<string, JsonValue>): Money {
  const value = body.amount;
  if (value === undefined) throw wrong('amount is required');
  const text = value instanceof JsonNumber ? value.text : value;
  if (typeof text !== 'string') throw wrong('amount must be a number or a string');
  try {
    return parseWire(text, 'decimal4');
  } catch (e) {
    if (!(e instanceof MoneyParseError)) throw e;
    switch (e.reason) {
      case 'NEGATIVE':
        return refuse(SlotegratorCode.AmountShouldBePositive, 'Amount should be positive');
      case 'EMPTY':
      case 'NOT_A_NUMBER':
      case 'UNSAFE_NUMBER':
      case 'TOO_MANY_DECIMALS':
      case 'TOO_MANY_INTEGER_DIGITS':
      case 'NOT_AN_INTEGER':
        throw wrong(`amount refused (${e.reason})`);
    }
  }
}

function refuse(code: SlotegratorCode, message: string): never {
  throw new WrongInput(code, message);
}

function optionalText(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_ID_LENGTH) : undefined;
}
