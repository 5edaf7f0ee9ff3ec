import { formatWalletV2Time, isWalletV2Time } from './wallet-v2-time';

describe('wallet-v2 time', () => {
  it('formats UTC as DD-MM-YYYY HH:mm:ss', () => {
    expect(formatWalletV2Time(new Date('2023-09-21T03:23:23.999Z'))).toBe('21-09-2023 03:23:23');
    expect(formatWalletV2Time(new Date('2024-01-02T00:00:05Z'))).toBe('02-01-2024 00:00:05');
  });

  it.each(['21-09-2023 03:23:23', '29-02-2024 23:59:59', '01-01-1970 00:00:00'])('accepts %s', (t) => {
    expect(isWalletV2Time(t)).toBe(true);
  });

  it.each([
    '21-09-2023T03:23:23',
    '2023-09-21 03:23:23',
    '21-09-2023 3:23:23',
    '31-02-2023 03:23:23',
    '29-02-2023 03:23:23',
    '21-13-2023 03:23:23',
    '21-09-2023 24:00:00',
    '21-09-2023 03:60:00',
    ' 21-09-2023 03:23:23',
    '',
  ])('refuses %j', (t) => {
    expect(isWalletV2Time(t)).toBe(false);
  });

  it('round-trips what it formats', () => {
    expect(isWalletV2Time(formatWalletV2Time(new Date()))).toBe(true);
  });
});
