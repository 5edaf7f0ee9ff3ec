export { B2bGameServer, b2bGameCode } from './b2b-game-server';
export type { B2bGameServerOptions } from './b2b-game-server';
export type {
  B2bExchange,
  B2bGameSession,
  B2bMoveOptions,
  B2bSimAnswer,
  B2bSimRequest,
} from './b2b-sim.types';
