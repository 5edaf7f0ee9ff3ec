import { MOVE_TYPES, WALLET_ACTIONS } from './casino.types';

const id = { type: 'string', minLength: 1, maxLength: 255 } as const;

function whenAction(action: string, then: object): object {
  return { if: { properties: { action: { const: action } } }, then };
}

/**
 * JSON schema of a wallet call (see casino.types.ts). Extra fields are allowed (the contract grows with
 * "…"); amounts must be strings, and their exact decimal rules are checked by `parseWire`.
 */
export const WALLET_REQUEST_SCHEMA = {
  type: 'object',
  required: ['action'],
  properties: { action: { type: 'string', enum: WALLET_ACTIONS } },
  allOf: [
    whenAction('session-check', { required: ['userId', 'token'], properties: { userId: id, token: id } }),
    whenAction('player-details', { required: ['userId', 'token'], properties: { userId: id, token: id } }),
    whenAction('balance', {
      required: ['userId', 'currency'],
      properties: { userId: id, currency: id, token: id },
    }),
    whenAction('move-funds', {
      required: ['transactionId', 'type', 'amount', 'currency', 'userId', 'sessionId', 'gameId', 'roundId'],
      properties: {
        transactionId: id,
        type: { type: 'string', enum: MOVE_TYPES },
        amount: { type: 'string', maxLength: 64 },
        currency: id,
        userId: id,
        sessionId: id,
        gameId: id,
        roundId: id,
        refTransactionId: id,
      },
      if: { properties: { type: { const: 'refund' } } },
      then: { required: ['refTransactionId'] },
    }),
  ],
} as const;
