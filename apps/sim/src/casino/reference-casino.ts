import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { CallLog, nowMs, type CallMatcher, type WaitForCallsOptions, type WalletCall } from './call-log';
import { CasinoControlError } from './casino-control.error';
import { casinoControlRoutes, type CasinoControl } from './casino-control.routes';
import { FaultRules, type Fault, type FaultRule, type FaultRuleView } from './casino-faults';
import { verifyWalletCall } from './casino-signature';
import { CasinoWallet } from './casino-wallet';
import type {
  CasinoTransactionView,
  PlayerInput,
  PlayerView,
  Refusal,
  WalletAnswer,
  WalletRequest,
} from './casino.types';
import { WALLET_REQUEST_SCHEMA } from './wallet-request.schema';

export interface ReferenceCasinoOptions {
  /** When set, X-Operator-Id must be this (settable later with setOperatorId). */
  operatorId?: string;
  /** The operator secret the aggregator signs with; until one is set every signed call is refused. */
  secret?: string;
  /** Path of the wallet endpoint; default '/wallet'. */
  path?: string;
  /** Default true; false accepts unsigned calls (benchmarks of the casino itself). */
  verifySignature?: boolean;
  /** Allowed X-Timestamp skew, seconds; default 300. */
  signatureToleranceS?: number;
  /** Wallet calls kept in the call log; default 10 000 (older ones are dropped). */
  callLogLimit?: number;
  /** Request errors and one debug line per wallet call go here; silent by default. */
  logger?: FastifyBaseLogger;
}

const BODY_LIMIT = 1024 * 1024;
const DEFAULT_GARBAGE = '<html><body><h1>502 Bad Gateway</h1></body></html>';

/**
 * An operator (online casino) wallet server speaking the seamless wallet contract of DESIGN §6: the peer
 * our aggregator calls in tests, the demo and benchmarks. Plain Fastify, in memory, exact (Money), and
 * controllable: players, injected faults and a log of every call, as methods and under `/control`.
 *
 * Its state lives outside the HTTP server, so `stop()` then `start(samePort)` is an outage that keeps
 * the books.
 */
export class ReferenceCasino implements CasinoControl {
  private readonly wallet = new CasinoWallet();
  private readonly faults = new FaultRules();
  private readonly log: CallLog;
  private readonly path: string;
  private readonly verifySignature: boolean;
  private readonly toleranceS: number;
  private readonly logger?: FastifyBaseLogger;
  private secrets: string[];
  private operatorId: string | undefined;
  private server: FastifyInstance | undefined;
  private url: string | undefined;
  /** Aborts the waits of `slow` calls when the server stops. */
  private stopping = new AbortController();
  private readonly inFlight = new WeakMap<FastifyRequest, WalletCall>();

  constructor(options: ReferenceCasinoOptions = {}) {
    this.operatorId = options.operatorId;
    this.secrets = options.secret === undefined ? [] : [options.secret];
    this.path = options.path ?? '/wallet';
    this.verifySignature = options.verifySignature ?? true;
    this.toleranceS = options.signatureToleranceS ?? 300;
    this.log = new CallLog(options.callLogLimit ?? 10_000);
    this.logger = options.logger;
    if (!this.path.startsWith('/') || this.path.startsWith('/control')) {
      throw new RangeError(`path must start with '/' and not be under /control, got ${this.path}`);
    }
  }

  /** Listens and returns the base URL (no trailing slash). Port 0 picks a free port. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    if (this.server) throw new Error(`The reference casino is already listening on ${this.url}`);
    const server = this.buildServer();
    await server.listen({ port, host });
    const address = server.server.address();
    const boundPort = typeof address === 'object' && address !== null ? address.port : port;
    this.server = server;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
    return this.url;
  }

  /** Closes the listener and every connection; pending slow answers are dropped. Players and logs stay. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.stopping.abort();
    await server.close();
    this.stopping = new AbortController();
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  /** Base URL of the last start (kept after stop, so an outage keeps the same address). */
  get baseUrl(): string {
    if (this.url === undefined) throw CasinoControlError.notStarted();
    return this.url;
  }

  /** Full URL of the wallet endpoint: the operator's `walletUrl` on the aggregator. */
  get walletUrl(): string {
    return `${this.baseUrl}${this.path}`;
  }

  get controlUrl(): string {
    return `${this.baseUrl}/control`;
  }

