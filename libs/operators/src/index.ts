export * from './operators.module';
export * from './auth/authenticated-operator';
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const OPERATOR_ENTITIES: Function[] = [];
