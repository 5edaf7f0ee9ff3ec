import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The admin player list, newest first, over all players or one operator's, without sorting the table. */
export class PlayersAdminList1795269000000 implements MigrationInterface {
  name = 'PlayersAdminList1795269000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_players_operator_created" ON "players" ("operator_id", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_players_created" ON "players" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_players_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_players_operator_created"`);
  }
}
