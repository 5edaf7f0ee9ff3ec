import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminAuth } from '@app/common';
import { GameSessionsRepository } from '../sessions/game-sessions.repository';
import { SessionsErrorCode, SessionsException } from '../sessions.exception';
import { ListSessionsQueryDto } from './dto/list-sessions-query.dto';
import { SessionPageResponseDto, SessionResponseDto } from './dto/session-response.dto';

@ApiTags('admin: sessions')
@AdminAuth()
@Controller('admin/sessions')
export class AdminSessionsController {
  constructor(private readonly sessions: GameSessionsRepository) {}

  @Get()
  @ApiOperation({
    summary: 'List game sessions, newest first',
    description:
      'Every filter narrows the list; `from`/`to` bound `createdAt` as [from, to). Tokens are never shown.',
  })
  @ApiOkResponse({ type: SessionPageResponseDto })
  @ApiBadRequestResponse({ description: 'A filter is invalid, or INVALID_PERIOD (from after to)' })
  async list(@Query() q: ListSessionsQueryDto): Promise<SessionPageResponseDto> {
    const from = q.from === undefined ? null : new Date(q.from);
    const to = q.to === undefined ? null : new Date(q.to);
    if (from && to && from.getTime() > to.getTime()) {
      throw new SessionsException(
        SessionsErrorCode.InvalidPeriod,
        `from (${q.from}) must not be after to (${q.to})`,
      );
    }
    const page = await this.sessions.list({ ...q, from, to });
    return { ...page, items: page.items.map((s) => SessionResponseDto.from(s)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One game session' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiNotFoundResponse({ description: 'SESSION_NOT_FOUND' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<SessionResponseDto> {
    const view = await this.sessions.get(id);
    if (!view) throw new SessionsException(SessionsErrorCode.SessionNotFound, `Session ${id} does not exist`);
    return SessionResponseDto.from(view);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close a game session',
    description:
      'The session gets `status: closed`, `closeReason: admin`: the provider can no longer bet on it; wins and ' +
      'refunds of its rounds still settle.',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiNotFoundResponse({ description: 'SESSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SESSION_NOT_ACTIVE: already closed or expired' })
  async close(@Param('id', new ParseUUIDPipe()) id: string): Promise<SessionResponseDto> {
    return SessionResponseDto.from(await this.sessions.closeByAdmin(id));
  }
}
