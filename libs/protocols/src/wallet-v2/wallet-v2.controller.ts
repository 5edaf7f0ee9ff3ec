import { randomUUID } from 'node:crypto';
import { Controller, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RAW_BODY_ONLY } from '@app/common';
import { CallbackLog } from '../common/callback-log';
import { ProtocolMetrics } from '../common/protocol-metrics';
import { errorAnswer, type WalletV2Answer } from './wallet-v2-answer';
import { WalletV2CallbackHandler, type WalletV2Trace } from './wallet-v2-callback.handler';
import { WalletV2ErrorCode } from './wallet-v2-error';
import { WALLET_V2_TYPES } from './wire/wallet-v2-request';

const PROTOCOL = 'wallet-v2';

/**
 * `POST /callbacks/wallet-v2/{providerCode}` (DESIGN §6): the provider's "Wallet URL". Always HTTP 200 with
 * a wallet-v2 body, whatever happens, so the game server always gets an answer it understands.
 */
@ApiTags('provider callbacks')
@Controller('callbacks/wallet-v2')
export class WalletV2Controller {
  private readonly logger = new Logger(WalletV2Controller.name);

  constructor(
    private readonly handler: WalletV2CallbackHandler,
    private readonly metrics: ProtocolMetrics,
    private readonly callbackLog: CallbackLog,
  ) {}

  @Post(':providerCode')
  @RouteConfig(RAW_BODY_ONLY)
  @ApiOperation({
    summary: 'wallet-v2 callback: credit (balance), bet, win, cancel',
    description:
      'Body per provider-wallet-api-v2: `{ type, code, time, id, round_id?, game, bet|win }`, amounts in integer ' +
      'cents, `id` a 64-bit unsigned integer. Answers are always HTTP 200: `{ credit, result: 1, time }` ' +
      '(credit also `player_id`, `currency`) or `{ result ≠ 1, err_code, err_desc }`.',
  })
  async callback(
    @Param('providerCode') providerCode: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const startedAt = process.hrtime.bigint();
    const trace: WalletV2Trace = {};
    const correlationId = String(req.id ?? randomUUID());
    let answer: WalletV2Answer;
    try {
      answer = await this.handler.handle({ providerCode, ip: req.ip, rawBody: rawBodyOf(req) }, trace);
    } catch (err) {
      this.logger.error(
        { err, correlationId, protocol: PROTOCOL, provider: providerCode, ...trace },
        'wallet-v2 callback failed',
      );
      answer = errorAnswer(WalletV2ErrorCode.InternalError, `ref ${correlationId}`);
    }
    this.metrics.record(PROTOCOL, actionLabel(trace.type), answer.outcome, startedAt);
    if (this.callbackLog.enabled)
      this.logger.log(
        {
          correlationId,
          protocol: PROTOCOL,
          provider: providerCode,
          ...trace,
          result: answer.result,
          outcome: answer.outcome,
          ...(answer.credit !== undefined ? { credit: answer.credit } : {}),
          ms: Number(process.hrtime.bigint() - startedAt) / 1e6,
        },
        'wallet-v2 callback',
      );
    void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(answer.body);
  }
}

/** Metrics labels stay a closed set whatever `type` a caller sends. */
function actionLabel(type: string | undefined): string {
  return type !== undefined && (WALLET_V2_TYPES as readonly string[]).includes(type) ? type : 'unknown';
}

/** The body as sent: kept by our JSON parser; Fastify's own text/plain parser only leaves the string. */
function rawBodyOf(req: FastifyRequest): Buffer | undefined {
  if (req.rawBody) return req.rawBody;
  return typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : undefined;
}
