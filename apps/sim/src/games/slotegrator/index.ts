export { SIM_JACKPOTS, SlotegratorGameServer } from './slotegrator-game-server';
export type {
  MoveOptions,
  SendOptions,
  SlotegratorExchange,
  SlotegratorGameServerOptions,
  SlotegratorLaunch,
  SlotegratorWireAnswer,
} from './slotegrator-game-server';
