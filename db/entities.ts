/**
 * Every TypeORM entity of the product, gathered from each module's public surface. The apps, the
 * migration CLI and the schema-drift test all use this one list.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [];
