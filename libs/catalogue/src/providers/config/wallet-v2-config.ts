import { IsDefined, Matches } from 'class-validator';
import { IsHttpUrl } from './config-validators';

/** wallet-v2: launch URL is `${launchBaseUrl}?mode=real_play|demo&gameID&token&lang&wallet=<walletToken>`. */
export class WalletV2Config {
  /** WALLET_TOKEN of the spec: up to 40 letters, digits and "_". Secret. */
  @IsDefined()
  @Matches(/^[A-Za-z0-9_]{1,40}$/, { message: '$property must be 1-40 letters, digits or "_"' })
  walletToken!: string;

  @IsDefined()
  @IsHttpUrl()
  launchBaseUrl!: string;
}
