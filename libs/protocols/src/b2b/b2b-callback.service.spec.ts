import { B2bCallbackService } from './b2b-callback.service';
import type { CallbackProviders } from '../common/callback-provider';
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
  const service = new B2bCallbackService(failingProviders, never, never, never, never, never, metrics);

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
});
