import { MigrationInterface, QueryRunner } from 'typeorm';

export class Wallet1795265531424 implements MigrationInterface {
  name = 'Wallet1795265531424';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "accounts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(16) NOT NULL,
                "owner_key" text NOT NULL,
                "operator_id" uuid,
                "player_id" text,
                "provider_id" uuid,
                "currency" character varying(3) NOT NULL,
                "balance" numeric(30, 8) NOT NULL DEFAULT '0',
                "operator_balance" numeric(30, 8),
                "operator_balance_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_accounts_operator_player" ON "accounts" ("operator_id", "player_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_accounts_owner" ON "accounts" ("kind", "owner_key", "currency")
        `);
    await queryRunner.query(`
            CREATE TABLE "wallet_transactions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idempotency_key" text NOT NULL,
                "provider_id" uuid,
                "operator_id" uuid NOT NULL,
                "player_id" text NOT NULL,
                "account_id" uuid NOT NULL,
                "external_id" text NOT NULL,
                "kind" character varying(16) NOT NULL,
                "subtype" character varying(32),
                "amount" numeric(30, 8) NOT NULL,
                "currency" character varying(3) NOT NULL,
                "status" character varying(16) NOT NULL,
                "error_code" character varying(64),
                "wallet_mode" character varying(16) NOT NULL,
                "session_id" uuid,
                "game_id" uuid,
                "round_id" uuid,
                "provider_round_id" text,
                "ref_external_id" text,
                "refunded_at" TIMESTAMP WITH TIME ZONE,
                "fingerprint" character varying(64),
                "balance_after" numeric(30, 8),
                "meta" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5120f131bde2cda940ec1a621db" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_wallet_transactions_created" ON "wallet_transactions" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_wallet_transactions_status" ON "wallet_transactions" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_wallet_transactions_round" ON "wallet_transactions" ("round_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_wallet_transactions_provider" ON "wallet_transactions" ("provider_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_wallet_transactions_player" ON "wallet_transactions" ("operator_id", "player_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_wallet_transactions_idempotency_key" ON "wallet_transactions" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "transaction_id" uuid NOT NULL,
                "operator_id" uuid NOT NULL,
                "payload" jsonb NOT NULL,
                "status" character varying(16) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "last_attempt_at" TIMESTAMP WITH TIME ZONE,
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outbox_transaction" ON "outbox" ("transaction_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outbox_status" ON "outbox" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "postings" (
                "id" BIGSERIAL NOT NULL,
                "transaction_id" uuid NOT NULL,
                "account_id" uuid NOT NULL,
                "amount" numeric(30, 8) NOT NULL,
                "currency" character varying(3) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6bdb1a5dc47d018aa7877aa9ffb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_postings_account" ON "postings" ("account_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_postings_transaction" ON "postings" ("transaction_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "rounds" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "provider_id" uuid NOT NULL,
                "provider_round_id" text NOT NULL,
                "operator_id" uuid NOT NULL,
                "player_id" text NOT NULL,
                "game_id" uuid,
                "session_id" uuid,
                "currency" character varying(3) NOT NULL,
                "status" character varying(8) NOT NULL,
                "bet_total" numeric(30, 8) NOT NULL DEFAULT '0',
                "win_total" numeric(30, 8) NOT NULL DEFAULT '0',
                "refund_total" numeric(30, 8) NOT NULL DEFAULT '0',
                "bet_count" integer NOT NULL DEFAULT '0',
                "refunded_count" integer NOT NULL DEFAULT '0',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9d254884a20817016e2f877c7e7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_rounds_created" ON "rounds" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_rounds_player" ON "rounds" ("operator_id", "player_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_rounds_provider_round" ON "rounds" ("provider_id", "provider_round_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."UQ_rounds_provider_round"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_rounds_player"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_rounds_created"
        `);
    await queryRunner.query(`
            DROP TABLE "rounds"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_postings_transaction"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_postings_account"
        `);
    await queryRunner.query(`
            DROP TABLE "postings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outbox_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outbox_transaction"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_wallet_transactions_idempotency_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_wallet_transactions_player"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_wallet_transactions_provider"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_wallet_transactions_round"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_wallet_transactions_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_wallet_transactions_created"
        `);
    await queryRunner.query(`
            DROP TABLE "wallet_transactions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_accounts_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_accounts_operator_player"
        `);
    await queryRunner.query(`
            DROP TABLE "accounts"
        `);
  }
}
