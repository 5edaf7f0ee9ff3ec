import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Agent, request as httpRequest } from 'undici';
import { b2bGamePage } from './b2b-landing-page';
import type {
  B2bExchange,
  B2bGameSession,
  B2bMoveOptions,
  B2bSimAnswer,
  B2bSimRequest,
} from './b2b-sim.types';

export interface B2bGameServerOptions {
  /** Our aggregator's base URL, e.g. `http://127.0.0.1:3000`. */
  callbackBaseUrl: string;
  /** The provider's code at the aggregator: callbacks go to `/callbacks/b2b/{providerCode}`. */
  providerCode: string;
  /** The integrator's id of the aggregator (`operator_id` in launch URLs); informational. */
  operatorId?: number | string;
  /** `user_ip` sent with every call; default 127.0.0.1. */
  userIp?: string;
  /** Rounds the landing page plays by itself after a successful auth (bet 1.00, win 0 or 2.00); default 0. */
  autoplayRounds?: number;
  logger?: FastifyBaseLogger;
}

interface LaunchQuery {
  operator_id?: string;
  user_id?: string;
  auth_token?: string;
  currency?: string;
}

interface Played {
  gameName: string;
  session: B2bGameSession | null;
  auth: B2bExchange;
  rounds: B2bExchange[][];
}

const MAX_PLAYED = 1000;

