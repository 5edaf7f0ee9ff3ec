import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OperatorsModule, OperatorWalletClient } from '@app/operators';
import { AccountsService } from './accounts.service';
import { PlayerWalletController } from './api/player-wallet.controller';
import { CreditCommand } from './commands/credit.command';
import { DebitCommand } from './commands/debit.command';
import { PlayCommand } from './commands/play.command';
import { RollbackCommand } from './commands/rollback.command';
import { TransferCommand } from './commands/transfer.command';
import { WALLET_ENTITIES } from './entities';
import { LedgerRepository } from './ledger.repository';
import { QueueName } from './outbox/delivery.queue';
import { OutboxService } from './outbox/outbox.service';
import { BalanceQuery } from './queries/balance.query';
import { OperatorEndpoints } from './seamless/operator-endpoints.port';
import { OperatorEndpointsFromCredentials } from './seamless/operator-endpoints.service';
import { SeamlessWallet } from './seamless/seamless-wallet';

/** The ledger and its commands. Every provider protocol moves money through DebitCommand, CreditCommand, RollbackCommand and BalanceQuery. */
@Module({
  imports: [
    TypeOrmModule.forFeature(WALLET_ENTITIES),
    BullModule.registerQueue({ name: QueueName.WalletDelivery }),
    OperatorsModule,
  ],
  controllers: [PlayerWalletController],
  providers: [
    AccountsService,
    LedgerRepository,
    OperatorWalletClient,
    { provide: OperatorEndpoints, useClass: OperatorEndpointsFromCredentials },
    OutboxService,
    SeamlessWallet,
    DebitCommand,
    CreditCommand,
    RollbackCommand,
    PlayCommand,
    BalanceQuery,
    TransferCommand,
  ],
  exports: [
    DebitCommand,
    CreditCommand,
    RollbackCommand,
    PlayCommand,
    BalanceQuery,
    OutboxService,
    SeamlessWallet,
    OperatorWalletClient,
  ],
})
export class WalletModule {}
