import { ApiProperty } from '@nestjs/swagger';
import { PROVIDER_PROTOCOLS, type ProviderProtocol } from '../provider-protocol';

/** A provider as operators see it: never its config. */
export class OperatorProviderDto {
  @ApiProperty({ example: 'pragmatic-b2b', description: 'Use as the `provider` filter of GET /api/v1/games' })
  code!: string;

  @ApiProperty({ example: 'Pragmatic via B2B' })
  name!: string;

  @ApiProperty({ enum: PROVIDER_PROTOCOLS, example: 'b2b' })
  protocol!: ProviderProtocol;
}

export class OperatorProviderPageDto {
  @ApiProperty({ type: [OperatorProviderDto] })
  items!: OperatorProviderDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 3 })
  total!: number;
}
