import { WalletV2ErrorCode } from '../wallet-v2-error';
import { parseWalletV2Request, type WalletV2Parse } from './wallet-v2-request';

const TIME = '21-09-2023 03:23:23';
const base = { code: 'hmeu134_56eEYeGgre', time: TIME };
const bet = { ...base, bet: 500, game: 1012, id: 3, type: 'bet' };
const win = { ...base, win: 1000, game: 1012, id: 4, type: 'win' };
const cancel = { ...base, id: 5, type: 'cancel' };
const credit = { ...base, type: 'credit' };

const body = (fields: Record<string, unknown>, override: Record<string, string> = {}): string => {
  let text = JSON.stringify(fields);
  for (const [field, raw] of Object.entries(override))
    text = text.replace(`"${field}":"@"`, `"${field}":${raw}`);
  return text;
};
/** A body whose `field` is written as the raw JSON text `raw` (or removed when raw is undefined). */
const withRaw = (fields: Record<string, unknown>, field: string, raw: string | undefined): string => {
  const copy: Record<string, unknown> = { ...fields };
  if (raw === undefined) {
    delete copy[field];
    return JSON.stringify(copy);
  }
  copy[field] = '@';
  return body(copy, { [field]: raw });
};

const refused = (r: WalletV2Parse) => {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.request)}`);
  return r;
};

describe('parseWalletV2Request', () => {
  it('reads every request example of the spec', () => {
    expect(parseWalletV2Request(JSON.stringify(credit))).toEqual({
      ok: true,
      request: { type: 'credit', ...base },
    });
    const b = parseWalletV2Request(JSON.stringify(bet));
    expect(b.ok && b.request).toMatchObject({ type: 'bet', id: '3', roundId: null, game: '1012', ...base });
    expect(b.ok && b.request.type === 'bet' && b.request.amount.toString()).toBe('5');
    const w = parseWalletV2Request(
      '{"code":"hmeu134_56eEYeGgre","game":1053,"id":86,"round_id":85,"type":"win","win":0,"time":"21-09-2023 07:27:45"}',
    );
    expect(w.ok && w.request).toMatchObject({ type: 'win', id: '86', roundId: '85', game: '1053' });
    expect(w.ok && w.request.type === 'win' && w.request.amount.isZero()).toBe(true);
    expect(parseWalletV2Request(JSON.stringify({ ...cancel, round_id: 85 }))).toEqual({
      ok: true,
      request: { type: 'cancel', id: '5', roundId: '85', ...base },
    });
  });

  it('keeps 64-bit ids exactly', () => {
    const r = parseWalletV2Request(
      withRaw({ ...bet, round_id: '@' }, 'id', '18446744073709551615').replace(
        '"round_id":"@"',
        '"round_id":9007199254740993',
      ),
    );
    expect(r.ok && r.request).toMatchObject({ id: '18446744073709551615', roundId: '9007199254740993' });
  });

  it('accepts a Buffer (the raw body) and ignores unknown fields', () => {
    const r = parseWalletV2Request(Buffer.from(JSON.stringify({ ...bet, extra: { x: [1, 2] } })));
    expect(r.ok).toBe(true);
  });

  it.each([
    ['missing type', withRaw(bet, 'type', undefined)],
    ['type not a string', withRaw(bet, 'type', '1')],
    ['missing code', withRaw(bet, 'code', undefined)],
    ['empty code', withRaw(bet, 'code', '""')],
    ['code not a string', withRaw(bet, 'code', '123')],
    ['code too long', withRaw(bet, 'code', JSON.stringify('x'.repeat(65)))],
    ['missing time', withRaw(bet, 'time', undefined)],
    ['time in another format', withRaw(bet, 'time', '"2023-09-21T03:23:23Z"')],
    ['time not a date', withRaw(bet, 'time', '"31-02-2023 03:23:23"')],
    ['time not a string', withRaw(bet, 'time', '1695266603')],
    ['missing id', withRaw(bet, 'id', undefined)],
    ['id as a string', withRaw(bet, 'id', '"3"')],
    ['negative id', withRaw(bet, 'id', '-3')],
    ['fractional id', withRaw(bet, 'id', '3.5')],
    ['id in exponent notation', withRaw(bet, 'id', '3e2')],
    ['id above 2^64-1', withRaw(bet, 'id', '18446744073709551616')],
    ['id null', withRaw(bet, 'id', 'null')],
    ['round_id as a string', withRaw({ ...bet, round_id: 1 }, 'round_id', '"85"')],
    ['round_id null', withRaw({ ...bet, round_id: 1 }, 'round_id', 'null')],
    ['round_id negative', withRaw({ ...bet, round_id: 1 }, 'round_id', '-85')],
    ['missing game', withRaw(bet, 'game', undefined)],
    ['game as a string', withRaw(bet, 'game', '"1012"')],
    ['game fractional', withRaw(bet, 'game', '10.5')],
    ['missing bet', withRaw(bet, 'bet', undefined)],
    ['bet as a string', withRaw(bet, 'bet', '"500"')],
    ['bet negative', withRaw(bet, 'bet', '-500')],
    ['bet with a fraction', withRaw(bet, 'bet', '5.5')],
    ['bet with a zero fraction', withRaw(bet, 'bet', '500.0')],
    ['bet in exponent notation', withRaw(bet, 'bet', '5e2')],
    ['bet out of range', withRaw(bet, 'bet', '1' + '0'.repeat(20))],
    ['bet null', withRaw(bet, 'bet', 'null')],
    ['bet true', withRaw(bet, 'bet', 'true')],
    ['missing win', withRaw(win, 'win', undefined)],
    ['win negative', withRaw(win, 'win', '-1')],
    ['win with a fraction', withRaw(win, 'win', '0.5')],
    ['cancel without id', withRaw(cancel, 'id', undefined)],
    ['body an array', '[]'],
    ['body a number', '42'],
    ['body null', 'null'],
    ['malformed JSON', '{"type":"bet",'],
    [
      'duplicate amount',
      '{"bet":1,"bet":100000,"code":"c","game":1,"id":1,"type":"bet","time":"21-09-2023 03:23:23"}',
    ],
    ['empty body', ''],
  ])('refuses %s as BAD_REQUEST', (_name, text) => {
    const r = refused(parseWalletV2Request(text));
    expect(r.error).toBe(WalletV2ErrorCode.BadRequest);
    expect(r.reason).toEqual(expect.any(String));
  });

  it('refuses an undefined body (no JSON content type) as BAD_REQUEST', () => {
    expect(refused(parseWalletV2Request(undefined)).error).toBe(WalletV2ErrorCode.BadRequest);
  });

  it('answers an unknown type as UNKNOWN_TYPE, and keeps the ids it could read for the logs', () => {
    const r = refused(parseWalletV2Request(JSON.stringify({ ...bet, type: 'refund' })));
    expect(r.error).toBe(WalletV2ErrorCode.UnknownType);
    expect(r.ids).toEqual({ type: 'refund' });
    const bad = refused(parseWalletV2Request(withRaw({ ...bet, round_id: 85 }, 'bet', '-1')));
    expect(bad.ids).toEqual({ type: 'bet', id: '3', roundId: '85' });
  });
});
