import { IsDefined, IsOptional } from 'class-validator';
import { IsHttpUrl, IsProviderIssuedId } from './config-validators';

/**
 * b2b: launch URL is `${launchBaseUrl}/games/<game_name>.game?operator_id&user_id&auth_token&currency`;
 * the game list is `GET ${gamesListUrl}?cmd={"api":"ls-games-by-operator-id-get","operator_id":"…"}`.
 */
export class B2bConfig {
  /** Our operator id at the integrator, int(11) in the spec. */
  @IsDefined()
  @IsProviderIssuedId()
  operatorId!: string | number;

  @IsDefined()
  @IsHttpUrl()
  launchBaseUrl!: string;

  /** E.g. `https://int.apiforb2b.com/frontendsrv/apihandler.api`. */
  @IsOptional()
  @IsHttpUrl()
  gamesListUrl?: string;
}
