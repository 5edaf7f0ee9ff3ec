import { floorDiv, formatUnits, parseDecimalUnits } from './decimal-text';

/** Decimals held internally: covers every wire (≤ 5) and crypto-sized fractions. */
export const MONEY_SCALE = 8;

/** Integer digits of the `numeric(30,8)` columns. */
const DB_INTEGER_DIGITS = 30 - MONEY_SCALE;
const DB_LIMIT = 10n ** BigInt(DB_INTEGER_DIGITS + MONEY_SCALE);

export const DEFAULT_MAX_INTEGER_DIGITS = 15;

export interface ParseDecimalOptions {
  /** 0..MONEY_SCALE. */
  maxDecimals: number;
  /** Defaults to 15. */
  maxIntegerDigits?: number;
  /** Defaults to false; when true "-0" is zero. */
  allowNegative?: boolean;
}

/** An exact amount: a bigint count of 10^-MONEY_SCALE units. Immutable; never converted to `number`. */
export class Money {
  private static readonly ZERO = new Money(0n);

  private constructor(private readonly value: bigint) {
    Object.freeze(this);
  }

  static zero(): Money {
    return Money.ZERO;
  }

  static fromUnits(units: bigint): Money {
    return units === 0n ? Money.ZERO : new Money(units);
  }

  /** Exact: `fromMinorUnits(199n, 2)` is 1.99. */
  static fromMinorUnits(minor: bigint, decimals: number): Money {
    return Money.fromUnits(minor * scaleFactor(MONEY_SCALE - checkDecimals(decimals)));
  }

  /**
   * Exact parse that refuses (MoneyParseError) instead of rounding. Accepts strings in the JSON number
   * grammar without exponent, bigints as whole amounts, and JS numbers under the rules of their
   * `String()` form (see decimal-text.ts); protocol edges should pass strings from a lossless JSON parse.
   */
  static parseDecimal(input: string | number | bigint, options: ParseDecimalOptions): Money {
    const rules = {
      maxDecimals: checkDecimals(options.maxDecimals),
      maxIntegerDigits: checkIntegerDigits(options.maxIntegerDigits ?? DEFAULT_MAX_INTEGER_DIGITS),
      allowNegative: options.allowNegative ?? false,
    };
    return Money.fromUnits(parseDecimalUnits(input, rules, MONEY_SCALE));
  }

  /** Reads a Postgres `numeric(30,8)` value as returned by the driver ("12.50000000", "-3"). */
  static fromDb(text: string): Money {
    return Money.parseDecimal(text, {
      maxDecimals: MONEY_SCALE,
      maxIntegerDigits: DB_INTEGER_DIGITS,
      allowNegative: true,
    });
  }

  get units(): bigint {
    return this.value;
  }

  add(other: Money): Money {
    return Money.fromUnits(this.value + other.value);
  }

  sub(other: Money): Money {
    return Money.fromUnits(this.value - other.value);
  }

  neg(): Money {
    return Money.fromUnits(-this.value);
  }

  abs(): Money {
    return this.value < 0n ? this.neg() : this;
  }

  compare(other: Money): -1 | 0 | 1 {
    if (this.value === other.value) {
      return 0;
    }
    return this.value < other.value ? -1 : 1;
  }

  eq(other: Money): boolean {
    return this.value === other.value;
  }

  lt(other: Money): boolean {
    return this.value < other.value;
  }

  lte(other: Money): boolean {
    return this.value <= other.value;
  }

  gt(other: Money): boolean {
    return this.value > other.value;
  }

  gte(other: Money): boolean {
    return this.value >= other.value;
  }

  isZero(): boolean {
    return this.value === 0n;
  }

  isNegative(): boolean {
    return this.value < 0n;
  }

  isPositive(): boolean {
    return this.value > 0n;
  }

  /** Rounded down (toward negative infinity): 1.99999 → 199n at 2 decimals, -0.001 → -1n. */
  toMinorUnits(decimals: number): bigint {
    return floorDiv(this.value, scaleFactor(MONEY_SCALE - checkDecimals(decimals)));
  }

  /** Exactly MONEY_SCALE decimals, for a `numeric(30,8)` column. */
  toDb(): string {
    if (this.value >= DB_LIMIT || this.value <= -DB_LIMIT) {
      throw new RangeError(`Amount ${this.toString()} does not fit numeric(30,8)`);
    }
    return formatUnits(this.value, MONEY_SCALE, 'fixed');
  }

  /** Shortest exact decimal: "12.5", "0", "-3.25". */
  toString(): string {
    return formatUnits(this.value, MONEY_SCALE, 'shortest');
  }

  toJSON(): string {
    return this.toString();
  }
}

function scaleFactor(decimals: number): bigint {
  return 10n ** BigInt(decimals);
}

function checkDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MONEY_SCALE) {
    throw new RangeError(`Decimals must be an integer in 0..${MONEY_SCALE}, got ${decimals}`);
  }
  return decimals;
}

function checkIntegerDigits(digits: number): number {
  if (!Number.isInteger(digits) || digits < 1) {
    throw new RangeError(`maxIntegerDigits must be a positive integer, got ${digits}`);
  }
  return digits;
}
