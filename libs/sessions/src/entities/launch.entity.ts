import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A redirect launch: `GET /play/{id}` answers 302 to `url` once, before `expiresAt`. The id is an
 * unguessable token, so the front end only ever sees our address.
 */
@Entity('launches')
export class Launch {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
