import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SessionsErrorCode, SessionsException } from '../sessions.exception';

/** How long a redirect launch (`/play/{launchId}`) can be opened: long enough for a browser to follow it. */
export const LAUNCH_REDIRECT_TTL_S = 120;

/** `GET /play/{launchId}`: each launch opens once, before it expires. */
@Injectable()
export class LaunchRedirects {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The provider URL of this launch, spending it; one statement, so two opens cannot both win. */
  async redeem(launchId: string): Promise<string> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await this.db.query<[{ url: string }[], number]>(
      `UPDATE launches SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING url`,
      [launchId],
    );
    if (rows[0]) return rows[0].url;
    const found: { used: boolean }[] = await this.db.query(
      `SELECT used_at IS NOT NULL AS used FROM launches WHERE id = $1`,
      [launchId],
    );
    if (!found[0]) {
      throw new SessionsException(SessionsErrorCode.LaunchNotFound, 'This launch link does not exist');
    }
    if (found[0].used) {
      throw new SessionsException(
        SessionsErrorCode.LaunchUsed,
        'This launch link was already opened; start the game again from the casino',
      );
    }
    throw new SessionsException(
      SessionsErrorCode.LaunchExpired,
      'This launch link has expired; start the game again from the casino',
    );
  }
}
