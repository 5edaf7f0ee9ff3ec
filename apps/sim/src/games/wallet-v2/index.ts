export { WalletV2GameServer } from './wallet-v2-game-server';
export type {
  MoveOptions as WalletV2MoveOptions,
  RoundResult as WalletV2RoundResult,
  WalletV2Exchange,
  WalletV2GameServerOptions,
  WalletV2Launch,
  WalletV2WireAnswer,
} from './wallet-v2-game-server';
export { walletV2Json, walletV2Time, type WalletV2WireValue } from './wallet-v2-wire';
