import { parseSlotegratorRequest } from './slotegrator-request';
import { SlotegratorCode } from './slotegrator-answer';
import { JsonNumber as JsonNumberText, parseLosslessJson } from '@app/common';

const raw = (body: unknown) => Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
const bet = {
  action: 'bet',
  type: 'bet',
  session_id: 'c4ca4238a0b923820dcc509a6f75849b',
  amount: 10.0001,
  transaction_id: 'eccbc87e4b5ce2fe28308fd9f2a7baf3',
  round_id: '3',
  game_id: 'current_game_id',
};

function refusedWith(body: unknown): string | undefined {
  const parsed = parseSlotegratorRequest(raw(body));
  return parsed.ok ? undefined : parsed.answer.ok ? 'ok' : parsed.answer.code;
}

describe('parseLosslessJson', () => {
  it('keeps the written text of numbers and parses everything else like JSON.parse', () => {
    const v = parseLosslessJson(
      ' {"a": 10.00010, "b": [1e2, -0, "x\\"y"], "c": {"d": null, "e": true}} ',
    ) as Record<string, unknown>;
    expect(v.a).toEqual(new JsonNumberText('10.00010'));
    expect(v.b).toEqual([new JsonNumberText('1e2'), new JsonNumberText('-0'), 'x"y']);
    expect(v.c).toEqual({ d: null, e: true });
  });

  it.each(['', '{', '{"a":}', '{"a":1,}', '[1 2]', '{"a":01}', '{"a":1} x', "{'a':1}", '{"a":.5}', 'NaN'])(
    'refuses %p',
    (text) => {
      expect(() => parseLosslessJson(text)).toThrow(/Malformed JSON/);
    },
  );
});

describe('parseSlotegratorRequest', () => {
  it('reads the spec example of a bet, amount as a JSON number, exactly', () => {
    const parsed = parseSlotegratorRequest(raw(bet));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.request.action !== 'bet') throw new Error('expected a bet');
    expect(parsed.request).toMatchObject({
      type: 'bet',
      sessionId: bet.session_id,
      transactionId: bet.transaction_id,
      roundId: '3',
      gameId: 'current_game_id',
    });
    expect(parsed.request.amount.toString()).toBe('10.0001');
  });

  it('accepts the amount as a string, and win 0', () => {
    const parsed = parseSlotegratorRequest(raw({ ...bet, action: 'win', type: 'win', amount: '0' }));
    if (!parsed.ok || parsed.request.action !== 'win') throw new Error('expected a win');
    expect(parsed.request.amount.isZero()).toBe(true);
  });

  it('reads balance and refund without amount or type', () => {
    expect(parseSlotegratorRequest(raw({ action: 'balance', session_id: 's' }))).toMatchObject({
      ok: true,
      request: { action: 'balance', sessionId: 's' },
    });
    const { amount: _a, type: _t, ...refund } = { ...bet, action: 'refund' };
    expect(parseSlotegratorRequest(raw(refund))).toMatchObject({
      ok: true,
      request: { action: 'refund', transactionId: bet.transaction_id },
    });
  });

  it.each([
    ['a negative amount', -1, SlotegratorCode.AmountShouldBePositive],
    ['a negative string amount', '-0.5', SlotegratorCode.AmountShouldBePositive],
    ['5 decimals', 10.00001, SlotegratorCode.WrongInputParameters],
    ['5 written decimals (trailing zero)', '10.00010', SlotegratorCode.WrongInputParameters],
    ['exponent notation', '1e2', SlotegratorCode.WrongInputParameters],
    ['an empty string', '', SlotegratorCode.WrongInputParameters],
    ['a word', 'ten', SlotegratorCode.WrongInputParameters],
    ['null', null, SlotegratorCode.WrongInputParameters],
    ['a boolean', true, SlotegratorCode.WrongInputParameters],
    ['an object', { v: 1 }, SlotegratorCode.WrongInputParameters],
    ['too many integer digits', '1'.repeat(30), SlotegratorCode.WrongInputParameters],
  ])('refuses %s as amount', (_name, amount, code) => {
    expect(refusedWith({ ...bet, amount })).toBe(code);
  });

  it('refuses a JSON-number amount written with an exponent or 5 decimals, judged on its text', () => {
    const text = JSON.stringify(bet).replace('10.0001', '1E1');
    expect(refusedWith(text)).toBe(SlotegratorCode.WrongInputParameters);
    expect(refusedWith(JSON.stringify(bet).replace('10.0001', '10.00010'))).toBe(
      SlotegratorCode.WrongInputParameters,
    );
  });

  it.each(['action', 'type', 'session_id', 'amount', 'transaction_id', 'round_id', 'game_id'])(
    'refuses a bet without %s, or with it mistyped',
    (field) => {
      const { [field]: _omit, ...rest } = bet as Record<string, unknown>;
      expect(refusedWith(rest)).toBe(SlotegratorCode.WrongInputParameters);
      expect(refusedWith({ ...bet, [field]: field === 'amount' ? [] : 42 })).toBe(
        SlotegratorCode.WrongInputParameters,
      );
    },
  );

  it.each(['session_id', 'transaction_id', 'round_id', 'game_id'])('refuses an empty %s', (field) => {
    expect(refusedWith({ ...bet, [field]: '' })).toBe(SlotegratorCode.WrongInputParameters);
  });

  it('refuses types outside the spec per action', () => {
    expect(refusedWith({ ...bet, type: 'jackpot' })).toBe(SlotegratorCode.WrongInputParameters);
    expect(refusedWith({ ...bet, action: 'win', type: 'tip' })).toBe(SlotegratorCode.WrongInputParameters);
    expect(refusedWith({ ...bet, action: 'win', type: 'jackpot' })).toBeUndefined();
    expect(refusedWith({ ...bet, type: 'tip' })).toBeUndefined();
  });

  it('answers ACTION_IS_NOT_EXIST for an unknown action and keeps it for the log', () => {
    const parsed = parseSlotegratorRequest(raw({ ...bet, action: 'jackpots' }));
    expect(parsed).toMatchObject({
      ok: false,
      answer: { code: SlotegratorCode.ActionIsNotExist },
      ids: { action: 'jackpots' },
    });
  });

  it.each([
    ['an empty body', ''],
    ['malformed JSON', '{"action":"balance",'],
    ['a JSON array', '[]'],
    ['a JSON string', '"balance"'],
    ['a JSON number', '1'],
  ])('refuses %s', (_name, text) => {
    expect(refusedWith(text)).toBe(SlotegratorCode.WrongInputParameters);
  });
});
