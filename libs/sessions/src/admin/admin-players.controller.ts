import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminAuth } from '@app/common';
import { PlayersRepository } from '../players/players.repository';
import { ListPlayersQueryDto } from './dto/list-players-query.dto';
import { PlayerPageResponseDto, PlayerResponseDto } from './dto/player-response.dto';

@ApiTags('admin: players')
@AdminAuth()
@Controller('admin/players')
export class AdminPlayersController {
  constructor(private readonly players: PlayersRepository) {}

  @Get()
  @ApiOperation({ summary: 'List players, newest first', description: 'Every filter narrows the list.' })
  @ApiOkResponse({ type: PlayerPageResponseDto })
  @ApiBadRequestResponse({ description: 'A filter is invalid (`blocked` must be `true` or `false`)' })
  async list(@Query() q: ListPlayersQueryDto): Promise<PlayerPageResponseDto> {
    const page = await this.players.list(q);
    return { ...page, items: page.items.map((p) => PlayerResponseDto.from(p)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One player' })
  @ApiOkResponse({ type: PlayerResponseDto })
  @ApiNotFoundResponse({ description: 'PLAYER_NOT_FOUND' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PlayerResponseDto> {
    return PlayerResponseDto.from(await this.players.get(id));
  }

  @Post(':id/block')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Block a player',
    description:
      'New launches of the player are refused (403 PLAYER_BLOCKED), and every protocol refuses bets on the ' +
      "player's sessions; wins and refunds of rounds already running still settle. Answers the player as it " +
      'is afterwards; blocking a blocked player changes nothing.',
  })
  @ApiOkResponse({ type: PlayerResponseDto })
  @ApiNotFoundResponse({ description: 'PLAYER_NOT_FOUND' })
  async block(@Param('id', new ParseUUIDPipe()) id: string): Promise<PlayerResponseDto> {
    return PlayerResponseDto.from(await this.players.setBlocked(id, true));
  }

  @Post(':id/unblock')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Unblock a player',
    description:
      'Lifts a block: the player can launch games again and bets on its sessions are accepted. Answers the ' +
      'player as it is afterwards; unblocking a player that is not blocked changes nothing.',
  })
  @ApiOkResponse({ type: PlayerResponseDto })
  @ApiNotFoundResponse({ description: 'PLAYER_NOT_FOUND' })
  async unblock(@Param('id', new ParseUUIDPipe()) id: string): Promise<PlayerResponseDto> {
    return PlayerResponseDto.from(await this.players.setBlocked(id, false));
  }
}
