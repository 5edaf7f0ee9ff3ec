import fc from 'fast-check';
import {
  formatWire,
  Money,
  MONEY_PARSE_REASONS,
  MONEY_SCALE,
  MoneyParseError,
  MoneyParseReason,
  parseWire,
  WIRE_UNITS,
  WireUnit,
} from './index';

interface WireSpec {
  decimals: number;
  maxIntegerDigits: number;
  integer: boolean;
  fixed: boolean;
}

/** Written from the protocol specs, independently of the implementation's table. */
const WIRES: Record<WireUnit, WireSpec> = {
  cents: { decimals: 2, maxIntegerDigits: 15, integer: true, fixed: false },
  kopecks: { decimals: 2, maxIntegerDigits: 15, integer: true, fixed: false },
  roubles: { decimals: 2, maxIntegerDigits: 15, integer: false, fixed: false },
  decimal4: { decimals: 4, maxIntegerDigits: 15, integer: false, fixed: false },
  bigdecimal15_5: { decimals: 5, maxIntegerDigits: 10, integer: false, fixed: true },
  decimal8: { decimals: 8, maxIntegerDigits: 15, integer: false, fixed: false },
};
const UNITS = Object.keys(WIRES) as WireUnit[];
const DECIMAL_UNITS = UNITS.filter((unit) => !WIRES[unit].integer);

const exact = (text: string): Money =>
  Money.parseDecimal(text, { maxDecimals: MONEY_SCALE, maxIntegerDigits: 22, allowNegative: true });

function reasonOf(parse: () => unknown): MoneyParseReason | 'ACCEPTED' {
  try {
    parse();
    return 'ACCEPTED';
  } catch (error) {
    if (error instanceof MoneyParseError) {
      return error.reason;
    }
    throw error;
  }
}

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const integerPart = (maxDigits: number): fc.Arbitrary<string> =>
  fc.stringMatching(new RegExp(`^(0|[1-9][0-9]{0,${maxDigits - 1}})$`));

/** The one string formatWire must produce for its value. */
function canonicalWireText(unit: WireUnit): fc.Arbitrary<string> {
  const { decimals, maxIntegerDigits, integer, fixed } = WIRES[unit];
  if (integer) {
    return integerPart(maxIntegerDigits + decimals);
  }
  if (fixed) {
    return fc.tuple(integerPart(maxIntegerDigits), digits(decimals, decimals)).map(([i, f]) => `${i}.${f}`);
  }
  return fc.stringMatching(
    new RegExp(`^(0|[1-9][0-9]{0,${maxIntegerDigits - 1}})(\\.[0-9]{0,${decimals - 1}}[1-9])?$`),
  );
}

function minorInRange(unit: WireSpec, allowNegative: boolean): fc.Arbitrary<bigint> {
  const max = 10n ** BigInt(unit.maxIntegerDigits + unit.decimals) - 1n;
  return fc.bigInt({ min: allowNegative ? -max : 0n, max });
}

/** Independent reference: strip trailing fraction zeros and the sign of zero. */
function shortest(text: string): string {
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return /^-0$/.test(trimmed) ? '0' : trimmed;
}

const anyMoney = fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }).map((units) => Money.fromUnits(units));

