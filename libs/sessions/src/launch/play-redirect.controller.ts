import { Controller, Get, Param, Res } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SessionsErrorCode, SessionsException } from '../sessions.exception';
import { LaunchRedirects } from './launch-redirects';

@ApiTags('player: launch')
@Controller('play')
export class PlayRedirectController {
  constructor(private readonly redirects: LaunchRedirects) {}

  @Get(':launchId')
  @ApiOperation({
    summary: "Open a redirect launch: 302 to the provider's game",
    description:
      'The `url` of `POST /api/v1/sessions` with `redirect: true`. Opens once, within a short time; the ' +
      "player's browser follows it, so the casino front end never sees the provider's address.",
  })
  @ApiFoundResponse({ description: "Location: the provider's launch URL" })
  @ApiNotFoundResponse({ description: 'LAUNCH_NOT_FOUND' })
  @ApiGoneResponse({ description: 'LAUNCH_USED or LAUNCH_EXPIRED' })
  async open(@Param('launchId') launchId: string, @Res() reply: FastifyReply): Promise<void> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(launchId)) {
      throw new SessionsException(SessionsErrorCode.LaunchNotFound, 'This launch link does not exist');
    }
    const url = await this.redirects.redeem(launchId);
    await reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .redirect(url, 302);
  }
}
