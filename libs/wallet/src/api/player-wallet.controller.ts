import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Money } from '@app/common';
import { type AuthenticatedOperator, CurrentOperator, OperatorAuth } from '@app/operators';
import { TransferCommand } from '../commands/transfer.command';
import { BalanceQuery } from '../queries/balance.query';
import { WalletErrorCode, WalletException } from '../wallet.exception';
import { WalletRefusal, type WalletParty } from '../wallet.types';
import { BalanceQueryDto, PlayerBalanceDto, TransferDto, TransferResultDto } from './player-wallet.dto';

@ApiTags('operator API: internal wallet')
@OperatorAuth()
@Controller('api/v1/players')
export class PlayerWalletController {
  constructor(
    private readonly transfer: TransferCommand,
    private readonly balanceQuery: BalanceQuery,
  ) {}

  @Get(':userId/balance')
  @ApiOperation({ summary: "A player's balance in our ledger (internal-wallet operators)" })
  @ApiOkResponse({ type: PlayerBalanceDto })
  async balance(
    @CurrentOperator() operator: AuthenticatedOperator,
    @Param('userId') userId: string,
    @Query() q: BalanceQueryDto,
  ): Promise<PlayerBalanceDto> {
    const party = this.party(operator, userId, q.currency);
    const balance = (await this.balanceQuery.execute(party)) ?? Money.zero();
    return { userId, currency: q.currency, balance: balance.toString() };
  }

  @Post(':userId/deposit')
  @HttpCode(200)
  @ApiOperation({ summary: "Credit a player's wallet from the operator (idempotent on transactionId)" })
  @ApiOkResponse({ type: TransferResultDto })
  @ApiConflictResponse({ description: 'IDEMPOTENCY_CONFLICT: the transactionId was used with other details' })
  deposit(
    @CurrentOperator() operator: AuthenticatedOperator,
    @Param('userId') userId: string,
    @Body() body: TransferDto,
  ) {
    return this.move(operator, userId, body, 'deposit');
  }

  @Post(':userId/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: "Debit a player's wallet back to the operator; never overdraws (idempotent on transactionId)",
  })
  @ApiOkResponse({ type: TransferResultDto })
  @ApiConflictResponse({ description: 'INSUFFICIENT_FUNDS or IDEMPOTENCY_CONFLICT' })
  withdraw(
    @CurrentOperator() operator: AuthenticatedOperator,
    @Param('userId') userId: string,
    @Body() body: TransferDto,
  ) {
    return this.move(operator, userId, body, 'withdraw');
  }

  private async move(
    operator: AuthenticatedOperator,
    userId: string,
    body: TransferDto,
    direction: 'deposit' | 'withdraw',
  ): Promise<TransferResultDto> {
    const party = this.party(operator, userId, body.currency);
    const amount = Money.parseDecimal(body.amount, { maxDecimals: 8 });
    if (!amount.isPositive())
      throw new WalletException(WalletErrorCode.InvalidAmount, 'amount must be greater than zero');
    const outcome = await this.transfer.execute({
      party,
      direction,
      transactionId: body.transactionId,
      amount,
    });
    if (!outcome.ok) {
      if (outcome.refusal === WalletRefusal.InsufficientFunds) {
        throw new WalletException(WalletErrorCode.InsufficientFunds, 'Balance is lower than the amount', {
          balance: outcome.balance?.toString() ?? null,
        });
      }
      throw new WalletException(
        WalletErrorCode.IdempotencyConflict,
        'transactionId was already used with other details',
      );
    }
    return {
      userId,
      currency: body.currency,
      balance: (outcome.balance ?? Money.zero()).toString(),
      transactionId: body.transactionId,
      repeated: outcome.repeated,
    };
  }

  private party(operator: AuthenticatedOperator, userId: string, currency: string): WalletParty {
    if (operator.walletMode !== 'internal') {
      throw new WalletException(
        WalletErrorCode.NotInternalWallet,
        'This operator uses a seamless wallet: balances live in its own wallet',
      );
    }
    if (!operator.currencies.includes(currency)) {
      throw new WalletException(
        WalletErrorCode.CurrencyNotSupported,
        `Currency ${currency} is not one of the operator's currencies`,
      );
    }
    if (userId.length === 0 || userId.length > 128) {
      throw new WalletException(WalletErrorCode.InvalidAmount, 'userId must be 1..128 characters');
    }
    return { operatorId: operator.id, walletMode: 'internal', playerId: userId, currency };
  }
}
