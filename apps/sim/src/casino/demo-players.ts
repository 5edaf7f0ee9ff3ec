import type { PlayerInput } from './casino.types';

/** Players the demo casino starts with (tokens are demo values, not secrets). */
export const DEMO_PLAYERS: readonly PlayerInput[] = [
  {
    userId: 'demo-usd-1',
    token: 'demo-token-usd-1',
    currency: 'USD',
    balance: '1000',
    nickname: 'Alice',
    country: 'MT',
    language: 'en',
  },
  {
    userId: 'demo-usd-2',
    token: 'demo-token-usd-2',
    currency: 'USD',
    balance: '25.50',
    nickname: 'Bob',
    country: 'GB',
    language: 'en',
  },
  {
    userId: 'demo-eur-1',
    token: 'demo-token-eur-1',
    currency: 'EUR',
    balance: '500',
    nickname: 'Chloé',
    country: 'FR',
    language: 'fr',
  },
  {
    userId: 'demo-rub-1',
    token: 'demo-token-rub-1',
    currency: 'RUB',
    balance: '100000',
    nickname: 'Dmitry',
    country: 'RU',
    language: 'ru',
  },
  { userId: 'demo-broke', token: 'demo-token-broke', currency: 'USD', balance: '0', nickname: 'Broke' },
  {
    userId: 'demo-blocked',
    token: 'demo-token-blocked',
    currency: 'USD',
    balance: '100',
    nickname: 'Blocked',
    blocked: true,
  },
];