/** `{"turn_id": 123n}` goes out as the bare number 123, whatever its size. */
function toJson(value: unknown): string {
  const marker = '__b2b_bigint__';
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${marker}${v}` : v)).replace(
    new RegExp(`"${marker}(-?\\d+)"`, 'g'),
    '$1',
  );
}

/** A stable int game code for a game name (the real integrator has its own list). */
export function b2bGameCode(gameName: string): number {
  return createHash('sha256').update(gameName).digest().readUInt16BE(0);
}

/**
 * The b2b integrator's game server (spec provider-b2b-integrator): serves the launch landing page
 * `/b2b/games/<game_name>.game?operator_id&user_id&auth_token&currency`, authenticates the player against
 * our callback and plays rounds (debit, credit, credit 0, rollback with the debit's transaction_id,
 * duplicates). The protocol has no signature; every method returns the parsed answer.
 */
export class B2bGameServer {
  private readonly callbackUrl: string;
  private readonly userIp: string;
  private readonly autoplay: number;
  private readonly logger?: FastifyBaseLogger;
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  private readonly played = new Map<string, Played>();
  private turn = BigInt(Date.now()) * 1000n + BigInt(randomBytes(2).readUInt16BE(0));
  private last: B2bExchange | undefined;

  constructor(private readonly options: B2bGameServerOptions) {
    this.callbackUrl = `${options.callbackBaseUrl.replace(/\/$/, '')}/callbacks/b2b/${encodeURIComponent(options.providerCode)}`;
    this.userIp = options.userIp ?? '127.0.0.1';
    this.autoplay = options.autoplayRounds ?? 0;
    this.logger = options.logger;
  }

  get url(): string {
    return this.callbackUrl;
  }

  routes(app: FastifyInstance): void {
    // The landing page's form; another game server on the same host may have registered it already.
    const form = 'application/x-www-form-urlencoded';
    if (!app.hasContentTypeParser(form)) {
      app.addContentTypeParser(form, { parseAs: 'string' }, (_req, body, done) =>
        done(null, Object.fromEntries(new URLSearchParams(body as string))),
      );
    }
    app.get('/b2b/games/:file', (req, reply) => this.landing(req, reply));
    app.get('/b2b/play/:handle', (req, reply) => this.page(req, reply));
    app.post('/b2b/play/:handle/round', (req, reply) => this.playFromPage(req, reply));
  }

  /** Frees the keep-alive connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  // ---- the protocol, as the integrator calls it ----

  /** §3.2 auth: exchanges the launch's auth_token; on success returns the session later calls use. */
  async auth(input: {
    userId: string;
    authToken: string;
    currency: string;
    gameName?: string;
  }): Promise<{ exchange: B2bExchange; session: B2bGameSession | null }> {
    const exchange = await this.send({
      api: 'do-auth-user-ingame',
      data: {
        user_id: input.userId,
        user_ip: this.userIp,
        user_auth_token: input.authToken,
        currency: input.currency,
      },
    });
    const a = exchange.answer.answer;
    if (a.error_code !== 0 || typeof a.game_token !== 'string') return { exchange, session: null };
    const gameName = input.gameName ?? 'BookOfRaClassic';
    return {
      exchange,
      session: {
        userId: input.userId,
        currency: input.currency,
        gameToken: a.game_token,
        gameName,
        gameCode: b2bGameCode(gameName),
        userIp: this.userIp,
        nickname: a.user_nickname ?? '',
        balance: a.balance ?? '',
      },
    };
  }

  /** The protocol has no balance call: get-features answers with the balance (§3.6). */
  balance(session: B2bGameSession): Promise<B2bSimAnswer> {
    return this.features(session, 'do-get-features-user-ingame').then((x) => x.answer);
  }

  async bet(session: B2bGameSession, amount: string, opts: B2bMoveOptions = {}): Promise<B2bSimAnswer> {
    return (await this.move(session, 'do-debit-user-ingame', 'debit_amount', amount, opts, true)).answer;
  }

  async win(session: B2bGameSession, amount: string, opts: B2bMoveOptions = {}): Promise<B2bSimAnswer> {
    return (await this.move(session, 'do-credit-user-ingame', 'credit_amount', amount, opts, false)).answer;
  }

  /** A lost round settles with credit 0 (§3.4). */
  loss(session: B2bGameSession, opts: B2bMoveOptions = {}): Promise<B2bSimAnswer> {
    return this.win(session, '0.00', opts);
  }

  /** §3.5: the debit turned into a rollback — same transaction_id, `rollback_amount`. */
  async rollback(
    session: B2bGameSession,
    debitTransactionId: string,
    amount: string,
    opts: Omit<B2bMoveOptions, 'transactionId'> = {},
  ): Promise<B2bSimAnswer> {
    const exchange = await this.move(
      session,
      'do-rollback-user-ingame',
      'rollback_amount',
      amount,
      {
        ...opts,
        transactionId: debitTransactionId,
      },
      false,
    );
    return exchange.answer;
  }

  /** A bet and its settling credit (win 0 = a loss) in one round. */
  async playRound(
    session: B2bGameSession,
    bet: string,
    win: string,
  ): Promise<{ bet: B2bExchange; win: B2bExchange | null }> {
    const debit = await this.move(session, 'do-debit-user-ingame', 'debit_amount', bet, {}, true);
    if (debit.answer.answer.error_code !== 0) return { bet: debit, win: null };
    const credit = await this.move(session, 'do-credit-user-ingame', 'credit_amount', win, {}, false);
    return { bet: debit, win: credit };
  }

  async features(
    session: B2bGameSession,
    api: 'do-get-features-user-ingame' | 'do-activate-features-user-ingame' | 'do-end-features-user-ingame',
    freeRounds?: { id: number; win?: number },
  ): Promise<B2bExchange> {
    return this.send({
      api,
      data: {
        user_id: session.userId,
        user_ip: session.userIp,
        user_game_token: session.gameToken,
        currency: session.currency,
        game_code: session.gameCode,
        game_name: session.gameName,
        ...(freeRounds ? { free_rounds: freeRounds } : {}),
      },
    });
  }

  /** Sends the last request again, byte for byte (a duplicate). */
  async repeatLast(): Promise<B2bSimAnswer> {
    if (!this.last) throw new Error('Nothing was sent yet');
    return (await this.sendRaw(this.last.body, this.last.request)).answer;
  }

  /** Sends `{ api, data }` as JSON (bigint values as exact JSON numbers). */
  send(request: B2bSimRequest): Promise<B2bExchange> {
    return this.sendRaw(toJson(request), request);
  }

  /** Sends these exact bytes (malformed bodies, the spec's examples). */
  async sendRaw(body: string, request?: B2bSimRequest): Promise<B2bExchange> {
    const res = await httpRequest(this.callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      dispatcher: this.agent,
    });
    const text = await res.body.text();
    let answer: B2bSimAnswer;
    try {
      answer = JSON.parse(text) as B2bSimAnswer;
    } catch {
      throw new Error(
        `b2b callback answered HTTP ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`,
      );
    }
    const exchange: B2bExchange = {
      request: request ?? { api: '', data: {} },
      body,
      status: res.statusCode,
      answer,
    };
    this.last = exchange;
    this.logger?.debug(
      { api: exchange.request.api, code: answer.answer?.error_code, status: res.statusCode },
      'b2b call',
    );
    return exchange;
  }

  private move(
    session: B2bGameSession,
    api: 'do-debit-user-ingame' | 'do-credit-user-ingame' | 'do-rollback-user-ingame',
    amountField: string,
    amount: string,
    opts: B2bMoveOptions,
    newRound: boolean,
  ): Promise<B2bExchange> {
    if (newRound && opts.turnId === undefined) this.turn += 1n;
    const turnId = opts.turnId ?? this.turn;
    return this.send({
      api,
      data: {
        user_id: session.userId,
        user_ip: session.userIp,
        user_game_token: session.gameToken,
        currency: session.currency,
        turn_id:
          typeof turnId === 'bigint' && turnId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(turnId) : turnId,
        transaction_id: opts.transactionId ?? randomUUID(),
        game_code: session.gameCode,
        game_name: session.gameName,
        [amountField]: amount,
      },
    });
  }

  // ---- the launch landing page ----

  private async landing(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { file } = req.params as { file: string };
    const q = req.query as LaunchQuery;
    if (!file.endsWith('.game') || !q.user_id || !q.auth_token || !q.currency) {
      await reply
        .code(400)
        .type('text/plain')
        .send('Expected /b2b/games/<game_name>.game?operator_id&user_id&auth_token&currency');
      return;
    }
    const gameName = decodeURIComponent(file.slice(0, -'.game'.length));
    const { exchange, session } = await this.auth({
      userId: q.user_id,
      authToken: q.auth_token,
      currency: q.currency,
      gameName,
    });
    const played: Played = { gameName, session, auth: exchange, rounds: [] };
    let handle: string | null = null;
    if (session) {
      handle = randomBytes(12).toString('base64url');
      this.remember(handle, played);
      for (let i = 0; i < this.autoplay; i++)
        await this.playAndRecord(played, '1.00', i % 2 === 0 ? '0' : '2.00');
    }
    if (wantsJson(req)) {
      await reply.send({
        handle,
        gameName,
        auth: exchange.answer,
        rounds: played.rounds.map((r) => r.map((x) => x.answer)),
      });
      return;
    }
    await reply
      .type('text/html')
      .send(b2bGamePage({ gameName, handle, session, auth: exchange, rounds: played.rounds }));
  }

  private async page(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { handle } = req.params as { handle: string };
    const played = this.played.get(handle);
    if (!played) {
      await reply.code(404).type('text/plain').send('No such game');
      return;
    }
    await reply.type('text/html').send(
      b2bGamePage({
        gameName: played.gameName,
        handle,
        session: played.session,
        auth: played.auth,
        rounds: played.rounds,
      }),
    );
  }

  private async playFromPage(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { handle } = req.params as { handle: string };
    const played = this.played.get(handle);
    if (!played?.session) {
      await reply.code(404).type('text/plain').send('No such game');
      return;
    }
    const form = (req.body ?? {}) as { bet?: string; win?: string };
    const round = await this.playAndRecord(played, form.bet ?? '1.00', form.win ?? '0');
    if (wantsJson(req)) {
      await reply.send(round.map((x) => x.answer));
      return;
    }
    await reply.redirect(`/b2b/play/${handle}`, 303);
  }

  private async playAndRecord(played: Played, bet: string, win: string): Promise<B2bExchange[]> {
    const session = played.session!;
    const { bet: debit, win: credit } = await this.playRound(session, bet, win);
    const round = credit ? [debit, credit] : [debit];
    const balance = round[round.length - 1].answer.answer.balance;
    if (typeof balance === 'string') session.balance = balance;
    played.rounds.push(round);
    return round;
  }

  private remember(handle: string, played: Played): void {
    if (this.played.size >= MAX_PLAYED) {
      const oldest = this.played.keys().next().value;
      if (oldest !== undefined) this.played.delete(oldest);
    }
    this.played.set(handle, played);
  }
}

function wantsJson(req: FastifyRequest): boolean {
  return (req.headers.accept ?? '').includes('application/json');
}
