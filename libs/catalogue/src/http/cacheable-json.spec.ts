import { etagOf, ifNoneMatchHits } from './cacheable-json';

describe('ETag helpers', () => {
  it('derives a quoted tag from the body, different bodies giving different tags', () => {
    const a = etagOf('{"items":[]}');
    expect(a).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(etagOf('{"items":[]}')).toBe(a);
    expect(etagOf('{"items":[1]}')).not.toBe(a);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    const tag = etagOf('x');
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});
