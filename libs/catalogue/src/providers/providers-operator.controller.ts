import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@app/common';
import { OperatorAuth } from '@app/operators';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCacheableJson } from '../http/cacheable-json';
import { OperatorProviderPageDto } from './dto/operator-provider.dto';
import { ProvidersService } from './providers.service';

@ApiTags('operator: catalogue')
@OperatorAuth()
@Controller('api/v1/providers')
export class ProvidersOperatorController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @ApiOperation({
    summary: 'List the enabled providers',
    description:
      'Ordered by code. Cacheable: `ETag` and `Cache-Control: private, max-age=60`; send `If-None-Match` to get a 304.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag of a previous response' })
  @ApiOkResponse({
    type: OperatorProviderPageDto,
    example: {
      items: [{ code: 'pragmatic-b2b', name: 'Pragmatic via B2B', protocol: 'b2b' }],
      page: 1,
      limit: 50,
      total: 1,
    },
  })
  @ApiNotModifiedResponse({ description: 'The list is unchanged since the ETag given in If-None-Match' })
  async list(
    @Query() query: PageQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body: OperatorProviderPageDto = await this.providers.listEnabled(query);
    await sendCacheableJson(req, reply, body);
  }
}
