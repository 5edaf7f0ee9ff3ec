import { Injectable } from '@nestjs/common';
import type { Money } from '@app/common';
import { AccountsService } from '../accounts.service';
import { fingerprint, idempotencyKey, LedgerRepository, type MovementRow } from '../ledger.repository';
import { outcomeOfRepeat } from '../outcome';
import { SeamlessWallet } from '../seamless/seamless-wallet';
import { type MovementContext, type WalletParty, WalletRefusal, type WalletOutcome } from '../wallet.types';
import { CreditCommand } from './credit.command';
import { DebitCommand } from './debit.command';

export interface PlayInput extends MovementContext {
  party: WalletParty;
  /** Taken first, never below zero: the play is refused whole when the balance is lower. */
  minus: Money;
  /** Credited in the same movement as `minus` (0 allowed). */
  plus: Money;
}

/** The key of a play's win leg, beside the bet leg that carries the provider's transaction id. */
const WIN_LEG_SCOPE = 'play-win';

/** A repeat of a play found its key taken: the transaction is rolled back and answered from what is stored. */
class PlayRepeat extends Error {}

/**
 * A bet and its win in one request (apps `minus` + `plus`): one atomic movement. Refused whole when the
 * balance is lower than `minus`; idempotent on the provider's transaction id (the bet leg's key; the win
 * leg has its own key derived from it). Internal wallets apply both legs in one DB transaction. Seamless
 * wallets take the bet with the synchronous move-funds and book the win with its outbox row; a repeat
 * of a play whose win was not booked yet (the process died in between) books it, so the provider's retry
 * completes the play.
 *
 * With only one side non-zero it is a plain bet (DebitCommand) or win (CreditCommand, 0 allowed).
 */
@Injectable()
export class PlayCommand {
  constructor(
    private readonly accounts: AccountsService,
    private readonly ledger: LedgerRepository,
    private readonly seamless: SeamlessWallet,
    private readonly debit: DebitCommand,
    private readonly credit: CreditCommand,
  ) {}

  async execute(input: PlayInput): Promise<WalletOutcome> {
    const { minus, plus, ...ctx } = input;
    if (minus.isZero()) return this.credit.execute({ ...ctx, amount: plus });
    if (plus.isZero()) return this.debit.execute({ ...ctx, amount: minus });

    const { party } = input;
    const betKey = idempotencyKey(input.providerId, 'tx', input.externalId, input.idempotencyScope);
    const winKey = idempotencyKey(
      input.providerId,
      'tx',
      input.externalId,
      [input.idempotencyScope, WIN_LEG_SCOPE].filter(Boolean).join('|'),
    );
    // The play's plus is part of what makes it the same request: another plus under the same id conflicts.
    const betFp = fingerprint('bet', party, minus, `play:${plus.toDb()}:${input.subtype ?? ''}`);
    const winFp = fingerprint('win', party, plus, `play:${input.subtype ?? ''}`);
    const [accountId, houseId] = await Promise.all([
      this.accounts.player(party.operatorId, party.playerId, party.currency),
      this.accounts.house(input.providerId, party.currency),
    ]);
    const leg = (kind: 'bet' | 'win'): MovementRow => ({
      key: kind === 'bet' ? betKey : winKey,
      kind,
      party,
      accountId,
      counterAccountId: houseId,
      amount: kind === 'bet' ? minus : plus,
      ctx: input,
      fingerprint: kind === 'bet' ? betFp : winFp,
      round: kind,
      direction: kind === 'bet' ? 'debit' : 'credit',
    });

    if (party.walletMode === 'seamless') {
      const bet = await this.seamless.bet({
        input: { ...input, amount: minus },
        key: betKey,
        fingerprint: betFp,
        accountId,
        houseId,
      });
      if (!bet.ok) return bet;
      const win = await this.seamless.settle(leg('win'), { type: 'win' });
      if (!win.ok) return win;
      return {
        ok: true,
        transactionId: bet.transactionId,
        balance: win.balance,
        repeated: bet.repeated,
        roundId: win.roundId ?? bet.roundId ?? null,
      };
    }

    try {
      return await this.ledger.dataSource.transaction('READ COMMITTED', async (em) => {
        const bet = await this.ledger.applyMovement(leg('bet'), em);
        // A unique violation aborted the transaction: nothing more can run in it.
        if (!bet.inserted) throw new PlayRepeat();
        if (bet.status === 'refused') {
          return {
            ok: false,
            refusal: WalletRefusal.InsufficientFunds,
            transactionId: bet.id,
            balance: bet.balanceAfter,
            repeated: false,
          };
        }
        const win = await this.ledger.applyMovement(leg('win'), em);
        if (!win.inserted) throw new PlayRepeat();
        return {
          ok: true,
          transactionId: bet.id,
          balance: win.balanceAfter,
          repeated: false,
          roundId: win.roundId ?? bet.roundId,
        };
      });
    } catch (e) {
      if (!(e instanceof PlayRepeat)) throw e;
    }
    const stored = await this.ledger.findByKey(betKey);
    const current = await this.ledger.accountBalance(accountId);
    if (!stored) {
      // The win leg's key was taken without its bet: a conflicting use of the id, nothing moved.
      return {
        ok: false,
        refusal: WalletRefusal.IdempotencyConflict,
        transactionId: null,
        balance: null,
        repeated: true,
      };
    }
    const outcome = outcomeOfRepeat(stored, 'bet', betFp, current);
    return outcome.ok ? { ...outcome, balance: current } : outcome;
  }
}
