import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '@app/common';
import { BAD_PERIOD_EXAMPLE } from './admin-ledger.controller';
import { GgrReportQueryDto } from './dto/ggr-report-query.dto';
import { GgrReportResponseDto } from './dto/ggr-report-response.dto';
import { GGR_MAX_DAYS, GgrReportQuery } from './ggr-report.query';

@ApiTags('admin: reports')
@AdminAuth()
@Controller('admin/reports')
export class AdminReportsController {
  constructor(private readonly ggr: GgrReportQuery) {}

  @Get('ggr')
  @ApiOperation({
    summary: 'Gross gaming revenue',
    description:
      'Committed bets, wins and refunds in [from, to), per UTC day × operator × provider × game × currency, ' +
      `with totals per currency. ggr = bets − wins − refunds; amounts are exact decimal strings. At most ${GGR_MAX_DAYS} days.`,
  })
  @ApiOkResponse({ type: GgrReportResponseDto })
  @ApiBadRequestResponse({
    description: 'from/to missing or invalid, from after to, or the period is too long',
    schema: { example: BAD_PERIOD_EXAMPLE },
  })
  async report(@Query() query: GgrReportQueryDto): Promise<GgrReportResponseDto> {
    return this.ggr.execute(query);
  }
}
