import { Game } from './games/game.entity';
import { Provider } from './providers/provider.entity';

export * from './catalogue.module';
export { CatalogueException, CatalogueErrorCode } from './catalogue.exception';

export {
  PROVIDER_PROTOCOLS,
  PROVIDER_CODE_PATTERN,
  type ProviderProtocol,
} from './providers/provider-protocol';
export { ProvidersService } from './providers/providers.service';
export type { ActiveProvider } from './providers/active-provider';
export type { ProviderConfigByProtocol } from './providers/config/provider-config.registry';
export type { SlotegratorConfig, SlotegratorEndpoints } from './providers/config/slotegrator-config';
export type { B2bConfig } from './providers/config/b2b-config';
export { APPS_AMOUNT_UNITS, type AppsAmountUnit, type AppsConfig } from './providers/config/apps-config';
export type { WalletV2Config } from './providers/config/wallet-v2-config';

export { GAME_TYPES, type GameType } from './games/game-type';
export { GamesService } from './games/games.service';
export type { GameView } from './games/game-view';
export type { GameImages } from './games/game.entity';

/** Entities of this module, for `db/entities.ts` only: other modules never read these tables. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CATALOGUE_ENTITIES: Function[] = [Provider, Game];
