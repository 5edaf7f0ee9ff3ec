import type { CallbackSession } from '@app/sessions';
import type { WalletParty } from '@app/wallet';

/** Whose money a callback on this session moves. */
export function walletParty(session: CallbackSession): WalletParty {
  return {
    operatorId: session.operatorId,
    walletMode: session.walletMode,
    playerId: session.userId,
    currency: session.currency,
  };
}
