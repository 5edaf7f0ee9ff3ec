import { hash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { request as httpRequest } from 'undici';
import { appsGamesConfig, appsLoaderScript, appsFlashDataScript } from './apps-storage';

export interface AppsGameServerOptions {
  /** Our API's base URL (`http://127.0.0.1:3000`): billing goes to `${base}/callbacks/apps/${code}/do`. */
  callbackBaseUrl: string;
  /** The provider code registered on the aggregator. */
  providerCode: string;
  /** The provider's `salt`: signs every billing call. Secret. */
  salt: string;
  /** The provider's `customerId` (`billing` in the loader config); shown only. */
  customerId?: string;
  logger?: FastifyBaseLogger;
}

/** An amount as the game server writes it: kopecks (integer) or roubles, per the provider's setting. */
export type AppsAmount = number | string;

/** The `do` body of the spec. */
export interface AppsDoBody {
  method: 'do';
  session: string;
  minus: AppsAmount;
  plus: AppsAmount;
  trx_id: string;
  sign: string;
  tag: Record<string, unknown>;
}

/** The four answers the spec allows (anything else is recorded as it came). */
export type AppsWireAnswer =
  | { status: 'OK'; balance: number; currency: string }
  | { status: 'not_enough_money'; balance: number; currency: string }
  | { status: 'session_not_found' }
  | { status: 'sign_not_found' }
  | Record<string, unknown>;

/** One billing call we sent and what the aggregator answered. */
export interface AppsExchange {
  request: AppsDoBody | Record<string, unknown> | string;
  httpStatus: number;
  contentType: string | undefined;
  answer: AppsWireAnswer;
  /** The answer's text, to check number formatting. */
  rawAnswer: string;
}

export interface AppsMoveOptions {
  trxId?: string;
  /** Groups a bet and its win; default: a new spin id. */
  gameUuid?: string | number;
  /** `tag.game_id`, the game source; default `a_op`. */
  gameSource?: string;
  /** Replaces the whole tag. */
  tag?: Record<string, unknown>;
}

export interface AppsSendOptions {
  /** Another provider code in the path. */
  providerCode?: string;
  /** Re-sign the body (default true for objects; strings are sent as they are). */
  resign?: boolean;
}

/** The spec's PHP: md5 applied 45 times to `do::<session>::<trx_id>::<salt>` (this side's own code). */
export function appsSimSign(session: string, trxId: string, salt: string): string {
  let str = `do::${session}::${trxId}::${salt}`;
  for (let i = 1; i <= 45; i++) str = hash('md5', str);
  return str;
}

let spinCounter = 100000;

/**
 * The apps game server: serves the loader scripts under the provider's `storagePath`
 * (`/apps/storage/…`) and the games_config list, and plays rounds against the aggregator's billing with
 * its own md5×45 sign — balance, bet, win, loss (the null payout), bet and win in one call, cancellation,
 * duplicates. Mount it with `routes(app)` on any Fastify instance.
 */
export class AppsGameServer {
  private readonly options: AppsGameServerOptions;

  constructor(options: AppsGameServerOptions) {
    this.options = { ...options, callbackBaseUrl: options.callbackBaseUrl.replace(/\/+$/, '') };
  }

  get billingUrl(): string {
    return this.billingUrlOf(this.options.providerCode);
  }

  /**
   * `GET /apps/storage/prod_flash_data.js`, `GET /apps/storage/loader/build/app.js` (the loader the embed
   * page loads), `GET /apps/games_config.json` (the list of apps), `POST /apps/rounds` (play scripted rounds
   * for a session: `{ session, rounds?, bet?, win? }`, for the demo).
   */
  routes(app: FastifyInstance): void {
    app.get('/apps/storage/prod_flash_data.js', async (_req, reply) =>
      reply.type('application/javascript').send(appsFlashDataScript()),
    );
    app.get('/apps/storage/loader/build/app.js', async (_req, reply) =>
      reply.type('application/javascript').send(appsLoaderScript()),
    );
    app.get('/apps/games_config.json', async (req, reply) =>
      reply.send(appsGamesConfig(`${req.protocol}://${req.host}`)),
    );
    app.post('/apps/rounds', async (req, reply) => {
      const body = (req.body ?? {}) as { session?: unknown; rounds?: unknown; bet?: unknown; win?: unknown };
      if (typeof body.session !== 'string' || body.session === '') {
        return reply.status(400).send({ error: 'session (the embed token) is required' });
      }
      const rounds = typeof body.rounds === 'number' && body.rounds > 0 ? Math.min(body.rounds, 100) : 3;
      const bet = typeof body.bet === 'number' || typeof body.bet === 'string' ? body.bet : 100;
      const win = typeof body.win === 'number' || typeof body.win === 'string' ? body.win : 150;
      const played = [];
      for (let i = 0; i < rounds; i++) {
        played.push(await this.playRound(body.session, { bet, win: i % 2 === 0 ? win : 0 }));
      }
      return reply.send({ balance: await this.balance(body.session), rounds: played });
    });
  }

  sign(session: string, trxId: string): string {
    return appsSimSign(session, trxId, this.options.salt);
  }

  /** A signed `do` body. */
  body(session: string, minus: AppsAmount, plus: AppsAmount, opts: AppsMoveOptions = {}): AppsDoBody {
    const trxId = opts.trxId ?? randomUUID();
    const gameUuid = opts.gameUuid ?? ++spinCounter;
    const tag = opts.tag ?? {
      game: 'slot',
      game_id: opts.gameSource ?? 'a_op',
      game_uuid: gameUuid,
      lines: 1,
      bet: 1,
      denomination: 100,
    };
    return { method: 'do', session, minus, plus, trx_id: trxId, sign: this.sign(session, trxId), tag };
  }

  /** Balance request: both amounts 0, `game_id` empty. */
  balance(session: string, opts: AppsMoveOptions = {}): Promise<AppsExchange> {
    return this.send(this.body(session, 0, 0, { tag: { game: 'slot', game_id: '' }, ...opts }));
  }

  bet(session: string, minus: AppsAmount, opts: AppsMoveOptions = {}): Promise<AppsExchange> {
    return this.send(this.body(session, minus, 0, opts));
  }

  /** A win of the round `opts.gameUuid` (the bet's). */
  win(session: string, plus: AppsAmount, opts: AppsMoveOptions = {}): Promise<AppsExchange> {
    return this.send(this.body(session, 0, plus, opts));
  }

  /** The null payout of a losing round. */
  loss(session: string, gameUuid: string | number, opts: AppsMoveOptions = {}): Promise<AppsExchange> {
    return this.send(this.body(session, 0, 0, { gameUuid, ...opts }));
  }

  /** A spin settled in one call: withdraw `minus`, refill `plus`. */
  betWin(
    session: string,
    minus: AppsAmount,
    plus: AppsAmount,
    opts: AppsMoveOptions = {},
  ): Promise<AppsExchange> {
    return this.send(this.body(session, minus, plus, opts));
  }

  /** A cancelled bet comes back as a refill in the bet's `game_uuid` (the spec has no refund method). */
  cancel(
    session: string,
    amount: AppsAmount,
    gameUuid: string | number,
    opts: AppsMoveOptions = {},
  ): Promise<AppsExchange> {
    return this.send(
      this.body(session, 0, amount, {
        tag: { game: 'bet', game_id: opts.gameSource ?? '1009', game_uuid: gameUuid, cancel: true },
        ...opts,
      }),
    );
  }

  /** The same request again, as the game server's retry sends it. */
  repeat(exchange: AppsExchange): Promise<AppsExchange> {
    return this.send(exchange.request, { resign: false });
  }

  /** A bet, then its win (or the null payout when `win` is 0) in the same round. */
  async playRound(
    session: string,
    round: { bet: AppsAmount; win: AppsAmount; gameUuid?: string | number },
  ): Promise<{ bet: AppsExchange; win: AppsExchange | null }> {
    const gameUuid = round.gameUuid ?? ++spinCounter;
    const bet = await this.bet(session, round.bet, { gameUuid });
    if (bet.answer.status !== 'OK') return { bet, win: null };
    const win =
      Number(round.win) === 0
        ? await this.loss(session, gameUuid)
        : await this.win(session, round.win, { gameUuid });
    return { bet, win };
  }

  /** Sends a body (an object, re-signed by default, or raw text) and returns the parsed answer. */
  async send(
    body: AppsDoBody | Record<string, unknown> | string,
    opts: AppsSendOptions = {},
  ): Promise<AppsExchange> {
    let payload = body;
    if (typeof body !== 'string' && opts.resign !== false && typeof body.session === 'string') {
      const trx = body.trx_id;
      if (typeof trx === 'string' || typeof trx === 'number')
        payload = { ...body, sign: this.sign(body.session, String(trx)) };
    }
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const url = this.billingUrlOf(opts.providerCode ?? this.options.providerCode);
    const res = await httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    const rawAnswer = await res.body.text();
    let answer: AppsWireAnswer;
    try {
      answer = JSON.parse(rawAnswer) as AppsWireAnswer;
    } catch {
      answer = { unparsed: rawAnswer };
    }
    const contentType = res.headers['content-type'];
    this.options.logger?.debug(
      { trxId: typeof payload === 'string' ? undefined : payload.trx_id, status: answer.status },
      'apps billing call',
    );
    return {
      request: payload,
      httpStatus: res.statusCode,
      contentType: Array.isArray(contentType) ? contentType[0] : contentType,
      answer,
      rawAnswer,
    };
  }

  private billingUrlOf(code: string): string {
    return `${this.options.callbackBaseUrl}/callbacks/apps/${encodeURIComponent(code)}/do`;
  }
}
