import { Injectable, Logger } from '@nestjs/common';
import { Money } from '@app/common';
import { type CallbackSession, CallbackSessionsService } from '@app/sessions';
import {
  BalanceQuery,
  CreditCommand,
  DebitCommand,
  RollbackCommand,
  type WalletOutcome,
  type WalletParty,
} from '@app/wallet';
import { CallbackProviders, type ProviderOf } from '../common/callback-provider';
import { CallbackLog } from '../common/callback-log';
import { ProtocolMetrics } from '../common/protocol-metrics';
import { walletParty } from '../common/wallet-party';
import {
  answerOutcome,
  errorAnswer,
  okAnswer,
  SlotegratorCode,
  type SlotegratorAnswer,
} from './slotegrator-answer';
import { type MoneyAction, refusalAnswer } from './slotegrator-outcome';
import {
  parseSlotegratorRequest,
  SLOTEGRATOR_ACTIONS,
  type SlotegratorRequest,
  type SlotegratorRequestIds,
} from './slotegrator-request';
import { verifySlotegratorSign } from './slotegrator-signature';

export interface SlotegratorCallback {
  providerCode: string;
  ip: string;
  rawBody: Buffer | undefined;
  /** `X-Sign`, any header case. */
  sign: unknown;
  /** Correlation id of the HTTP request. */
  requestId: string;
}

/** Wins live in their own id space: the spec's own examples give a bet and its win one `transaction_id`. */
const WIN_SCOPE = 'win';

interface Handled {
  answer: SlotegratorAnswer;
  ids: SlotegratorRequestIds;
  session?: CallbackSession;
}

/**
 * One slotegrator callback: provider and signature, wire parsing, the session, one wallet command, and
 * the answer in the spec's shape. Never throws: anything unexpected is INTERNAL_ERROR with a logged
 * correlation id.
 */
@Injectable()
export class SlotegratorCallbackService {
  private readonly logger = new Logger('SlotegratorCallback');

  constructor(
    private readonly providers: CallbackProviders,
    private readonly sessions: CallbackSessionsService,
    private readonly debit: DebitCommand,
    private readonly credit: CreditCommand,
    private readonly rollback: RollbackCommand,
    private readonly balances: BalanceQuery,
    private readonly metrics: ProtocolMetrics,
    private readonly callbackLog: CallbackLog,
  ) {}

  async handle(callback: SlotegratorCallback): Promise<SlotegratorAnswer> {
    const startedAt = process.hrtime.bigint();
    // Filled while reading, so even an unexpected failure is logged and counted with its ids.
    const seen: SlotegratorRequestIds = {};
    let handled: Handled;
    try {
      handled = await this.process(callback, seen);
    } catch (err) {
      this.logger.error(
        { err, requestId: callback.requestId, provider: callback.providerCode },
        'slotegrator callback failed unexpectedly',
      );
      handled = {
        answer: errorAnswer(SlotegratorCode.InternalError, `Internal error, reference ${callback.requestId}`),
        ids: seen,
      };
    }
    const { answer, ids, session } = handled;
    const action = (SLOTEGRATOR_ACTIONS as readonly string[]).includes(ids.action ?? '')
      ? ids.action!
      : 'invalid';
    const outcome = answerOutcome(answer);
    this.metrics.record('slotegrator', action, outcome, startedAt);
    if (this.callbackLog.enabled)
      this.logger.log(
        {
          requestId: callback.requestId,
          provider: callback.providerCode,
          action: ids.action,
          type: ids.type,
          transactionId: ids.transactionId,
          roundId: ids.roundId,
          gameId: ids.gameId,
          sessionId: session?.id,
          outcome,
          balance: answer.ok ? answer.balance.toString() : undefined,
          message: answer.ok ? undefined : answer.message,
          ms: Number(process.hrtime.bigint() - startedAt) / 1e6,
        },
        'slotegrator callback answered',
      );
    return answer;
  }

