/** How games are grouped in the operator lobby. `egame` and `betting` come from the apps feed. */
export const GAME_TYPES = ['slot', 'egame', 'betting', 'live', 'table', 'other'] as const;
export type GameType = (typeof GAME_TYPES)[number];

export function isGameType(value: unknown): value is GameType {
  return typeof value === 'string' && (GAME_TYPES as readonly string[]).includes(value);
}
