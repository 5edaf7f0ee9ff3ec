export * from './protocols.module';
export { walletParty } from './common/wallet-party';
