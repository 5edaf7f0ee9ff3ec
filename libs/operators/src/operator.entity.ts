import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export const WALLET_MODES = ['internal', 'seamless'] as const;
/** `internal`: our ledger holds the player balance; `seamless`: the operator's wallet is the truth. */
export type WalletMode = (typeof WALLET_MODES)[number];

/**
 * An operator (a casino) using the aggregator. Its HMAC secret signs both directions of the operator API
 * and is stored only sealed with `SecretBox` (AES-256-GCM, key `SECRETS_KEY`).
 */
@Entity('operators')
@Unique('UQ_operators_name', ['name'])
@Check('CHK_operators_seamless_wallet_url', `"wallet_mode" <> 'seamless' OR "wallet_url" IS NOT NULL`)
@Check('CHK_operators_currencies', `cardinality("currencies") > 0`)
export class Operator {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'enum', enum: WALLET_MODES, enumName: 'operator_wallet_mode' })
  walletMode!: WalletMode;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  walletUrl!: string | null;

  /** ISO 4217 codes, uppercase. */
  @Column({ type: 'text', array: true })
  currencies!: string[];

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** The current secret, sealed. Verifies requests and signs our calls to `walletUrl`. */
  @Column({ type: 'text' })
  secretSealed!: string;

  /** The secret before the last rotation, sealed; verifies requests until `previousSecretExpiresAt`. */
  @Column({ type: 'text', nullable: true })
  previousSecretSealed!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
