export const MONEY_PARSE_REASONS = [
  'EMPTY',
  'NOT_A_NUMBER',
  'UNSAFE_NUMBER',
  'NEGATIVE',
  'TOO_MANY_DECIMALS',
  'TOO_MANY_INTEGER_DIGITS',
  'NOT_AN_INTEGER',
] as const;

/**
 * Why an amount was refused. Protocol edges map each reason to their own error with an exhaustive switch.
 * - EMPTY: missing, empty or blank.
 * - NOT_A_NUMBER: anything outside `-?(0|[1-9][0-9]*)(\.[0-9]+)?` (exponent, hex, '+', spaces, NaN, …).
 * - UNSAFE_NUMBER: a JS number that cannot be trusted to be the exact amount that was sent.
 * - NEGATIVE: a minus sign where negatives are not allowed (including "-0").
 * - TOO_MANY_DECIMALS: more fraction digits written than the wire allows (trailing zeros count).
 * - TOO_MANY_INTEGER_DIGITS: out of range.
 * - NOT_AN_INTEGER: a fraction on an integer wire (cents, kopecks), even ".0".
 */
export type MoneyParseReason = (typeof MONEY_PARSE_REASONS)[number];

const MAX_ECHOED_CHARS = 32;

export class MoneyParseError extends Error {
  constructor(
    readonly reason: MoneyParseReason,
    input: unknown,
  ) {
    super(`Refused amount ${describe(input)}: ${reason}`);
    this.name = 'MoneyParseError';
  }
}

function describe(input: unknown): string {
  if (typeof input === 'string') {
    const shown = input.length > MAX_ECHOED_CHARS ? `${input.slice(0, MAX_ECHOED_CHARS)}…` : input;
    return JSON.stringify(shown);
  }
  if (typeof input === 'number' || typeof input === 'bigint') {
    return `${typeof input} ${String(input)}`;
  }
  return input === null ? 'null' : typeof input;
}
