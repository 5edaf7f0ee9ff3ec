import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { B2bCallbackService } from './b2b-callback.service';
import type { B2bEnvelope } from './wire/b2b-answer';

/** The b2b integrator's backend calls (DESIGN §6). Always HTTP 200 with `{ api, success: true, answer }`. */
@ApiTags('provider callbacks')
@Controller('callbacks/b2b')
export class B2bController {
  constructor(private readonly callbacks: B2bCallbackService) {}

  @Post(':providerCode')
  @HttpCode(200)
  @ApiOperation({
    summary: 'b2b integrator callback',
    description:
      '`{ api, data }` with api do-auth-user-ingame | do-debit-user-ingame | do-credit-user-ingame | ' +
      'do-rollback-user-ingame | do-get-features-user-ingame | do-activate-features-user-ingame | ' +
      'do-end-features-user-ingame. Unsigned: accepted only from the provider’s allowedIps when set.',
  })
  @ApiBody({ schema: { type: 'object', properties: { api: { type: 'string' }, data: { type: 'object' } } } })
  @ApiOkResponse({ description: '`{ api, success: true, answer: { …, error_code, error_description } }`' })
  handle(@Param('providerCode') providerCode: string, @Req() req: FastifyRequest): Promise<B2bEnvelope> {
    return this.callbacks.handle({
      providerCode,
      ip: req.ip,
      body: req.body,
      rawBody: req.rawBody,
      bodyParseError: req.bodyParseError,
      requestId: String(req.id),
    });
  }
}
