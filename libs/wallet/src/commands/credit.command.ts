import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts.service';
import { fingerprint, idempotencyKey, LedgerRepository } from '../ledger.repository';
import { outcomeOfRepeat } from '../outcome';
import { SeamlessWallet } from '../seamless/seamless-wallet';
import type { CreditInput, WalletOutcome } from '../wallet.types';

/** A win (0 allowed: it settles the round); idempotent on the provider's transaction id. */
@Injectable()
export class CreditCommand {
  constructor(
    private readonly accounts: AccountsService,
    private readonly ledger: LedgerRepository,
    private readonly seamless: SeamlessWallet,
  ) {}

  async execute(input: CreditInput): Promise<WalletOutcome> {
    const { party } = input;
    const key = idempotencyKey(input.providerId, 'tx', input.externalId, input.idempotencyScope);
    const fp = fingerprint('win', party, input.amount, input.subtype);
    const [accountId, houseId] = await Promise.all([
      this.accounts.player(party.operatorId, party.playerId, party.currency),
      this.accounts.house(input.providerId, party.currency),
    ]);
    const movement = {
      key,
      kind: 'win' as const,
      party,
      accountId,
      counterAccountId: houseId,
      amount: input.amount,
      ctx: input,
      fingerprint: fp,
      round: 'win' as const,
      direction: 'credit' as const,
    };
    if (party.walletMode === 'seamless') {
      return this.seamless.settle(movement, { type: 'win' });
    }
    const res = await this.ledger.applyMovement(movement);
    if (!res.inserted) {
      const stored = await this.ledger.findByKey(key);
      if (!stored) throw new Error(`Transaction ${key} vanished after a unique violation`);
      return outcomeOfRepeat(stored, 'win', fp, await this.ledger.accountBalance(accountId));
    }
    return {
      ok: true,
      transactionId: res.id,
      balance: res.balanceAfter,
      repeated: false,
      roundId: res.roundId,
    };
  }
}
