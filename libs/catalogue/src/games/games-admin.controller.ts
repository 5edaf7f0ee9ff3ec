import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AdminAuth, PageQueryDto } from '@app/common';
import { SyncGamesUseCase } from '../sync/sync-games.usecase';
import { AdminGameDto, AdminGamePageDto } from './dto/admin-game.dto';
import { SyncGamesResultDto, UpsertGamesDto, UpsertGamesResultDto } from './dto/upsert-games.dto';
import { GamesService } from './games.service';

const CODE_PARAM = { name: 'code', description: 'Provider code', example: 'pragmatic-b2b' };

@ApiTags('admin: games')
@AdminAuth()
@Controller('admin/providers/:code/games')
export class GamesAdminController {
  constructor(
    private readonly games: GamesService,
    private readonly syncGames: SyncGamesUseCase,
  ) {}

  @Put()
  @ApiOperation({
    summary: "Bulk upsert a provider's games by externalId",
    description: 'One statement, all or nothing. Each externalId at most once per request; up to 5000 games.',
  })
  @ApiParam(CODE_PARAM)
  @ApiBody({
    type: UpsertGamesDto,
    examples: {
      twoGames: {
        value: {
          games: [
            {
              externalId: 'BookOfRaClassic',
              name: 'Book of Ra Classic',
              type: 'slot',
              images: { icon: 'https://cdn.example.com/book-of-ra.png' },
              lines: 9,
              hasDemo: true,
              meta: { game_code: 702 },
            },
            { externalId: 'LiveRoulette', name: 'Live Roulette', type: 'live' },
          ],
        },
      },
    },
  })
  @ApiOkResponse({ type: UpsertGamesResultDto, example: { inserted: 1, updated: 1, unchanged: 0 } })
  @ApiBadRequestResponse({
    description: 'Invalid game, more than 5000, or an externalId repeated (DUPLICATE_GAME_IDS)',
    schema: {
      example: {
        statusCode: 400,
        error: 'DUPLICATE_GAME_IDS',
        message: 'externalId must be unique within one request; repeated: BookOfRaClassic',
        requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
      },
    },
  })
  @ApiNotFoundResponse({ description: 'PROVIDER_NOT_FOUND' })
  async upsert(@Param('code') code: string, @Body() body: UpsertGamesDto): Promise<UpsertGamesResultDto> {
    return this.games.upsert(code, body.games);
  }

  @Get()
  @ApiOperation({ summary: "List a provider's games, disabled ones included, by name" })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: AdminGamePageDto })
  @ApiNotFoundResponse({ description: 'PROVIDER_NOT_FOUND' })
  async list(@Param('code') code: string, @Query() query: PageQueryDto): Promise<AdminGamePageDto> {
    const page = await this.games.listForAdmin(code, query);
    return { ...page, items: page.items.map((g) => AdminGameDto.from(g)) };
  }

  @Post('sync')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Pull the provider's own game list",
    description:
      'apps: the games_config file at config.gamesConfigUrl; b2b: ls-games-by-operator-id-get at config.gamesListUrl. ' +
      'Games are upserted; games of the provider missing from the list are disabled (never deleted) and come back ' +
      'when they reappear. Games an admin disabled stay disabled. slotegrator and wallet-v2 have no list: 422.',
  })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({
    type: SyncGamesResultDto,
    example: { inserted: 2, updated: 1, unchanged: 40, disabled: 1, received: 43, skipped: 0 },
  })
  @ApiNotFoundResponse({ description: 'PROVIDER_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    description: 'SYNC_NOT_SUPPORTED (no feed in the protocol) or SYNC_NOT_CONFIGURED (no feed URL)',
  })
  @ApiBadGatewayResponse({
    description:
      'UPSTREAM_FAILED: the feed did not answer, answered an error, or is not in the expected format',
    schema: {
      example: {
        statusCode: 502,
        error: 'UPSTREAM_FAILED',
        message: 'games feed at int.apiforb2b.com answered HTTP 503',
        requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
      },
    },
  })
  async sync(@Param('code') code: string): Promise<SyncGamesResultDto> {
    return this.syncGames.execute(code);
  }
}