describe('Money', () => {
  describe('parseDecimal', () => {
    const parse = (input: string | number | bigint): Money => Money.parseDecimal(input, { maxDecimals: 8 });

    it('adds 0.1 and 0.2 to exactly 0.3', () => {
      const sum = parse('0.1').add(parse('0.2'));
      expect(sum.eq(parse('0.3'))).toBe(true);
      expect(sum.toString()).toBe('0.3');
    });

    it('adds 0.1 ten times to exactly 1', () => {
      const tenth = parse('0.1');
      const total = Array.from({ length: 10 }).reduce<Money>((acc) => acc.add(tenth), Money.zero());
      expect(total.toString()).toBe('1');
    });

    it.each([
      ['0', '0'],
      ['0.5', '0.5'],
      ['12.50000000', '12.5'],
      ['999999999999999.99999999', '999999999999999.99999999'],
      ['0.00000001', '0.00000001'],
    ])('accepts %p as %p', (input, expected) => {
      expect(parse(input).toString()).toBe(expected);
    });

    it.each([
      ['', 'EMPTY'],
      [' ', 'EMPTY'],
      ['\t\n', 'EMPTY'],
      ['abc', 'NOT_A_NUMBER'],
      ['12abc', 'NOT_A_NUMBER'],
      ['NaN', 'NOT_A_NUMBER'],
      ['Infinity', 'NOT_A_NUMBER'],
      ['-Infinity', 'NOT_A_NUMBER'],
      ['1e3', 'NOT_A_NUMBER'],
      ['1E3', 'NOT_A_NUMBER'],
      ['1.5e-2', 'NOT_A_NUMBER'],
      ['0x10', 'NOT_A_NUMBER'],
      ['1 000', 'NOT_A_NUMBER'],
      [' 1', 'NOT_A_NUMBER'],
      ['1 ', 'NOT_A_NUMBER'],
      ['+1', 'NOT_A_NUMBER'],
      ['.5', 'NOT_A_NUMBER'],
      ['5.', 'NOT_A_NUMBER'],
      ['1.2.3', 'NOT_A_NUMBER'],
      ['1,5', 'NOT_A_NUMBER'],
      ['--1', 'NOT_A_NUMBER'],
      ['-', 'NOT_A_NUMBER'],
      ['\u0661', 'NOT_A_NUMBER'],
      ['007', 'NOT_A_NUMBER'],
      ['00.5', 'NOT_A_NUMBER'],
      ['-07', 'NOT_A_NUMBER'],
      ['-1', 'NEGATIVE'],
      ['-0', 'NEGATIVE'],
      ['-0.00', 'NEGATIVE'],
      ['0.000000001', 'TOO_MANY_DECIMALS'],
      ['1.000000000', 'TOO_MANY_DECIMALS'],
      ['1000000000000000', 'TOO_MANY_INTEGER_DIGITS'],
    ])('refuses string %p with %s', (input, reason) => {
      expect(reasonOf(() => parse(input))).toBe(reason);
    });

    it.each([
      [NaN, 'NOT_A_NUMBER'],
      [Infinity, 'NOT_A_NUMBER'],
      [-Infinity, 'NOT_A_NUMBER'],
      [1e21, 'NOT_A_NUMBER'],
      [1e-7, 'NOT_A_NUMBER'],
      [0.1 + 0.2, 'UNSAFE_NUMBER'],
      [2 ** 53 + 2, 'UNSAFE_NUMBER'],
      [-0, 'NEGATIVE'],
      [-5, 'NEGATIVE'],
      [10 ** 15, 'TOO_MANY_INTEGER_DIGITS'],
    ])('refuses number %p with %s', (input, reason) => {
      expect(reasonOf(() => parse(input))).toBe(reason);
    });

    it('accepts a number through its shortest String() form', () => {
      expect(parse(12.5).toString()).toBe('12.5');
      expect(parse(10.0001).toString()).toBe('10.0001');
      expect(parse(Number.MAX_SAFE_INTEGER % 10 ** 15).toString()).toBe('7199254740991');
    });

    it('reads a bigint as a whole amount', () => {
      expect(parse(7n).toString()).toBe('7');
      expect(reasonOf(() => parse(-7n))).toBe('NEGATIVE');
      expect(reasonOf(() => parse(10n ** 15n))).toBe('TOO_MANY_INTEGER_DIGITS');
    });

    it('refuses 10^15 at the default range and accepts it with a wider one', () => {
      expect(reasonOf(() => parse('1000000000000000'))).toBe('TOO_MANY_INTEGER_DIGITS');
      expect(parse('999999999999999').toString()).toBe('999999999999999');
      const wide = Money.parseDecimal('1000000000000000', { maxDecimals: 2, maxIntegerDigits: 16 });
      expect(wide.toString()).toBe('1000000000000000');
    });

    it('applies maxDecimals by written digits, trailing zeros included', () => {
      const twoPlaces = (input: string): Money => Money.parseDecimal(input, { maxDecimals: 2 });
      expect(twoPlaces('1.23').toString()).toBe('1.23');
      expect(reasonOf(() => twoPlaces('1.230'))).toBe('TOO_MANY_DECIMALS');
      expect(reasonOf(() => Money.parseDecimal('1.0', { maxDecimals: 0 }))).toBe('TOO_MANY_DECIMALS');
    });

    it('checks the sign before precision and range', () => {
      expect(reasonOf(() => Money.parseDecimal('-1.234', { maxDecimals: 2 }))).toBe('NEGATIVE');
      expect(reasonOf(() => Money.parseDecimal('1000.234', { maxDecimals: 2, maxIntegerDigits: 3 }))).toBe(
        'TOO_MANY_DECIMALS',
      );
    });

    it('accepts negatives when allowed, and reads "-0" as zero', () => {
      const signed = (input: string | number): Money =>
        Money.parseDecimal(input, { maxDecimals: 2, allowNegative: true });
      expect(signed('-3.25').toString()).toBe('-3.25');
      expect(signed('-3.25').isNegative()).toBe(true);
      for (const zero of ['-0', '-0.00', -0]) {
        expect(signed(zero).isZero()).toBe(true);
        expect(signed(zero).toString()).toBe('0');
      }
    });

    it('raises a MoneyParseError that is an Error and names its reason', () => {
      const error = (() => {
        try {
          parse('1e3');
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(MoneyParseError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'MoneyParseError', reason: 'NOT_A_NUMBER' });
      expect((error as Error).message).toContain('"1e3"');
    });

    it('does not echo a long input whole', () => {
      const long = '9'.repeat(1000);
      expect(() => parse(long)).toThrow(/^Refused amount "9{32}…": TOO_MANY_INTEGER_DIGITS$/);
    });

    it('refuses options outside the internal scale', () => {
      expect(() => Money.parseDecimal('1', { maxDecimals: 9 })).toThrow(RangeError);
      expect(() => Money.parseDecimal('1', { maxDecimals: -1 })).toThrow(RangeError);
      expect(() => Money.parseDecimal('1', { maxDecimals: 2, maxIntegerDigits: 0 })).toThrow(RangeError);
    });

    it('lists every refusal reason it can raise', () => {
      expect([...MONEY_PARSE_REASONS].sort()).toEqual(
        [
          'EMPTY',
          'NOT_A_NUMBER',
          'UNSAFE_NUMBER',
          'NEGATIVE',
          'TOO_MANY_DECIMALS',
          'TOO_MANY_INTEGER_DIGITS',
          'NOT_AN_INTEGER',
        ].sort(),
      );
    });
  });

  describe('arithmetic and comparison', () => {
    const a = exact('10.5');
    const b = exact('3.25');

    it('adds, subtracts, negates and takes absolute values', () => {
      expect(a.add(b).toString()).toBe('13.75');
      expect(b.sub(a).toString()).toBe('-7.25');
      expect(a.neg().toString()).toBe('-10.5');
      expect(a.neg().abs().toString()).toBe('10.5');
      expect(Money.zero().neg().toString()).toBe('0');
    });

    it('compares', () => {
      expect([a.compare(b), b.compare(a), a.compare(exact('10.50'))]).toEqual([1, -1, 0]);
      expect([a.gt(b), a.gte(b), a.lt(b), a.lte(b), a.eq(b)]).toEqual([true, true, false, false, false]);
      expect([b.lte(b), b.gte(b), b.eq(exact('3.25'))]).toEqual([true, true, true]);
    });

    it('tells zero, negative and positive apart', () => {
      expect([Money.zero().isZero(), Money.zero().isNegative(), Money.zero().isPositive()]).toEqual([
        true,
        false,
        false,
      ]);
      expect([a.isZero(), a.isPositive(), a.neg().isNegative()]).toEqual([false, true, true]);
    });

    it('exposes units at the internal scale of 8 decimals', () => {
      expect(MONEY_SCALE).toBe(8);
      expect(exact('1.5').units).toBe(150_000_000n);
      expect(Money.fromUnits(1n).toString()).toBe('0.00000001');
    });

    it('is immutable', () => {
      expect(Object.isFrozen(a)).toBe(true);
      a.add(b);
      expect(a.toString()).toBe('10.5');
    });
  });

  describe('minor units', () => {
    it('converts from minor units exactly', () => {
      expect(Money.fromMinorUnits(199n, 2).toString()).toBe('1.99');
      expect(Money.fromMinorUnits(-5n, 0).toString()).toBe('-5');
    });

    it('rounds down to minor units (floor)', () => {
      expect(exact('1.99999').toMinorUnits(2)).toBe(199n);
      expect(exact('-0.001').toMinorUnits(2)).toBe(-1n);
      expect(exact('-0.01').toMinorUnits(2)).toBe(-1n);
      expect(exact('12.5').toMinorUnits(0)).toBe(12n);
    });

    it('refuses decimals outside 0..8', () => {
      expect(() => exact('1').toMinorUnits(9)).toThrow(RangeError);
      expect(() => Money.fromMinorUnits(1n, 2.5)).toThrow(RangeError);
    });
  });

  describe('persistence and JSON', () => {
    it.each([
      ['12.5', '12.50000000'],
      ['-0.00000001', '-0.00000001'],
      ['0', '0.00000000'],
      ['-3', '-3.00000000'],
    ])('writes %p to the database as %p', (value, db) => {
      expect(exact(value).toDb()).toBe(db);
    });

    it.each([
      ['12.50000000', '12.5'],
      ['-3', '-3'],
      ['0.00000000', '0'],
      ['9999999999999999999999.99999999', '9999999999999999999999.99999999'],
    ])('reads %p from the database as %p', (db, value) => {
      expect(Money.fromDb(db).toString()).toBe(value);
    });

    it.each([['NaN'], ['Infinity'], ['1e5'], ['']])('refuses %p from the database', (db) => {
      expect(() => Money.fromDb(db)).toThrow(MoneyParseError);
    });

    it('refuses to write what numeric(30,8) cannot hold', () => {
      expect(() => Money.fromUnits(10n ** 30n).toDb()).toThrow(RangeError);
      expect(() => Money.fromUnits(-(10n ** 30n)).toDb()).toThrow(RangeError);
      expect(Money.fromUnits(10n ** 30n - 1n).toDb()).toBe('9999999999999999999999.99999999');
    });

    it('serialises to JSON as the shortest decimal string', () => {
      expect(JSON.stringify({ balance: exact('12.50'), debt: exact('-3.25'), none: Money.zero() })).toBe(
        '{"balance":"12.5","debt":"-3.25","none":"0"}',
      );
      expect(String(exact('100.00000000'))).toBe('100');
    });
  });

  describe('wire units', () => {
    it('covers the units the protocols need', () => {
      expect([...WIRE_UNITS].sort()).toEqual([...UNITS].sort());
    });

    describe.each([['cents' as const], ['kopecks' as const]])('%s (integer minor units)', (unit) => {
      it.each([
        [500, '5'],
        ['500', '5'],
        [500n, '5'],
        ['0', '0'],
        [0, '0'],
        ['99999999999999999', '999999999999999.99'],
      ])('reads %p as %p', (input, value) => {
        expect(parseWire(input, unit).toString()).toBe(value);
      });

      it.each([
        ['5.00', 'NOT_AN_INTEGER'],
        [5.5, 'NOT_AN_INTEGER'],
        ['5.5', 'NOT_AN_INTEGER'],
        ['-1', 'NEGATIVE'],
        [-1, 'NEGATIVE'],
        ['1e3', 'NOT_A_NUMBER'],
        [1e21, 'NOT_A_NUMBER'],
        [2 ** 53, 'UNSAFE_NUMBER'],
        ['100000000000000000', 'TOO_MANY_INTEGER_DIGITS'],
        ['', 'EMPTY'],
        [null, 'EMPTY'],
        [undefined, 'EMPTY'],
        [true, 'NOT_A_NUMBER'],
        [{ amount: 1 }, 'NOT_A_NUMBER'],
      ])('refuses %p with %s', (input, reason) => {
        expect(reasonOf(() => parseWire(input, unit))).toBe(reason);
      });

      it('formats the integer count of minor units, rounded down', () => {
        expect(formatWire(exact('1.99999'), unit)).toBe('199');
        expect(formatWire(exact('1000'), unit)).toBe('100000');
        expect(formatWire(Money.zero(), unit)).toBe('0');
        expect(formatWire(exact('0.009'), unit)).toBe('0');
        expect(formatWire(exact('-0.001'), unit)).toBe('-1');
      });

      it('reads negatives only when allowed', () => {
        expect(parseWire('-5', unit, { allowNegative: true }).toString()).toBe('-0.05');
      });
    });

    describe('roubles', () => {
      it('reads up to 2 decimals and refuses more', () => {
        expect(parseWire('12.34', 'roubles').toString()).toBe('12.34');
        expect(parseWire(12.5, 'roubles').toString()).toBe('12.5');
        expect(reasonOf(() => parseWire('12.345', 'roubles'))).toBe('TOO_MANY_DECIMALS');
        expect(reasonOf(() => parseWire('12.340', 'roubles'))).toBe('TOO_MANY_DECIMALS');
      });

      it('formats the shortest string, rounded down to kopecks', () => {
        expect(formatWire(exact('12.3456'), 'roubles')).toBe('12.34');
        expect(formatWire(exact('1.99999'), 'roubles')).toBe('1.99');
        expect(formatWire(exact('12.5'), 'roubles')).toBe('12.5');
        expect(formatWire(exact('3'), 'roubles')).toBe('3');
      });
    });

    describe('decimal4 (slotegrator)', () => {
      it('reads up to 4 decimals from strings and numbers', () => {
        expect(parseWire('10.0001', 'decimal4').toString()).toBe('10.0001');
        expect(parseWire(10.0001, 'decimal4').toString()).toBe('10.0001');
        expect(parseWire('100.0000', 'decimal4').toString()).toBe('100');
      });

      it.each([
        ['12.34567', 'TOO_MANY_DECIMALS'],
        [12.34567, 'TOO_MANY_DECIMALS'],
        ['1e3', 'NOT_A_NUMBER'],
        ['NaN', 'NOT_A_NUMBER'],
        ['Infinity', 'NOT_A_NUMBER'],
        ['-10', 'NEGATIVE'],
        ['1000000000000000', 'TOO_MANY_INTEGER_DIGITS'],
      ])('refuses %p with %s', (input, reason) => {
        expect(reasonOf(() => parseWire(input, 'decimal4'))).toBe(reason);
      });

      it.each([
        ['12.34567', '12.3456'],
        ['12.5', '12.5'],
        ['0.1234', '0.1234'],
        ['3', '3'],
        ['0.00009', '0'],
        ['1.99999', '1.9999'],
        ['-1.00001', '-1.0001'],
      ])('formats %p as %p (floor, shortest)', (value, wire) => {
        expect(formatWire(exact(value), 'decimal4')).toBe(wire);
      });
    });

    describe('bigdecimal15_5 (b2b)', () => {
      it.each([
        ['855.67713', '855.67713'],
        ['855.6913', '855.6913'],
        ['0.02', '0.02'],
        ['0.00', '0'],
        ['0.0', '0'],
        ['9999999999.99999', '9999999999.99999'],
      ])('reads the spec-style amount %p', (input, value) => {
        expect(parseWire(input, 'bigdecimal15_5').toString()).toBe(value);
      });

      it.each([
        ['1.123456', 'TOO_MANY_DECIMALS'],
        ['10000000000', 'TOO_MANY_INTEGER_DIGITS'],
        [0.02, 'ACCEPTED'],
        ['-0.02', 'NEGATIVE'],
      ])('judges %p: %s', (input, reason) => {
        expect(reasonOf(() => parseWire(input, 'bigdecimal15_5'))).toBe(reason);
      });

      it.each([
        ['100', '100.00000'],
        ['855.67713', '855.67713'],
        ['855.6913', '855.69130'],
        ['0', '0.00000'],
        ['1.999999', '1.99999'],
        ['9999999999.99999999', '9999999999.99999'],
      ])('formats %p as %p (floor, scale 5)', (value, wire) => {
        expect(formatWire(exact(value), 'bigdecimal15_5')).toBe(wire);
      });

      it('refuses to format beyond 10 integer digits', () => {
        expect(() => formatWire(exact('10000000000'), 'bigdecimal15_5')).toThrow(RangeError);
      });
    });

    describe('decimal8', () => {
      it('reads up to 8 decimals and formats the shortest string', () => {
        expect(parseWire('0.00000001', 'decimal8').toString()).toBe('0.00000001');
        expect(reasonOf(() => parseWire('0.000000001', 'decimal8'))).toBe('TOO_MANY_DECIMALS');
        expect(formatWire(exact('12.50000000'), 'decimal8')).toBe('12.5');
      });
    });
  });

  describe('properties', () => {
    describe.each(UNITS.map((unit) => [unit]))('%s', (unit) => {
      const spec = WIRES[unit];
      const wireText = spec.integer
        ? /^-?(0|[1-9][0-9]*)$/
        : spec.fixed
          ? new RegExp(`^-?(0|[1-9][0-9]*)\\.[0-9]{${spec.decimals}}$`)
          : new RegExp(`^-?(0|[1-9][0-9]*)(\\.[0-9]{0,${spec.decimals - 1}}[1-9])?$`);

      it('parse(format(x)) === x for every amount the wire can carry', () => {
        fc.assert(
          fc.property(minorInRange(spec, true), (minor) => {
            const money = Money.fromMinorUnits(minor, spec.decimals);
            const text = formatWire(money, unit);
            expect(text).toMatch(wireText);
            expect(parseWire(text, unit, { allowNegative: true }).eq(money)).toBe(true);
          }),
        );
      });

      it('format(parse(s)) === s for canonical wire strings', () => {
        fc.assert(
          fc.property(canonicalWireText(unit), (text) => {
            expect(formatWire(parseWire(text, unit), unit)).toBe(text);
          }),
        );
      });

      it('shows any amount rounded down by less than one wire unit', () => {
        const step = Money.fromMinorUnits(1n, spec.decimals);
        const units = minorInRange(spec, true).map(
          (minor) => minor * 10n ** BigInt(MONEY_SCALE - spec.decimals),
        );
        fc.assert(
          fc.property(units, fc.bigInt({ min: 0n, max: 10n ** 8n - 1n }), (base, extra) => {
            const money = Money.fromUnits(base + (extra % 10n ** BigInt(MONEY_SCALE - spec.decimals)));
            const shown = parseWire(formatWire(money, unit), unit, { allowNegative: true });
            expect(shown.lte(money)).toBe(true);
            expect(money.sub(shown).lt(step)).toBe(true);
          }),
        );
      });

      it('refuses every negative amount', () => {
        fc.assert(
          fc.property(canonicalWireText(unit), (text) => {
            expect(reasonOf(() => parseWire(`-${text}`, unit))).toBe('NEGATIVE');
          }),
        );
      });

      it('refuses every amount beyond its integer range', () => {
        const maxDigits = spec.maxIntegerDigits + (spec.integer ? spec.decimals : 0);
        const tooLong = fc
          .tuple(fc.integer({ min: 1, max: 9 }), digits(maxDigits, maxDigits + 5))
          .map(([lead, rest]) => `${lead}${rest}`);
        fc.assert(
          fc.property(tooLong, (text) => {
            expect(reasonOf(() => parseWire(text, unit))).toBe('TOO_MANY_INTEGER_DIGITS');
          }),
        );
      });
    });

    it.each(DECIMAL_UNITS.map((unit) => [unit]))('%s refuses every string with too many decimals', (unit) => {
      const { decimals } = WIRES[unit];
      fc.assert(
        fc.property(integerPart(6), digits(decimals + 1, decimals + 8), (integer, fraction) => {
          expect(reasonOf(() => parseWire(`${integer}.${fraction}`, unit))).toBe('TOO_MANY_DECIMALS');
        }),
      );
    });

    it.each([['cents' as const], ['kopecks' as const]])('%s refuses every string with a fraction', (unit) => {
      fc.assert(
        fc.property(integerPart(6), digits(1, 8), (integer, fraction) => {
          expect(reasonOf(() => parseWire(`${integer}.${fraction}`, unit))).toBe('NOT_AN_INTEGER');
        }),
      );
    });

    it('parses every decimal string exactly and round-trips it through the database', () => {
      const decimal = fc.tuple(fc.boolean(), integerPart(15), digits(0, 8));
      fc.assert(
        fc.property(decimal, ([negative, integer, fraction]) => {
          const text = `${negative ? '-' : ''}${integer}${fraction === '' ? '' : `.${fraction}`}`;
          const money = Money.parseDecimal(text, { maxDecimals: 8, allowNegative: true });
          expect(money.toString()).toBe(shortest(text));
          const db = `${integer}.${fraction.padEnd(8, '0')}`;
          expect(money.toDb()).toBe(money.isZero() ? db : `${negative ? '-' : ''}${db}`);
          expect(Money.fromDb(money.toDb()).eq(money)).toBe(true);
        }),
      );
    });

    it('reads a number as the decimal it was written as, when a double holds it exactly', () => {
      const fifteenDigits = fc.stringMatching(/^(0|[1-9][0-9]{0,8})(\.[0-9]{0,5}[1-9])?$/);
      fc.assert(
        fc.property(fifteenDigits, (text) => {
          const options = { maxDecimals: 8 };
          expect(Money.parseDecimal(Number(text), options).eq(Money.parseDecimal(text, options))).toBe(true);
        }),
      );
      fc.assert(
        fc.property(fc.maxSafeNat(), (cents) => {
          expect(parseWire(cents, 'cents').eq(parseWire(String(cents), 'cents'))).toBe(true);
        }),
      );
    });

    it('accepts a double only as the very value it holds', () => {
      fc.assert(
        fc.property(fc.double(), (value) => {
          const options = { maxDecimals: 8, maxIntegerDigits: 22, allowNegative: true };
          const reason = reasonOf(() => Money.parseDecimal(value, options));
          if (reason === 'ACCEPTED') {
            expect(Number(Money.parseDecimal(value, options).toString())).toBe(value === 0 ? 0 : value);
          } else {
            expect(['NOT_A_NUMBER', 'UNSAFE_NUMBER', 'TOO_MANY_DECIMALS']).toContain(reason);
          }
        }),
      );
    });

    it('a + b - b === a', () => {
      fc.assert(fc.property(anyMoney, anyMoney, (a, b) => expect(a.add(b).sub(b).eq(a)).toBe(true)));
    });

    it('addition commutes and associates', () => {
      fc.assert(
        fc.property(anyMoney, anyMoney, anyMoney, (a, b, c) => {
          expect(a.add(b).eq(b.add(a))).toBe(true);
          expect(
            a
              .add(b)
              .add(c)
              .eq(a.add(b.add(c))),
          ).toBe(true);
        }),
      );
    });

    it('negation cancels and abs is never negative', () => {
      fc.assert(
        fc.property(anyMoney, (a) => {
          expect(a.add(a.neg()).isZero()).toBe(true);
          expect(a.abs().isNegative()).toBe(false);
          expect(a.abs().eq(a) || a.abs().eq(a.neg())).toBe(true);
        }),
      );
    });

    it('comparisons agree with one another and are antisymmetric', () => {
      fc.assert(
        fc.property(anyMoney, anyMoney, (a, b) => {
          const order = a.compare(b);
          expect(b.compare(a)).toBe(order === 0 ? 0 : -order);
          expect([a.lt(b), a.eq(b), a.gt(b)]).toEqual([order === -1, order === 0, order === 1]);
          expect(a.lte(b)).toBe(order <= 0);
          expect(a.gte(b)).toBe(order >= 0);
          expect(a.sub(b).isNegative()).toBe(order === -1);
        }),
      );
    });
  });
});
