import type { FastifyPluginAsync } from 'fastify';
import type { CallFilter, WalletCall } from './call-log';
import { CasinoControlError } from './casino-control.error';
import { FAULT_MODES, type FaultRule, type FaultRuleView } from './casino-faults';
import {
  MOVE_TYPES,
  WALLET_ACTIONS,
  type CasinoTransactionView,
  type PlayerInput,
  type PlayerView,
} from './casino.types';

/** What the control routes drive: the same methods tests call on the class. */
export interface CasinoControl {
  upsertPlayer(input: PlayerInput): PlayerView;
  players(): PlayerView[];
  player(userId: string): PlayerView;
  transactions(userId?: string): CasinoTransactionView[];
  findTransaction(transactionId: string): CasinoTransactionView | undefined;
  setFault(rule: FaultRule): FaultRuleView;
  faultRules(): FaultRuleView[];
  clearFaults(): void;
  calls(filter?: CallFilter): WalletCall[];
  clearCalls(): void;
  reset(): void;
  setSecret(secret: string, options?: { keepPrevious?: boolean }): void;
  setOperatorId(operatorId: string | undefined): void;
}

const text = { type: 'string', minLength: 1, maxLength: 255 } as const;

const PLAYER_BODY = {
  type: 'object',
  required: ['userId'],
  additionalProperties: false,
  properties: {
    userId: text,
    token: text,
    currency: text,
    balance: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    nickname: text,
    country: text,
    language: text,
    blocked: { type: 'boolean' },
  },
} as const;

const FAULT_BODY = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: {
    mode: { type: 'string', enum: FAULT_MODES },
    action: { type: 'string', enum: [...WALLET_ACTIONS, 'all'] },
    moveType: { type: 'string', enum: MOVE_TYPES },
    times: { type: 'integer', minimum: 1 },
    delayMs: { type: 'integer', minimum: 0, maximum: 600_000 },
    httpStatus: { type: 'integer', minimum: 400, maximum: 599 },
    code: text,
    message: { type: 'string', maxLength: 1000 },
    body: { type: 'string', maxLength: 100_000 },
    applied: { type: 'boolean' },
  },
  allOf: [{ if: { properties: { mode: { const: 'slow' } } }, then: { required: ['delayMs'] } }],
} as const;

const SECRET_BODY = {
  type: 'object',
  required: ['secret'],
  additionalProperties: false,
  properties: { secret: text, operatorId: text, keepPrevious: { type: 'boolean' } },
} as const;

const CALLS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { action: text, transactionId: text, moveType: text, userId: text },
} as const;

const USER_PARAMS = { type: 'object', required: ['userId'], properties: { userId: text } } as const;
const TRANSACTION_PARAMS = {
  type: 'object',
  required: ['transactionId'],
  properties: { transactionId: text },
} as const;

/**
 * `/control`: the same control surface over HTTP, so a running demo can be poked with curl. No auth: the
 * simulator listens on 127.0.0.1 unless told otherwise.
 */
export function casinoControlRoutes(control: CasinoControl): FastifyPluginAsync {
  return async (app) => {
    app.get('/players', async () => control.players());

    app.post<{ Body: PlayerInput }>('/players', { schema: { body: PLAYER_BODY } }, async (req) =>
      control.upsertPlayer(req.body),
    );

    app.get<{ Params: { userId: string } }>(
      '/players/:userId',
      { schema: { params: USER_PARAMS } },
      async (req) => control.player(req.params.userId),
    );

    app.get<{ Params: { userId: string } }>(
      '/players/:userId/transactions',
      { schema: { params: USER_PARAMS } },
      async (req) => {
        control.player(req.params.userId);
        return control.transactions(req.params.userId);
      },
    );

    app.get<{ Params: { transactionId: string } }>(
      '/transactions/:transactionId',
      { schema: { params: TRANSACTION_PARAMS } },
      async (req) => {
        const tx = control.findTransaction(req.params.transactionId);
        if (!tx) throw CasinoControlError.transactionNotFound(req.params.transactionId);
        return tx;
      },
    );

    app.get('/faults', async () => control.faultRules());

    app.post<{ Body: FaultRule }>('/faults', { schema: { body: FAULT_BODY } }, async (req, reply) =>
      reply.code(201).send(control.setFault(req.body)),
    );

    app.delete('/faults', async (_req, reply) => {
      control.clearFaults();
      return reply.code(204).send();
    });

    app.get<{ Querystring: CallFilter }>('/calls', { schema: { querystring: CALLS_QUERY } }, async (req) =>
      control.calls(req.query),
    );

    app.delete('/calls', async (_req, reply) => {
      control.clearCalls();
      return reply.code(204).send();
    });

    app.post('/reset', async (_req, reply) => {
      control.reset();
      return reply.code(204).send();
    });

    app.put<{ Body: { secret: string; operatorId?: string; keepPrevious?: boolean } }>(
      '/secret',
      { schema: { body: SECRET_BODY } },
      async (req, reply) => {
        control.setSecret(req.body.secret, { keepPrevious: req.body.keepPrevious });
        if (req.body.operatorId !== undefined) control.setOperatorId(req.body.operatorId);
        return reply.code(204).send();
      },
    );
  };
}
