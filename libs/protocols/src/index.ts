export * from './protocols.module';
export * from './common/launch.port';
export { walletParty } from './common/wallet-party';
