import { newLedgerId } from './ledger.repository';

describe('newLedgerId', () => {
  it('is a UUIDv7: ids made one after another sort in the order they were made', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) {
      ids.push(newLedgerId());
      // Across milliseconds too, not only within one.
      if (i % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the time it was made (milliseconds since the epoch in its first 48 bits)', () => {
    const before = Date.now();
    const id = newLedgerId();
    const after = Date.now();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
  });
});
