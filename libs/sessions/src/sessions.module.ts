import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@app/catalogue';
import { OperatorsModule } from '@app/operators';
import { WalletModule } from '@app/wallet';
import { AdminPlayersController } from './admin/admin-players.controller';
import { AdminSessionsController } from './admin/admin-sessions.controller';
import { SESSION_ENTITIES } from './entities';
import { LaunchPages } from './launch/launch-pages';
import { LaunchRedirects } from './launch/launch-redirects';
import { LaunchUrlBuilders } from './launch/launch-url-builders.registry';
import { OperatorPlayerCheck } from './launch/operator-player-check';
import { PlayRedirectController } from './launch/play-redirect.controller';
import { SessionsOperatorController } from './launch/sessions-operator.controller';
import { StartSessionUseCase } from './launch/start-session.usecase';
import { PlayersRepository } from './players/players.repository';
import { CallbackSessionsService } from './sessions/callback-sessions.service';
import { GameSessionsRepository } from './sessions/game-sessions.repository';
import { SessionCache } from './sessions/session-cache';

/**
 * Players, game sessions and the launch flow. Provider protocols resolve callbacks through
 * CallbackSessionsService and register their launch URL builders with LaunchUrlBuilders.
 * WalletModule provides the one OperatorWalletClient (its circuit breaker is shared with the wallet).
 */
@Module({
  imports: [TypeOrmModule.forFeature(SESSION_ENTITIES), OperatorsModule, CatalogueModule, WalletModule],
  controllers: [
    SessionsOperatorController,
    PlayRedirectController,
    AdminSessionsController,
    AdminPlayersController,
  ],
  providers: [
    CallbackSessionsService,
    SessionCache,
    LaunchUrlBuilders,
    LaunchPages,
    LaunchRedirects,
    OperatorPlayerCheck,
    PlayersRepository,
    GameSessionsRepository,
    StartSessionUseCase,
  ],
  exports: [CallbackSessionsService, SessionCache, LaunchUrlBuilders, LaunchPages],
})
export class SessionsModule {}
