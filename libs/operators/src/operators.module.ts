import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type Env, SecretBox } from '@app/common';
import { AdminOperatorsController } from './admin/admin-operators.controller';
import { OperatorAuthGuard } from './auth/operator-auth.guard';
import { OperatorMeController } from './auth/operator-me.controller';
import { OperatorCredentialsService } from './credentials/operator-credentials.service';
import { Operator } from './operator.entity';
import { OperatorsService } from './operators.service';

/**
 * Operators, their secrets and the operator-API signature guard. Modules with operator-API routes import
 * this module and put `@OperatorAuth()` on them.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Operator])],
  controllers: [AdminOperatorsController, OperatorMeController],
  providers: [
    {
      provide: SecretBox,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) =>
        new SecretBox(config.get('SECRETS_KEY', { infer: true })),
    },
    OperatorCredentialsService,
    OperatorsService,
    OperatorAuthGuard,
  ],
  exports: [OperatorsService, OperatorCredentialsService, OperatorAuthGuard],
})
export class OperatorsModule {}
