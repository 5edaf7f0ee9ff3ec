import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { IsHttpUrl, IsProviderIssuedId } from './config-validators';

/** Endpoints the provider gives us (spec: "Integration data provided by Game Provider"). */
export class SlotegratorEndpoints {
  @IsDefined()
  @IsHttpUrl()
  gameUrl!: string;

  @IsDefined()
  @IsHttpUrl()
  demoGameUrl!: string;

  @IsOptional()
  @IsHttpUrl()
  jackpots?: string;

  @IsOptional()
  @IsHttpUrl()
  createFreespins?: string;

  @IsOptional()
  @IsHttpUrl()
  cancelFreespins?: string;
}

/** slotegrator: `token` signs requests in both directions (X-Sign, HMAC-SHA256). Secret. */
export class SlotegratorConfig {
  @IsDefined()
  @IsProviderIssuedId()
  clientId!: string | number;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  token!: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SlotegratorEndpoints)
  endpoints!: SlotegratorEndpoints;
}
