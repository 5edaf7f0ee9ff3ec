import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WALLET_ENTITIES } from '../entities';
import { AdminLedgerController } from './admin-ledger.controller';
import { AdminReportsController } from './admin-reports.controller';
import { GgrReportQuery } from './ggr-report.query';
import { QueueDashboardModule } from './queue-dashboard.module';
import { WalletAdminService } from './wallet-admin.service';

/** Admin views of the ledger (transactions, rounds, deliveries, GGR report) and the queue dashboard. Read-only. */
@Module({
  imports: [TypeOrmModule.forFeature(WALLET_ENTITIES), QueueDashboardModule],
  controllers: [AdminLedgerController, AdminReportsController],
  providers: [WalletAdminService, GgrReportQuery],
})
export class WalletAdminModule {}
