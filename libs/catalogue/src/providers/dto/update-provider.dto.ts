import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { PROVIDER_PROTOCOLS, type ProviderProtocol } from '../provider-protocol';

export class UpdateProviderDto {
  @ApiPropertyOptional({ example: 'Pragmatic via B2B (EU)', maxLength: 255 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({
    enum: PROVIDER_PROTOCOLS,
    description: 'Immutable: accepted only when equal to the current protocol',
  })
  @IsOptional()
  @IsIn(PROVIDER_PROTOCOLS)
  protocol?: ProviderProtocol;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'A JSON Merge Patch (RFC 7396) onto the current config: keys given replace, `null` removes, keys absent ' +
      "(secrets included) stay. The result is validated against the provider's protocol again.",
    example: { gamesListUrl: 'https://int.apiforb2b.com/frontendsrv/apihandler.api' },
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: [String],
    description: 'Replaces the allowlist; [] allows any address',
    example: ['203.0.113.10'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(256)
  @IsString({ each: true })
  allowedIps?: string[];

  @ApiPropertyOptional({
    example: false,
    description: 'A disabled provider and its games disappear from the operator API',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
