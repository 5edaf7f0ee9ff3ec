import { topLevelNumberTexts } from './apps-top-level-numbers';

describe('topLevelNumberTexts', () => {
  it('keeps the written text of top-level numbers and skips nested ones', () => {
    const json =
      '{ "method":"do", "minus" : 1e2, "plus":100.0,"tag":{"minus":5,"bets":["[0]:1000"],"s":"}\\"{"},' +
      '"trx_id":"x","n":-0, "arr":[1,[2]], "last":12}';
    expect(JSON.parse(json)).toBeTruthy();
    expect(Object.fromEntries(topLevelNumberTexts(json))).toEqual({
      minus: '1e2',
      plus: '100.0',
      n: '-0',
      last: '12',
    });
  });

  it('a repeated key keeps its last value, as JSON.parse does', () => {
    expect(topLevelNumberTexts('{"minus":1,"minus":"2"}').has('minus')).toBe(false);
    expect(topLevelNumberTexts('{"minus":"2","minus":3.50}').get('minus')).toBe('3.50');
  });

  it('is empty for anything but an object', () => {
    expect(topLevelNumberTexts('[1,2]').size).toBe(0);
    expect(topLevelNumberTexts('12').size).toBe(0);
  });
});
