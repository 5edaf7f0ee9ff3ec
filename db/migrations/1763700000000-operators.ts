import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Operators1763700000000 implements MigrationInterface {
  name = 'Operators1763700000000';
  async up(_q: QueryRunner): Promise<void> {}
  async down(_q: QueryRunner): Promise<void> {}
}
