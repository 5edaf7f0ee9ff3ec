import { operatorSignaturePayload, signOperatorRequest, verifyOperatorSignature } from './operator-signature';

const SECRET = 'a'.repeat(64);
const parts = {
  timestamp: '1763700000',
  method: 'POST',
  pathWithQuery: '/api/v1/sessions?x=1&y=%20',
  rawBody: '{"userId":"u1","amount":"1.50"}',
};

describe('operator request signature', () => {
  it('is hex HMAC-SHA256 of `${timestamp}.${METHOD}.${pathWithQuery}.${rawBody}` keyed by the secret string', () => {
    // Vectors computed with `openssl dgst -sha256 -hmac`, independent of this code.
    expect(signOperatorRequest(SECRET, parts)).toBe(
      'ac60f7d17fae798e927fd307c335fa24980474608ee1190eb239eaec5aa010aa',
    );
    expect(
      signOperatorRequest('secret', { timestamp: '1', method: 'get', pathWithQuery: '/p', rawBody: '' }),
    ).toBe('7edecf7dc2503c57467aefa3982704635fa0fb64b870830723394f7c6f1a8ada');
  });

  it('covers the body byte for byte: a Buffer and its UTF-8 string sign alike, non-UTF-8 bytes are kept', () => {
    const body = '{"name":"Café ✓"}';
    expect(signOperatorRequest(SECRET, { ...parts, rawBody: Buffer.from(body, 'utf8') })).toBe(
      signOperatorRequest(SECRET, { ...parts, rawBody: body }),
    );
    const invalidUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    expect(operatorSignaturePayload({ ...parts, rawBody: invalidUtf8 }).subarray(-4)).toEqual(invalidUtf8);
    expect(signOperatorRequest(SECRET, { ...parts, rawBody: invalidUtf8 })).not.toBe(
      signOperatorRequest(SECRET, { ...parts, rawBody: invalidUtf8.toString('utf8') }),
    );
  });

  it('verifies with any of the given secrets and refuses when none matches', () => {
    const sign = signOperatorRequest(SECRET, parts);
    expect(verifyOperatorSignature([SECRET], parts, sign)).toBe(true);
    expect(verifyOperatorSignature(['other', SECRET], parts, sign)).toBe(true);
    expect(verifyOperatorSignature([SECRET, 'other'], parts, sign.toUpperCase())).toBe(true);
    expect(verifyOperatorSignature(['other'], parts, sign)).toBe(false);
    expect(verifyOperatorSignature([], parts, sign)).toBe(false);
  });

  it('refuses malformed signatures without throwing', () => {
    const sign = signOperatorRequest(SECRET, parts);
    for (const bad of ['', sign.slice(0, 63), `${sign}0`, `${sign.slice(0, 63)}g`, 'not hex at all']) {
      expect(verifyOperatorSignature([SECRET], parts, bad)).toBe(false);
    }
  });

  it.each([
    ['timestamp', { timestamp: '1763700001' }],
    ['method', { method: 'PUT' }],
    ['path', { pathWithQuery: '/api/v1/sessionz?x=1&y=%20' }],
    ['query', { pathWithQuery: '/api/v1/sessions?x=2&y=%20' }],
    ['query encoding', { pathWithQuery: '/api/v1/sessions?x=1&y=+' }],
    ['body', { rawBody: '{"userId":"u1","amount":"9.50"}' }],
    ['body whitespace', { rawBody: '{"userId": "u1","amount":"1.50"}' }],
    ['empty body', { rawBody: '' }],
  ])('a signature does not verify a request with another %s', (_field, change) => {
    const sign = signOperatorRequest(SECRET, parts);
    expect(verifyOperatorSignature([SECRET], { ...parts, ...change }, sign)).toBe(false);
  });

  it('lower-case methods are signed as upper case (METHOD in the scheme)', () => {
    expect(signOperatorRequest(SECRET, { ...parts, method: 'post' })).toBe(
      signOperatorRequest(SECRET, parts),
    );
  });
});
