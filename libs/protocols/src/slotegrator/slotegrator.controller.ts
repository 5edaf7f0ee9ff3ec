import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RAW_BODY_ONLY } from '@app/common';
import { answerJson } from './slotegrator-answer';
import { SlotegratorCallbackService } from './slotegrator-callback.service';

/** `POST /callbacks/slotegrator/{providerCode}`: bet, win, refund and balance from the provider's game server. */
@ApiTags('provider callbacks')
@Controller('callbacks/slotegrator')
export class SlotegratorController {
  constructor(private readonly callbacks: SlotegratorCallbackService) {}

  @Post(':providerCode')
  @RouteConfig(RAW_BODY_ONLY)
  @HttpCode(200)
  @ApiOperation({
    summary: 'slotegrator callback (balance, bet, win, refund)',
    description:
      'Signed with `X-Sign` = hex HMAC-SHA256 of the raw body with the provider token. Always HTTP 200: ' +
      '`{ "status": true, "balance": 100.0001 }` or `{ "status": false, "code", "message" }`.',
  })
  @ApiParam({ name: 'providerCode', example: 'demo-slotegrator' })
  @ApiOkResponse({ description: 'The answer in the slotegrator shape, success or error' })
  async callback(
    @Param('providerCode') providerCode: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const answer = await this.callbacks.handle({
      providerCode,
      ip: request.ip,
      rawBody: request.rawBody,
      sign: request.headers['x-sign'],
      requestId: String(request.id),
    });
    await reply
      .status(200)
      .header('content-type', 'application/json; charset=utf-8')
      .send(answerJson(answer));
  }
}
