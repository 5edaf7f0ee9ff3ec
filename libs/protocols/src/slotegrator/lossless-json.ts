/** A JSON number exactly as it was written (`10.0001`, `1e2`, `-0`): amounts are judged on their text. */
export class JsonNumberText {
  constructor(readonly text: string) {}
}

export type LosslessValue =
  string | boolean | null | JsonNumberText | LosslessValue[] | { [key: string]: LosslessValue };

export class LosslessJsonError extends Error {}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/**
 * JSON.parse, except that numbers keep their source text: `amount: 10.00010` is five written decimals,
 * not the double 10.0001, and `1e2` is exponent notation, not 100 (DESIGN §3). Strings use JSON.parse.
 */
export function parseLosslessJson(text: string): LosslessValue {
  const reader = new Reader(text);
  const value = reader.value();
  reader.skipWhitespace();
  if (reader.pos !== text.length) reader.fail('trailing characters');
  return value;
}

class Reader {
  pos = 0;

  constructor(private readonly text: string) {}

  value(): LosslessValue {
    this.skipWhitespace();
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        return this.number();
    }
  }

  skipWhitespace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  fail(why: string): never {
    throw new LosslessJsonError(`Malformed JSON at ${this.pos}: ${why}`);
  }

  private object(): { [key: string]: LosslessValue } {
    const out: { [key: string]: LosslessValue } = Object.create(null) as { [key: string]: LosslessValue };
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail('expected a key');
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail("expected ':'");
      this.pos++;
      out[key] = this.value();
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') this.fail("expected ',' or '}'");
    }
  }

  private array(): LosslessValue[] {
    const out: LosslessValue[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') this.fail("expected ',' or ']'");
    }
  }

  private string(): string {
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (Number.isNaN(c)) this.fail('unterminated string');
      if (c === 0x5c) i += 2;
      else if (c === 0x22) break;
      else i++;
    }
    this.pos = i + 1;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      this.fail('bad string');
    }
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail('unexpected token');
    this.pos += word.length;
    return value;
  }

  private number(): JsonNumberText {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('unexpected token');
    this.pos = NUMBER.lastIndex;
    return new JsonNumberText(match[0]);
  }
}
