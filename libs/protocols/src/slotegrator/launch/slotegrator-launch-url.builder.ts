import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Agent, request } from 'undici';
import { type Env, hmacSha256Hex } from '@app/common';
import {
  type LaunchRequest,
  type LaunchResult,
  LaunchUrlBuilder,
  LaunchUrlBuilders,
  languageTag,
} from '@app/sessions';

/** What the provider may answer; the URL is all we keep. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * slotegrator asks the provider: a signed POST of "Get game url" (`client_id, game_id, currency, language,
 * session_id, player_id, return_url`) to `endpoints.gameUrl`, or of "Get demo game url" (`client_id,
 * game_id, language, return_url`) to `endpoints.demoGameUrl`; the answer's `url` is the launch URL.
 * `X-Sign` = hex HMAC-SHA256 of the exact body bytes with the provider's `token`.
 */
@Injectable()
export class SlotegratorLaunchUrlBuilder extends LaunchUrlBuilder implements OnModuleInit, OnModuleDestroy {
  readonly protocol = 'slotegrator' as const;
  private readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });
  private readonly timeoutMs: number;

  constructor(
    private readonly registry: LaunchUrlBuilders,
    config: ConfigService<Env, true>,
  ) {
    super();
    this.timeoutMs = config.get('PROVIDER_LAUNCH_TIMEOUT_MS', { infer: true });
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  async build(req: LaunchRequest): Promise<LaunchResult> {
    if (req.provider.protocol !== 'slotegrator') {
      return { ok: false, reason: `not a slotegrator provider: ${req.provider.protocol}` };
    }
    const { clientId, token, endpoints } = req.provider.config;
    const language = languageTag(req.language).language;
    // The provider requires an exit URL; without the operator's own, the player exits to us.
    const returnUrl = req.returnUrl ?? `${req.publicBaseUrl}/`;
    let target: string;
    let body: Record<string, string>;
    if (req.mode === 'real') {
      if (req.playerId === null) return { ok: false, reason: 'a real launch needs a player' };
      target = endpoints.gameUrl;
      body = {
        client_id: String(clientId),
        game_id: req.game.externalId,
        currency: req.currency,
        language,
        session_id: req.sessionToken,
        // As the spec's example: one id per player and currency.
        player_id: `${req.playerId.replace(/-/g, '')}${req.currency}`,
        return_url: returnUrl,
      };
    } else {
      target = endpoints.demoGameUrl;
      body = { client_id: String(clientId), game_id: req.game.externalId, language, return_url: returnUrl };
    }
    return this.post(target, JSON.stringify(body), token);
  }

  private async post(target: string, raw: string, token: string): Promise<LaunchResult> {
    let status: number;
    let text: string;
    try {
      const res = await request(target, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', 'x-sign': hmacSha256Hex(token, raw) },
        body: raw,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (e) {
      const err = e as Error;
      const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError' || /timeout/i.test(err.name);
      return {
        ok: false,
        reason: timedOut ? `no answer within ${this.timeoutMs} ms` : `request failed: ${err.message}`,
      };
    }
    return answerOf(status, text);
  }
}

/** The provider's `{ url }`, or a readable reason (its own error code and message when it sent one). */
function answerOf(status: number, text: string): LaunchResult {
  if (text.length > MAX_ANSWER_BYTES) return { ok: false, reason: `HTTP ${status}, answer too large` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, reason: `HTTP ${status}, answer is not JSON` };
  }
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (b.status === false || typeof b.code === 'string') {
    const code = typeof b.code === 'string' ? b.code : 'ERROR';
    const message = typeof b.message === 'string' ? b.message : '';
    return { ok: false, reason: `provider error ${code}${message ? `: ${message}` : ''} (HTTP ${status})` };
  }
  if (status !== 200) return { ok: false, reason: `HTTP ${status}` };
  if (typeof b.url !== 'string' || !isHttpUrl(b.url)) {
    return { ok: false, reason: 'answer has no http(s) url' };
  }
  return { ok: true, url: b.url };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
