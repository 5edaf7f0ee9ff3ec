import { formatUnits, parseDecimalUnits, parseIntegerUnits } from './decimal-text';
import { DEFAULT_MAX_INTEGER_DIGITS, Money, MONEY_SCALE } from './money';

export const WIRE_UNITS = ['cents', 'kopecks', 'roubles', 'decimal4', 'bigdecimal15_5', 'decimal8'] as const;

/**
 * How a protocol writes amounts:
 * - cents, kopecks: integer count of 1/100 (wallet-v2; apps in kopecks mode).
 * - roubles: decimal, ≤ 2 places (apps in roubles mode).
 * - decimal4: decimal, ≤ 4 places (slotegrator).
 * - bigdecimal15_5: BigDecimal(15,5) string, ≤ 10 integer digits and ≤ 5 places (b2b).
 * - decimal8: our own API's decimal string, ≤ 8 places.
 */
export type WireUnit = (typeof WIRE_UNITS)[number];

export interface WireParseOptions {
  /** Defaults to false: providers never send negative amounts. */
  allowNegative?: boolean;
}

interface WireFormat {
  decimals: number;
  maxIntegerDigits: number;
  /** The wire carries an integer count of minor units. */
  minorUnits: boolean;
  /** BigDecimal keeps its scale: "100.00000", not "100". */
  fraction: 'shortest' | 'fixed';
}

const MINOR_2: WireFormat = {
  decimals: 2,
  maxIntegerDigits: DEFAULT_MAX_INTEGER_DIGITS,
  minorUnits: true,
  fraction: 'shortest',
};

function wireFormat(unit: WireUnit): WireFormat {
  switch (unit) {
    case 'cents':
    case 'kopecks':
      return MINOR_2;
    case 'roubles':
      return decimalWire(2);
    case 'decimal4':
      return decimalWire(4);
    case 'bigdecimal15_5':
      return { decimals: 5, maxIntegerDigits: 15 - 5, minorUnits: false, fraction: 'fixed' };
    case 'decimal8':
      return decimalWire(MONEY_SCALE);
  }
}

function decimalWire(decimals: number): WireFormat {
  return { decimals, maxIntegerDigits: DEFAULT_MAX_INTEGER_DIGITS, minorUnits: false, fraction: 'shortest' };
}

/** Exact; refuses (MoneyParseError) anything more precise than the wire, out of range or malformed. */
export function parseWire(value: unknown, unit: WireUnit, options: WireParseOptions = {}): Money {
  const format = wireFormat(unit);
  const allowNegative = options.allowNegative ?? false;
  if (format.minorUnits) {
    const maxDigits = format.maxIntegerDigits + format.decimals;
    return Money.fromMinorUnits(parseIntegerUnits(value, { maxDigits, allowNegative }), format.decimals);
  }
  const rules = { maxDecimals: format.decimals, maxIntegerDigits: format.maxIntegerDigits, allowNegative };
  return Money.fromUnits(parseDecimalUnits(value, rules, MONEY_SCALE));
}

/**
 * Rounds down (floor, toward negative infinity) to the wire's precision, so a balance is never
 * reported above what is held. Throws RangeError when the amount is beyond the wire's range.
 */
export function formatWire(money: Money, unit: WireUnit): string {
  const format = wireFormat(unit);
  const minor = money.toMinorUnits(format.decimals);
  const limit = 10n ** BigInt(format.maxIntegerDigits + format.decimals);
  if (minor >= limit || minor <= -limit) {
    throw new RangeError(`Amount ${money.toString()} is out of range for wire unit ${unit}`);
  }
  return format.minorUnits ? minor.toString() : formatUnits(minor, format.decimals, format.fraction);
}
