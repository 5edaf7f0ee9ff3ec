import { MoneyParseError } from './money-parse.error';

/** JSON number grammar without exponent: no '+', no leading zeros, digits on both sides of the point. */
const DECIMAL_SYNTAX = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/** DBL_DIG: every decimal with at most 15 significant digits survives text → double → text unchanged. */
const MAX_EXACT_DOUBLE_DIGITS = 15;

export interface DecimalRules {
  maxDecimals: number;
  maxIntegerDigits: number;
  allowNegative: boolean;
}

export interface IntegerRules {
  maxDigits: number;
  allowNegative: boolean;
}

interface DecimalText {
  negative: boolean;
  integer: string;
  fraction: string;
}

export type FractionStyle = 'shortest' | 'fixed';

/** Checks in this order: syntax, sign, decimals, integer digits. Returns units at `scale` (≥ maxDecimals). */
export function parseDecimalUnits(input: unknown, rules: DecimalRules, scale: number): bigint {
  const text = readDecimal(input);
  refuseSign(text, rules.allowNegative, input);
  if (text.fraction.length > rules.maxDecimals) {
    throw new MoneyParseError('TOO_MANY_DECIMALS', input);
  }
  if (text.integer.length > rules.maxIntegerDigits) {
    throw new MoneyParseError('TOO_MANY_INTEGER_DIGITS', input);
  }
  return withSign(BigInt(text.integer + text.fraction.padEnd(scale, '0')), text.negative);
}

export function parseIntegerUnits(input: unknown, rules: IntegerRules): bigint {
  const text = readDecimal(input);
  refuseSign(text, rules.allowNegative, input);
  if (text.fraction !== '') {
    throw new MoneyParseError('NOT_AN_INTEGER', input);
  }
  if (text.integer.length > rules.maxDigits) {
    throw new MoneyParseError('TOO_MANY_INTEGER_DIGITS', input);
  }
  return withSign(BigInt(text.integer), text.negative);
}

export function formatUnits(units: bigint, scale: number, style: FractionStyle): string {
  const sign = units < 0n ? '-' : '';
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  const shown = style === 'fixed' ? fraction : fraction.replace(/0+$/, '');
  return shown === '' ? `${sign}${integer}` : `${sign}${integer}.${shown}`;
}

/** Division rounding toward negative infinity; `divisor` must be positive. */
export function floorDiv(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend < 0n && dividend % divisor !== 0n ? quotient - 1n : quotient;
}

function readDecimal(input: unknown): DecimalText {
  const text = toText(input);
  if (text.trim() === '') {
    throw new MoneyParseError('EMPTY', input);
  }
  const match = DECIMAL_SYNTAX.exec(text);
  if (match === null) {
    throw new MoneyParseError('NOT_A_NUMBER', input);
  }
  const [, sign, integer, fraction = ''] = match;
  return { negative: sign === '-', integer, fraction };
}

function toText(input: unknown): string {
  switch (typeof input) {
    case 'string':
      return input;
    case 'bigint':
      return input.toString();
    case 'number':
      return numberToText(input);
    case 'undefined':
      throw new MoneyParseError('EMPTY', input);
    case 'object':
      throw new MoneyParseError(input === null ? 'EMPTY' : 'NOT_A_NUMBER', input);
    case 'boolean':
    case 'symbol':
    case 'function':
      throw new MoneyParseError('NOT_A_NUMBER', input);
  }
}

/**
 * A JS number already went through binary rounding (JSON.parse), so the text that was sent is lost;
 * edges should parse JSON losslessly and hand amounts over as strings. A number is taken at its
 * shortest `String()` form, and only where that form is a plain decimal that a double holds exactly:
 * a safe integer, or a fraction with at most 15 significant digits.
 */
function numberToText(value: number): string {
  if (!Number.isFinite(value)) {
    throw new MoneyParseError('NOT_A_NUMBER', value);
  }
  const text = Object.is(value, -0) ? '-0' : String(value);
  if (text.includes('e')) {
    throw new MoneyParseError('NOT_A_NUMBER', value);
  }
  const exact = Number.isInteger(value)
    ? Number.isSafeInteger(value)
    : significantDigits(text) <= MAX_EXACT_DOUBLE_DIGITS;
  if (!exact) {
    throw new MoneyParseError('UNSAFE_NUMBER', value);
  }
  return text;
}

function significantDigits(text: string): number {
  return text.replace(/[-.]/g, '').replace(/^0+/, '').length;
}

function refuseSign(text: DecimalText, allowNegative: boolean, input: unknown): void {
  if (text.negative && !allowNegative) {
    throw new MoneyParseError('NEGATIVE', input);
  }
}

function withSign(magnitude: bigint, negative: boolean): bigint {
  return negative ? -magnitude : magnitude;
}
