export * from './entities';
export * from './migrations';
export { createDataSource } from './data-source';
export { DatabaseModule } from './database.module';
