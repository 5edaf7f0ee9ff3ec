import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one active session per player and provider, held by the database: the index of active sessions
 * becomes unique. Only real sessions have a player (demo ones have none, and NULLs never collide), so this
 * is the launch rule "a new real launch supersedes the old one"; a launch racing another for the same
 * player gets a unique violation and retries after the other has committed.
 */
export class OneActiveSession1795268000000 implements MigrationInterface {
  name = 'OneActiveSession1795268000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_game_sessions_player_provider_active"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_game_sessions_player_provider_active" ON "game_sessions" ("player_id", "provider_id") WHERE "status" = 'active'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_game_sessions_player_provider_active"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_game_sessions_player_provider_active" ON "game_sessions" ("player_id", "provider_id") WHERE "status" = 'active'`,
    );
  }
}
