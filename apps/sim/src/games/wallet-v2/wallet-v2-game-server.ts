import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Pool } from 'undici';
import { walletV2LandingPage } from './wallet-v2-landing-page';
import { walletV2Json, walletV2Time, type WalletV2WireValue } from './wallet-v2-wire';

export interface WalletV2GameServerOptions {
  /** Our API's base URL (`http://127.0.0.1:3000`): callbacks go to `${base}/callbacks/wallet-v2/${code}`. */
  callbackBaseUrl: string;
  /** The provider code registered on the aggregator. */
  providerCode: string;
  /** The provider's WALLET_TOKEN (config `walletToken`): real-play launch URLs must carry it. Secret. */
  walletToken: string;
  /** First transaction id; default: a random one above 2^53, so every run exercises 64-bit ids. */
  firstId?: bigint;
  /** Keep-alive connections to the aggregator (the benchmark raises it). Default 16. */
  connections?: number;
  logger?: FastifyBaseLogger;
}

/** A launch URL opened on this game server. */
export interface WalletV2Launch {
  mode: 'real_play' | 'demo';
  gameId: string;
  token: string | null;
  lang: string;
  wallet: string | null;
  at: Date;
}

/** One callback sent to the aggregator and its answer. */
export interface WalletV2Exchange {
  /** The exact body sent: send it again for a duplicate. */
  request: string;
  httpStatus: number;
  contentType: string | undefined;
  /** The answer as text (to check integer formatting) and parsed. */
  rawAnswer: string;
  answer: WalletV2WireAnswer;
  /** The transaction id used, for bets, wins and cancels. */
  id?: bigint;
}

export type WalletV2WireAnswer =
  | { result: 1; credit: number; time: string; player_id?: string; currency?: string }
  | { result: number; err_code: string; err_desc: string }
  | Record<string, unknown>;

export interface MoveOptions {
  /** Transaction id; default: the next one. */
  id?: bigint;
  /** The round (the first bet's id); omitted when not given. */
  roundId?: bigint;
  /** Game code in the game system; default 1012 (the spec's). */
  game?: number | bigint;
  /** Override of the `time` field. */
  time?: string;
}

export interface RoundResult {
  roundId: bigint;
  bet: WalletV2Exchange;
  settle: WalletV2Exchange;
}

const MIN_FIRST_ID = 2n ** 53n;

/**
 * The wallet-v2 game server: serves the launch page of the spec's launch URL and plays rounds against the
 * aggregator's wallet URL (balance, bet, win, loss = win 0, cancel, duplicates). wallet-v2 has no
 * signature: the aggregator knows it by its IP allowlist. Mount it with `routes(app)` on any Fastify host.
 */
export class WalletV2GameServer {
  private readonly launchLog: WalletV2Launch[] = [];
  private readonly options: WalletV2GameServerOptions;
  private nextTxId: bigint;
  private pool: Pool | null = null;

  constructor(options: WalletV2GameServerOptions) {
    this.options = { ...options, callbackBaseUrl: options.callbackBaseUrl.replace(/\/+$/, '') };
    this.nextTxId = options.firstId ?? MIN_FIRST_ID + BigInt(`0x${randomBytes(6).toString('hex')}`) * 1000n;
  }

  get callbackPath(): string {
    return `/callbacks/wallet-v2/${encodeURIComponent(this.options.providerCode)}`;
  }

  get callbackUrl(): string {
    return `${this.options.callbackBaseUrl}${this.callbackPath}`;
  }

  /** A fresh transaction id. */
  nextId(): bigint {
    return this.nextTxId++;
  }

  launches(): WalletV2Launch[] {
    return [...this.launchLog];
  }

  /** `GET /wallet-v2/launch` (the launch URL's page), `POST /wallet-v2/play` (its buttons), `GET /wallet-v2/launches`. */
  routes(app: FastifyInstance): void {
    app.get('/wallet-v2/launch', (req, reply) => this.launchPage(req, reply));
    app.post('/wallet-v2/play', (req, reply) => this.playFromPage(req, reply));
    app.get('/wallet-v2/launches', () => this.launches());
  }

  /** `type: "credit"`. */
  balance(code: string, opts: { time?: string } = {}): Promise<WalletV2Exchange> {
    return this.send({ code, type: 'credit', time: opts.time ?? walletV2Time() });
  }

  bet(code: string, amountCents: number | bigint, opts: MoveOptions = {}): Promise<WalletV2Exchange> {
    const id = opts.id ?? this.nextId();
    return this.send(
      {
        bet: BigInt(amountCents),
        code,
        game: opts.game ?? 1012,
        id,
        round_id: opts.roundId,
        type: 'bet',
        time: opts.time ?? walletV2Time(),
      },
      id,
    );
  }

  win(code: string, amountCents: number | bigint, opts: MoveOptions = {}): Promise<WalletV2Exchange> {
    const id = opts.id ?? this.nextId();
    return this.send(
      {
        code,
        game: opts.game ?? 1012,
        id,
        round_id: opts.roundId,
        type: 'win',
        win: BigInt(amountCents),
        time: opts.time ?? walletV2Time(),
      },
      id,
    );
  }

  /** A lost round: `win` 0, which settles it. */
  loss(code: string, opts: MoveOptions = {}): Promise<WalletV2Exchange> {
    return this.win(code, 0, opts);
  }

