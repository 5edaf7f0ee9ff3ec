import { Injectable, Logger } from '@nestjs/common';
import { CallbackSessionsService } from '@app/sessions';

const TOUCH_EVERY_MS = 10_000;
const MAX_TRACKED = 10_000;

/**
 * Keeps active sessions from idling out without a write on every callback: at most one `touch` per
 * session and process every few seconds, off the answer's path. Only a saving; `touch` is safe to repeat.
 */
@Injectable()
export class SessionTouches {
  private readonly logger = new Logger(SessionTouches.name);
  private readonly lastTouch = new Map<string, number>();

  constructor(private readonly sessions: CallbackSessionsService) {}

  touch(sessionId: string): void {
    const now = Date.now();
    const last = this.lastTouch.get(sessionId);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
    if (this.lastTouch.size >= MAX_TRACKED) this.lastTouch.clear();
    this.lastTouch.set(sessionId, now);
    this.sessions.touch(sessionId).catch((err: unknown) => {
      this.lastTouch.delete(sessionId);
      this.logger.warn({ err, sessionId }, 'Could not mark session activity');
    });
  }
}
