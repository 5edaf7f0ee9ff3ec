import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import type { UpsertCounts } from '../games/game-view';
import { GamesRepository } from '../games/games.repository';
import type { AppsConfig } from '../providers/config/apps-config';
import type { B2bConfig } from '../providers/config/b2b-config';
import { Provider } from '../providers/provider.entity';
import type { ProviderRecord } from '../providers/provider-record';
import { ProvidersService } from '../providers/providers.service';
import { mapAppsGamesConfig, parseAppsGamesConfig } from './apps-games-feed.mapper';
import { b2bGamesListRequestUrl, mapB2bGamesList } from './b2b-games-feed.mapper';
import { FeedFormatError, type MappedFeed } from './games-feed';
import { GamesFeedClient } from './games-feed.client';

export interface SyncResult extends UpsertCounts {
  /** Games of the provider that vanished from the feed and were disabled (never deleted). */
  disabled: number;
  /** Games the feed listed. */
  received: number;
  /** Feed entries that could not be mapped (no usable id). */
  skipped: number;
}

interface FeedSource {
  url: string;
  map(body: string): MappedFeed;
}

/**
 * Pulls a provider's own game list, upserts it and disables the games that vanished from it — all in
 * one transaction, with the provider row locked so two syncs of one provider never interleave.
 */
@Injectable()
export class SyncGamesUseCase {
  private readonly logger = new Logger(SyncGamesUseCase.name);

  constructor(
    private readonly providers: ProvidersService,
    private readonly games: GamesRepository,
    private readonly feeds: GamesFeedClient,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async execute(providerCode: string): Promise<SyncResult> {
    const provider = await this.providers.getByCode(providerCode);
    const source = feedSourceOf(provider);
    const body = await this.feeds.fetchText(source.url);
    let feed: MappedFeed;
    try {
      feed = source.map(body);
    } catch (e) {
      if (e instanceof FeedFormatError || e instanceof SyntaxError) {
        throw new CatalogueException(
          CatalogueErrorCode.UpstreamFailed,
          `The ${provider.protocol} games feed is unusable: ${e.message}`,
        );
      }
      throw e;
    }
    if (feed.games.length === 0) {
      throw new CatalogueException(
        CatalogueErrorCode.UpstreamFailed,
        'The games feed lists no usable games; refusing to disable the whole catalogue of the provider',
      );
    }

    const result = await this.dataSource.transaction(async (em) => {
      await em.findOne(Provider, { where: { id: provider.id }, lock: { mode: 'pessimistic_write' } });
      const counts = await this.games.upsert(em, provider.id, feed.games, 'feed');
      const disabled = await this.games.delistMissing(
        em,
        provider.id,
        feed.games.map((g) => g.externalId),
      );
      return { ...counts, disabled, received: feed.games.length, skipped: feed.skipped.length };
    });
    this.logger.log({ provider: provider.code, ...result }, 'Catalogue sync done');
    return result;
  }
}

function feedSourceOf(provider: ProviderRecord): FeedSource {
  switch (provider.protocol) {
    case 'apps': {
      const config = provider.config as unknown as AppsConfig;
      if (!config.gamesConfigUrl) throw notConfigured(provider, 'config.gamesConfigUrl');
      return {
        url: config.gamesConfigUrl,
        map: (body) => mapAppsGamesConfig(parseAppsGamesConfig(body), { storagePath: config.storagePath }),
      };
    }
    case 'b2b': {
      const config = provider.config as unknown as B2bConfig;
      if (!config.gamesListUrl) throw notConfigured(provider, 'config.gamesListUrl');
      const url = b2bGamesListRequestUrl(config.gamesListUrl, config.operatorId);
      return { url, map: (body) => mapB2bGamesList(JSON.parse(body), { iconOrigin: new URL(url).origin }) };
    }
    case 'slotegrator':
    case 'wallet-v2':
      throw new CatalogueException(
        CatalogueErrorCode.SyncNotSupported,
        `The ${provider.protocol} protocol has no games feed to pull; upload the games with PUT /admin/providers/${provider.code}/games`,
      );
  }
}

function notConfigured(provider: ProviderRecord, key: string): CatalogueException {
  return new CatalogueException(
    CatalogueErrorCode.SyncNotConfigured,
    `Provider "${provider.code}" has no ${key}: set it with PATCH /admin/providers/${provider.code} to sync its games`,
  );
}
