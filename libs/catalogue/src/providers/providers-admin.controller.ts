import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AdminAuth, PageQueryDto } from '@app/common';
import { CreateProviderDto } from './dto/create-provider.dto';
import { PROVIDER_CONFIG_EXAMPLES } from './dto/provider-examples';
import { ProviderDto, ProviderPageDto } from './dto/provider.dto';
import { UpdateProviderDto } from './dto/update-provider.dto';
import { ProvidersService } from './providers.service';

const CODE_PARAM = { name: 'code', description: 'Provider code', example: 'pragmatic-b2b' };

const CONFIG_ERROR_EXAMPLE = {
  statusCode: 400,
  error: 'INVALID_PROVIDER_CONFIG',
  message: 'Invalid slotegrator config: config.endpoints.gameUrl must be an absolute http(s) URL',
  details: { problems: ['config.endpoints.gameUrl must be an absolute http(s) URL'] },
  requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
};

@ApiTags('admin: providers')
@AdminAuth()
@Controller('admin/providers')
export class ProvidersAdminController {
  constructor(private readonly providers: ProvidersService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a provider',
    description: 'The config is validated against the protocol.',
  })
  @ApiBody({
    type: CreateProviderDto,
    examples: Object.fromEntries(
      Object.entries(PROVIDER_CONFIG_EXAMPLES).map(([protocol, config]) => [
        protocol,
        {
          value: {
            code: `acme-${protocol}`,
            name: `Acme (${protocol})`,
            protocol,
            config,
            allowedIps: ['203.0.113.10'],
          },
        },
      ]),
    ),
  })
  @ApiCreatedResponse({ type: ProviderDto })
  @ApiBadRequestResponse({
    description: 'Invalid body, config or allowedIps',
    schema: { example: CONFIG_ERROR_EXAMPLE },
  })
  @ApiConflictResponse({ description: 'PROVIDER_CODE_TAKEN' })
  async create(@Body() body: CreateProviderDto): Promise<ProviderDto> {
    return ProviderDto.from(await this.providers.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'List providers, by code' })
  @ApiOkResponse({ type: ProviderPageDto })
  async list(@Query() query: PageQueryDto): Promise<ProviderPageDto> {
    const page = await this.providers.list(query);
    return { ...page, items: page.items.map((p) => ProviderDto.from(p)) };
  }

  @Get(':code')
  @ApiOperation({ summary: 'Get a provider (secrets masked)' })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: ProviderDto })
  @ApiNotFoundResponse({ description: 'PROVIDER_NOT_FOUND' })
  async get(@Param('code') code: string): Promise<ProviderDto> {
    return ProviderDto.from(await this.providers.getByCode(code));
  }

  @Patch(':code')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Change a provider',
    description:
      'name, enabled, allowedIps (replaced), config (JSON Merge Patch, validated again). The protocol cannot change. ' +
      'A change reaches the callback paths of every API process within 5 s.',
  })
  @ApiParam(CODE_PARAM)
  @ApiBody({
    type: UpdateProviderDto,
    examples: {
      disable: { value: { enabled: false } },
      rotateToken: {
        summary: 'Replace one secret, keep the rest',
        value: { config: { token: 'new-shared-hmac-token' } },
      },
      allowlist: { value: { allowedIps: ['203.0.113.0/24', '2001:db8::/32'] } },
    },
  })
  @ApiOkResponse({ type: ProviderDto })
  @ApiBadRequestResponse({
    description: 'Invalid body, config, allowedIps, or a protocol change (PROTOCOL_IMMUTABLE)',
  })
  @ApiNotFoundResponse({ description: 'PROVIDER_NOT_FOUND' })
  async update(@Param('code') code: string, @Body() body: UpdateProviderDto): Promise<ProviderDto> {
    return ProviderDto.from(await this.providers.update(code, body));
  }
}
