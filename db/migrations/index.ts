import { Operators1763700000000 } from './1763700000000-operators';
import { Catalogue1763700100000 } from './1763700100000-catalogue';
import { Wallet1795265531424 } from './1795265531424-wallet';
import { Sessions1795266738186 } from './1795266738186-sessions';
import { SessionChangeNotify1795267000000 } from './1795267000000-session-change-notify';
import { OneActiveSession1795268000000 } from './1795268000000-one-active-session';
import { PlayersAdminList1795269000000 } from './1795269000000-players-admin-list';

/**
 * The checked-in migrations, oldest first. `npm run migration:generate -- <Name>` writes a new file here;
 * add its class to this list (the schema-drift test fails until the schema matches the entities).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Operators1763700000000,
  Catalogue1763700100000,
  Wallet1795265531424,
  Sessions1795266738186,
  SessionChangeNotify1795267000000,
  OneActiveSession1795268000000,
  PlayersAdminList1795269000000,
];
