import { Logger } from '@nestjs/common';
import { B2bCallbackService } from './b2b-callback.service';
import type { CallbackProviders } from '../common/callback-provider';
import type { CallbackLog } from '../common/callback-log';
import type { ProtocolMetrics } from '../common/protocol-metrics';

/** The edge never throws: an unexpected failure is the protocol's error answer with a correlation id. */
describe('B2bCallbackService at the edge', () => {
  const recorded: string[][] = [];
  const metrics = {
    record: (protocol: string, action: string, outcome: string) => recorded.push([protocol, action, outcome]),
  } as unknown as ProtocolMetrics;
  const failingProviders = {
    resolve: () => Promise.reject(new Error('database is gone')),
  } as unknown as CallbackProviders;
  const never = {} as never;
  const service = new B2bCallbackService(failingProviders, never, never, never, never, never, metrics, {
    enabled: true,
  } as CallbackLog);

  it('answers an unexpected error as error_code 1 with the request id, HTTP shape intact', async () => {
    const body = {
      api: 'do-debit-user-ingame',
      data: {
        user_id: '1',
        user_game_token: 'secret-token',
        currency: 'BTC',
        turn_id: 4,
        transaction_id: 'tx-1',
        game_code: 702,
        game_name: 'BookOfRaClassic',
        debit_amount: '0.02',
      },
    };
    const envelope = await service.handle({
      providerCode: 'b2b-x',
      ip: '127.0.0.1',
      body,
      rawBody: Buffer.from(JSON.stringify(body)),
      bodyParseError: undefined,
      requestId: 'req-123',
    });
    expect(envelope).toMatchObject({
      api: 'do-debit-user-ingame',
      success: true,
      answer: {
        transaction_id: 'tx-1',
        user_id: '1',
        error_code: 1,
        error_description: 'internal error (ref req-123)',
        currency: 'BTC',
      },
    });
    expect(recorded).toContainEqual(['b2b', 'do-debit-user-ingame', '1']);
  });

  describe('the exchange line', () => {
    const body = { api: 'do-debit-user-ingame', data: { user_id: '1', user_game_token: 'secret-token' } };
    const call = {
      providerCode: 'b2b-x',
      ip: '127.0.0.1',
      body,
      rawBody: Buffer.from(JSON.stringify(body)),
      bodyParseError: undefined,
      requestId: 'req-7',
    };
    let log: jest.SpyInstance;
    beforeEach(() => {
      log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    });
    afterEach(() => jest.restoreAllMocks());

    it('is written with the request and answer, tokens redacted, when the callback log is on', async () => {
      const on = new B2bCallbackService(failingProviders, never, never, never, never, never, metrics, {
        enabled: true,
      } as CallbackLog);
      await on.handle(call);
      expect(log).toHaveBeenCalledWith(
        expect.objectContaining({
          msg: 'b2b callback',
          provider: 'b2b-x',
          requestId: 'req-7',
          request: { user_id: '1', user_game_token: '[redacted]' },
        }),
      );
      expect(JSON.stringify(log.mock.calls)).not.toContain('secret-token');
    });

    it('is not even built when the callback log is off', async () => {
      const off = new B2bCallbackService(failingProviders, never, never, never, never, never, metrics, {
        enabled: false,
      } as CallbackLog);
      await off.handle(call);
      expect(log).not.toHaveBeenCalled();
    });
  });
});
