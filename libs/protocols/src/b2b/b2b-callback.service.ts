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
import { b2bVerdict, type B2bVerdict } from './b2b-outcome.mapper';
import { type B2bApi, B2bErrorCode } from './wire/b2b-api';
import {
  b2bAnswer,
  type B2bAnswerFields,
  type B2bEnvelope,
  b2bNickname,
  b2bOperatorId,
} from './wire/b2b-answer';
import type { B2bAuthRequest, B2bFeaturesRequest, B2bMoneyRequest, B2bRequest } from './wire/b2b-request';
import { parseB2bRequest } from './wire/b2b-request.parser';

export interface B2bCallback {
  providerCode: string;
  ip: string;
  body: unknown;
  rawBody: Buffer | undefined;
  bodyParseError: string | undefined;
  /** Correlation id of the HTTP request. */
  requestId: string;
}

type B2bProvider = ProviderOf<'b2b'>;

/** Credits are kept apart from debits: the integrator may reuse a debit's transaction_id for its credit. */
const CREDIT_SCOPE = 'credit';

const REDACTED = '[redacted]';

/**
 * `POST /callbacks/b2b/{providerCode}`: maps the integrator's calls to the wallet commands and their
 * outcomes to §4.3 codes. Every path ends in an answer of the protocol's shape; nothing here throws.
 */
@Injectable()
export class B2bCallbackService {
  private readonly logger = new Logger('B2bCallback');

  constructor(
    private readonly providers: CallbackProviders,
    private readonly sessions: CallbackSessionsService,
    private readonly debit: DebitCommand,
    private readonly credit: CreditCommand,
    private readonly rollback: RollbackCommand,
    private readonly balance: BalanceQuery,
    private readonly metrics: ProtocolMetrics,
    private readonly callbackLog: CallbackLog,
  ) {}

  async handle(call: B2bCallback): Promise<B2bEnvelope> {
    const startedAt = process.hrtime.bigint();
    let envelope: B2bEnvelope;
    let request: B2bRequest | null = null;
    let action = 'unknown';
    try {
      const parsed = parseB2bRequest(call.body, call.rawBody, call.bodyParseError);
      if (parsed.ok) {
        request = parsed.request;
        action = request.api;
      } else if (parsed.refusal.known) {
        action = parsed.refusal.known;
      }
      const resolved = await this.providers.resolve('b2b', call.providerCode, call.ip);
      if (!resolved.ok) {
        const description =
          resolved.reason === 'IP_NOT_ALLOWED' ? 'caller address is not allowed' : 'unknown provider';
        const api = parsed.ok ? parsed.request.api : parsed.refusal.api;
        envelope = this.refusal(
          api,
          parsed.ok ? parsed.request.api : parsed.refusal.known,
          undefined,
          {
            code: B2bErrorCode.General,
            description,
          },
          parsed.ok ? echoOfRequest(parsed.request) : parsed.refusal.echo,
        );
      } else if (!parsed.ok) {
        const r = parsed.refusal;
        envelope = this.refusal(
          r.api,
          r.known,
          resolved.provider,
          {
            code: B2bErrorCode.General,
            description: r.description,
          },
          r.echo,
        );
      } else {
        envelope = await this.dispatch(parsed.request, resolved.provider);
      }
    } catch (e) {
      envelope = this.internalError(call, request, e);
    }
    const code = envelope.answer.error_code as B2bErrorCode;
    this.metrics.record('b2b', action, code === B2bErrorCode.Ok ? 'ok' : String(code), startedAt);
    if (this.callbackLog.enabled) this.logExchange(call, request, envelope, startedAt);
    return envelope;
  }

  private async dispatch(request: B2bRequest, provider: B2bProvider): Promise<B2bEnvelope> {
    switch (request.api) {
      case 'do-auth-user-ingame':
        return this.auth(request, provider);
      case 'do-debit-user-ingame':
      case 'do-credit-user-ingame':
      case 'do-rollback-user-ingame':
        return this.money(request, provider);
      case 'do-get-features-user-ingame':
      case 'do-activate-features-user-ingame':
      case 'do-end-features-user-ingame':
        return this.features(request, provider);
    }
  }

  /** §3.2: spends the one-time auth_token of the launch and issues the session's game_token. */
  private async auth(request: B2bAuthRequest, provider: B2bProvider): Promise<B2bEnvelope> {
    const session = await this.sessions.exchangeAuthToken(provider.id, request.authToken);
    const echo = { ...echoOfRequest(request), authToken: request.authToken };
    if (!session) {
      return this.tokenNotFound(
        request.api,
        provider,
        'auth token not found, already used or its session ended',
        echo,
      );
    }
    const mismatch = this.mismatch(request, session, true);
    if (mismatch) return this.sessionAnswer(request, provider, session, mismatch, null, echo);
    const balance = await this.currentBalance(session);
    if (balance === null) {
      return this.sessionAnswer(
        request,
        provider,
        session,
        {
          code: B2bErrorCode.General,
          description: 'balance unavailable, try later',
        },
        null,
        echo,
      );
    }
    return this.sessionAnswer(
      request,
      provider,
      session,
      { code: B2bErrorCode.Ok, description: 'ok' },
      balance,
      echo,
    );
  }

