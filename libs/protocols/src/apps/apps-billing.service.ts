import { Injectable, Logger } from '@nestjs/common';
import { Money } from '@app/common';
import type { AppsAmountUnit } from '@app/catalogue';
import { type CallbackSession, CallbackSessionsService } from '@app/sessions';
import { BalanceQuery, PlayCommand, type WalletOutcome, type WalletParty, WalletRefusal } from '@app/wallet';
import { CallbackProviders, type ProviderOf } from '../common/callback-provider';
import { CallbackLog } from '../common/callback-log';
import { ProtocolMetrics } from '../common/protocol-metrics';
import { walletParty } from '../common/wallet-party';
import { type AppsReply, SESSION_NOT_FOUND, SIGN_NOT_FOUND } from './apps-reply';
import { type AppsDoRequest, readDoRequest, readIdentity } from './apps-request';
import { verifyAppsSign } from './apps-signature';

/** What the controller hands over: the request as it came. */
export interface AppsCall {
  providerCode: string;
  ip: string;
  body: unknown;
  rawBody: string;
  bodyParseError?: string;
  requestId: string;
}

export interface AppsAnswer {
  reply: AppsReply;
  /** The provider's unit, to write the balance in (kopecks until the provider is known). */
  unit: AppsAmountUnit;
}

/** balance | bet | win | bet_win: what a `do` call does, for metrics and logs. */
type AppsAction = 'do' | 'balance' | 'bet' | 'win' | 'bet_win';

/** A demo session plays against this balance and never moves money. */
const DEMO_BALANCE = Money.fromMinorUnits(100_000n, 2);

/** Operator refusals that mean the player cannot play this session at all. */
const SESSION_REFUSALS = new Set(['INVALID_TOKEN', 'PLAYER_NOT_FOUND', 'PLAYER_BLOCKED']);

interface Trace {
  provider?: string;
  trxId?: string;
  roundId?: string | null;
  sessionId?: string;
  minus?: string;
  plus?: string;
  reason?: string;
  repeated?: boolean;
  refusal?: string;
}

/**
 * The apps billing `POST /callbacks/apps/{providerCode}/do`: checks the md5×45 sign, reads the amounts
 * exactly in the provider's unit, moves `minus` and `plus` as one play, and answers with one of the
 * four replies the spec allows. Everything that goes wrong ends in one of them too.
 */
@Injectable()
export class AppsBillingService {
  private readonly logger = new Logger('AppsBilling');

  constructor(
    private readonly providers: CallbackProviders,
    private readonly sessions: CallbackSessionsService,
    private readonly play: PlayCommand,
    private readonly balances: BalanceQuery,
    private readonly metrics: ProtocolMetrics,
    private readonly callbackLog: CallbackLog,
  ) {}

  async handle(call: AppsCall): Promise<AppsAnswer> {
    const startedAt = process.hrtime.bigint();
    const trace: Trace = { provider: call.providerCode };
    let action: AppsAction = 'do';
    let answer: AppsAnswer = { reply: SESSION_NOT_FOUND, unit: 'kopecks' };
    try {
      answer = await this.answer(call, trace, (a) => (action = a));
    } catch (e) {
      // Never a 5xx: the provider gets a reply it knows; the correlation id finds the details.
      this.logger.error(
        { err: e, correlationId: call.requestId, ...trace },
        'apps billing failed unexpectedly',
      );
      answer = { ...answer, reply: SESSION_NOT_FOUND };
    }
    const { reply } = answer;
    this.metrics.record('apps', action, reply.status === 'OK' ? 'ok' : reply.status, startedAt);
    if (this.callbackLog.enabled)
      this.logger.log(
        {
          protocol: 'apps',
          action,
          requestId: call.requestId,
          ...trace,
          status: reply.status,
          balance: 'balance' in reply ? reply.balance.toString() : undefined,
        },
        'apps billing call',
      );
    return answer;
  }

