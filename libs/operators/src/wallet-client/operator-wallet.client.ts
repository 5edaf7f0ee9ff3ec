import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Agent, request } from 'undici';
import { type Env, hmacSha256Hex, Money, MetricsService } from '@app/common';
import { CircuitBreaker } from './circuit-breaker';
import type { MoveFundsRequest, OperatorWalletAction, OperatorWalletResult } from './operator-wallet.types';

export interface OperatorEndpoint {
  id: string;
  walletUrl: string;
  secret: string;
}

/**
 * Signed calls to a seamless operator's wallet (DESIGN §6): keep-alive connections, a per-call timeout
 * below the providers' deadlines, and a circuit breaker per operator. Never throws for the operator's
 * behaviour: every answer is classified as ok / refused / unknown / open.
 */
@Injectable()
export class OperatorWalletClient {
  private readonly logger = new Logger(OperatorWalletClient.name);
  private readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1 });
  private readonly breaker: CircuitBreaker;
  private readonly timeoutMs: number;
  private readonly calls;

  constructor(config: ConfigService<Env, true>, metrics: MetricsService) {
    this.timeoutMs = config.get('WALLET_CALL_TIMEOUT_MS', { infer: true });
    this.breaker = new CircuitBreaker(
      config.get('BREAKER_FAILURE_THRESHOLD', { infer: true }),
      config.get('BREAKER_OPEN_MS', { infer: true }),
    );
    this.calls = metrics.counter('operator_wallet_calls_total', 'Calls to seamless operator wallets', [
      'action',
      'outcome',
    ]);
  }

  /** Upper bound of one call to an operator wallet, ms. */
  get callTimeoutMs(): number {
    return this.timeoutMs;
  }

  breakerState(operatorId: string): 'closed' | 'open' | 'half-open' {
    return this.breaker.state(operatorId);
  }

  moveFunds(op: OperatorEndpoint, body: MoveFundsRequest, timeoutMs?: number): Promise<OperatorWalletResult> {
    return this.call(op, 'move-funds', { ...body }, timeoutMs);
  }

  async call(
    op: OperatorEndpoint,
    action: OperatorWalletAction,
    fields: Record<string, unknown>,
    timeoutMs = this.timeoutMs,
  ): Promise<OperatorWalletResult> {
    if (!this.breaker.tryAcquire(op.id)) {
      this.calls.inc({ action, outcome: 'open' });
      return { kind: 'open' };
    }
    const result = await this.send(op, action, fields, timeoutMs);
    // A refusal is a healthy answer; only unknown outcomes count against the operator.
    if (result.kind === 'unknown') this.breaker.onFailure(op.id);
    else this.breaker.onSuccess(op.id);
    this.calls.inc({ action, outcome: result.kind });
    return result;
  }

  private async send(
    op: OperatorEndpoint,
    action: OperatorWalletAction,
    fields: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<OperatorWalletResult> {
    const url = new URL(op.walletUrl);
    const raw = JSON.stringify({ action, ...fields });
    const timestamp = Math.floor(Date.now() / 1000);
    const sign = hmacSha256Hex(op.secret, `${timestamp}.POST.${url.pathname}${url.search}.${raw}`);
    try {
      const res = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: {
          'content-type': 'application/json',
          'x-operator-id': op.id,
          'x-timestamp': String(timestamp),
          'x-sign': sign,
        },
        body: raw,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.body.text();
      if (res.statusCode !== 200) return { kind: 'unknown', reason: `HTTP ${res.statusCode}` };
      return classify(text);
    } catch (e) {
      const reason =
        (e as Error).name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (e as Error).message;
      this.logger.warn({ operatorId: op.id, action, reason }, 'Operator wallet call failed');
      return { kind: 'unknown', reason };
    }
  }
}

function parseBalance(value: unknown): Money | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  try {
    return Money.parseDecimal(String(value), { maxDecimals: 8, allowNegative: true });
  } catch {
    return null;
  }
}

/** Classifies an HTTP 200 body: only the contract's two shapes are known outcomes. */
export function classify(text: string): OperatorWalletResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'unknown', reason: 'answer is not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { kind: 'unknown', reason: 'answer is not an object' };
  }
  const b = body as Record<string, unknown>;
  if (b.status === true) {
    const balance = parseBalance(b.balance);
    if (b.balance !== undefined && balance === null)
      return { kind: 'unknown', reason: 'answer has a malformed balance' };
    return { kind: 'ok', body: b, balance };
  }
  if (b.status === false && typeof b.code === 'string' && b.code.length > 0) {
    return {
      kind: 'refused',
      code: b.code,
      message: typeof b.message === 'string' ? b.message : b.code,
      balance: parseBalance(b.balance),
    };
  }
  return { kind: 'unknown', reason: 'answer does not follow the wallet contract' };
}
