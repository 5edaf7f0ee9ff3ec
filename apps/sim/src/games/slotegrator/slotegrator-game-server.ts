import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { request as httpRequest } from 'undici';

export interface SlotegratorGameServerOptions {
  /** Our API's base URL (`http://127.0.0.1:3000`): callbacks go to `${base}/callbacks/slotegrator/${code}`. */
  callbackBaseUrl: string;
  /** The provider code registered on the aggregator. */
  providerCode: string;
  /** The provider `token`: signs our callbacks and verifies the aggregator's launch calls. Secret. */
  token: string;
  /** When set, launch calls must carry this `client_id`. */
  clientId?: string;
  /** Public base URL of this game server for the game page (default: from the request's Host). */
  publicBaseUrl?: string;
  logger?: FastifyBaseLogger;
}

/** A launch call the aggregator made ("Get game url" / "Get demo game url"), as received. */
export interface SlotegratorLaunch {
  kind: 'real' | 'demo';
  signature: 'valid' | 'invalid' | 'missing';
  request: Record<string, unknown>;
  url: string | null;
}

/** One callback we sent and what the aggregator answered. */
export interface SlotegratorExchange {
  request: Record<string, unknown> | string;
  rawBody: string;
  httpStatus: number;
  contentType: string | undefined;
  /** The parsed answer (`{ status, balance }` or `{ status, code, message }`). */
  answer: SlotegratorWireAnswer;
  /** The answer's text, to check number formatting. */
  rawAnswer: string;
}

export type SlotegratorWireAnswer =
  | { status: true; balance: number }
  | { status: false; code: string; message: string }
  | Record<string, unknown>;

export interface MoveOptions {
  transactionId?: string;
  roundId?: string;
  gameId?: string;
}

export interface SendOptions {
  /** false: no X-Sign; a string: this X-Sign; default: our correct signature. */
  sign?: string | false;
  /** Header name of the signature (the spec's PHP example writes `X-SIGN`). */
  signHeader?: string;
  /** Another provider code in the path. */
  providerCode?: string;
}

const REAL_FIELDS = ['client_id', 'game_id', 'currency', 'language', 'session_id', 'player_id'];
const DEMO_FIELDS = ['client_id', 'game_id', 'language'];
const OPTIONAL_CALLS = {
  jackpots: { strings: ['client_id'], integers: [] },
  createFreespins: {
    strings: ['client_id', 'game_id', 'player_id', 'campaign_id', 'currency'],
    integers: ['quantity', 'valid_from', 'valid_until', 'bet_id'],
  },
  cancelFreespins: { strings: ['client_id', 'campaign_id'], integers: [] },
} as const;
type OptionalCall = keyof typeof OPTIONAL_CALLS;

/** The jackpot levels the simulator reports (the spec's example). */
export const SIM_JACKPOTS = [
  { name: 'Bronze', amount: 100.0, currency: 'USD' },
  { name: 'Silver', amount: 1000.0, currency: 'USD' },
  { name: 'Gold', amount: 10000.0, currency: 'USD' },
];

/**
 * The slotegrator game server: answers the aggregator's signed launch calls with a game URL, and plays
 * rounds against the aggregator's callback with its own `X-Sign` (balance, bet, win, loss = win 0,
 * refund, duplicates). Mount it with `routes(app)` on any Fastify instance.
 */
export class SlotegratorGameServer {
  private readonly launchLog: SlotegratorLaunch[] = [];
  private readonly options: SlotegratorGameServerOptions;

  constructor(options: SlotegratorGameServerOptions) {
    this.options = { ...options, callbackBaseUrl: options.callbackBaseUrl.replace(/\/+$/, '') };
  }

  get callbackUrl(): string {
    return `${this.options.callbackBaseUrl}/callbacks/slotegrator/${encodeURIComponent(this.options.providerCode)}`;
  }

