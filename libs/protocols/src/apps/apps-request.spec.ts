import { Money } from '@app/common';
import { readDoRequest, readIdentity } from './apps-request';

const base = {
  method: 'do',
  session: 'S1',
  minus: 100,
  plus: 0,
  trx_id: '1c9a4f3e-4b1f-4a6e-9a56-0d3e7c1b2a10',
  sign: 'x',
  tag: { game: 'slot', game_id: 'a_op', game_uuid: 100001, lines: 1, bet: 1, denomination: 100 },
};

function parse(body: Record<string, unknown>, unit: 'kopecks' | 'roubles' = 'kopecks', raw?: string) {
  const id = readIdentity(body);
  if (!id.ok) return id;
  return readDoRequest(body, id.value, raw ?? JSON.stringify(body), unit);
}

describe('apps request', () => {
  it('reads the spec fields exactly', () => {
    const r = parse(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.minus.eq(Money.parseDecimal('1', { maxDecimals: 2 }))).toBe(true);
    expect(r.value.plus.isZero()).toBe(true);
    expect(r.value.gameUuid).toBe('100001');
    expect(r.value.gameSource).toBe('a_op');
    expect(r.value.trxId).toBe(base.trx_id);
  });

  it('an integer trx_id is its decimal text', () => {
    const r = parse({ ...base, trx_id: 123456 });
    expect(r.ok && r.value.trxId).toBe('123456');
  });

  it('roubles take two decimals', () => {
    const r = parse({ ...base, minus: 1.05 }, 'roubles');
    expect(r.ok && r.value.minus.toString()).toBe('1.05');
  });

  it('a balance request may have an empty game_id and no tag', () => {
    expect(parse({ ...base, minus: 0, tag: { game_id: '' } }).ok).toBe(true);
    const { tag: _tag, ...noTag } = base;
    expect(parse({ ...noTag, minus: 0 }).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, 'kopecks' | 'roubles', string?]>([
    ['session missing', { session: undefined }, 'kopecks'],
    ['session a number', { session: 5 }, 'kopecks'],
    ['session empty', { session: '' }, 'kopecks'],
    ['trx_id missing', { trx_id: undefined }, 'kopecks'],
    ['trx_id empty', { trx_id: '' }, 'kopecks'],
    ['trx_id negative', { trx_id: -1 }, 'kopecks'],
    ['trx_id fractional', { trx_id: 1.5 }, 'kopecks'],
    ['trx_id an object', { trx_id: {} }, 'kopecks'],
    ['trx_id with spaces', { trx_id: 'a b' }, 'kopecks'],
    ['minus missing', { minus: undefined }, 'kopecks'],
    ['minus null', { minus: null }, 'kopecks'],
    ['minus negative', { minus: -1 }, 'kopecks'],
    ['minus a fraction of a kopeck', { minus: 1.5 }, 'kopecks'],
    ['minus 3 decimals in roubles', { minus: 1.005 }, 'roubles'],
    ['minus a boolean', { minus: true }, 'kopecks'],
    ['minus text', { minus: 'ten' }, 'kopecks'],
    ['minus unsafe integer', { minus: 2 ** 60 }, 'kopecks'],
    ['plus negative text', { plus: '-5' }, 'kopecks'],
    ['plus an array', { plus: [1] }, 'kopecks'],
    ['tag missing on a bet', { tag: undefined }, 'kopecks'],
    ['tag an array', { tag: [] }, 'kopecks'],
    ['tag.game_id empty on a bet', { tag: { game_id: '' } }, 'kopecks'],
    ['tag.game_id an object', { tag: { game_id: {} } }, 'kopecks'],
    ['tag.game_uuid an object', { tag: { game_id: 'a_op', game_uuid: {} } }, 'kopecks'],
    ['tag.game_uuid negative', { tag: { game_id: 'a_op', game_uuid: -3 } }, 'kopecks'],
  ])('refuses %s', (_name, patch, unit) => {
    const body = { ...base, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete body[k as keyof typeof body];
    expect(parse(body, unit).ok).toBe(false);
  });

  it.each([
    [
      'exponent',
      '{"method":"do","session":"S","minus":1e2,"plus":0,"trx_id":"1","sign":"x","tag":{"game_id":"a"}}',
    ],
    [
      '100.0 in kopecks',
      '{"method":"do","session":"S","minus":100.0,"plus":0,"trx_id":"1","sign":"x","tag":{"game_id":"a"}}',
    ],
    [
      '1.50 in kopecks plus',
      '{"method":"do","session":"S","minus":0,"plus":1.50,"trx_id":"1","sign":"x","tag":{"game_id":"a"}}',
    ],
  ])('judges a JSON number on its written text: %s', (_name, raw) => {
    expect(parse(JSON.parse(raw) as Record<string, unknown>, 'kopecks', raw).ok).toBe(false);
  });

  it('refuses a body that is not an object', () => {
    expect(readIdentity([1]).ok).toBe(false);
    expect(readIdentity(null).ok).toBe(false);
    expect(readIdentity('do').ok).toBe(false);
  });
});
