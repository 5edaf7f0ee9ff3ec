export * from './entities';
export * from './migrations';
export { createDataSource } from './data-source';