  /** `type: "cancel"` of the bet with this id. */
  cancel(
    code: string,
    betId: bigint,
    opts: { roundId?: bigint; time?: string } = {},
  ): Promise<WalletV2Exchange> {
    return this.send(
      { code, id: betId, type: 'cancel', round_id: opts.roundId, time: opts.time ?? walletV2Time() },
      betId,
    );
  }

  /** The same request again, byte for byte (a provider retry). */
  repeat(exchange: WalletV2Exchange): Promise<WalletV2Exchange> {
    return this.sendRaw(exchange.request, { id: exchange.id });
  }

  /** A whole round: a bet, then its win (0 = loss) with `round_id` = the bet's id. */
  async playRound(code: string, betCents: number | bigint, winCents: number | bigint): Promise<RoundResult> {
    const roundId = this.nextId();
    const bet = await this.bet(code, betCents, { id: roundId, roundId });
    const settle = await this.win(code, winCents, { roundId });
    return { roundId, bet, settle };
  }

  /** Sends these fields as a request body (undefined fields left out). */
  send(fields: Record<string, WalletV2WireValue | undefined>, id?: bigint): Promise<WalletV2Exchange> {
    return this.sendRaw(walletV2Json(fields), { id });
  }

  /** Sends any body (malformed ones too) with any content type (`''`: none), to any provider code. */
  async sendRaw(
    body: string,
    opts: { id?: bigint; contentType?: string; providerCode?: string } = {},
  ): Promise<WalletV2Exchange> {
    const path =
      opts.providerCode === undefined
        ? this.callbackPath
        : `/callbacks/wallet-v2/${encodeURIComponent(opts.providerCode)}`;
    const res = await this.http().request({
      method: 'POST',
      path: `${new URL(this.options.callbackBaseUrl).pathname.replace(/\/+$/, '')}${path}`,
      // An empty content type sends none at all.
      headers: opts.contentType === '' ? {} : { 'content-type': opts.contentType ?? 'application/json' },
      body,
    });
    const rawAnswer = await res.body.text();
    let answer: WalletV2WireAnswer;
    try {
      answer = JSON.parse(rawAnswer) as WalletV2WireAnswer;
    } catch {
      answer = { unparsable: rawAnswer };
    }
    const contentType = res.headers['content-type'];
    const exchange: WalletV2Exchange = {
      request: body,
      httpStatus: res.statusCode,
      contentType: Array.isArray(contentType) ? contentType[0] : contentType,
      rawAnswer,
      answer,
      ...(opts.id !== undefined ? { id: opts.id } : {}),
    };
    this.options.logger?.debug(
      { sim: 'wallet-v2', status: res.statusCode, answer: rawAnswer },
      'callback answered',
    );
    return exchange;
  }

  /** Closes the keep-alive connections to the aggregator. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  private http(): Pool {
    this.pool ??= new Pool(new URL(this.options.callbackBaseUrl).origin, {
      connections: this.options.connections ?? 16,
      pipelining: 1,
    });
    return this.pool;
  }

  private launchPage(req: FastifyRequest, reply: FastifyReply): FastifyReply {
    const q = req.query as Record<string, string | undefined>;
    const mode = q.mode;
    const gameId = q.gameID;
    const lang = q.lang ?? 'en';
    const problem =
      mode !== 'real_play' && mode !== 'demo'
        ? 'mode must be real_play or demo'
        : !gameId
          ? 'gameID is required'
          : !/^[a-z]{2}$/.test(lang)
            ? 'lang must be 2 letters (ISO 639-1)'
            : mode === 'real_play' && !q.token
              ? 'token is required in real play'
              : mode === 'real_play' && q.wallet !== this.options.walletToken
                ? 'unknown wallet'
                : null;
    if (problem !== null || (mode !== 'real_play' && mode !== 'demo') || !gameId) {
      return reply
        .status(problem === 'unknown wallet' ? 403 : 400)
        .type('text/plain; charset=utf-8')
        .send(problem);
    }
    const token = mode === 'real_play' ? (q.token ?? null) : null;
    this.launchLog.push({ mode, gameId, token, lang, wallet: q.wallet ?? null, at: new Date() });
    return reply.type('text/html; charset=utf-8').send(walletV2LandingPage({ mode, gameId, lang, token }));
  }

  private async playFromPage(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (typeof b.token !== 'string' || !this.launchLog.some((l) => l.token === b.token)) {
      return reply.status(400).send({ error: 'play a session launched on this game server' });
    }
    const code = b.token;
    const game = typeof b.gameID === 'string' && /^\d{1,18}$/.test(b.gameID) ? BigInt(b.gameID) : undefined;
    if (b.balance !== undefined) return reply.send({ balance: (await this.balance(code)).answer });
    const betCents = BigInt(typeof b.bet === 'string' && /^\d{1,12}$/.test(b.bet) ? b.bet : '100');
    const roundId = this.nextId();
    const bet = await this.bet(code, betCents, { id: roundId, roundId, game });
    if (b.cancel !== undefined) {
      return reply.send({ bet: bet.answer, cancel: (await this.cancel(code, roundId, { roundId })).answer });
    }
    const winCents = BigInt(typeof b.win === 'string' && /^\d{1,12}$/.test(b.win) ? b.win : '0');
    const win = await this.win(code, winCents, { roundId, game });
    return reply.send({ bet: bet.answer, win: win.answer });
  }
}
