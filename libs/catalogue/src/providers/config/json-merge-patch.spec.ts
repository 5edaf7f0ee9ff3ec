import { applyMergePatch } from './json-merge-patch';

describe('applyMergePatch (RFC 7396)', () => {
  it('merges nested objects, removes keys patched with null, replaces arrays and scalars', () => {
    const target = {
      clientId: 'c1',
      token: 't',
      endpoints: { gameUrl: 'http://a/g', jackpots: 'http://a/j' },
      tags: [1, 2],
    };
    const patch = { endpoints: { jackpots: null, demoGameUrl: 'http://a/d' }, tags: [3], clientId: 'c2' };
    expect(applyMergePatch(target, patch)).toEqual({
      clientId: 'c2',
      token: 't',
      endpoints: { gameUrl: 'http://a/g', demoGameUrl: 'http://a/d' },
      tags: [3],
    });
  });

  it('does not modify its inputs', () => {
    const target = { a: { b: 1 } };
    applyMergePatch(target, { a: { b: 2 } });
    expect(target).toEqual({ a: { b: 1 } });
  });

  it('follows the RFC examples for non-object patches and targets', () => {
    expect(applyMergePatch({ a: 'b' }, ['c'])).toEqual(['c']);
    expect(applyMergePatch({ a: 'foo' }, null)).toBeNull();
    expect(applyMergePatch(['a'], { a: 'b' })).toEqual({ a: 'b' });
    expect(applyMergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
  });
});
