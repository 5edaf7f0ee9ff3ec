import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { OperatorUserQueryDto } from './operator-user-query.dto';

/** A query string carries text: exactly `true` and `false` become booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListPlayersQueryDto extends OperatorUserQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: '`true` or `false`' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'blocked must be true or false' })
  blocked?: boolean;
}
