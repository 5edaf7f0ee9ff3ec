import { Account } from './account.entity';
import { LedgerTransaction } from './ledger-transaction.entity';
import { OutboxMessage } from './outbox-message.entity';
import { Posting } from './posting.entity';
import { Round } from './round.entity';

export { Account, LedgerTransaction, OutboxMessage, Posting, Round };
export type { AccountKind } from './account.entity';
export type { TransactionKind, TransactionStatus } from './ledger-transaction.entity';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const WALLET_ENTITIES: Function[] = [Account, LedgerTransaction, Posting, Round, OutboxMessage];
