import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type Env, SecretBox } from '@app/common';
import { OperatorsModule } from '@app/operators';
import { CATALOGUE_SECRET_BOX } from './catalogue.tokens';
import { Game } from './games/game.entity';
import { GamesAdminController } from './games/games-admin.controller';
import { GamesOperatorController } from './games/games-operator.controller';
import { GamesRepository } from './games/games.repository';
import { GamesService } from './games/games.service';
import { Provider } from './providers/provider.entity';
import { ProvidersAdminController } from './providers/providers-admin.controller';
import { ProvidersOperatorController } from './providers/providers-operator.controller';
import { ProvidersService } from './providers/providers.service';
import { GamesFeedClient } from './sync/games-feed.client';
import { SyncGamesUseCase } from './sync/sync-games.usecase';

/**
 * Providers, their games and catalogue sync. Other modules use `ProvidersService.findActiveByCode`
 * (callbacks) and `GamesService.findActive` (launch); the tables stay private to this module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Provider, Game]), OperatorsModule],
  controllers: [
    ProvidersAdminController,
    ProvidersOperatorController,
    GamesAdminController,
    GamesOperatorController,
  ],
  providers: [
    {
      provide: CATALOGUE_SECRET_BOX,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) =>
        new SecretBox(config.get('SECRETS_KEY', { infer: true })),
    },
    ProvidersService,
    GamesRepository,
    GamesService,
    GamesFeedClient,
    SyncGamesUseCase,
  ],
  exports: [ProvidersService, GamesService],
})
export class CatalogueModule {}
