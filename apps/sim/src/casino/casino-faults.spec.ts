import { FaultRules } from './casino-faults';

describe('FaultRules', () => {
  it('matches nothing until a rule is set', () => {
    expect(new FaultRules().take('balance', undefined)).toBeUndefined();
  });

  it('applies a rule to every call until cleared, and for `times` calls only when given', () => {
    const rules = new FaultRules();
    rules.add({ mode: 'fail' });
    rules.add({ action: 'balance', mode: 'refuse', code: 'LIMIT_EXCEEDED', times: 2 });
    expect(rules.take('balance', undefined)).toMatchObject({ mode: 'refuse' });
    expect(rules.take('balance', undefined)).toMatchObject({ mode: 'refuse' });
    expect(rules.take('balance', undefined)).toMatchObject({ mode: 'fail' });
    expect(rules.take('session-check', undefined)).toMatchObject({ mode: 'fail' });
    rules.clear();
    expect(rules.take('balance', undefined)).toBeUndefined();
  });

  it('lets the newest matching rule win, so `ok` can carve an exception out of a broader fault', () => {
    const rules = new FaultRules();
    rules.add({ action: 'all', mode: 'down' });
    rules.add({ action: 'balance', mode: 'ok' });
    expect(rules.take('balance', undefined)).toEqual({ action: 'balance', mode: 'ok' });
    expect(rules.take('move-funds', 'bet')).toMatchObject({ mode: 'down' });
  });

  it('narrows move-funds rules by type, and replaces a rule with the same selector', () => {
    const rules = new FaultRules();
    rules.add({ action: 'move-funds', moveType: 'win', mode: 'fail' });
    rules.add({ action: 'move-funds', moveType: 'win', mode: 'garbage' });
    expect(rules.list()).toHaveLength(1);
    expect(rules.take('move-funds', 'bet')).toBeUndefined();
    expect(rules.take('move-funds', 'win')).toMatchObject({ mode: 'garbage' });
  });

  it('shows what remains of each rule and refuses a non-positive count', () => {
    const rules = new FaultRules();
    rules.add({ mode: 'slow', delayMs: 10, times: 3 });
    rules.take('balance', undefined);
    expect(rules.list()).toEqual([{ id: 1, rule: { mode: 'slow', delayMs: 10, times: 3 }, remaining: 2 }]);
    expect(() => rules.add({ mode: 'fail', times: 0 })).toThrow(RangeError);
  });
});
