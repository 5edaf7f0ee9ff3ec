import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import {
  SESSION_MODES,
  SESSION_STATUSES,
  type SessionMode,
  type SessionStatus,
} from '../../entities/game-session.entity';
import { OperatorUserQueryDto } from './operator-user-query.dto';

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const INSTANT_MESSAGE =
  '$property must be an ISO 8601 date (2024-05-01) or date-time with offset (2024-05-01T12:00:00Z)';

export class ListSessionsQueryDto extends OperatorUserQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Our player id' })
  @IsOptional()
  @IsUUID('all', { message: 'playerId must be a UUID' })
  playerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'providerId must be a UUID' })
  providerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'gameId must be a UUID' })
  gameId?: string;

  @ApiPropertyOptional({ enum: SESSION_MODES })
  @IsOptional()
  @IsIn(SESSION_MODES)
  mode?: SessionMode;

  @ApiPropertyOptional({
    enum: SESSION_STATUSES,
    description: 'As shown: an active session idle longer than SESSION_IDLE_TTL_S is `expired`',
  })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({ description: 'Created at or after (inclusive)', example: '2024-05-01T00:00:00Z' })
  @IsOptional()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: INSTANT_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ description: 'Created before (exclusive)', example: '2024-05-02T00:00:00Z' })
  @IsOptional()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: INSTANT_MESSAGE })
  to?: string;
}
