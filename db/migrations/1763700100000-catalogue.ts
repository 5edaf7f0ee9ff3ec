import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalogue: providers and their games (libs/catalogue). */
export class Catalogue1763700100000 implements MigrationInterface {
  name = 'Catalogue1763700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "providers" (` +
        `"id" uuid NOT NULL DEFAULT gen_random_uuid(), ` +
        `"code" character varying(64) NOT NULL, ` +
        `"name" character varying(255) NOT NULL, ` +
        `"protocol" character varying(32) NOT NULL, ` +
        `"config" jsonb NOT NULL, ` +
        `"allowed_ips" text array NOT NULL DEFAULT '{}', ` +
        `"enabled" boolean NOT NULL DEFAULT true, ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "UQ_providers_code" UNIQUE ("code"), ` +
        `CONSTRAINT "PK_af13fc2ebf382fe0dad2e4793aa" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "games" (` +
        `"id" uuid NOT NULL DEFAULT gen_random_uuid(), ` +
        `"provider_id" uuid NOT NULL, ` +
        `"external_id" character varying(128) NOT NULL, ` +
        `"name" character varying(255) NOT NULL, ` +
        `"type" character varying(16) NOT NULL, ` +
        `"images" jsonb NOT NULL DEFAULT '{}', ` +
        `"lines" integer, ` +
        `"has_demo" boolean NOT NULL DEFAULT false, ` +
        `"has_freespins" boolean NOT NULL DEFAULT false, ` +
        `"enabled" boolean NOT NULL DEFAULT true, ` +
        `"delisted_at" TIMESTAMP WITH TIME ZONE, ` +
        `"meta" jsonb NOT NULL DEFAULT '{}', ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "UQ_games_provider_external_id" UNIQUE ("provider_id", "external_id"), ` +
        `CONSTRAINT "PK_c9b16b62917b5595af982d66337" PRIMARY KEY ("id"))`,
    );
    // The operator-API listing: enabled games ordered by (name, id), optionally of one provider.
    await q.query(
      `CREATE INDEX "IDX_games_provider_listing" ON "games" ("provider_id", "name", "id") WHERE enabled`,
    );
    await q.query(`CREATE INDEX "IDX_games_listing" ON "games" ("name", "id") WHERE enabled`);
    await q.query(
      `ALTER TABLE "games" ADD CONSTRAINT "FK_6f24aded90e1f9717355239c826" FOREIGN KEY ("provider_id") ` +
        `REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "games" DROP CONSTRAINT "FK_6f24aded90e1f9717355239c826"`);
    await q.query(`DROP INDEX "public"."IDX_games_listing"`);
    await q.query(`DROP INDEX "public"."IDX_games_provider_listing"`);
    await q.query(`DROP TABLE "games"`);
    await q.query(`DROP TABLE "providers"`);
  }
}
