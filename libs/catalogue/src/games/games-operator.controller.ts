import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuth } from '@app/operators';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCacheableJson } from '../http/cacheable-json';
import { ListGamesQueryDto } from './dto/list-games-query.dto';
import { OperatorGameDto, OperatorGamePageDto } from './dto/operator-game.dto';
import { GamesService } from './games.service';

@ApiTags('operator: catalogue')
@OperatorAuth()
@Controller('api/v1/games')
export class GamesOperatorController {
  constructor(private readonly games: GamesService) {}

  @Get()
  @ApiOperation({
    summary: 'List the games that can be launched',
    description:
      'Enabled games of enabled providers, ordered by name then id (stable across pages). Filters: provider code, ' +
      'type, and search (case-insensitive part of the name). Cacheable: `ETag` and `Cache-Control: private, max-age=60`; ' +
      'send `If-None-Match` to get a 304.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag of a previous response' })
  @ApiOkResponse({
    type: OperatorGamePageDto,
    example: {
      items: [
        {
          id: '0f8e6a9c-4b8e-4a3e-9f3c-2f1d7c9e5b10',
          name: 'Book of Ra Classic',
          provider: 'pragmatic-b2b',
          type: 'slot',
          images: { icon: 'https://int.apiforb2b.com/game/icons/BookOfRaClassic_300_221.jpg' },
          lines: 9,
          hasDemo: true,
          hasFreespins: false,
        },
      ],
      page: 1,
      limit: 50,
      total: 1,
    },
  })
  @ApiNotModifiedResponse({ description: 'The page is unchanged since the ETag given in If-None-Match' })
  async list(
    @Query() query: ListGamesQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const page = await this.games.listForOperators(query);
    const body: OperatorGamePageDto = { ...page, items: page.items.map((g) => OperatorGameDto.from(g)) };
    await sendCacheableJson(req, reply, body);
  }
}
