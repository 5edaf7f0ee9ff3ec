import type { GameInput } from '../games/game-view';

/** What a feed mapper makes of a provider's game list. */
export interface MappedFeed {
  games: GameInput[];
  /** Entries that could not be mapped (no usable id), with why. */
  skipped: { entry: string; reason: string }[];
}

/** The provider's list is not in the shape its spec describes. */
export class FeedFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFormatError';
  }
}

export const MAX_EXTERNAL_ID_LENGTH = 128;
export const MAX_NAME_LENGTH = 255;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t.length > 0 ? t : undefined;
}

/** A positive integer given as a number or a digit string ("9"), or undefined. */
export function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 && n <= 1_000_000 ? n : undefined;
}

/** Joins a base (URL or path) and a relative path; an absolute http(s) path is kept as is. */
export function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function clampName(name: string): string {
  return name.length > MAX_NAME_LENGTH ? name.slice(0, MAX_NAME_LENGTH) : name;
}
