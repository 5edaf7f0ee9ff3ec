import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type Page, pageOf, pageOffset, SecretBox } from '@app/common';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import { CATALOGUE_SECRET_BOX } from '../catalogue.tokens';
import type { ActiveProvider } from './active-provider';
import { invalidIpEntries, ipAllowList } from './allowed-ips';
import { applyMergePatch } from './config/json-merge-patch';
import { validateProviderConfig } from './config/provider-config.registry';
import { openConfigSecrets, sealConfigSecrets } from './config/provider-secrets';
import { Provider } from './provider.entity';
import type { ProviderProtocol } from './provider-protocol';
import type { ProviderRecord } from './provider-record';

export interface CreateProviderCommand {
  code: string;
  name: string;
  protocol: ProviderProtocol;
  config: Record<string, unknown>;
  allowedIps?: string[];
}

export interface UpdateProviderCommand {
  name?: string;
  /** Accepted only when equal to the current protocol: a provider's protocol never changes. */
  protocol?: ProviderProtocol;
  /** A JSON Merge Patch (RFC 7396) onto the current config; the result is validated again. */
  config?: Record<string, unknown>;
  allowedIps?: string[];
  enabled?: boolean;
}

/** Callback paths look providers up on every request: a short in-process cache spares the database. */
const ACTIVE_CACHE_TTL_MS = 5_000;
const ACTIVE_CACHE_MAX = 1_000;

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ProvidersService {
  private readonly activeCache = new Map<string, { value: ActiveProvider | null; expiresAt: number }>();

  constructor(
    @InjectRepository(Provider) private readonly providers: Repository<Provider>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CATALOGUE_SECRET_BOX) private readonly secretBox: SecretBox,
  ) {}

  async create(cmd: CreateProviderCommand): Promise<ProviderRecord> {
    assertValidConfig(cmd.protocol, cmd.config);
    const allowedIps = normalizeAllowedIps(cmd.allowedIps ?? []);
    try {
      const saved = await this.providers.save(
        this.providers.create({
          code: cmd.code,
          name: cmd.name,
          protocol: cmd.protocol,
          config: sealConfigSecrets(cmd.protocol, cmd.config, this.secretBox),
          allowedIps,
          enabled: true,
        }),
      );
      return this.toRecord(saved);
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new CatalogueException(
          CatalogueErrorCode.ProviderCodeTaken,
          `A provider with code "${cmd.code}" already exists`,
        );
      }
      throw e;
    }
  }

  async update(code: string, cmd: UpdateProviderCommand): Promise<ProviderRecord> {
    const updated = await this.dataSource.transaction(async (em) => {
      const provider = await em.findOne(Provider, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!provider) throw providerNotFound(code);
      if (cmd.protocol !== undefined && cmd.protocol !== provider.protocol) {
        throw new CatalogueException(
          CatalogueErrorCode.ProtocolImmutable,
          `protocol is immutable (provider "${code}" is ${provider.protocol}); create a new provider instead`,
        );
      }
      if (cmd.name !== undefined) provider.name = cmd.name;
      if (cmd.enabled !== undefined) provider.enabled = cmd.enabled;
      if (cmd.allowedIps !== undefined) provider.allowedIps = normalizeAllowedIps(cmd.allowedIps);
      if (cmd.config !== undefined) {
        const current = openConfigSecrets(provider.protocol, provider.config, this.secretBox);
        const next = applyMergePatch(current, cmd.config) as Record<string, unknown>;
        assertValidConfig(provider.protocol, next);
        provider.config = sealConfigSecrets(provider.protocol, next, this.secretBox);
      }
      return em.save(provider);
    });
    this.activeCache.delete(code);
    return this.toRecord(updated);
  }

  async list(page: { page: number; limit: number }): Promise<Page<ProviderRecord>> {
    const [rows, total] = await this.providers.findAndCount({
      order: { code: 'ASC' },
      skip: pageOffset(page),
      take: page.limit,
    });
    return pageOf(
      rows.map((p) => this.toRecord(p)),
      total,
      page,
    );
  }

  /** Enabled providers, by code: what operators may list. Configs are not opened. */
  async listEnabled(page: {
    page: number;
    limit: number;
  }): Promise<Page<Pick<ProviderRecord, 'code' | 'name' | 'protocol'>>> {
    const [rows, total] = await this.providers.findAndCount({
      select: { code: true, name: true, protocol: true },
      where: { enabled: true },
      order: { code: 'ASC' },
      skip: pageOffset(page),
      take: page.limit,
    });
    return pageOf(
      rows.map((p) => ({ code: p.code, name: p.name, protocol: p.protocol })),
      total,
      page,
    );
  }

  /** Enabled providers of these protocols with an empty IP allowlist (start-up security warnings). */
  async listEnabledWithoutAllowedIps(
    protocols: readonly ProviderProtocol[],
  ): Promise<Pick<ProviderRecord, 'code' | 'protocol'>[]> {
    const rows: Pick<ProviderRecord, 'code' | 'protocol'>[] = await this.dataSource.query(
      `SELECT code, protocol FROM providers
        WHERE enabled AND protocol = ANY($1::text[]) AND cardinality(allowed_ips) = 0 ORDER BY code`,
      [protocols],
    );
    return rows;
  }

  async getByCode(code: string): Promise<ProviderRecord> {
    const provider = await this.providers.findOne({ where: { code } });
    if (!provider) throw providerNotFound(code);
    return this.toRecord(provider);
  }

  /**
   * The enabled provider with this code, or null (unknown or disabled). Cached in memory for a few
   * seconds for the callback hot path, so a change made through the admin API reaches every process
   * within that time.
   */
  async findActiveByCode(code: string): Promise<ActiveProvider | null> {
    const now = Date.now();
    const cached = this.activeCache.get(code);
    if (cached && cached.expiresAt > now) return cached.value;
    const provider = await this.providers.findOne({ where: { code, enabled: true } });
    const value = provider ? this.toActive(provider) : null;
    if (this.activeCache.size >= ACTIVE_CACHE_MAX) this.activeCache.clear();
    this.activeCache.set(code, { value, expiresAt: now + ACTIVE_CACHE_TTL_MS });
    return value;
  }

  /** For the catalogue's own use (games, sync): turns a loaded provider into what callers see. */
  toActive(
    provider: Pick<Provider, 'id' | 'code' | 'name' | 'protocol' | 'config' | 'allowedIps'>,
  ): ActiveProvider {
    const allows = ipAllowList(provider.allowedIps);
    // The config was validated against this protocol's schema when it was written.
    return {
      id: provider.id,
      code: provider.code,
      name: provider.name,
      protocol: provider.protocol,
      config: openConfigSecrets(provider.protocol, provider.config, this.secretBox),
      allowedIps: [...provider.allowedIps],
      allowsIp: allows,
    } as unknown as ActiveProvider;
  }

  private toRecord(p: Provider): ProviderRecord {
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      protocol: p.protocol,
      config: openConfigSecrets(p.protocol, p.config, this.secretBox),
      allowedIps: p.allowedIps,
      enabled: p.enabled,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

export function providerNotFound(code: string): CatalogueException {
  return new CatalogueException(CatalogueErrorCode.ProviderNotFound, `Provider "${code}" not found`);
}

function assertValidConfig(protocol: ProviderProtocol, config: Record<string, unknown>): void {
  const problems = validateProviderConfig(protocol, config);
  if (problems.length > 0) {
    throw new CatalogueException(
      CatalogueErrorCode.InvalidProviderConfig,
      `Invalid ${protocol} config: ${problems.join('; ')}`,
      {
        problems,
      },
    );
  }
}

function normalizeAllowedIps(entries: string[]): string[] {
  const trimmed = [...new Set(entries.map((e) => e.trim()))];
  const invalid = invalidIpEntries(trimmed);
  if (invalid.length > 0) {
    throw new CatalogueException(
      CatalogueErrorCode.InvalidAllowedIps,
      `allowedIps must hold IPv4/IPv6 addresses or CIDRs; invalid: ${invalid.map((e) => JSON.stringify(e)).join(', ')}`,
      { invalid },
    );
  }
  return trimmed;
}
