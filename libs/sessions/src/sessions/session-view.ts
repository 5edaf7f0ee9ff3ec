import type { WalletMode } from '@app/operators';
import type { SessionCloseReason, SessionMode, SessionStatus } from '../entities/game-session.entity';

/** A game session as the admin API shows it: no tokens. `status` is derived (idle sessions read `expired`). */
export interface SessionView {
  id: string;
  operatorId: string;
  userId: string;
  playerId: string | null;
  walletMode: WalletMode;
  providerId: string;
  gameId: string;
  currency: string;
  language: string;
  mode: SessionMode;
  status: SessionStatus;
  closeReason: SessionCloseReason | null;
  createdAt: Date;
  lastSeenAt: Date;
  closedAt: Date | null;
}
