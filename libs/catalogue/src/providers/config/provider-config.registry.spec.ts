import 'reflect-metadata';
import { validateProviderConfig } from './provider-config.registry';

describe('validateProviderConfig', () => {
  const slotegrator = {
    clientId: 'merchant-1',
    token: 'a-long-shared-token',
    endpoints: { gameUrl: 'https://prov.example/game', demoGameUrl: 'https://prov.example/demo' },
  };

  it('accepts a valid config and extra keys', () => {
    expect(validateProviderConfig('slotegrator', { ...slotegrator, extra: { any: 1 } })).toEqual([]);
  });

  it('names a missing nested key once, as "is required"', () => {
    expect(
      validateProviderConfig('slotegrator', { ...slotegrator, endpoints: { gameUrl: 'https://p/g' } }),
    ).toEqual(['config.endpoints.demoGameUrl is required']);
    expect(validateProviderConfig('slotegrator', { clientId: 'c', token: 't' })).toEqual([
      'config.endpoints is required',
    ]);
  });

  it('names a bad value by its full path without echoing it', () => {
    const problems = validateProviderConfig('slotegrator', {
      ...slotegrator,
      token: 42,
      endpoints: { ...slotegrator.endpoints, jackpots: 'ftp://p/j' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'config.token must be a string',
        'config.endpoints.jackpots must be an absolute http(s) URL',
      ]),
    );
    expect(problems.join(' ')).not.toContain('ftp://');
  });

  it('checks each protocol against its own schema', () => {
    expect(validateProviderConfig('b2b', { operatorId: 0, launchBaseUrl: 'https://int.example' })).toEqual(
      [],
    );
    expect(validateProviderConfig('b2b', { operatorId: -1, launchBaseUrl: 'https://int.example' })).toEqual([
      'config.operatorId must be a non-empty string or a non-negative integer',
    ]);
    expect(
      validateProviderConfig('apps', {
        customerId: '77',
        salt: 's',
        storagePath: '/media',
        amountUnit: 'cents',
      }),
    ).toEqual(['config.amountUnit must be one of: kopecks, roubles']);
    expect(
      validateProviderConfig('wallet-v2', { walletToken: 'bad token!', launchBaseUrl: 'https://g.example' }),
    ).toEqual(['config.walletToken must be 1-40 letters, digits or "_"']);
  });
});
