import { Logger } from '@nestjs/common';
import type { CallbackSessionsService } from '@app/sessions';
import type { BalanceQuery, CreditCommand, DebitCommand, RollbackCommand } from '@app/wallet';
import type { CallbackLog } from '../common/callback-log';
import type { CallbackProviders } from '../common/callback-provider';
import type { ProtocolMetrics } from '../common/protocol-metrics';
import { answerJson } from './slotegrator-answer';
import { SlotegratorCallbackService } from './slotegrator-callback.service';
import { slotegratorSign } from './slotegrator-signature';

/** The edge only: what a provider gets when something below the protocol throws. */
describe('SlotegratorCallbackService edge', () => {
  const token = 'tok';
  const body = Buffer.from('{"action":"balance","session_id":"s"}');
  const recorded: [string, string, string][] = [];
  const metrics = {
    record: (p: string, a: string, o: string) => recorded.push([p, a, o]),
  } as unknown as ProtocolMetrics;
  const provider = { id: 'p1', code: 'sg', protocol: 'slotegrator', config: { token } };
  const providers = {
    resolve: () => Promise.resolve({ ok: true, provider }),
  } as unknown as CallbackProviders;
  const failingSessions = {
    byToken: () => Promise.reject(new Error('connection terminated')),
  } as unknown as CallbackSessionsService;
  const none = {} as unknown;

  beforeEach(() => {
    recorded.length = 0;
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers INTERNAL_ERROR in the spec shape with the correlation id, logs it and counts it', async () => {
    const service = new SlotegratorCallbackService(
      providers,
      failingSessions,
      none as DebitCommand,
      none as CreditCommand,
      none as RollbackCommand,
      none as BalanceQuery,
      metrics,
      { enabled: true } as CallbackLog,
    );
    const answer = await service.handle({
      providerCode: 'sg',
      ip: '127.0.0.1',
      rawBody: body,
      sign: slotegratorSign(token, body),
      requestId: 'req-42',
    });
    expect(JSON.parse(answerJson(answer))).toEqual({
      status: false,
      code: 'INTERNAL_ERROR',
      message: 'Internal error, reference req-42',
    });
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: 'req-42', provider: 'sg' }),
      'slotegrator callback failed unexpectedly',
    );
    expect(recorded).toEqual([['slotegrator', 'balance', 'INTERNAL_ERROR']]);
  });

  it('never logs the session token or the signature', async () => {
    const service = new SlotegratorCallbackService(
      providers,
      { byToken: () => Promise.resolve(null) } as unknown as CallbackSessionsService,
      none as DebitCommand,
      none as CreditCommand,
      none as RollbackCommand,
      none as BalanceQuery,
      metrics,
      { enabled: true } as CallbackLog,
    );
    const sign = slotegratorSign(token, body);
    await service.handle({ providerCode: 'sg', ip: '127.0.0.1', rawBody: body, sign, requestId: 'r' });
    const logged = JSON.stringify(jest.mocked(Logger.prototype.log).mock.calls);
    expect(logged).toContain('SESSION_NOT_FOUND');
    expect(logged).not.toContain('"s"');
    expect(logged).not.toContain(sign);
    expect(recorded).toEqual([['slotegrator', 'balance', 'SESSION_NOT_FOUND']]);
  });
});
