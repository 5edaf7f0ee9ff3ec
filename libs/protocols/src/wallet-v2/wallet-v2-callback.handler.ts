import { Injectable, Logger } from '@nestjs/common';
import type { Money } from '@app/common';
import { type CallbackSession, CallbackSessionsService } from '@app/sessions';
import {
  BalanceQuery,
  CreditCommand,
  DebitCommand,
  type MovementContext,
  RollbackCommand,
  type WalletOutcome,
  WalletRefusal,
} from '@app/wallet';
import { CallbackProviders } from '../common/callback-provider';
import { walletParty } from '../common/wallet-party';
import { balanceAnswer, errorAnswer, movementAnswer, type WalletV2Answer } from './wallet-v2-answer';
import { WalletV2ErrorCode } from './wallet-v2-error';
import { walletV2RefusalError } from './wallet-v2-refusal';
import {
  parseWalletV2Request,
  type WalletV2Cancel,
  type WalletV2Movement,
  type WalletV2Request,
} from './wire/wallet-v2-request';

export interface WalletV2Call {
  providerCode: string;
  ip: string;
  /** The exact bytes: the route is raw-body-only, so bad JSON is the wire parser's to refuse. */
  rawBody?: Buffer;
}

/** What the edge logs about a call; filled in as the handler learns it. */
export interface WalletV2Trace {
  providerId?: string;
  type?: string;
  transactionId?: string;
  roundId?: string;
  sessionId?: string;
  walletTransactionId?: string;
  reason?: string;
  repeated?: boolean;
}

/**
 * One wallet-v2 callback: provider (and its IP allowlist), exact wire parsing, the session, one wallet
 * command, the answer. Money rules (idempotency, conflicts, cancel-before-bet, rounds) are the wallet's.
 */
@Injectable()
export class WalletV2CallbackHandler {
  private readonly logger = new Logger(WalletV2CallbackHandler.name);

  constructor(
    private readonly providers: CallbackProviders,
    private readonly sessions: CallbackSessionsService,
    private readonly debit: DebitCommand,
    private readonly credit: CreditCommand,
    private readonly rollback: RollbackCommand,
    private readonly balance: BalanceQuery,
  ) {}

  async handle(call: WalletV2Call, trace: WalletV2Trace): Promise<WalletV2Answer> {
    const resolved = await this.providers.resolve('wallet-v2', call.providerCode, call.ip);
    if (!resolved.ok) {
      return errorAnswer(
        resolved.reason === 'UNKNOWN_PROVIDER'
          ? WalletV2ErrorCode.UnknownProvider
          : WalletV2ErrorCode.IpNotAllowed,
      );
    }
    const providerId = resolved.provider.id;
    trace.providerId = providerId;
    const parsed = parseWalletV2Request(call.rawBody);
    if (!parsed.ok) {
      Object.assign(trace, {
        type: parsed.ids.type,
        transactionId: parsed.ids.id,
        roundId: parsed.ids.roundId,
      });
      trace.reason = parsed.reason;
      return errorAnswer(
        parsed.error,
        parsed.error === WalletV2ErrorCode.BadRequest ? parsed.reason : undefined,
      );
    }
    const req = parsed.request;
    trace.type = req.type;
    if (req.type !== 'credit') {
      trace.transactionId = req.id;
      if (req.roundId !== null) trace.roundId = req.roundId;
    }

    const session = await this.sessions.byToken(providerId, req.code);
    if (!session) return errorAnswer(WalletV2ErrorCode.SessionNotFound);
    trace.sessionId = session.id;
    if (session.mode === 'demo') return errorAnswer(WalletV2ErrorCode.DemoSession);
    if (session.state === 'active') {
      // Off the answer's path: activity is only bookkeeping for the idle expiry.
      this.sessions.touch(session.id).catch((err: unknown) => {
        this.logger.warn({ err, sessionId: session.id }, 'Could not mark session activity');
      });
    }
    return this.dispatch(req, session, providerId, trace);
  }

  private async dispatch(
    req: WalletV2Request,
    session: CallbackSession,
    providerId: string,
    trace: WalletV2Trace,
  ): Promise<WalletV2Answer> {
    switch (req.type) {
      case 'credit': {
        const balance = await this.balance.execute(walletParty(session));
        if (!balance) return errorAnswer(WalletV2ErrorCode.TryAgain);
        return balanceAnswer(balance, session.userId, session.currency);
      }
      case 'bet':
        if (session.state !== 'active') return errorAnswer(WalletV2ErrorCode.SessionExpired);
        if (session.playerBlocked) return errorAnswer(WalletV2ErrorCode.PlayerBlocked);
        return this.answer(
          await this.debit.execute({
            ...this.movement(req, session, providerId),
            party: walletParty(session),
            amount: req.amount,
          }),
          session,
          trace,
        );
      case 'win':
        return this.answer(
          await this.credit.execute({
            ...this.movement(req, session, providerId),
            party: walletParty(session),
            amount: req.amount,
          }),
          session,
          trace,
        );
      case 'cancel': {
        const outcome = await this.rollback.execute(this.cancel(req, session, providerId));
        // A repeated seamless cancel carries the balance stored with the original: report the casino's now.
        const fromCasino = session.walletMode === 'seamless' && outcome.repeated;
        return this.answer(fromCasino ? { ...outcome, balance: null } : outcome, session, trace);
      }
    }
  }

  private movement(req: WalletV2Movement, session: CallbackSession, providerId: string): MovementContext {
    return {
      providerId,
      externalId: req.id,
      idempotencyScope: session.currency,
      sessionId: session.id,
      gameId: session.gameId,
      providerRoundId: roundKey(session.currency, req.roundId ?? req.id),
      subtype: req.type,
      meta: { game: req.game, ...(req.roundId !== null ? { round_id: req.roundId } : {}) },
    };
  }

  private cancel(req: WalletV2Cancel, session: CallbackSession, providerId: string) {
    return {
      party: walletParty(session),
      providerId,
      externalId: req.id,
      idempotencyScope: session.currency,
      betExternalId: req.id,
      amount: null,
      sessionId: session.id,
      gameId: session.gameId,
      providerRoundId: req.roundId !== null ? roundKey(session.currency, req.roundId) : null,
      meta: req.roundId !== null ? { round_id: req.roundId } : null,
    };
  }

  private async answer(
    outcome: WalletOutcome,
    session: CallbackSession,
    trace: WalletV2Trace,
  ): Promise<WalletV2Answer> {
    if (outcome.transactionId) trace.walletTransactionId = outcome.transactionId;
    trace.repeated = outcome.repeated;
    if (!outcome.ok) {
      const { code, detail } = walletV2RefusalError(
        outcome.refusal ?? WalletRefusal.UnknownOutcome,
        outcome.operatorCode,
      );
      return errorAnswer(code, detail);
    }
    const balance: Money | null = outcome.balance ?? (await this.balance.execute(walletParty(session)));
    return balance ? movementAnswer(balance) : errorAnswer(WalletV2ErrorCode.TryAgain);
  }
}

/** wallet-v2 ids are unique per currency only, so its rounds are too. */
function roundKey(currency: string, roundId: string): string {
  return `${currency}:${roundId}`;
}
