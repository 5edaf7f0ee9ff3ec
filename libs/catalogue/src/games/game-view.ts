import type { GameImages } from './game.entity';
import type { GameType } from './game-type';

/** A game as other modules see it. `id` is ours; `externalId` is what the provider calls it. */
export interface GameView {
  readonly id: string;
  readonly providerId: string;
  readonly externalId: string;
  readonly name: string;
  readonly type: GameType;
  readonly images: Readonly<GameImages>;
  readonly lines: number | null;
  readonly hasDemo: boolean;
  readonly hasFreespins: boolean;
  readonly enabled: boolean;
  /** Provider-specific data in the provider's terms: b2b `game_code`, apps `source`, … */
  readonly meta: Readonly<Record<string, unknown>>;
}

/** One game of a bulk upsert (admin PUT or a feed sync). */
export interface GameInput {
  externalId: string;
  name: string;
  type: GameType;
  images?: GameImages;
  lines?: number | null;
  hasDemo?: boolean;
  hasFreespins?: boolean;
  enabled?: boolean;
  meta?: Record<string, unknown>;
}

export interface UpsertCounts {
  /** Games that did not exist. */
  inserted: number;
  /** Existing games whose data changed. */
  updated: number;
  /** Existing games already exactly as given. */
  unchanged: number;
}

/** The most games one bulk upsert takes (one statement; keeps request and transaction bounded). */
export const MAX_GAMES_PER_UPSERT = 5000;
