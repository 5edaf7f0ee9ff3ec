import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { ProviderProtocol } from './provider-protocol';

/**
 * A game provider we integrate with. `config` holds the protocol's settings (validated per protocol,
 * see `config/provider-config.registry.ts`); its secret keys are stored sealed with the SecretBox.
 */
@Entity('providers')
@Unique('UQ_providers_code', ['code'])
export class Provider {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** Free text rather than a Postgres enum: adding a protocol is a code change, not a migration. */
  @Column({ type: 'varchar', length: 32 })
  protocol!: ProviderProtocol;

  @Column({ type: 'jsonb' })
  config!: Record<string, unknown>;

  /** IPs and CIDRs allowed to call our callbacks for this provider; empty = any. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  allowedIps!: string[];

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
