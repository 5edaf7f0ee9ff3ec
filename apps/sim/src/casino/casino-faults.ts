import type { MoveType, WalletAction } from './casino.types';

export const FAULT_MODES = ['ok', 'slow', 'fail', 'garbage', 'refuse', 'down'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/**
 * How the casino misbehaves. `applied: true` processes the call for real first (the money moves, the
 * transaction is kept for idempotency) and then misbehaves: the answer is what gets lost or late.
 * Without it the call is not processed at all (for `slow`: processed only after the wait).
 */
export type Fault =
  /** Answer normally: overrides an older, broader rule (e.g. everything fails but balance). */
  | { mode: 'ok' }
  /** Wait `delayMs`, then answer. */
  | { mode: 'slow'; delayMs: number; applied?: boolean }
  /** HTTP `httpStatus` (default 500) with a JSON error body. */
  | { mode: 'fail'; httpStatus?: number; applied?: boolean }
  /** HTTP 200 with a body that is not the contract's shape (default: an HTML page). */
  | { mode: 'garbage'; body?: string; applied?: boolean }
  /** HTTP 200 `{ status: false, code, message }`; default code LIMIT_EXCEEDED. Never processed. */
  | { mode: 'refuse'; code?: string; message?: string }
  /** The connection is destroyed without an answer. */
  | { mode: 'down'; applied?: boolean };

export interface FaultSelector {
  /** Default 'all'. */
  action?: WalletAction | 'all';
  /** Only move-funds of this type. */
  moveType?: MoveType;
  /** Only the next N matching calls; default: until reset. */
  times?: number;
}

export type FaultRule = Fault & FaultSelector;

export interface FaultRuleView {
  id: number;
  rule: FaultRule;
  /** Matching calls still to be affected; null: until reset. */
  remaining: number | null;
}

interface ActiveRule {
  id: number;
  rule: FaultRule;
  remaining: number | null;
}

/** Which call gets which fault. The newest matching rule wins; a new rule replaces one with the same selector. */
export class FaultRules {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(rule: FaultRule): FaultRuleView {
    if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) {
      throw new RangeError(`times must be a positive integer, got ${rule.times}`);
    }
    const action = rule.action ?? 'all';
    this.rules = this.rules.filter(
      (r) => (r.rule.action ?? 'all') !== action || r.rule.moveType !== rule.moveType,
    );
    const active: ActiveRule = { id: this.nextId++, rule: { ...rule }, remaining: rule.times ?? null };
    this.rules.unshift(active);
    return view(active);
  }

  /** The fault for this call, counting it against the rule's `times`; undefined when no rule matches. */
  take(action: string | undefined, moveType: string | undefined): Fault | undefined {
    const index = this.rules.findIndex((r) => matches(r.rule, action, moveType));
    if (index < 0) return undefined;
    const active = this.rules[index];
    if (active.remaining !== null) {
      active.remaining -= 1;
      if (active.remaining === 0) this.rules.splice(index, 1);
    }
    return active.rule;
  }

  list(): FaultRuleView[] {
    return this.rules.map(view);
  }

  clear(): void {
    this.rules = [];
  }
}

function matches(rule: FaultRule, action: string | undefined, moveType: string | undefined): boolean {
  const wanted = rule.action ?? 'all';
  if (wanted !== 'all' && wanted !== action) return false;
  return rule.moveType === undefined || (action === 'move-funds' && rule.moveType === moveType);
}

function view(active: ActiveRule): FaultRuleView {
  return { id: active.id, rule: { ...active.rule }, remaining: active.remaining };
}