  /** §3.3–3.5. A rollback carries the debit's own transaction_id. */
  private async money(request: B2bMoneyRequest, provider: B2bProvider): Promise<B2bEnvelope> {
    const session = await this.sessions.byGameToken(provider.id, request.gameToken);
    const echo = echoOfRequest(request);
    if (!session) return this.tokenNotFound(request.api, provider, 'game token not found', echo);
    const isDebit = request.api === 'do-debit-user-ingame';
    const mismatch = this.mismatch(request, session, isDebit);
    if (mismatch) return this.sessionAnswer(request, provider, session, mismatch, null, echo);
    if (session.mode === 'demo') {
      return this.sessionAnswer(
        request,
        provider,
        session,
        {
          code: B2bErrorCode.General,
          description: 'demo session: no money moves',
        },
        null,
        echo,
      );
    }
    // Bets need a live session; wins and rollbacks settle whatever became of it.
    if (isDebit && session.state !== 'active') {
      return this.sessionAnswer(
        request,
        provider,
        session,
        {
          code: B2bErrorCode.TokenNotFound,
          description: `session is ${session.state}`,
        },
        null,
        echo,
      );
    }
    const party = walletParty(session);
    const [outcome] = await Promise.all([
      this.move(request, provider, session, party),
      session.state === 'active' ? this.sessions.touch(session.id) : Promise.resolve(),
    ]);
    const balance = needsLiveBalance(request, party, outcome)
      ? await this.safeBalance(party)
      : outcome.balance;
    return this.sessionAnswer(request, provider, session, b2bVerdict(outcome), balance, echo);
  }

  private move(
    request: B2bMoneyRequest,
    provider: B2bProvider,
    session: CallbackSession,
    party: WalletParty,
  ): Promise<WalletOutcome> {
    const common = {
      party,
      providerId: provider.id,
      externalId: request.transactionId,
      sessionId: session.id,
      gameId: session.gameId,
      providerRoundId: request.turnId,
      meta: { game_code: request.gameCode, game_name: request.gameName, user_ip: request.userIp },
    };
    switch (request.api) {
      case 'do-debit-user-ingame':
        return this.debit.execute({ ...common, amount: request.amount, subtype: 'bet' });
      case 'do-credit-user-ingame':
        return this.credit.execute({
          ...common,
          idempotencyScope: CREDIT_SCOPE,
          amount: request.amount,
          subtype: 'win',
        });
      case 'do-rollback-user-ingame':
        return this.rollback.execute({
          ...common,
          betExternalId: request.transactionId,
          amount: request.amount,
        });
    }
  }

  /** §3.6–3.8: no free rounds are offered yet, so none can be activated or ended (nothing moves). */
  private async features(request: B2bFeaturesRequest, provider: B2bProvider): Promise<B2bEnvelope> {
    const session = await this.sessions.byGameToken(provider.id, request.gameToken);
    const echo = echoOfRequest(request);
    if (!session) return this.tokenNotFound(request.api, provider, 'game token not found', echo);
    const mismatch = this.mismatch(request, session, false);
    if (mismatch) return this.sessionAnswer(request, provider, session, mismatch, null, echo);
    const balance = await this.safeBalance(walletParty(session), session);
    const verdict: B2bVerdict =
      request.api === 'do-get-features-user-ingame'
        ? { code: B2bErrorCode.Ok, description: 'ok' }
        : { code: B2bErrorCode.General, description: `free rounds ${request.freeRoundsId} were not issued` };
    return this.sessionAnswer(request, provider, session, verdict, balance, echo);
  }

  /** The request's user and currency must be the session's; a blocked player may not start anything. */
  private mismatch(request: B2bRequest, session: CallbackSession, starts: boolean): B2bVerdict | null {
    if (request.userId !== b2bUserId(session)) {
      return { code: B2bErrorCode.UserNotFound, description: 'user_id does not match the session' };
    }
    if (request.currency !== session.currency.toUpperCase()) {
      return { code: B2bErrorCode.General, description: 'currency does not match the session' };
    }
    if (starts && session.playerBlocked)
      return { code: B2bErrorCode.UserBlocked, description: 'user blocked' };
    return null;
  }

  private async currentBalance(session: CallbackSession): Promise<Money | null> {
    if (session.mode === 'demo') return Money.zero();
    return this.balance.execute(walletParty(session));
  }

  /** For answers that must carry a balance the outcome did not: best effort, never fails the answer. */
  private async safeBalance(party: WalletParty, session?: CallbackSession): Promise<Money | null> {
    if (session?.mode === 'demo') return null;
    try {
      return await this.balance.execute(party);
    } catch (e) {
      this.logger.warn({ msg: 'b2b balance unavailable', err: (e as Error).message });
      return null;
    }
  }

