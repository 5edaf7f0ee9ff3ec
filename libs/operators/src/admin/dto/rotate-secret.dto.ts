import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_GRACE_SECONDS = 30 * 86400;

/** The body is optional: `{}` or none rotates with the default grace (`OPERATOR_SECRET_GRACE_S`). */
export class RotateSecretDto {
  @ApiPropertyOptional({
    example: 3600,
    minimum: 0,
    maximum: MAX_GRACE_SECONDS,
    description:
      'How long the replaced secret keeps verifying, seconds. 0 revokes it at once (leaked secret).',
  })
  @IsOptional()
  @IsInt({ message: 'graceSeconds must be an integer number of seconds' })
  @Min(0, { message: 'graceSeconds must be at least 0' })
  @Max(MAX_GRACE_SECONDS, { message: `graceSeconds must be at most ${MAX_GRACE_SECONDS} (30 days)` })
  graceSeconds?: number;
}
