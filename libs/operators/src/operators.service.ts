import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { type Env, type Page, pageOf, pageOffset, SecretBox } from '@app/common';
import { DataSource, QueryFailedError, type Repository } from 'typeorm';
import type { AuthenticatedOperator } from './auth/authenticated-operator';
import { generateOperatorSecret } from './credentials/operator-secret';
import type { OperatorCredentials } from './credentials/operator-credentials';
import { OperatorCredentialsService } from './credentials/operator-credentials.service';
import { Operator, type WalletMode } from './operator.entity';
import { OperatorsException } from './operators.exception';

/** An operator as other code may see it: everything but its secrets. */
export interface OperatorView extends AuthenticatedOperator {
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface CreateOperatorInput {
  name: string;
  walletMode: WalletMode;
  walletUrl?: string | null;
  currencies: string[];
}

/** Absent fields stay as they are; `walletUrl: null` clears it. */
export interface UpdateOperatorInput {
  name?: string;
  walletMode?: WalletMode;
  walletUrl?: string | null;
  currencies?: string[];
  enabled?: boolean;
}

export interface RotatedSecret {
  secret: string;
  previousSecretValidUntil: Date;
}

const PG_UNIQUE_VIOLATION = '23505';
const NAME_UNIQUE_CONSTRAINT = 'UQ_operators_name';

@Injectable()
export class OperatorsService {
  private readonly defaultGraceS: number;

  constructor(
    @InjectRepository(Operator) private readonly operators: Repository<Operator>,
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
    private readonly credentials: OperatorCredentialsService,
    config: ConfigService<Env, true>,
  ) {
    this.defaultGraceS = config.get('OPERATOR_SECRET_GRACE_S', { infer: true });
  }

  /** Creates an operator with a fresh secret; the plaintext secret is returned here and never again. */
  async create(input: CreateOperatorInput): Promise<{ operator: OperatorView; secret: string }> {
    const walletUrl = input.walletUrl ?? null;
    if (input.walletMode === 'seamless' && walletUrl === null) throw OperatorsException.walletUrlRequired();
    const secret = generateOperatorSecret();
    const entity = this.operators.create({
      name: input.name,
      walletMode: input.walletMode,
      walletUrl,
      currencies: input.currencies,
      enabled: true,
      secretSealed: this.secretBox.seal(secret),
      previousSecretSealed: null,
      previousSecretExpiresAt: null,
    });
    try {
      const saved = await this.operators.save(entity);
      return { operator: toView(saved), secret };
    } catch (e) {
      throw nameTakenOr(e, input.name);
    }
  }

  /** Oldest first; ties broken by id so pages never overlap. */
  async list(query: { page: number; limit: number }): Promise<Page<OperatorView>> {
    const [rows, total] = await this.operators.findAndCount({
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: pageOffset(query),
      take: query.limit,
    });
    return pageOf(rows.map(toView), total, query);
  }

  async get(id: string): Promise<OperatorView> {
    const row = await this.operators.findOneBy({ id });
    if (!row) throw OperatorsException.notFound(id);
    return toView(row);
  }

  /** Read-modify-write under a row lock, so concurrent edits cannot combine into an invalid operator. */
  async update(id: string, patch: UpdateOperatorInput): Promise<OperatorView> {
    try {
      const updated = await this.dataSource.transaction(async (em) => {
        const row = await em.findOne(Operator, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!row) throw OperatorsException.notFound(id);
        if (patch.name !== undefined) row.name = patch.name;
        if (patch.walletMode !== undefined) row.walletMode = patch.walletMode;
        if (patch.walletUrl !== undefined) row.walletUrl = patch.walletUrl;
        if (patch.currencies !== undefined) row.currencies = patch.currencies;
        if (patch.enabled !== undefined) row.enabled = patch.enabled;
        if (row.walletMode === 'seamless' && row.walletUrl === null)
          throw OperatorsException.walletUrlRequired();
        return em.save(row);
      });
      return toView(updated);
    } catch (e) {
      throw patch.name === undefined ? e : nameTakenOr(e, patch.name);
    } finally {
      this.credentials.invalidate(id);
    }
  }

  /**
   * Replaces the secret. The one it replaces keeps verifying for `graceSeconds` (default
   * `OPERATOR_SECRET_GRACE_S`; 0 revokes it at once, for a leaked secret); a secret older than that is
   * dropped. One UPDATE, so concurrent rotations cannot lose a secret that was handed out.
   */
  async rotateSecret(id: string, graceSeconds?: number): Promise<RotatedSecret> {
    const secret = generateOperatorSecret();
    const previousSecretValidUntil = new Date(Date.now() + (graceSeconds ?? this.defaultGraceS) * 1000);
    const result = await this.operators
      .createQueryBuilder()
      .update(Operator)
      .set({
        previousSecretSealed: () => '"secret_sealed"',
        previousSecretExpiresAt: previousSecretValidUntil,
        secretSealed: this.secretBox.seal(secret),
      })
      .where('id = :id', { id })
      .execute();
    this.credentials.invalidate(id);
    if (!result.affected) throw OperatorsException.notFound(id);
    return { secret, previousSecretValidUntil };
  }

  /** The operator if it exists and is enabled, else null. Served from the short credentials cache. */
  async findActive(id: string): Promise<AuthenticatedOperator | null> {
    const credentials = await this.credentials.get(id);
    return credentials?.enabled ? credentials.operator : null;
  }

  /**
   * Decrypted credentials, e.g. for the wallet client that signs our calls to the operator's walletUrl
   * with `currentSecret`. Served from the short credentials cache.
   */
  async getCredentials(id: string): Promise<OperatorCredentials> {
    const credentials = await this.credentials.get(id);
    if (!credentials) throw OperatorsException.notFound(id);
    return credentials;
  }
}

function toView(row: Operator): OperatorView {
  return {
    id: row.id,
    name: row.name,
    walletMode: row.walletMode,
    walletUrl: row.walletUrl,
    currencies: row.currencies,
    enabled: row.enabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function nameTakenOr(e: unknown, name: string): unknown {
  if (e instanceof QueryFailedError) {
    const driverError = e.driverError as { code?: string; constraint?: string };
    if (driverError.code === PG_UNIQUE_VIOLATION && driverError.constraint === NAME_UNIQUE_CONSTRAINT) {
      return OperatorsException.nameTaken(name);
    }
  }
  return e;
}
