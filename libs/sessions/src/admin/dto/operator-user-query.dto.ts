import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@app/common';

/** The filters every admin list of players' things starts with: the operator, and its user id. */
export class OperatorUserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'operatorId must be a UUID' })
  operatorId?: string;

  @ApiPropertyOptional({ description: "The operator's user id", example: 'player-42' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:@-]{1,64}$/, { message: 'userId must be 1-64 letters, digits or _ . : @ -' })
  userId?: string;
}
