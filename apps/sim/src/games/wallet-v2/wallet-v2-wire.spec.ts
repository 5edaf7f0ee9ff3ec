import { walletV2Json, walletV2Time } from './wallet-v2-wire';

describe('wallet-v2 game server wire', () => {
  it('writes bigint ids digit for digit, where JSON.stringify cannot', () => {
    const body = walletV2Json({
      bet: 500n,
      code: 'c"1',
      id: 18446744073709551615n,
      round_id: undefined,
      type: 'bet',
    });
    expect(body).toBe('{"bet":500,"code":"c\\"1","id":18446744073709551615,"type":"bet"}');
    expect(() => JSON.stringify({ id: 1n })).toThrow();
  });

  it('keeps the field order given (the spec examples are sent as written)', () => {
    expect(walletV2Json({ code: 'x', type: 'credit', time: '21-09-2023 03:23:23' })).toBe(
      '{"code":"x","type":"credit","time":"21-09-2023 03:23:23"}',
    );
  });

  it('formats time as DD-MM-YYYY HH:mm:ss in UTC', () => {
    expect(walletV2Time(new Date('2023-09-21T07:27:45Z'))).toBe('21-09-2023 07:27:45');
  });
});
