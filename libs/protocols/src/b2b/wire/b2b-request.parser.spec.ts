import { Money } from '@app/common';
import { parseB2bRequest } from './b2b-request.parser';

const debitData = (over: Record<string, unknown> = {}) => ({
  user_id: '1',
  user_ip: '127.0.0.1',
  user_game_token: 'c3720505ad4dfd2b34cdb55bc524f3ffa6941ad7',
  currency: 'BTC',
  turn_id: 4,
  transaction_id: '2fa7bfb2-a03a-11e6-8347-00ffa41930b3',
  game_code: 702,
  game_name: 'BookOfRaClassic',
  debit_amount: '0.02',
  ...over,
});

const parse = (body: unknown, raw?: string) =>
  parseB2bRequest(body, Buffer.from(raw ?? JSON.stringify(body) ?? ''));

describe('parseB2bRequest', () => {
  it('reads a debit exactly', () => {
    const r = parse({ api: 'do-debit-user-ingame', data: debitData() });
    expect(r).toEqual({
      ok: true,
      request: {
        api: 'do-debit-user-ingame',
        userId: '1',
        userIp: '127.0.0.1',
        currency: 'BTC',
        gameToken: 'c3720505ad4dfd2b34cdb55bc524f3ffa6941ad7',
        turnId: '4',
        transactionId: '2fa7bfb2-a03a-11e6-8347-00ffa41930b3',
        gameCode: 702,
        gameName: 'BookOfRaClassic',
        amount: Money.parseDecimal('0.02', { maxDecimals: 5 }),
      },
    });
  });

  it('keeps a turn_id above 2^53 exact, from the raw body', () => {
    const raw = JSON.stringify({ api: 'do-debit-user-ingame', data: debitData({ turn_id: 0 }) }).replace(
      '"turn_id":0',
      '"turn_id":18446744073709551615',
    );
    const r = parseB2bRequest(JSON.parse(raw), Buffer.from(raw));
    expect(r.ok && r.request.api === 'do-debit-user-ingame' && r.request.turnId).toBe('18446744073709551615');
  });

  it('reads the auth example with its duplicated user_id key (the last one wins, user_ip is absent)', () => {
    const raw =
      '{"data":{"user_id":"1","user_id":"127.0.0.1","user_auth_token":"638b","currency":"BTC"},"api":"do-auth-user-ingame"}';
    const r = parseB2bRequest(JSON.parse(raw), Buffer.from(raw));
    expect(r).toEqual({
      ok: true,
      request: {
        api: 'do-auth-user-ingame',
        userId: '127.0.0.1',
        userIp: null,
        currency: 'BTC',
        authToken: '638b',
      },
    });
  });

  it('allows credit 0 but not debit or rollback 0', () => {
    const zero = (api: string, field: string) =>
      parse({ api, data: { ...debitData({ debit_amount: undefined }), [field]: '0.00' } }).ok;
    expect(zero('do-credit-user-ingame', 'credit_amount')).toBe(true);
    expect(zero('do-debit-user-ingame', 'debit_amount')).toBe(false);
    expect(zero('do-rollback-user-ingame', 'rollback_amount')).toBe(false);
  });

  it.each([
    ['malformed JSON', undefined, 'not valid JSON'],
    ['not an object', [], 'JSON object'],
    ['missing api', { data: {} }, 'api is missing'],
    ['unknown api', { api: 'do-nothing', data: {} }, 'unknown api'],
    ['data not an object', { api: 'do-debit-user-ingame', data: 'x' }, 'data must be'],
  ])('refuses %s', (_name, body, description) => {
    const r = parseB2bRequest(body, undefined, body === undefined ? 'Unexpected token' : undefined);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refusal.description).toContain(description);
  });

  it.each<[string, Record<string, unknown>]>([
    ['user_id missing', { user_id: undefined }],
    ['user_id a number', { user_id: 1 }],
    ['user_id empty', { user_id: '' }],
    ['user_id too long', { user_id: 'x'.repeat(129) }],
    ['user_ip a number', { user_ip: 127 }],
    ['user_game_token missing', { user_game_token: undefined }],
    ['user_game_token too long', { user_game_token: 't'.repeat(256) }],
    ['currency missing', { currency: undefined }],
    ['currency not a code', { currency: 'B TC' }],
    ['turn_id missing', { turn_id: undefined }],
    ['turn_id negative', { turn_id: -1 }],
    ['turn_id fractional', { turn_id: 1.5 }],
    ['turn_id text', { turn_id: 'four' }],
    ['transaction_id missing', { transaction_id: undefined }],
    ['transaction_id too long', { transaction_id: 'x'.repeat(37) }],
    ['transaction_id a number', { transaction_id: 5 }],
    ['game_code missing', { game_code: undefined }],
    ['game_code text', { game_code: '702' }],
    ['game_code fractional', { game_code: 7.2 }],
    ['game_name missing', { game_name: undefined }],
    ['debit_amount missing', { debit_amount: undefined }],
    ['debit_amount a number', { debit_amount: 0.02 }],
    ['debit_amount negative', { debit_amount: '-0.02' }],
    ['debit_amount 6 decimals', { debit_amount: '0.000001' }],
    ['debit_amount exponent', { debit_amount: '1e2' }],
    ['debit_amount NaN', { debit_amount: 'NaN' }],
    ['debit_amount 11 integer digits', { debit_amount: '12345678901' }],
    ['debit_amount empty', { debit_amount: '' }],
  ])('refuses a debit with %s', (_name, over) => {
    const r = parse({ api: 'do-debit-user-ingame', data: debitData(over) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refusal.known).toBe('do-debit-user-ingame');
    expect(!r.ok && r.refusal.description).toMatch(/\S/);
  });

  it('reads end-features free_rounds.win as a double and refuses a negative one', () => {
    const data = { user_id: '1', user_game_token: 't', currency: 'BTC', game_code: 702 };
    const ok = parse({
      api: 'do-end-features-user-ingame',
      data: { ...data, free_rounds: { id: 1, win: 1000 } },
    });
    expect(
      ok.ok && ok.request.api === 'do-end-features-user-ingame' && ok.request.freeRoundsWin?.toString(),
    ).toBe('1000');
    expect(
      parse({ api: 'do-end-features-user-ingame', data: { ...data, free_rounds: { id: 1, win: -1 } } }).ok,
    ).toBe(false);
    expect(parse({ api: 'do-activate-features-user-ingame', data: { ...data, free_rounds: {} } }).ok).toBe(
      false,
    );
  });
});
