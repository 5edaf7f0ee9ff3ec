import { appsSign, verifyAppsSign } from './apps-signature';

describe('apps sign (md5 applied 45 times)', () => {
  // Expected values computed outside Node: `printf … | md5sum` 45 times in bash.
  it.each([
    ['sess-1|abc', '100001', 's3cr3t', '26903e99fa5e6b728fe873b08c0956dc'],
    ['U1|x', '1c9a4f3e-4b1f-4a6e-9a56-0d3e7c1b2a10', 'demo-apps-salt', 'a3ed766bacdb33f9f5e71bda11702a8a'],
  ])('do::%s::%s::<salt> → %s', (session, trx, salt, expected) => {
    expect(appsSign(session, trx, salt)).toBe(expected);
  });

  it('verifies its own sign, upper-case hex too', () => {
    const sign = appsSign('s', '1', 'salt');
    expect(verifyAppsSign(sign, 's', '1', 'salt')).toBe(true);
    expect(verifyAppsSign(sign.toUpperCase(), 's', '1', 'salt')).toBe(true);
  });

  it.each([
    ['another salt', (s: string) => verifyAppsSign(s, 's', '1', 'other')],
    ['another trx_id', (s: string) => verifyAppsSign(s, 's', '2', 'salt')],
    ['another session', (s: string) => verifyAppsSign(s, 't', '1', 'salt')],
    ['a single md5', () => verifyAppsSign(appsSign('s', '1', 'salt').slice(1) + '0', 's', '1', 'salt')],
    ['missing', () => verifyAppsSign(undefined, 's', '1', 'salt')],
    ['a number', () => verifyAppsSign(12345, 's', '1', 'salt')],
    ['empty', () => verifyAppsSign('', 's', '1', 'salt')],
  ])('refuses %s', (_name, check) => {
    expect(check(appsSign('s', '1', 'salt'))).toBe(false);
  });
});
