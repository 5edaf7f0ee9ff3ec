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
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

const MAX_DEPTH = 32;
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
 * RFC 8259 JSON, except that numbers stay text (`JsonNumber`) and a repeated key in one object is refused
 * (which of two `bet` values counts must never be a guess). Objects have no prototype.
 */
export function parseLosslessJson(text: string): JsonValue {
  const reader = new Reader(text);
  reader.skipSpace();
  const value = reader.value(0);
  reader.skipSpace();
  if (!reader.atEnd()) throw new JsonSyntaxError('Unexpected text after the JSON value', reader.pos);
  return value;
}

class Reader {
  pos = 0;

  constructor(private readonly s: string) {}

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

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError('Nesting too deep', this.pos);
    const c = this.s[this.pos];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
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

  private object(depth: number): JsonObject {
    const out = Object.create(null) as JsonObject;
    this.pos++;
    this.skipSpace();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.s[this.pos] !== '"') throw new JsonSyntaxError('Expected a string key', this.pos);
      const keyAt = this.pos;
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        throw new JsonSyntaxError(`Duplicate key "${key}"`, keyAt);
      }
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      out[key] = this.value(depth + 1);
      this.skipSpace();
      if (this.s[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect('}');
      return out;
    }
  }

  private array(depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.pos++;
    this.skipSpace();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      out.push(this.value(depth + 1));
      this.skipSpace();
      if (this.s[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect(']');
      return out;
    }
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
