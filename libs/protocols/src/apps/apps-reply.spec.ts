import { Money } from '@app/common';
import { appsReplyJson } from './apps-reply';

const m = (s: string) => Money.parseDecimal(s, { maxDecimals: 8 });

describe('apps replies', () => {
  it.each([
    ['kopecks', '1956.5', '{"status":"OK","balance":195650,"currency":"FUN"}'],
    ['kopecks', '0.019', '{"status":"OK","balance":1,"currency":"FUN"}'],
    ['roubles', '1956.5', '{"status":"OK","balance":1956.5,"currency":"FUN"}'],
    ['roubles', '10.999', '{"status":"OK","balance":10.99,"currency":"FUN"}'],
    ['roubles', '0', '{"status":"OK","balance":0,"currency":"FUN"}'],
    ['kopecks', '90071992547409.93', '{"status":"OK","balance":9007199254740993,"currency":"FUN"}'],
  ] as const)('OK in %s for %s (rounded down, exact)', (unit, balance, expected) => {
    expect(appsReplyJson({ status: 'OK', balance: m(balance), currency: 'FUN' }, unit)).toBe(expected);
  });

  it('not_enough_money carries balance and currency', () => {
    const text = appsReplyJson(
      { status: 'not_enough_money', balance: m('0.02'), currency: 'FUN' },
      'kopecks',
    );
    expect(text).toBe('{"status":"not_enough_money","balance":2,"currency":"FUN"}');
  });

  it.each(['session_not_found', 'sign_not_found'] as const)('%s is the status alone', (status) => {
    expect(JSON.parse(appsReplyJson({ status }, 'kopecks'))).toEqual({ status });
  });
});