  /**
   * `POST /slotegrator/games/init`, `/games/init-demo`, the optional `/jackpots`, `/freespins/create`,
   * `/freespins/cancel`, and the game page `GET /slotegrator/play`.
   */
  routes(app: FastifyInstance): void {
    void app.register(
      (scope, _opts, done) => {
        // The signature covers the exact bytes: keep them.
        scope.removeContentTypeParser('application/json');
        scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, next) => {
          next(null, body);
        });
        scope.post('/games/init', (req, reply) => this.launch('real', req, reply));
        scope.post('/games/init-demo', (req, reply) => this.launch('demo', req, reply));
        scope.post('/jackpots', (req, reply) => this.optional('jackpots', req, reply));
        scope.post('/freespins/create', (req, reply) => this.optional('createFreespins', req, reply));
        scope.post('/freespins/cancel', (req, reply) => this.optional('cancelFreespins', req, reply));
        scope.get('/play', (req, reply) => this.page(req, reply));
        done();
      },
      { prefix: '/slotegrator' },
    );
  }

  /** Launch calls received, oldest first. */
  launches(): SlotegratorLaunch[] {
    return [...this.launchLog];
  }

  /** The `session_id` of the latest real launch (what the game then sends in its callbacks). */
  lastSessionId(): string | undefined {
    const last = [...this.launchLog].reverse().find((l) => l.kind === 'real' && l.url);
    const id = last?.request.session_id;
    return typeof id === 'string' ? id : undefined;
  }

  balance(sessionId: string): Promise<SlotegratorExchange> {
    return this.send({ action: 'balance', session_id: sessionId });
  }

  bet(
    sessionId: string,
    amount: string | number,
    opts: MoveOptions & { type?: 'bet' | 'freespin' | 'tip' } = {},
  ): Promise<SlotegratorExchange> {
    return this.send(this.move('bet', opts.type ?? 'bet', sessionId, amount, opts));
  }

  win(
    sessionId: string,
    amount: string | number,
    opts: MoveOptions & { type?: 'win' | 'freespin' | 'jackpot' } = {},
  ): Promise<SlotegratorExchange> {
    return this.send(this.move('win', opts.type ?? 'win', sessionId, amount, opts));
  }

  /** A loss: the round settles with a win of 0. */
  loss(sessionId: string, opts: MoveOptions = {}): Promise<SlotegratorExchange> {
    return this.win(sessionId, 0, opts);
  }

  /** Refund of a bet, by the bet's `transaction_id`. */
  refund(sessionId: string, betTransactionId: string, opts: Omit<MoveOptions, 'transactionId'> = {}) {
    return this.send({
      action: 'refund',
      session_id: sessionId,
      transaction_id: betTransactionId,
      round_id: opts.roundId ?? `round-${randomUUID()}`,
      game_id: opts.gameId ?? 'sim_game',
    });
  }

  /** A round: bet then win (0 = loss). The win reuses the round id. */
  async round(
    sessionId: string,
    bet: string | number,
    win: string | number,
    opts: { gameId?: string } = {},
  ): Promise<{ bet: SlotegratorExchange; win: SlotegratorExchange | null }> {
    const roundId = `round-${randomUUID()}`;
    const placed = await this.bet(sessionId, bet, { roundId, gameId: opts.gameId });
    if (placed.answer.status !== true) return { bet: placed, win: null };
    return { bet: placed, win: await this.win(sessionId, win, { roundId, gameId: opts.gameId }) };
  }

  /** Sends the exact same bytes again (a duplicate, as a provider retry would). */
  repeat(previous: SlotegratorExchange): Promise<SlotegratorExchange> {
    return this.sendRaw(previous.rawBody, previous.request);
  }

  /** Sends a body: an object is serialized with JSON.stringify, a string is sent as is. */
  send(body: Record<string, unknown> | string, options: SendOptions = {}): Promise<SlotegratorExchange> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return this.sendRaw(raw, body, options);
  }

  private move(
    action: 'bet' | 'win',
    type: string,
    sessionId: string,
    amount: string | number,
    opts: MoveOptions,
  ): Record<string, unknown> {
    return {
      action,
      type,
      session_id: sessionId,
      amount,
      transaction_id: opts.transactionId ?? randomUUID().replace(/-/g, ''),
      round_id: opts.roundId ?? `round-${randomUUID()}`,
      game_id: opts.gameId ?? 'sim_game',
    };
  }

  private async sendRaw(
    raw: string,
    request: Record<string, unknown> | string,
    options: SendOptions = {},
  ): Promise<SlotegratorExchange> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const sign = options.sign === undefined ? this.sign(raw) : options.sign;
    if (sign !== false) headers[options.signHeader ?? 'X-Sign'] = sign;
    const url = options.providerCode
      ? `${this.options.callbackBaseUrl}/callbacks/slotegrator/${encodeURIComponent(options.providerCode)}`
      : this.callbackUrl;
    const res = await httpRequest(url, { method: 'POST', headers, body: raw });
    const rawAnswer = await res.body.text();
    let answer: SlotegratorWireAnswer;
    try {
      answer = JSON.parse(rawAnswer) as SlotegratorWireAnswer;
    } catch {
      answer = { unparseable: rawAnswer };
    }
    const contentType = res.headers['content-type'];
    this.options.logger?.debug(
      {
        action: typeof request === 'object' ? request.action : undefined,
        transactionId: typeof request === 'object' ? request.transaction_id : undefined,
        httpStatus: res.statusCode,
        answer,
      },
      'slotegrator callback sent',
    );
    return {
      request,
      rawBody: raw,
      httpStatus: res.statusCode,
      contentType: Array.isArray(contentType) ? contentType[0] : contentType,
      answer,
      rawAnswer,
    };
  }

  private sign(raw: string | Buffer): string {
    return createHmac('sha256', this.options.token).update(raw).digest('hex');
  }

  private verify(raw: Buffer, header: unknown): 'valid' | 'invalid' | 'missing' {
    if (typeof header !== 'string' || header === '') return 'missing';
    const expected = Buffer.from(this.sign(raw), 'hex');
    const actual = /^[0-9a-fA-F]{64}$/.test(header) ? Buffer.from(header, 'hex') : Buffer.alloc(0);
    return actual.length === expected.length && timingSafeEqual(actual, expected) ? 'valid' : 'invalid';
  }

  private launch(kind: 'real' | 'demo', req: FastifyRequest, reply: FastifyReply): FastifyReply {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = this.verify(raw, req.headers['x-sign']);
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        body = parsed as Record<string, unknown>;
    } catch {
      // answered below as wrong input
    }
    const entry: SlotegratorLaunch = { kind, signature, request: body, url: null };
    this.launchLog.push(entry);
    if (signature !== 'valid') return this.error(reply, 'INVALID_SIGN', 'Invalid sign');
    const fields = kind === 'real' ? REAL_FIELDS : DEMO_FIELDS;
    const missing = fields.filter((f) => typeof body[f] !== 'string' || body[f] === '');
    // return_url came with spec 1.0.1/1.0.3: a casino may have none, but when sent it is a string.
    if (body.return_url !== undefined && typeof body.return_url !== 'string') missing.push('return_url');
    if (missing.length > 0) {
      return this.error(reply, 'WRONG_INPUT_PARAMETERS', `Wrong input parameters: ${missing.join(', ')}`);
    }
    if (this.options.clientId !== undefined && body.client_id !== this.options.clientId) {
      return this.error(reply, 'WRONG_INPUT_PARAMETERS', 'Unknown client_id');
    }
    const base = this.options.publicBaseUrl ?? `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;
    const query = new URLSearchParams({
      game_id: String(body.game_id),
      language: String(body.language),
      mode: kind,
    });
    if (typeof body.return_url === 'string' && body.return_url !== '')
      query.set('return_url', body.return_url);
    if (kind === 'real') query.set('session_id', String(body.session_id));
    entry.url = `${base.replace(/\/+$/, '')}/slotegrator/play?${query.toString()}`;
    this.options.logger?.info({ kind, gameId: body.game_id }, 'slotegrator launch');
    return reply.status(200).send({ url: entry.url });
  }

  /** Jackpots and freespin campaigns, answered as the spec's examples (no campaigns are really played). */
  private optional(call: OptionalCall, req: FastifyRequest, reply: FastifyReply): FastifyReply {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (this.verify(raw, req.headers['x-sign']) !== 'valid')
      return this.error(reply, 'INVALID_SIGN', 'Invalid sign');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return this.error(reply, 'WRONG_INPUT_PARAMETERS', 'Wrong input parameters');
    }
    const rules = OPTIONAL_CALLS[call];
    const bad = [
      ...rules.strings.filter((f) => typeof body?.[f] !== 'string' || body[f] === ''),
      ...rules.integers.filter((f) => !Number.isSafeInteger(body?.[f])),
    ];
    if (bad.length > 0)
      return this.error(reply, 'WRONG_INPUT_PARAMETERS', `Wrong input parameters: ${bad.join(', ')}`);
    switch (call) {
      case 'jackpots':
        return reply.send({ status: true, jackpots: SIM_JACKPOTS });
      case 'createFreespins':
        return reply.send({ status: true, new_campaign_id: randomUUID().replace(/-/g, '') });
      case 'cancelFreespins':
        return reply.send({ status: true });
    }
  }

  private page(req: FastifyRequest, reply: FastifyReply): FastifyReply {
    const q = req.query as Record<string, string | undefined>;
    const text = (s: string | undefined) => (s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><title>slotegrator sim</title><h1>${text(q.game_id)}</h1>` +
          `<p>mode ${text(q.mode)}, language ${text(q.language)}</p><a href="${text(q.return_url)}">exit</a>`,
      );
  }

  private error(reply: FastifyReply, code: string, message: string): FastifyReply {
    return reply.status(200).send({ status: false, code, message });
  }
}
