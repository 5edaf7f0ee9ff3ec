import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedOperator, CurrentOperator, OperatorAuth } from '@app/operators';
import { StartSessionDto, StartSessionResponseDto } from './start-session.dto';
import { StartSessionUseCase } from './start-session.usecase';

const REQUEST_ID = 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11';

@ApiTags('operator API: launch')
@OperatorAuth()
@Controller('api/v1/sessions')
export class SessionsOperatorController {
  constructor(private readonly startSession: StartSessionUseCase) {}

  @Post()
  @ApiOperation({
    summary: 'Start a game for a player: a game session and its launch URL',
    description:
      'Real play with a seamless wallet: we call your wallet with `session-check`, `player-details` and ' +
      '`balance` (with `userId` and `token`) at the same time; all three must answer `status: true`, otherwise ' +
      'nothing is created and the error names each call that failed and why. A player is created on the first ' +
      'real launch (from `player-details`, or from the request for an internal wallet) and refreshed later.\n\n' +
      "Currencies: `currency` must be one of the operator's; a game may restrict its own with a `currencies` " +
      'list of ISO 4217 codes in its `meta` (set through `PUT /admin/providers/{code}/games`); without one it ' +
      'takes every operator currency.\n\nOne active real-money session per player and provider: a new launch ' +
      'closes the previous one (`closeReason: superseded`). Demo mode makes no wallet call and keeps no ' +
      'player; it is refused for games without demo.\n\nProvider URLs: slotegrator — the URL its `gameUrl` / ' +
      '`demoGameUrl` endpoint returns; wallet-v2 — `launchBaseUrl?mode=real_play&gameID&token&lang&wallet`; ' +
      'b2b — `launchBaseUrl/games/<game_name>.game?operator_id&user_id&auth_token&currency`; apps — our page ' +
      '`/play/apps/{sessionId}` embedding the provider loader.',
  })
  @ApiCreatedResponse({ type: StartSessionResponseDto })
  @ApiBadRequestResponse({
    description: 'A field is invalid, or CURRENCY_NOT_SUPPORTED (operator, game or player wallet)',
    schema: {
      example: {
        statusCode: 400,
        error: 'BAD_REQUEST',
        message: ['currency must be a 3-letter uppercase ISO 4217 code'],
        requestId: REQUEST_ID,
      },
    },
  })
  @ApiForbiddenResponse({
    description: 'OPERATOR_REFUSED (your wallet refused a launch check) or PLAYER_BLOCKED',
    schema: {
      example: {
        statusCode: 403,
        error: 'OPERATOR_REFUSED',
        message: 'The operator refused the launch: session-check refused with INVALID_TOKEN: Token expired',
        details: {
          failed: [
            {
              call: 'session-check',
              kind: 'refused',
              code: 'INVALID_TOKEN',
              reason: 'refused with INVALID_TOKEN: Token expired',
            },
          ],
        },
        requestId: REQUEST_ID,
      },
    },
  })
  @ApiNotFoundResponse({
    description: 'GAME_NOT_AVAILABLE: unknown game, or the game or its provider is disabled',
  })
  @ApiUnprocessableEntityResponse({
    description: 'DEMO_NOT_AVAILABLE: the game (or its protocol) has no demo',
  })
  @ApiConflictResponse({
    description:
      'LAUNCH_CONTENDED: other launches of the same player at the same provider kept committing first ' +
      '(10 tries); nothing was written, the launch can be retried',
  })
  @ApiBadGatewayResponse({
    description:
      'OPERATOR_WALLET_UNAVAILABLE (a launch check failed: HTTP error, timeout, malformed answer, breaker open), ' +
      "OPERATOR_ANSWER_MISMATCH, or PROVIDER_LAUNCH_FAILED (the provider's launch endpoint failed)",
    schema: {
      example: {
        statusCode: 502,
        error: 'OPERATOR_WALLET_UNAVAILABLE',
        message: "The operator's wallet did not answer the launch checks: balance timeout after 3000 ms",
        details: { failed: [{ call: 'balance', kind: 'unknown', reason: 'timeout after 3000 ms' }] },
        requestId: REQUEST_ID,
      },
    },
  })
  start(
    @CurrentOperator() operator: AuthenticatedOperator,
    @Body() body: StartSessionDto,
  ): Promise<StartSessionResponseDto> {
    return this.startSession.execute(operator, body);
  }
}
