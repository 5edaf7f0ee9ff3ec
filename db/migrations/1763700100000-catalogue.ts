import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalogue1763700100000 implements MigrationInterface {
  name = 'Catalogue1763700100000';
  async up(_q: QueryRunner): Promise<void> {}
  async down(_q: QueryRunner): Promise<void> {}
}
