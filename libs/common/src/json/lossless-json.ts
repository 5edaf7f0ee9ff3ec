/** A JSON number kept as the exact text that was sent (JSON.parse would round ids above 2^53). */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`Malformed JSON: ${reason} at position ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

export interface LosslessJsonOptions {
  /**
   * `refuse` (the default): a key repeated in one object is a syntax error, since which of two `bet` values
   * counts must never be a guess. `last`: the last one counts, as in JSON.parse (for specs that repeat keys).
   */
  duplicateKeys?: 'refuse' | 'last';
  /** Containers nested deeper than this are refused; 32 by default. `Infinity` reads any depth. */
  maxDepth?: number;
}

/** What JSON.parse accepts, read losslessly: for bodies that JSON.parse has already accepted. */
export const JSON_PARSE_COMPATIBLE: Readonly<LosslessJsonOptions> = Object.freeze({
  duplicateKeys: 'last',
  maxDepth: Infinity,
});

const DEFAULT_MAX_DEPTH = 32;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * RFC 8259 JSON, except that numbers stay text (`JsonNumber`, so `1e2`, `100.0` and 64-bit ids can be judged
 * on what was written) and, by default, a repeated key in one object is refused. Objects have no prototype.
 * Reads without recursion, so no depth can exhaust the stack.
 */
export function parseLosslessJson(text: string, options: LosslessJsonOptions = {}): JsonValue {
  const reader = new Reader(text, options.duplicateKeys ?? 'refuse', options.maxDepth ?? DEFAULT_MAX_DEPTH);
  reader.skipSpace();
  const value = reader.document();
  reader.skipSpace();
  if (!reader.atEnd()) throw new JsonSyntaxError('Unexpected text after the JSON value', reader.pos);
  return value;
}

/** An object, as opposed to an array, a number or a scalar. */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber)
  );
}

/** An open container: an object waiting for the value of `key`, or an array. */
type Open = { object: JsonObject; key: string } | { array: JsonValue[] };

class Reader {
  pos = 0;

  constructor(
    private readonly s: string,
    private readonly duplicateKeys: 'refuse' | 'last',
    private readonly maxDepth: number,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.s.length;
  }

  skipSpace(): void {
    for (;;) {
      const c = this.s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  document(): JsonValue {
    const open: Open[] = [];
    for (;;) {
      let value = this.valueOrOpen(open);
      if (value === undefined) continue;
      for (;;) {
        const top = open.at(-1);
        if (top === undefined) return value;
        if ('object' in top) {
          top.object[top.key] = value;
          this.skipSpace();
          if (this.s[this.pos] === ',') {
            this.pos++;
            top.key = this.key(top.object);
            break;
          }
          this.expect('}');
          value = top.object;
        } else {
          top.array.push(value);
          this.skipSpace();
          if (this.s[this.pos] === ',') {
            this.pos++;
            this.skipSpace();
            break;
          }
          this.expect(']');
          value = top.array;
        }
        open.pop();
      }
    }
  }

  /** A whole scalar or empty container, or `undefined` after opening a container that has members. */
  private valueOrOpen(open: Open[]): JsonValue | undefined {
    if (open.length > this.maxDepth) throw new JsonSyntaxError('Nesting too deep', this.pos);
    const c = this.s[this.pos];
    switch (c) {
      case '{': {
        const object = Object.create(null) as JsonObject;
        this.pos++;
        this.skipSpace();
        if (this.s[this.pos] === '}') {
          this.pos++;
          return object;
        }
        open.push({ object, key: this.key(object) });
        return undefined;
      }
      case '[':
        this.pos++;
        this.skipSpace();
        if (this.s[this.pos] === ']') {
          this.pos++;
          return [];
        }
        open.push({ array: [] });
        return undefined;
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case undefined:
        throw new JsonSyntaxError('Unexpected end of JSON', this.pos);
      default:
        return this.number();
    }
  }

  /** `"key":` and the space after it, leaving the reader at the member's value. */
  private key(object: JsonObject): string {
    this.skipSpace();
    if (this.s[this.pos] !== '"') throw new JsonSyntaxError('Expected a string key', this.pos);
    const keyAt = this.pos;
    const key = this.string();
    if (this.duplicateKeys === 'refuse' && Object.prototype.hasOwnProperty.call(object, key)) {
      throw new JsonSyntaxError(`Duplicate key "${key}"`, keyAt);
    }
    this.skipSpace();
    this.expect(':');
    this.skipSpace();
    return key;
  }

  private string(): string {
    this.pos++;
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      const code = this.s.charCodeAt(this.pos);
      if (Number.isNaN(code)) throw new JsonSyntaxError('Unterminated string', this.pos);
      if (code === 0x22) {
        out += this.s.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (code < 0x20) throw new JsonSyntaxError('Control character in string', this.pos);
      if (code !== 0x5c) {
        this.pos++;
        continue;
      }
      out += this.s.slice(chunkStart, this.pos);
      const esc = this.s[this.pos + 1];
      if (esc === 'u') {
        const hex = this.s.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('Bad \\u escape', this.pos);
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else {
        const decoded = esc === undefined ? undefined : ESCAPES[esc];
        if (decoded === undefined) throw new JsonSyntaxError('Bad escape', this.pos);
        out += decoded;
        this.pos += 2;
      }
      chunkStart = this.pos;
    }
  }

  private number(): JsonNumber {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.s);
    if (!match) throw new JsonSyntaxError('Unexpected character', this.pos);
    this.pos += match[0].length;
    return new JsonNumber(match[0]);
  }

  private literal<T>(word: string, value: T): T {
    if (this.s.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    throw new JsonSyntaxError('Unexpected token', this.pos);
  }

  private expect(ch: string): void {
    if (this.s[this.pos] !== ch) throw new JsonSyntaxError(`Expected "${ch}"`, this.pos);
    this.pos++;
  }
}
