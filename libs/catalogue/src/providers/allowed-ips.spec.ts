import { invalidIpEntries, ipAllowList } from './allowed-ips';

describe('allowed IPs', () => {
  it('accepts IPv4/IPv6 addresses and CIDRs', () => {
    expect(
      invalidIpEntries(['10.0.0.1', '192.168.0.0/16', '0.0.0.0/0', '2001:db8::1', '2001:db8::/32', '::/0']),
    ).toEqual([]);
  });

  it('names every entry that is not an address or CIDR', () => {
    expect(
      invalidIpEntries([
        '10.0.0.256',
        '10.0.0.0/33',
        '2001:db8::/129',
        'example.com',
        '10.0.0.0/',
        '10.0.0.0/x',
        '1.2.3.4/-1',
        '',
      ]),
    ).toEqual([
      '10.0.0.256',
      '10.0.0.0/33',
      '2001:db8::/129',
      'example.com',
      '10.0.0.0/',
      '10.0.0.0/x',
      '1.2.3.4/-1',
      '',
    ]);
  });

  it('allows everyone when the list is empty', () => {
    expect(ipAllowList([])('203.0.113.7')).toBe(true);
  });

  it('matches addresses and ranges, IPv4-mapped IPv6 included', () => {
    const allowed = ipAllowList(['10.1.0.0/16', '203.0.113.7', '2001:db8::/32']);
    expect(allowed('10.1.255.3')).toBe(true);
    expect(allowed('::ffff:10.1.0.9')).toBe(true);
    expect(allowed('203.0.113.7')).toBe(true);
    expect(allowed('2001:db8:abcd::5')).toBe(true);
    expect(allowed('10.2.0.1')).toBe(false);
    expect(allowed('203.0.113.8')).toBe(false);
    expect(allowed('2001:db9::1')).toBe(false);
    expect(allowed('not-an-ip')).toBe(false);
  });
});
