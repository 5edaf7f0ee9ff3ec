import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SESSION_ENTITIES } from './entities';
import { LaunchUrlBuilders } from './launch/launch-url-builders.registry';
import { CallbackSessionsService } from './sessions/callback-sessions.service';

/** Players, game sessions and the launch flow. Provider protocols resolve callbacks through CallbackSessionsService. */
@Module({
  imports: [TypeOrmModule.forFeature(SESSION_ENTITIES)],
  providers: [CallbackSessionsService, LaunchUrlBuilders],
  exports: [CallbackSessionsService, LaunchUrlBuilders],
})
export class SessionsModule {}
