import fc from 'fast-check';
import {
  isJsonObject,
  JSON_PARSE_COMPATIBLE,
  JsonNumber,
  JsonSyntaxError,
  type JsonValue,
  parseLosslessJson,
} from './lossless-json';

/** What JSON.parse would give, for comparing structure (numbers through Number, as JSON.parse does). */
function plain(value: JsonValue): unknown {
  if (value instanceof JsonNumber) return Number(value.text);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

describe('parseLosslessJson', () => {
  it('keeps 64-bit ids exactly, where JSON.parse rounds them', () => {
    const body = '{"id":18446744073709551615,"round_id":9007199254740993,"bet":500}';
    const value = parseLosslessJson(body) as Record<string, JsonNumber>;
    expect(value.id.text).toBe('18446744073709551615');
    expect(value.round_id.text).toBe('9007199254740993');
    expect((JSON.parse(body) as { round_id: number }).round_id).toBe(9007199254740992);
  });

  it('keeps number text as written (fractions, exponents, minus zero)', () => {
    const value = parseLosslessJson('[1.50, 5e2, -0, 0.1, 1E-7]') as JsonNumber[];
    expect(value.map((n) => n.text)).toEqual(['1.50', '5e2', '-0', '0.1', '1E-7']);
  });

  it('reads strings with every escape', () => {
    expect(parseLosslessJson('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"')).toBe(
      'a"b\\c/d\b\f\n\r\t\u00e9😀',
    );
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['trailing comma in object', '{"a":1,}'],
    ['trailing comma in array', '[1,]'],
    ['leading zero', '{"id":01}'],
    ['plus sign', '{"id":+1}'],
    ['bare fraction', '{"bet":.5}'],
    ['dangling point', '{"bet":5.}'],
    ['hex', '{"bet":0x10}'],
    ['NaN', '{"bet":NaN}'],
    ['Infinity', '{"bet":Infinity}'],
    ['single quotes', "{'a':1}"],
    ['unquoted key', '{a:1}'],
    ['unterminated string', '{"a":"x'],
    ['control character in string', '{"a":"x\ny"}'],
    ['bad escape', '{"a":"\\x"}'],
    ['bad unicode escape', '{"a":"\\u12g4"}'],
    ['two values', '{} {}'],
    ['truncated literal', 'tru'],
    ['unclosed object', '{"a":1'],
    ['missing colon', '{"a" 1}'],
    ['comment', '{"a":1 /* x */}'],
    ['byte order mark', '\ufeff{}'],
    ['duplicate key', '{"bet":1,"bet":1000}'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseLosslessJson(text)).toThrow(JsonSyntaxError);
  });

  it('refuses nesting deeper than 32 levels instead of exhausting the stack', () => {
    expect(() => parseLosslessJson('['.repeat(10_000) + ']'.repeat(10_000))).toThrow(JsonSyntaxError);
    expect(() => parseLosslessJson('['.repeat(30) + ']'.repeat(30))).not.toThrow();
  });

  it('tells objects from arrays, numbers and scalars', () => {
    expect(isJsonObject(parseLosslessJson('{}'))).toBe(true);
    for (const text of ['[]', '1', '"{}"', 'null', 'true'])
      expect(isJsonObject(parseLosslessJson(text))).toBe(false);
    expect(isJsonObject(undefined)).toBe(false);
  });

  it('gives objects no prototype, so "__proto__" is an ordinary key', () => {
    const value = parseLosslessJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it('agrees with JSON.parse on every valid JSON document (property)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(plain(parseLosslessJson(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly what JSON.parse accepts on arbitrary text (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json().map((j) => j.slice(0, -1)),
        ),
        (text) => {
          let expected: unknown;
          try {
            expected = JSON.parse(text);
          } catch {
            expect(() => parseLosslessJson(text)).toThrow(JsonSyntaxError);
            return;
          }
          expect(plain(parseLosslessJson(text))).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('says where and why it refused, in one message', () => {
    const refusal = (text: string) => {
      try {
        parseLosslessJson(text);
      } catch (e) {
        if (e instanceof JsonSyntaxError) return [e.message, e.reason, e.position];
        throw e;
      }
      throw new Error(`accepted ${text}`);
    };
    expect(refusal('{"bet":1,"bet":1000}')).toEqual([
      'Malformed JSON: Duplicate key "bet" at position 9',
      'Duplicate key "bet"',
      9,
    ]);
    expect(refusal('{"a":1 x')).toEqual(['Malformed JSON: Expected "}" at position 7', 'Expected "}"', 7]);
    expect(refusal('[1] 2')[0]).toBe('Malformed JSON: Unexpected text after the JSON value at position 4');
    expect(refusal('{"a":')[0]).toBe('Malformed JSON: Unexpected end of JSON at position 5');
    expect(refusal('['.repeat(34) + ']'.repeat(34))[0]).toBe(
      'Malformed JSON: Nesting too deep at position 33',
    );
  });

  it('counts depth by the containers around a value: 33 levels of empty arrays pass, a value inside the 33rd does not', () => {
    expect(() => parseLosslessJson('['.repeat(33) + ']'.repeat(33))).not.toThrow();
    expect(() => parseLosslessJson('['.repeat(33) + '1' + ']'.repeat(33))).toThrow(/Nesting too deep/);
    expect(() => parseLosslessJson('['.repeat(33) + '1' + ']'.repeat(33), { maxDepth: 33 })).not.toThrow();
  });

  describe('with duplicateKeys: last and maxDepth: Infinity (JSON_PARSE_COMPATIBLE)', () => {
    it('lets the last of repeated keys count, as JSON.parse does', () => {
      const text = '{"user_id":"1","user_id":"127.0.0.1","n":{"a":1,"a":2.50}}';
      expect(plain(parseLosslessJson(text, JSON_PARSE_COMPATIBLE))).toEqual(JSON.parse(text));
      const value = parseLosslessJson(text, { duplicateKeys: 'last' }) as Record<
        string,
        Record<string, JsonNumber>
      >;
      expect(value.n.a.text).toBe('2.50');
      expect(() => parseLosslessJson(text)).toThrow(JsonSyntaxError);
    });

    it('reads any depth without exhausting the stack', () => {
      const depth = 500_000;
      let value = parseLosslessJson(
        '{"a":' + '['.repeat(depth) + '7' + ']'.repeat(depth) + '}',
        JSON_PARSE_COMPATIBLE,
      );
      let levels = 0;
      value = (value as Record<string, JsonValue>).a;
      while (Array.isArray(value)) {
        value = value[0];
        levels++;
      }
      expect(levels).toBe(depth);
      expect(value).toEqual(new JsonNumber('7'));
    });

    it('accepts exactly what JSON.parse accepts, repeated keys included (property)', () => {
      const key = fc.constantFrom('a', 'b', '__proto__', 'a\\u0062');
      const member = fc.tuple(key, fc.json()).map(([k, v]) => `"${k}" : ${v}`);
      const object = fc.array(member, { maxLength: 6 }).map((ms) => `{${ms.join(',')}}`);
      fc.assert(
        fc.property(
          fc.oneof(
            object,
            object.map((o) => o.slice(0, -1)),
            fc.tuple(object, fc.string()).map(([o, s]) => o + s),
          ),
          (text) => {
            let expected: unknown;
            try {
              expected = JSON.parse(text);
            } catch {
              expect(() => parseLosslessJson(text, JSON_PARSE_COMPATIBLE)).toThrow(JsonSyntaxError);
              return;
            }
            expect(plain(parseLosslessJson(text, JSON_PARSE_COMPATIBLE))).toEqual(expected);
          },
        ),
        { numRuns: 1000 },
      );
    });
  });
});
