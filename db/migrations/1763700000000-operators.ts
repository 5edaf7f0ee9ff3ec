import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Operators and their sealed secrets (libs/operators). */
export class Operators1763700000000 implements MigrationInterface {
  name = 'Operators1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."operator_wallet_mode" AS ENUM('internal', 'seamless')`);
    await q.query(
      `CREATE TABLE "operators" (` +
        `"id" uuid NOT NULL DEFAULT gen_random_uuid(), ` +
        `"name" character varying(100) NOT NULL, ` +
        `"wallet_mode" "public"."operator_wallet_mode" NOT NULL, ` +
        `"wallet_url" character varying(2048), ` +
        `"currencies" text array NOT NULL, ` +
        `"enabled" boolean NOT NULL DEFAULT true, ` +
        `"secret_sealed" text NOT NULL, ` +
        `"previous_secret_sealed" text, ` +
        `"previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "UQ_operators_name" UNIQUE ("name"), ` +
        `CONSTRAINT "CHK_operators_currencies" CHECK (cardinality("currencies") > 0), ` +
        `CONSTRAINT "CHK_operators_seamless_wallet_url" CHECK ("wallet_mode" <> 'seamless' OR "wallet_url" IS NOT NULL), ` +
        `CONSTRAINT "PK_3d02b3692836893720335a79d1b" PRIMARY KEY ("id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "operators"`);
    await q.query(`DROP TYPE "public"."operator_wallet_mode"`);
  }
}
