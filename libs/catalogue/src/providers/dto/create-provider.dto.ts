import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { PROVIDER_CODE_PATTERN, PROVIDER_PROTOCOLS, type ProviderProtocol } from '../provider-protocol';
import { CONFIG_DESCRIPTION, PROVIDER_CONFIG_EXAMPLES } from './provider-examples';

export class CreateProviderDto {
  @ApiProperty({
    description: 'Slug used in callback URLs, unique',
    pattern: PROVIDER_CODE_PATTERN.source,
    example: 'pragmatic-b2b',
  })
  @IsString()
  @Matches(PROVIDER_CODE_PATTERN, { message: 'code must be a lowercase slug: ^[a-z0-9][a-z0-9-]{1,63}$' })
  code!: string;

  @ApiProperty({ example: 'Pragmatic via B2B', maxLength: 255 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiProperty({ enum: PROVIDER_PROTOCOLS, example: 'b2b', description: 'Cannot be changed later' })
  @IsIn(PROVIDER_PROTOCOLS, { message: `protocol must be one of: ${PROVIDER_PROTOCOLS.join(', ')}` })
  protocol!: ProviderProtocol;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: CONFIG_DESCRIPTION,
    example: PROVIDER_CONFIG_EXAMPLES.b2b,
  })
  @IsObject()
  config!: Record<string, unknown>;

  @ApiPropertyOptional({
    type: [String],
    description:
      'IPv4/IPv6 addresses or CIDRs allowed to call our callbacks for this provider; empty or absent = any',
    example: ['203.0.113.10', '198.51.100.0/24'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(256)
  @IsString({ each: true })
  allowedIps?: string[];
}
