import { Injectable } from '@nestjs/common';
import type { Money } from '@app/common';
import { AccountsService } from '../accounts.service';
import { fingerprint, idempotencyKey, LedgerRepository } from '../ledger.repository';
import { outcomeOfRepeat } from '../outcome';
import { WalletRefusal, type WalletOutcome, type WalletParty } from '../wallet.types';

export interface TransferInput {
  party: WalletParty;
  direction: 'deposit' | 'withdraw';
  /** The operator's own transaction id: idempotency key of the transfer. */
  transactionId: string;
  amount: Money;
}

/**
 * Internal-wallet operators move money between their cash account and a player's wallet: a deposit
 * credits the player, a withdraw debits it and never overdraws. Idempotent on the operator's transactionId.
 */
@Injectable()
export class TransferCommand {
  constructor(
    private readonly accounts: AccountsService,
    private readonly ledger: LedgerRepository,
  ) {}

  async execute(input: TransferInput): Promise<WalletOutcome> {
    const { party, direction } = input;
    const key = idempotencyKey(`operator:${party.operatorId}`, 'op', input.transactionId);
    const fp = fingerprint(direction, party, input.amount);
    const [accountId, cashId] = await Promise.all([
      this.accounts.player(party.operatorId, party.playerId, party.currency),
      this.accounts.operatorCash(party.operatorId, party.currency),
    ]);
    const res = await this.ledger.applyMovement({
      key,
      kind: direction,
      party,
      accountId,
      counterAccountId: cashId,
      amount: input.amount,
      ctx: { providerId: null, externalId: input.transactionId },
      fingerprint: fp,
      round: null,
      direction: direction === 'deposit' ? 'credit' : 'debit',
    });
    if (!res.inserted) {
      const stored = await this.ledger.findByKey(key);
      if (!stored) throw new Error(`Transaction ${key} vanished after a unique violation`);
      return outcomeOfRepeat(stored, direction, fp, await this.ledger.accountBalance(accountId));
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
    return { ok: true, transactionId: res.id, balance: res.balanceAfter, repeated: false };
  }
}
