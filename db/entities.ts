import { CATALOGUE_ENTITIES } from '@app/catalogue';
import { OPERATOR_ENTITIES } from '@app/operators';
import { SESSION_ENTITIES } from '@app/sessions';
import { WALLET_ENTITIES } from '@app/wallet';

/**
 * Every TypeORM entity of the product, gathered from each module's public surface. The apps, the
 * migration CLI and the schema-drift test all use this one list.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [...OPERATOR_ENTITIES, ...CATALOGUE_ENTITIES, ...SESSION_ENTITIES, ...WALLET_ENTITIES];
