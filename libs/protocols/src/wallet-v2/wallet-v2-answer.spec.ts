import { Money } from '@app/common';
import { balanceAnswer, errorAnswer, movementAnswer } from './wallet-v2-answer';
import { WalletV2ErrorCode, walletV2ErrorInfo } from './wallet-v2-error';

const at = new Date('2023-09-21T03:23:23Z');
const m = (s: string) => Money.parseDecimal(s, { maxDecimals: 8 });

describe('wallet-v2 answers', () => {
  it('credit: { credit, player_id, result: 1, time, currency } with credit in integer cents', () => {
    const a = balanceAnswer(m('1000'), 'usr-1122334455', 'USD', at);
    expect(a.body).toBe(
      '{"credit":100000,"player_id":"usr-1122334455","result":1,"time":"21-09-2023 03:23:23","currency":"USD"}',
    );
    expect(JSON.parse(a.body)).toEqual({
      credit: 100000,
      player_id: 'usr-1122334455',
      result: 1,
      time: '21-09-2023 03:23:23',
      currency: 'USD',
    });
    expect(a).toMatchObject({ outcome: 'ok', result: 1, credit: '100000' });
  });

  it('bet/win/cancel: { credit, result: 1, time }', () => {
    expect(movementAnswer(m('995'), at).body).toBe(
      '{"credit":99500,"result":1,"time":"21-09-2023 03:23:23"}',
    );
  });

  it('rounds the balance down to the cent and writes big balances exactly', () => {
    expect(JSON.parse(movementAnswer(m('10.00999999'), at).body).credit).toBe(1000);
    expect(movementAnswer(m('123456789012345.67'), at).body).toContain('"credit":12345678901234567,');
  });

  it('escapes player ids and currencies as JSON strings', () => {
    const a = balanceAnswer(m('1'), 'a"b\\c', 'EUR', at);
    expect(JSON.parse(a.body).player_id).toBe('a"b\\c');
  });

  it('errors: { result ≠ 1, err_code, err_desc }', () => {
    const a = errorAnswer(WalletV2ErrorCode.InsufficientFunds);
    expect(JSON.parse(a.body)).toEqual({
      result: 10,
      err_code: 'INSUFFICIENT_FUNDS',
      err_desc: 'Insufficient funds',
    });
    expect(a.outcome).toBe('INSUFFICIENT_FUNDS');
    expect(JSON.parse(errorAnswer(WalletV2ErrorCode.BadRequest, '"bet" must be x').body).err_desc).toBe(
      'Invalid request ("bet" must be x)',
    );
  });

  it('gives every error code its own result, never 1', () => {
    const results = Object.values(WalletV2ErrorCode).map((c) => walletV2ErrorInfo(c).result);
    expect(results).not.toContain(1);
    expect(new Set(results).size).toBe(results.length);
  });
});
