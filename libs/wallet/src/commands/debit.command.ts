import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts.service';
import { fingerprint, idempotencyKey, LedgerRepository } from '../ledger.repository';
import { outcomeOfRepeat } from '../outcome';
import { SeamlessWallet } from '../seamless/seamless-wallet';
import { type DebitInput, WalletRefusal, type WalletOutcome } from '../wallet.types';

/** A bet: takes `amount` from the player, never below zero; idempotent on the provider's transaction id. */
@Injectable()
export class DebitCommand {
  constructor(
    private readonly accounts: AccountsService,
    private readonly ledger: LedgerRepository,
    private readonly seamless: SeamlessWallet,
  ) {}

  async execute(input: DebitInput): Promise<WalletOutcome> {
    const { party } = input;
    const key = idempotencyKey(input.providerId, 'tx', input.externalId, input.idempotencyScope);
    const fp = fingerprint('bet', party, input.amount, input.subtype);
    const [accountId, houseId] = await Promise.all([
      this.accounts.player(party.operatorId, party.playerId, party.currency),
      this.accounts.house(input.providerId, party.currency),
    ]);
    if (party.walletMode === 'seamless') {
      return this.seamless.bet({ input, key, fingerprint: fp, accountId, houseId });
    }
    const res = await this.ledger.applyMovement({
      key,
      kind: 'bet',
      party,
      accountId,
      counterAccountId: houseId,
      amount: input.amount,
      ctx: input,
      fingerprint: fp,
      round: 'bet',
      direction: 'debit',
    });
    if (!res.inserted) {
      const stored = await this.ledger.findByKey(key);
      if (!stored) throw new Error(`Transaction ${key} vanished after a unique violation`);
      return outcomeOfRepeat(stored, 'bet', fp, await this.ledger.accountBalance(accountId));
    }
    if (res.status === 'refused') {
      return {
        ok: false,
        refusal: WalletRefusal.InsufficientFunds,
        transactionId: res.id,
        balance: res.balanceAfter,
        repeated: false,
      };
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
