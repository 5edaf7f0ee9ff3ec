import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { appsReplyJson } from './apps-reply';
import { AppsBillingService } from './apps-billing.service';

/** The apps billing endpoint (DESIGN §6). Always HTTP 200 with one of the spec's four replies. */
@ApiTags('callbacks')
@Controller('callbacks/apps')
export class AppsController {
  constructor(private readonly billing: AppsBillingService) {}

  @Post(':providerCode/do')
  @HttpCode(200)
  @ApiOperation({
    summary: 'apps billing: withdraw `minus` and refill `plus` in one movement (md5×45 `sign`)',
  })
  @ApiOkResponse({
    description:
      '{"status":"OK","balance","currency"} | {"status":"not_enough_money","balance","currency"} | ' +
      '{"status":"session_not_found"} | {"status":"sign_not_found"}',
  })
  async do(
    @Param('providerCode') providerCode: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const { reply, unit } = await this.billing.handle({
      providerCode,
      ip: req.ip,
      body: req.body,
      rawBody: req.rawBody?.toString('utf8') ?? '',
      bodyParseError: req.bodyParseError,
      requestId: String(req.id),
    });
    await res.status(200).type('application/json').send(appsReplyJson(reply, unit));
  }
}
