import { Inject, Injectable } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { ROOT_LOGGER } from '@app/common';

/**
 * Whether the one info line per callback (ids, outcome, the redacted exchange) is written. Protocols build
 * that line's fields only when it is: at `LOG_LEVEL=warn` a callback spends nothing on it.
 */
@Injectable()
export class CallbackLog {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Pino) {}

  get enabled(): boolean {
    return this.root.isLevelEnabled('info');
  }
}