  private async answer(
    call: AppsCall,
    trace: Trace,
    setAction: (a: AppsAction) => void,
  ): Promise<AppsAnswer> {
    const resolved = await this.providers.resolve('apps', call.providerCode, call.ip);
    if (!resolved.ok) {
      trace.reason = resolved.reason;
      // An address off the allowlist is an authentication failure; an unknown provider has no sessions.
      return {
        reply: resolved.reason === 'IP_NOT_ALLOWED' ? SIGN_NOT_FOUND : SESSION_NOT_FOUND,
        unit: 'kopecks',
      };
    }
    const provider = resolved.provider;
    const unit = provider.config.amountUnit;
    const refuse = (reply: AppsReply, reason: string): AppsAnswer => {
      trace.reason = reason;
      return { reply, unit };
    };
    if (call.bodyParseError) return refuse(SESSION_NOT_FOUND, 'malformed JSON');

    const identity = readIdentity(call.body);
    if (!identity.ok) return refuse(SESSION_NOT_FOUND, `${identity.field}: ${identity.reason}`);
    trace.trxId = identity.value.trxId;
    if (
      !verifyAppsSign(identity.value.sign, identity.value.session, identity.value.trxId, provider.config.salt)
    )
      return refuse(SIGN_NOT_FOUND, 'sign mismatch');

    const body = call.body as Record<string, unknown>;
    if (body.method !== 'do') return refuse(SESSION_NOT_FOUND, 'unknown method');
    const parsed = readDoRequest(body, identity.value, call.rawBody, unit);
    if (!parsed.ok) return refuse(SESSION_NOT_FOUND, `${parsed.field}: ${parsed.reason}`);
    const req = parsed.value;
    trace.minus = req.minus.toString();
    trace.plus = req.plus.toString();
    trace.roundId = req.gameUuid;
    const settlesRound = req.gameUuid !== null && req.gameSource !== '';
    setAction(
      !req.minus.isZero()
        ? req.plus.isZero()
          ? 'bet'
          : 'bet_win'
        : !req.plus.isZero() || settlesRound
          ? 'win'
          : 'balance',
    );

    const session = await this.sessions.byToken(provider.id, req.session);
    if (!session) return refuse(SESSION_NOT_FOUND, 'unknown session');
    trace.sessionId = session.id;
    const takesMoney = !req.minus.isZero();
    if (takesMoney && (session.state !== 'active' || session.playerBlocked))
      return refuse(
        SESSION_NOT_FOUND,
        `bet on a ${session.playerBlocked ? 'blocked player' : session.state} session`,
      );

    if (session.mode === 'demo') {
      if (req.minus.gt(DEMO_BALANCE))
        return { reply: this.funds('not_enough_money', DEMO_BALANCE, session), unit };
      return { reply: this.funds('OK', DEMO_BALANCE, session), unit };
    }
    const party = walletParty(session);

    // Both 0: a balance request, or — with a round named — the null payout that settles a losing round.
    if (req.minus.isZero() && req.plus.isZero() && !settlesRound) {
      if (session.state !== 'active')
        return refuse(SESSION_NOT_FOUND, `balance on a ${session.state} session`);
      const [balance] = await Promise.all([this.currentBalance(party), this.sessions.touch(session.id)]);
      return { reply: this.funds('OK', balance, session), unit };
    }

    const [outcome] = await Promise.all([
      this.play.execute(this.playInput(provider, session, party, req)),
      session.state === 'active' ? this.sessions.touch(session.id) : Promise.resolve(),
    ]);
    trace.repeated = outcome.repeated;
    if (!outcome.ok) trace.refusal = outcome.refusal;
    return { reply: await this.replyOf(outcome, party, session), unit };
  }

  private playInput(
    provider: ProviderOf<'apps'>,
    session: CallbackSession,
    party: WalletParty,
    req: AppsDoRequest,
  ): Parameters<PlayCommand['execute']>[0] {
    return {
      party,
      providerId: provider.id,
      externalId: req.trxId,
      sessionId: session.id,
      gameId: session.gameId,
      providerRoundId: req.gameUuid,
      subtype: null,
      meta: { tag: req.tag },
      minus: req.minus,
      plus: req.plus,
    };
  }

  /** Maps every wallet outcome to one of the four replies. A repeat answers with the current balance. */
  private async replyOf(
    outcome: WalletOutcome,
    party: WalletParty,
    session: CallbackSession,
  ): Promise<AppsReply> {
    const now = async (): Promise<Money> =>
      outcome.repeated || !outcome.balance ? this.currentBalance(party) : outcome.balance;
    if (outcome.ok) return this.funds('OK', await now(), session);
    const refusal = outcome.refusal ?? WalletRefusal.UnknownOutcome;
    switch (refusal) {
      case WalletRefusal.InsufficientFunds:
        return this.funds('not_enough_money', await now(), session);
      case WalletRefusal.IdempotencyConflict:
        // The spec: a second request with a known trx_id gets the current balance, nothing else happens.
        this.logger.warn({ transactionId: outcome.transactionId }, 'apps trx_id reused with other amounts');
        return this.funds('OK', await this.currentBalance(party), session);
      case WalletRefusal.OperatorRefused:
        if (SESSION_REFUSALS.has(outcome.operatorCode ?? '')) return SESSION_NOT_FOUND;
        return this.funds('not_enough_money', await this.currentBalance(party), session);
      // Nothing was taken (an unknown seamless outcome is compensated by a queued refund): the bet did not happen.
      case WalletRefusal.BetAlreadyRefunded:
      case WalletRefusal.RefundAmountMismatch:
      case WalletRefusal.OperatorUnavailable:
      case WalletRefusal.UnknownOutcome:
      case WalletRefusal.InProgress:
        return this.funds('not_enough_money', await this.currentBalance(party), session);
    }
  }

  private async currentBalance(party: WalletParty): Promise<Money> {
    return (await this.balances.execute(party)) ?? Money.zero();
  }

  private funds(status: 'OK' | 'not_enough_money', balance: Money, session: CallbackSession): AppsReply {
    return { status, balance, currency: session.currency };
  }
}