  /** Replaces the accepted secrets with this one, or adds it to them with keepPrevious (a rotation overlap). */
  setSecret(secret: string, options: { keepPrevious?: boolean } = {}): void {
    if (secret === '') throw new RangeError('The secret must not be empty');
    this.secrets = options.keepPrevious ? [...this.secrets.filter((s) => s !== secret), secret] : [secret];
  }

  /** undefined accepts any X-Operator-Id (the signature still has to verify). */
  setOperatorId(operatorId: string | undefined): void {
    this.operatorId = operatorId;
  }

  upsertPlayer(input: PlayerInput): PlayerView {
    return this.wallet.upsertPlayer(input);
  }

  players(): PlayerView[] {
    return this.wallet.allPlayers();
  }

  /** Throws CasinoControlError (PLAYER_NOT_FOUND) for an unknown player. */
  player(userId: string): PlayerView {
    const player = this.wallet.player(userId);
    if (!player) throw CasinoControlError.playerNotFound(userId);
    return player;
  }

  /** Every decided move-funds in order, or only this player's. */
  transactions(userId?: string): CasinoTransactionView[] {
    return this.wallet.allTransactions(userId);
  }

  findTransaction(transactionId: string): CasinoTransactionView | undefined {
    return this.wallet.transaction(transactionId);
  }

  setFault(rule: FaultRule): FaultRuleView {
    return this.faults.add(rule);
  }

  faultRules(): FaultRuleView[] {
    return this.faults.list();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Wallet calls in arrival order (signature failures included), optionally filtered. */
  calls(filter: CallMatcher = {}): WalletCall[] {
    return this.log.list(filter);
  }

  /**
   * Resolves with the matching calls once there are `count` (default 1) of them: finished ones, or with
   * `finished: false` also those still being served (e.g. a bet held by a `slow` fault).
   */
  waitForCalls(filter: CallMatcher, options?: WaitForCallsOptions): Promise<WalletCall[]> {
    return this.log.waitFor(filter, options);
  }

  clearCalls(): void {
    this.log.clear();
  }

  /** Clears faults and the call log; players and their transactions stay. */
  reset(): void {
    this.clearFaults();
    this.clearCalls();
  }

  /** Forgets players and transactions too. */
  clearPlayers(): void {
    this.wallet.clear();
  }

  private buildServer(): FastifyInstance {
    const app = Fastify({
      ...(this.logger ? { loggerInstance: this.logger } : { logger: false }),
      logController: new LogController({ disableRequestLogging: true }),
      bodyLimit: BODY_LIMIT,
      forceCloseConnections: true,
      // Amounts must arrive as strings: never let a JSON number be coerced into one. A typo in a control
      // call is an error, not silently dropped.
      ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    });

    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      const raw = body as Buffer;
      req.rawBody = raw;
      if (raw.length === 0) return done(null, undefined);
      try {
        done(null, JSON.parse(raw.toString('utf8')));
      } catch (e) {
        if (req.routeOptions.url === this.path) {
          // The wallet endpoint answers in the contract's shape, after checking the signature.
          req.bodyParseError = `Malformed JSON body: ${(e as Error).message}`;
          return done(null, undefined);
        }
        done(Object.assign(new Error(`Malformed JSON body: ${(e as Error).message}`), { statusCode: 400 }));
      }
    });

