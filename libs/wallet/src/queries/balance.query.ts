import { Injectable } from '@nestjs/common';
import type { Money } from '@app/common';
import { AccountsService } from '../accounts.service';
import { LedgerRepository } from '../ledger.repository';
import { SeamlessWallet } from '../seamless/seamless-wallet';
import type { WalletParty } from '../wallet.types';

/** A player's balance: our ledger (internal) or the operator's answer, else its last known one (seamless). */
@Injectable()
export class BalanceQuery {
  constructor(
    private readonly accounts: AccountsService,
    private readonly ledger: LedgerRepository,
    private readonly seamless: SeamlessWallet,
  ) {}

  async execute(party: WalletParty): Promise<Money | null> {
    const accountId = await this.accounts.player(party.operatorId, party.playerId, party.currency);
    if (party.walletMode === 'seamless') {
      return this.seamless.balance(party.operatorId, party.playerId, party.currency, accountId);
    }
    return this.ledger.accountBalance(accountId);
  }
}