  private sessionAnswer(
    request: B2bRequest,
    provider: B2bProvider,
    session: CallbackSession,
    verdict: B2bVerdict,
    balance: Money | null,
    echo: ReturnType<typeof echoOfRequest>,
  ): B2bEnvelope {
    const fields: B2bAnswerFields = {
      operatorId: b2bOperatorId(provider.config.operatorId),
      userId: b2bUserId(session),
      nickname: b2bNickname(session.nickname, session.userId),
      balance,
      gameToken: session.gameToken ?? '',
      currency: session.currency,
      code: verdict.code,
      description: verdict.description,
      transactionId: echo.transactionId,
      authToken: echo.authToken,
    };
    return b2bAnswer(request.api, request.api, fields);
  }

  /** The token the request names leads to no session (unknown, spent, or its session ended): code 4. */
  private tokenNotFound(
    api: B2bApi,
    provider: B2bProvider,
    description: string,
    echo: ReturnType<typeof echoOfRequest>,
  ): B2bEnvelope {
    return this.refusal(api, api, provider, { code: B2bErrorCode.TokenNotFound, description }, echo);
  }

  private refusal(
    api: string,
    known: B2bApi | null,
    provider: B2bProvider | undefined,
    verdict: B2bVerdict,
    echo: ReturnType<typeof echoOfRequest>,
  ): B2bEnvelope {
    return b2bAnswer(api, known, {
      operatorId: b2bOperatorId(provider?.config.operatorId),
      userId: echo.userId ?? '',
      nickname: echo.userId ? b2bNickname(null, echo.userId) : '',
      balance: null,
      gameToken: echo.gameToken ?? '',
      currency: echo.currency ?? '',
      code: verdict.code,
      description: verdict.description,
      transactionId: echo.transactionId,
      authToken: echo.authToken,
    });
  }

  private internalError(call: B2bCallback, request: B2bRequest | null, e: unknown): B2bEnvelope {
    this.logger.error({
      msg: 'b2b callback failed',
      protocol: 'b2b',
      provider: call.providerCode,
      requestId: call.requestId,
      api: request?.api,
      err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e),
    });
    const api =
      request?.api ??
      (typeof (call.body as { api?: unknown })?.api === 'string'
        ? String((call.body as { api: string }).api).slice(0, 64)
        : '');
    return b2bAnswer(api, request?.api ?? null, {
      operatorId: 0,
      userId: request?.userId ?? '',
      nickname: request ? b2bNickname(null, request.userId) : '',
      balance: null,
      gameToken: '',
      currency: request?.currency ?? '',
      code: B2bErrorCode.General,
      description: `internal error (ref ${call.requestId})`,
      transactionId: request && 'transactionId' in request ? request.transactionId : undefined,
      authToken: request?.api === 'do-auth-user-ingame' ? request.authToken : undefined,
    });
  }

  private logExchange(
    call: B2bCallback,
    request: B2bRequest | null,
    envelope: B2bEnvelope,
    startedAt: bigint,
  ): void {
    const a = envelope.answer;
    this.logger.log({
      msg: 'b2b callback',
      protocol: 'b2b',
      provider: call.providerCode,
      requestId: call.requestId,
      ip: call.ip,
      api: envelope.api,
      transactionId: request && 'transactionId' in request ? request.transactionId : undefined,
      roundId: request && 'turnId' in request ? request.turnId : undefined,
      userId: request?.userId,
      request: redactedData(call.body),
      answer: { ...a, auth_token: a.auth_token === undefined ? undefined : REDACTED, game_token: REDACTED },
      durationMs: Number(process.hrtime.bigint() - startedAt) / 1e6,
    });
  }
}

/**
 * The `user_id` the launch URL gave the integrator: our player id, since towards it we are one operator
 * and operators' own user ids may collide (see B2bLaunchUrlBuilder).
 */
function b2bUserId(session: CallbackSession): string {
  return session.playerId ?? session.userId;
}

/**
 * The balance an outcome carries is the operator's in seamless mode (the wallet asks it for a rollback
 * that moved nothing), except for a repeated rollback, which carries the original's: ask the wallet now.
 */
function needsLiveBalance(request: B2bMoneyRequest, party: WalletParty, outcome: WalletOutcome): boolean {
  if (outcome.balance === null) return true;
  if (party.walletMode !== 'seamless' || request.api !== 'do-rollback-user-ingame') return false;
  return outcome.repeated;
}

function echoOfRequest(request: B2bRequest): {
  userId?: string;
  currency?: string;
  transactionId?: string;
  authToken?: string;
  gameToken?: string;
} {
  return {
    userId: request.userId,
    currency: request.currency,
    transactionId: 'transactionId' in request ? request.transactionId : undefined,
    authToken: request.api === 'do-auth-user-ingame' ? request.authToken : undefined,
    gameToken: 'gameToken' in request ? request.gameToken : undefined,
  };
}

/** The request's data for the log, its tokens replaced. */
function redactedData(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return undefined;
  const data = (body as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of ['user_auth_token', 'user_game_token']) if (key in copy) copy[key] = REDACTED;
  return copy;
}