  private async process(callback: SlotegratorCallback, seen: SlotegratorRequestIds): Promise<Handled> {
    const resolved = await this.providers.resolve('slotegrator', callback.providerCode, callback.ip);
    if (!resolved.ok) {
      const message = resolved.reason === 'UNKNOWN_PROVIDER' ? 'Unknown provider' : 'Address is not allowed';
      return { answer: errorAnswer(SlotegratorCode.InvalidSign, message), ids: {} };
    }
    const provider = resolved.provider;
    if (!verifySlotegratorSign(provider.config.token, callback.rawBody ?? Buffer.alloc(0), callback.sign)) {
      return { answer: errorAnswer(SlotegratorCode.InvalidSign, 'Invalid sign'), ids: {} };
    }
    const parsed = parseSlotegratorRequest(callback.rawBody);
    if (!parsed.ok) return { answer: parsed.answer, ids: parsed.ids };
    const { request, ids } = parsed;
    Object.assign(seen, ids);
    this.logger.debug(
      { requestId: callback.requestId, provider: provider.code, ...ids },
      'slotegrator callback',
    );

    const session = await this.sessions.byToken(provider.id, request.sessionId);
    if (!session || session.mode !== 'real') {
      return { answer: errorAnswer(SlotegratorCode.SessionNotFound, 'Session not found'), ids };
    }
    const touched = session.state === 'active' ? this.touch(session.id) : Promise.resolve();
    const [answer] = await Promise.all([this.act(provider, session, request), touched]);
    return { answer, ids, session };
  }

  private async act(
    provider: ProviderOf<'slotegrator'>,
    session: CallbackSession,
    request: SlotegratorRequest,
  ): Promise<SlotegratorAnswer> {
    const party = walletParty(session);
    if (request.action === 'balance') {
      const balance = await this.balances.execute(party);
      return balance
        ? okAnswer(balance)
        : errorAnswer(SlotegratorCode.InternalError, 'Balance is not available, try again later');
    }
    const movement = {
      party,
      providerId: provider.id,
      externalId: request.transactionId,
      sessionId: session.id,
      gameId: session.gameId,
      providerRoundId: request.roundId,
      meta: { game_id: request.gameId },
    };
    let outcome: WalletOutcome;
    switch (request.action) {
      case 'bet':
        if (session.state !== 'active') {
          return errorAnswer(SlotegratorCode.SessionNotFound, `Session is ${session.state}`);
        }
        if (session.playerBlocked) {
          return errorAnswer(SlotegratorCode.TransactionDenied, 'Player is blocked');
        }
        outcome = await this.debit.execute({ ...movement, amount: request.amount, subtype: request.type });
        break;
      case 'win':
        outcome = await this.credit.execute({
          ...movement,
          idempotencyScope: WIN_SCOPE,
          amount: request.amount,
          subtype: request.type,
        });
        break;
      case 'refund':
        outcome = await this.rollback.execute({ ...movement, betExternalId: request.transactionId });
        break;
    }
    return this.answerOf(request.action, outcome, party);
  }

  private async answerOf(
    action: MoneyAction,
    outcome: WalletOutcome,
    party: WalletParty,
  ): Promise<SlotegratorAnswer> {
    if (!outcome.ok) return refusalAnswer(action, outcome);
    // A repeated seamless refund carries the balance stored with the original: report the operator's
    // current one, as for a balance request.
    const askOperator = party.walletMode === 'seamless' && action === 'refund' && outcome.repeated;
    const known = askOperator ? null : outcome.balance;
    // Money moved (or a repeat was recognised): always a success, with the best balance we know.
    const balance = known ?? (await this.balances.execute(party)) ?? outcome.balance ?? Money.zero();
    return okAnswer(balance);
  }

  private async touch(sessionId: string): Promise<void> {
    try {
      await this.sessions.touch(sessionId);
    } catch (err) {
      this.logger.warn({ err, sessionId }, 'could not mark session activity');
    }
  }
}
