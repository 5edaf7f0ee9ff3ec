export { AppsGameServer, appsSimSign } from './apps-game-server';
export type {
  AppsAmount,
  AppsDoBody,
  AppsExchange,
  AppsGameServerOptions,
  AppsMoveOptions,
  AppsSendOptions,
  AppsWireAnswer,
} from './apps-game-server';
