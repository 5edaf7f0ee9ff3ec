export { MONEY_SCALE, DEFAULT_MAX_INTEGER_DIGITS, Money } from './money';
export type { ParseDecimalOptions } from './money';
export { MONEY_PARSE_REASONS, MoneyParseError } from './money-parse.error';
export type { MoneyParseReason } from './money-parse.error';
export { WIRE_UNITS, formatWire, parseWire } from './money-wire';
export type { WireParseOptions, WireUnit } from './money-wire';
