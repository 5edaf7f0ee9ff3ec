import { ApiProperty } from '@nestjs/swagger';
import { maskConfigSecrets } from '../config/provider-secrets';
import { PROVIDER_PROTOCOLS, type ProviderProtocol } from '../provider-protocol';
import type { ProviderRecord } from '../provider-record';

/** A provider in the admin API; secrets in `config` are masked. */
export class ProviderDto {
  @ApiProperty({ format: 'uuid', example: '5b0b7f0e-2f0a-4c55-9d59-6f7a3c1f4e21' })
  id!: string;

  @ApiProperty({ example: 'pragmatic-b2b' })
  code!: string;

  @ApiProperty({ example: 'Pragmatic via B2B' })
  name!: string;

  @ApiProperty({ enum: PROVIDER_PROTOCOLS, example: 'slotegrator' })
  protocol!: ProviderProtocol;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The protocol settings; secrets are masked (`****` plus the last 4 characters when long)',
    example: {
      clientId: 'aggregator-42',
      token: '****oken',
      endpoints: {
        gameUrl: 'https://api.slotegrator.example/games/url',
        demoGameUrl: 'https://api.slotegrator.example/games/demo-url',
      },
    },
  })
  config!: Record<string, unknown>;

  @ApiProperty({ type: [String], example: ['203.0.113.10', '198.51.100.0/24'] })
  allowedIps!: string[];

  @ApiProperty({ example: true })
  enabled!: boolean;

  @ApiProperty({ example: '2025-11-21T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2025-11-21T10:00:00.000Z' })
  updatedAt!: string;

  static from(p: ProviderRecord): ProviderDto {
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      protocol: p.protocol,
      config: maskConfigSecrets(p.protocol, p.config),
      allowedIps: p.allowedIps,
      enabled: p.enabled,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}

export class ProviderPageDto {
  @ApiProperty({ type: [ProviderDto] })
  items!: ProviderDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 4 })
  total!: number;
}
