export * from './catalogue.module';
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CATALOGUE_ENTITIES: Function[] = [];
