import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1795266738186 implements MigrationInterface {
  name = 'Sessions1795266738186';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."game_session_mode" AS ENUM('real', 'demo')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."game_session_status" AS ENUM('active', 'closed', 'expired')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."game_session_close_reason" AS ENUM('superseded', 'admin', 'expired')
        `);
    await queryRunner.query(`
            CREATE TABLE "game_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token" character varying(64) NOT NULL,
                "auth_token" character varying(64),
                "auth_token_used_at" TIMESTAMP WITH TIME ZONE,
                "game_token" character varying(64),
                "operator_id" uuid NOT NULL,
                "player_id" uuid,
                "user_id" character varying(64) NOT NULL,
                "wallet_mode" character varying(8) NOT NULL,
                "provider_id" uuid NOT NULL,
                "game_id" uuid NOT NULL,
                "currency" character varying(3) NOT NULL,
                "language" character varying(16) NOT NULL,
                "mode" "public"."game_session_mode" NOT NULL,
                "status" "public"."game_session_status" NOT NULL DEFAULT 'active',
                "close_reason" "public"."game_session_close_reason",
                "return_url" character varying(2048),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_e25fa82d55744e55000c3288fdc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_game_sessions_created" ON "game_sessions" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_game_sessions_operator_created" ON "game_sessions" ("operator_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_game_sessions_player_provider_active" ON "game_sessions" ("player_id", "provider_id")
            WHERE "status" = 'active'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_game_sessions_game_token" ON "game_sessions" ("game_token")
            WHERE "game_token" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_game_sessions_auth_token" ON "game_sessions" ("auth_token")
            WHERE "auth_token" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_game_sessions_token" ON "game_sessions" ("token")
        `);
    await queryRunner.query(`
            CREATE TABLE "launches" (
                "id" character varying(64) NOT NULL,
                "session_id" uuid NOT NULL,
                "url" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_70fec2baf57301db60068f44035" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "players" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "operator_id" uuid NOT NULL,
                "user_id" character varying(64) NOT NULL,
                "nickname" character varying(64),
                "currency" character varying(3),
                "country" character varying(2),
                "language" character varying(16),
                "blocked" boolean NOT NULL DEFAULT false,
                "details" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_de22b8fdeee0c33ab55ae71da3b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_players_operator_user" ON "players" ("operator_id", "user_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."UQ_players_operator_user"
        `);
    await queryRunner.query(`
            DROP TABLE "players"
        `);
    await queryRunner.query(`
            DROP TABLE "launches"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_game_sessions_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_game_sessions_auth_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_game_sessions_game_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_game_sessions_player_provider_active"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_game_sessions_operator_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_game_sessions_created"
        `);
    await queryRunner.query(`
            DROP TABLE "game_sessions"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."game_session_close_reason"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."game_session_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."game_session_mode"
        `);
  }
}
