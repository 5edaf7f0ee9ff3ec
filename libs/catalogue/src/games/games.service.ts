import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Page, pageOf, pageOffset } from '@app/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import type { ActiveProvider } from '../providers/active-provider';
import { ProvidersService } from '../providers/providers.service';
import type { Game } from './game.entity';
import { type GameInput, type GameView, MAX_GAMES_PER_UPSERT, type UpsertCounts } from './game-view';
import type { GameType } from './game-type';
import { GamesRepository } from './games.repository';

export interface OperatorGameQuery {
  provider?: string;
  type?: GameType;
  search?: string;
  page: number;
  limit: number;
}

/** A game of the operator listing, with its provider's code. */
export interface ListedGame extends GameView {
  readonly providerCode: string;
}

export interface AdminGame extends GameView {
  readonly delistedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

@Injectable()
export class GamesService {
  constructor(
    private readonly games: GamesRepository,
    private readonly providers: ProvidersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * The game with this id if it can be played now — the game and its provider both enabled — with its
   * provider (config included). Null otherwise, or when the id is not a UUID.
   */
  async findActive(gameId: string): Promise<{ game: GameView; provider: ActiveProvider } | null> {
    if (!isUUID(gameId)) return null;
    const row = await this.games.findPlayable(gameId);
    if (!row) return null;
    const { provider, ...game } = row;
    return { game: toView(game), provider: this.providers.toActive(provider) };
  }

  /**
   * A provider's game by the provider's own id, enabled or not: a callback settling a round must find
   * the game even if it was disabled meanwhile.
   */
  async findByExternalId(providerId: string, externalId: string): Promise<GameView | null> {
    const game = await this.games.findByExternalId(providerId, externalId);
    return game ? toView(game) : null;
  }

  async listForOperators(q: OperatorGameQuery): Promise<Page<ListedGame>> {
    const [rows, total] = await this.games.listForOperators({
      providerCode: q.provider,
      type: q.type,
      search: q.search,
      offset: pageOffset(q),
      limit: q.limit,
    });
    return pageOf(
      rows.map((g) => ({ ...toView(g), providerCode: g.provider!.code })),
      total,
      q,
    );
  }

  async listForAdmin(providerCode: string, page: { page: number; limit: number }): Promise<Page<AdminGame>> {
    const provider = await this.providers.getByCode(providerCode);
    const [rows, total] = await this.games.listForAdmin(provider.id, pageOffset(page), page.limit);
    return pageOf(
      rows.map((g) => ({
        ...toView(g),
        delistedAt: g.delistedAt,
        createdAt: g.createdAt,
        updatedAt: g.updatedAt,
      })),
      total,
      page,
    );
  }

  /** Admin bulk upsert by externalId: one statement, all or nothing. */
  async upsert(providerCode: string, games: GameInput[]): Promise<UpsertCounts> {
    if (games.length > MAX_GAMES_PER_UPSERT) {
      throw new CatalogueException(
        CatalogueErrorCode.TooManyGames,
        `At most ${MAX_GAMES_PER_UPSERT} games per request`,
      );
    }
    assertUniqueExternalIds(games);
    const provider = await this.providers.getByCode(providerCode);
    return this.games.upsert(this.dataSource.manager, provider.id, games, 'admin');
  }
}

export function toView(g: Omit<Game, 'provider' | 'delistedAt' | 'createdAt' | 'updatedAt'>): GameView {
  return {
    id: g.id,
    providerId: g.providerId,
    externalId: g.externalId,
    name: g.name,
    type: g.type,
    images: g.images,
    lines: g.lines,
    hasDemo: g.hasDemo,
    hasFreespins: g.hasFreespins,
    enabled: g.enabled,
    meta: g.meta,
  };
}

function assertUniqueExternalIds(games: GameInput[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const g of games) {
    if (seen.has(g.externalId)) duplicates.add(g.externalId);
    seen.add(g.externalId);
  }
  if (duplicates.size > 0) {
    const list = [...duplicates];
    throw new CatalogueException(
      CatalogueErrorCode.DuplicateGameIds,
      `externalId must be unique within one request; repeated: ${list.slice(0, 20).join(', ')}${list.length > 20 ? ', …' : ''}`,
      { duplicates: list.slice(0, 100) },
    );
  }
}
