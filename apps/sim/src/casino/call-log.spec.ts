import { CallLog, nowMs } from './call-log';

describe('CallLog', () => {
  it('keeps only the most recent `limit` calls', () => {
    const log = new CallLog(3);
    for (let i = 0; i < 10; i++) log.end(log.begin(nowMs()), 200, i);
    expect(log.list().map((c) => [c.seq, c.answer])).toEqual([
      [8, 7],
      [9, 8],
      [10, 9],
    ]);
  });

  it('waits for finished calls by default, or for arrived ones with finished: false', async () => {
    const log = new CallLog(10);
    const call = log.begin(nowMs());
    const arrived = log.waitFor({ action: 'balance' }, { finished: false, timeoutMs: 1000 });
    const finished = log.waitFor({ action: 'balance' }, { timeoutMs: 1000 });
    call.action = 'balance';
    log.arrived();
    await expect(arrived).resolves.toMatchObject([{ seq: 1, endedAt: null }]);
    log.end(call, 200, { status: true });
    await expect(finished).resolves.toMatchObject([{ seq: 1, httpStatus: 200 }]);
  });

  it('waits for `count` matching calls and records the end only once', async () => {
    const log = new CallLog(10);
    const two = log.waitFor((c) => c.httpStatus === 500, { count: 2, timeoutMs: 1000 });
    const first = log.begin(nowMs());
    log.end(first, 500, null);
    log.end(first, 200, null);
    log.end(log.begin(nowMs()), 500, null);
    await expect(two).resolves.toHaveLength(2);
    expect(log.list()[0].httpStatus).toBe(500);
  });
});
