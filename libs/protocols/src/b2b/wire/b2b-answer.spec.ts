import { Money } from '@app/common';
import { b2bAnswer, b2bMoney, b2bNickname, b2bOperatorId } from './b2b-answer';
import { B2bErrorCode } from './b2b-api';

describe('b2b answer shaping', () => {
  it('writes money as BigDecimal(15,5), rounded down', () => {
    expect(b2bMoney(Money.parseDecimal('855.677139', { maxDecimals: 8 }))).toBe('855.67713');
    expect(b2bMoney(null)).toBe('0.00000');
  });

  it('keeps nicknames to letters and digits, at most 32', () => {
    expect(b2bNickname('Anon imous_1!', 'u')).toBe('Anonimous1');
    expect(b2bNickname('Игрок 7', 'u')).toBe('Игрок7');
    expect(b2bNickname('x'.repeat(40), 'u')).toHaveLength(32);
    expect(b2bNickname('__', 'user-42')).toBe('user42');
    expect(b2bNickname(null, '--')).toBe('Player');
  });

  it('sends operator_id as an int when the config holds digits', () => {
    expect(b2bOperatorId('0')).toBe(0);
    expect(b2bOperatorId(17)).toBe(17);
    expect(b2bOperatorId('demo-operator')).toBe('demo-operator');
  });

  it('shapes a debit answer with the spec example keys in order', () => {
    const env = b2bAnswer(
      'do-debit-user-ingame',
      'do-debit-user-ingame',
      {
        operatorId: 0,
        userId: '1',
        nickname: 'Anonimous',
        balance: Money.parseDecimal('855.67713', { maxDecimals: 5 }),
        gameToken: 'gt',
        currency: 'BTC',
        code: B2bErrorCode.Ok,
        description: 'ok',
        transactionId: 'tx',
      },
      1478008244952,
    );
    expect(env).toEqual({
      api: 'do-debit-user-ingame',
      success: true,
      answer: {
        operator_id: 0,
        transaction_id: 'tx',
        user_id: '1',
        user_nickname: 'Anonimous',
        balance: '855.67713',
        bonus_balance: '0.00000',
        bonus_amount: '0.00000',
        game_token: 'gt',
        error_code: 0,
        error_description: 'ok',
        currency: 'BTC',
        timestamp: '1478008244952',
      },
    });
    expect(Object.keys(env.answer)).toEqual([
      'operator_id',
      'transaction_id',
      'user_id',
      'user_nickname',
      'balance',
      'bonus_balance',
      'bonus_amount',
      'game_token',
      'error_code',
      'error_description',
      'currency',
      'timestamp',
    ]);
  });

  it('answers get-features with an empty free_rounds object and unknown apis with the common fields', () => {
    const f = {
      operatorId: 0,
      userId: '',
      nickname: '',
      balance: null,
      gameToken: '',
      currency: '',
      code: B2bErrorCode.General,
      description: 'x',
    };
    expect(
      b2bAnswer('do-get-features-user-ingame', 'do-get-features-user-ingame', f).answer.free_rounds,
    ).toEqual({
      id: 0,
      count: 0,
      bet: 0,
      lines: 0,
      mpl: 0,
      cp: '0.00',
    });
    const unknown = b2bAnswer('do-fly', null, f);
    expect(unknown.api).toBe('do-fly');
    expect(unknown.success).toBe(true);
    expect(unknown.answer).not.toHaveProperty('free_rounds');
    expect(unknown.answer.error_code).toBe(1);
  });
});
