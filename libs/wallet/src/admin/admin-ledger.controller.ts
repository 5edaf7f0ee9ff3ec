import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '@app/common';
import { DeliveryPageResponseDto, DeliveryResponseDto } from './dto/delivery-response.dto';
import { ListDeliveriesQueryDto } from './dto/list-deliveries-query.dto';
import { ListRoundsQueryDto } from './dto/list-rounds-query.dto';
import { ListTransactionsQueryDto } from './dto/list-transactions-query.dto';
import { RoundPageResponseDto, RoundResponseDto } from './dto/round-response.dto';
import { TransactionPageResponseDto, TransactionResponseDto } from './dto/transaction-response.dto';
import { WalletAdminService } from './wallet-admin.service';

export const BAD_FILTER_EXAMPLE = {
  statusCode: 400,
  error: 'BAD_REQUEST',
  message: [
    'operatorId must be a UUID',
    'kind must be one of the following values: bet, win, refund, adjustment, deposit, withdraw',
  ],
  requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
};
export const BAD_PERIOD_EXAMPLE = {
  statusCode: 400,
  error: 'INVALID_PERIOD',
  message: 'from (2024-05-02) must not be after to (2024-05-01)',
  details: { from: '2024-05-02', to: '2024-05-01' },
  requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
};

@ApiTags('admin: wallet')
@AdminAuth()
@Controller('admin')
export class AdminLedgerController {
  constructor(private readonly views: WalletAdminService) {}

  @Get('transactions')
  @ApiOperation({
    summary: 'List wallet transactions, newest first',
    description: 'Every filter narrows the list; `from`/`to` bound `createdAt` as [from, to).',
  })
  @ApiOkResponse({ type: TransactionPageResponseDto })
  @ApiBadRequestResponse({
    description: 'A filter is invalid, or from is after to',
    schema: { examples: { filter: { value: BAD_FILTER_EXAMPLE }, period: { value: BAD_PERIOD_EXAMPLE } } },
  })
  async transactions(@Query() query: ListTransactionsQueryDto): Promise<TransactionPageResponseDto> {
    const page = await this.views.listTransactions(query);
    return { ...page, items: page.items.map((t) => TransactionResponseDto.from(t)) };
  }

  @Get('rounds')
  @ApiOperation({
    summary: 'List game rounds, newest first',
    description: '`from`/`to` bound `createdAt` as [from, to).',
  })
  @ApiOkResponse({ type: RoundPageResponseDto })
  @ApiBadRequestResponse({
    description: 'A filter is invalid, or from is after to',
    schema: { example: BAD_FILTER_EXAMPLE },
  })
  async rounds(@Query() query: ListRoundsQueryDto): Promise<RoundPageResponseDto> {
    const page = await this.views.listRounds(query);
    return { ...page, items: page.items.map((r) => RoundResponseDto.from(r)) };
  }

  @Get('deliveries')
  @ApiOperation({
    summary: 'List deliveries owed to seamless operators (the outbox), newest first',
    description:
      'Wins and refunds written to our ledger and delivered to the operator until it acknowledges. ' +
      '`status=pending` with a growing `attempts` and a `lastError` is what an operator outage looks like.',
  })
  @ApiOkResponse({ type: DeliveryPageResponseDto })
  @ApiBadRequestResponse({ description: 'A filter is invalid', schema: { example: BAD_FILTER_EXAMPLE } })
  async deliveries(@Query() query: ListDeliveriesQueryDto): Promise<DeliveryPageResponseDto> {
    const page = await this.views.listDeliveries(query);
    return { ...page, items: page.items.map((m) => DeliveryResponseDto.from(m)) };
  }
}
