import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { createRootLogger, PinoNestLogger } from './logger.module';

function capture(level: 'info' | 'warn' = 'info'): {
  lines: Record<string, unknown>[];
  nest: PinoNestLogger;
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, nest: new PinoNestLogger(createRootLogger(level, sink)) };
}

describe('PinoNestLogger', () => {
  it("writes Nest's (message, context) as msg and context, at the matching level", () => {
    const { lines, nest } = capture();
    nest.log('started', 'Bootstrap');
    nest.warn('careful', 'Wallet');
    expect(lines).toMatchObject([
      { level: 30, msg: 'started', context: 'Bootstrap', service: 'aggregator' },
      { level: 40, msg: 'careful', context: 'Wallet' },
    ]);
  });

  it('an object first becomes the fields of the line, the next string its message', () => {
    const { lines, nest } = capture();
    nest.warn(
      { operatorId: 'op-1', reason: 'timeout' },
      'Operator wallet call failed',
      'OperatorWalletClient',
    );
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'Operator wallet call failed',
        operatorId: 'op-1',
        reason: 'timeout',
        context: 'OperatorWalletClient',
      }),
    ]);
  });

  it("an Error is serialized with its stack; Nest's error(message, stack, context) keeps the stack", () => {
    const { lines, nest } = capture();
    nest.error(new Error('boom'), 'Svc');
    nest.error('failed', 'Error: x\n    at f (a.js:1:1)', 'Svc');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'boom', context: 'Svc', err: { message: 'boom' } });
    expect((lines[0].err as { stack: string }).stack).toContain('Error: boom');
    expect(lines[1]).toMatchObject({ level: 50, msg: 'failed', stack: 'Error: x\n    at f (a.js:1:1)' });
  });

  it('redacts secrets, tokens and signatures wherever they sit one level down', () => {
    const { lines, nest } = capture();
    nest.log(
      { operator: { id: 'op-1', secret: 's3cr3t' }, session: { token: 'tok' }, body: { sign: 'abc' } },
      'x',
    );
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/s3cr3t|"tok"|"abc"/);
    expect(lines[0]).toMatchObject({ operator: { id: 'op-1', secret: '[redacted]' } });
  });

  it('writes nothing below its level, and a Nest Logger with a context goes through it', () => {
    const { lines, nest } = capture('warn');
    const logger = new Logger('Ctx');
    Logger.overrideLogger(nest);
    try {
      logger.log('quiet');
      logger.debug('quiet');
      logger.warn('loud');
    } finally {
      Logger.overrideLogger(true);
    }
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'loud', context: 'Ctx' })]);
  });
});
