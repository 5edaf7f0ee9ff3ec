import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsHttpUrl, IsProviderIssuedId, IsUrlOrAbsolutePath } from './config-validators';

export const APPS_AMOUNT_UNITS = ['kopecks', 'roubles'] as const;
export type AppsAmountUnit = (typeof APPS_AMOUNT_UNITS)[number];

/** apps: billing `/do` calls are signed with md5×45 over `salt` (secret); amounts in kopecks or roubles. */
export class AppsConfig {
  /** `${customer_id}` of the spec, issued by the provider's manager. */
  @IsDefined()
  @IsProviderIssuedId()
  customerId!: string | number;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  salt!: string;

  /** `${path_to_storage}`: where the loader script and game files are served from. */
  @IsDefined()
  @IsUrlOrAbsolutePath()
  storagePath!: string;

  @IsDefined()
  @IsIn(APPS_AMOUNT_UNITS, { message: `$property must be one of: ${APPS_AMOUNT_UNITS.join(', ')}` })
  amountUnit!: AppsAmountUnit;

  /** The "List of Apps" (games_config) file. */
  @IsOptional()
  @IsHttpUrl()
  gamesConfigUrl?: string;
}
