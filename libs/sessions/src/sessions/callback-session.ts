import type { WalletMode } from '@app/operators';
import type { SessionCloseReason, SessionMode } from '../entities/game-session.entity';

/** Where a session stands for a callback: bets need `active`; wins and refunds settle on any state. */
export type CallbackSessionState = 'active' | 'closed' | 'expired';

/** A game session as a provider callback sees it, joined with its player. */
export interface CallbackSession {
  id: string;
  operatorId: string;
  walletMode: WalletMode;
  /** The operator's user id: the wallet's `playerId`. */
  userId: string;
  /** Our player id; null for demo. */
  playerId: string | null;
  providerId: string;
  gameId: string;
  currency: string;
  language: string;
  mode: SessionMode;
  state: CallbackSessionState;
  closeReason: SessionCloseReason | null;
  nickname: string | null;
  playerBlocked: boolean;
  /** b2b: the token issued at `do-auth-user-ingame`. */
  gameToken: string | null;
}
