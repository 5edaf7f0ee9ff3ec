import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { GameSessionsRepository, type LaunchPageSession } from '../sessions/game-sessions.repository';

/** For launch pages we serve ourselves (the apps embed page): the session they embed. */
@Injectable()
export class LaunchPages {
  constructor(private readonly sessions: GameSessionsRepository) {}

  /** The session with this id (any state: the page decides), or null. */
  async session(sessionId: string): Promise<LaunchPageSession | null> {
    return isUUID(sessionId) ? this.sessions.forLaunchPage(sessionId) : null;
  }
}
