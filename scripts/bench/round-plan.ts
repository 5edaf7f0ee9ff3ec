import type { BenchGame, BenchProvider } from './bench-api';
import type { OpenedSession } from './bench-sessions';
import type { Step } from './load-runner';

/** What a protocol's round generator works with: its provider, a game and the sessions to spread over. */
export interface RoundTarget {
  baseUrl: string;
  provider: BenchProvider;
  game: BenchGame;
  currency: string;
  /** The session the next round plays on (round robin over many players, or always the hot one). */
  pick: () => OpenedSession;
}

/** Per connection and per round: what the bet step chose, for the win step to settle. */
export interface RoundContext {
  session?: OpenedSession;
  roundId?: string;
  betTx?: string;
  winTx?: string;
  /** b2b: the game_token its auth exchange gave this session. */
  gameToken?: string;
}

/** A bet then its win, in one protocol's wire format; `prepare` runs once before the load (b2b auth). */
export interface RoundPlan {
  protocol: string;
  steps: Step<RoundContext>[];
}

let counter = 0;
/** Unique within the process run; combined with the run's start so reruns against one database never collide. */
export function nextSeq(): number {
  return ++counter;
}

export const RUN_STAMP = Date.now() % 1_000_000_000;

/** `DD-MM-YYYY HH:mm:ss` in UTC (wallet-v2 `time`). */
export function walletV2Time(d = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function parseJson(body: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A short, stable description of an unexpected answer (counted by kind, so keep ids out of it). */
export function unexpected(status: number, body: string): string {
  const text = body.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|\d{6,}/gi, '…').slice(0, 160);
  return `HTTP ${status} ${text}`;
}
