import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '@app/common';

/** A date (UTC midnight) or a date-time with an explicit offset: no instant is left to the server's time zone. */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const INSTANT_MESSAGE =
  '$property must be an ISO 8601 date (2024-05-01) or date-time with offset (2024-05-01T12:00:00Z)';

/** Validates an ISO 8601 instant as above; impossible dates (2024-02-30) are refused too. */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: INSTANT_MESSAGE }),
  );
}

/** Paged list filtered on `created_at` in the half-open period [from, to). */
export class PagedPeriodQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Created at or after (inclusive); a date alone is UTC midnight',
    example: '2024-05-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'Created before (exclusive); a date alone is UTC midnight',
    example: '2024-05-02T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  to?: string;
}