    app.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error instanceof CasinoControlError) {
        return reply
          .code(error.httpStatus)
          .send({ statusCode: error.httpStatus, error: error.code, message: error.message });
      }
      const status = error.validation ? 400 : (error.statusCode ?? 500);
      if (status >= 500) app.log.error({ err: error }, 'reference casino: request failed');
      const message = status >= 500 ? 'Internal error' : error.message;
      return reply
        .code(status)
        .send({ statusCode: status, error: status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message });
    });

    app.post(this.path, {
      schema: { body: WALLET_REQUEST_SCHEMA },
      attachValidation: true,
      onRequest: async (request) => {
        this.inFlight.set(request, this.log.begin(nowMs()));
      },
      preValidation: async (request, reply) => this.checkSignature(request, reply),
      onResponse: async (request, reply) => {
        const call = this.inFlight.get(request);
        if (call) {
          this.log.end(call, reply.statusCode, call.answer);
          app.log.debug(
            { action: call.action, transactionId: call.transactionId, status: reply.statusCode },
            'wallet call',
          );
        }
      },
      onRequestAbort: async (request) => {
        const call = this.inFlight.get(request);
        if (call) this.log.end(call, null, null);
      },
      handler: async (request, reply) => this.serve(request, reply),
    });

    void app.register(casinoControlRoutes(this), { prefix: '/control' });
    return app;
  }

  private async checkSignature(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    const call = this.callOf(request);
    describeCall(call, request.body);
    if (!this.verifySignature) {
      this.log.arrived();
      return undefined;
    }
    const header = (name: string): string | undefined => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const verdict = verifyWalletCall(
      {
        operatorId: header('x-operator-id'),
        timestamp: header('x-timestamp'),
        sign: header('x-sign'),
        method: request.method,
        pathWithQuery: request.url,
        rawBody: request.rawBody ?? Buffer.alloc(0),
      },
      {
        secrets: this.secrets,
        operatorId: this.operatorId,
        toleranceS: this.toleranceS,
        nowS: Math.floor(Date.now() / 1000),
      },
    );
    call.signature = verdict === 'valid' ? 'valid' : 'invalid';
    this.log.arrived();
    if (verdict !== 'valid') {
      call.answer = { status: false, code: 'UNAUTHORIZED', message: `Signature refused: ${verdict}` };
      return reply.code(401).send(call.answer);
    }
    return undefined;
  }

  private async serve(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const call = this.callOf(request);
    const fault: Fault = this.faults.take(call.action ?? undefined, call.moveType ?? undefined) ?? {
      mode: 'ok',
    };
    call.fault = fault.mode;
    switch (fault.mode) {
      case 'ok':
        return this.send(reply, call, 200, this.process(request, call));
      case 'slow': {
        const early = fault.applied ? this.process(request, call) : undefined;
        try {
          await sleep(fault.delayMs, undefined, { signal: this.stopping.signal });
        } catch {
          // Stopped while waiting: the answer is lost, like the connection.
          return this.drop(request, reply, call);
        }
        return this.send(reply, call, 200, early ?? this.process(request, call));
      }
      case 'fail':
        if (fault.applied) this.process(request, call);
        return this.send(reply, call, fault.httpStatus ?? 500, {
          error: 'Internal Server Error',
          message: 'Simulated failure',
        });
      case 'garbage': {
        if (fault.applied) this.process(request, call);
        const body = fault.body ?? DEFAULT_GARBAGE;
        call.answer = body;
        return reply.code(200).header('content-type', contentTypeOf(body)).send(body);
      }
      case 'refuse': {
        const refusal: Refusal = {
          status: false,
          code: fault.code ?? 'LIMIT_EXCEEDED',
          message: fault.message ?? 'Refused by the reference casino (simulated)',
        };
        return this.send(reply, call, 200, refusal);
      }
      case 'down':
        if (fault.applied) this.process(request, call);
        return this.drop(request, reply, call);
    }
  }

  /** The contract's answer. Synchronous on purpose: no other request can run between a read and its write. */
  private process(request: FastifyRequest, call: WalletCall): WalletAnswer {
    call.processed = true;
    if (request.bodyParseError !== undefined) return badRequest(request.bodyParseError);
    if (request.validationError) return badRequest(request.validationError.message);
    const body = request.body as WalletRequest;
    switch (body.action) {
      case 'session-check':
        return this.wallet.sessionCheck(body);
      case 'player-details':
        return this.wallet.playerDetails(body);
      case 'balance':
        return this.wallet.balance(body);
      case 'move-funds': {
        const outcome = this.wallet.moveFunds(body);
        call.repeat = outcome.repeat;
        return outcome.answer;
      }
    }
  }

  /** Destroys the connection without an answer. */
  private drop(request: FastifyRequest, reply: FastifyReply, call: WalletCall): undefined {
    reply.hijack();
    request.raw.socket.destroy();
    this.log.end(call, null, null);
    return undefined;
  }

  private send(reply: FastifyReply, call: WalletCall, status: number, answer: unknown): FastifyReply {
    call.answer = answer;
    return reply.code(status).send(answer);
  }

  private callOf(request: FastifyRequest): WalletCall {
    const call = this.inFlight.get(request);
    if (!call) throw new Error('Wallet call without a log entry');
    return call;
  }
}

function describeCall(call: WalletCall, body: unknown): void {
  call.request = body;
  if (typeof body !== 'object' || body === null) return;
  const fields = body as Record<string, unknown>;
  const read = (key: string): string | null => (typeof fields[key] === 'string' ? fields[key] : null);
  call.action = read('action');
  call.transactionId = read('transactionId');
  call.moveType = read('type');
  call.userId = read('userId');
}

function badRequest(message: string): Refusal {
  return { status: false, code: 'BAD_REQUEST', message };
}

function contentTypeOf(body: string): string {
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/html; charset=utf-8';
  }
}
