import type { RoundContext, RoundPlan } from './round-plan';

/**
 * Plays one round of a plan, one request at a time, before any load: a protocol that answers wrongly
 * (or is not there yet) is reported instead of being measured. Null when every answer is a success.
 */
export async function probeRound(plan: RoundPlan, baseUrl: string): Promise<string | null> {
  const ctx: RoundContext = {};
  for (const step of plan.steps) {
    const req = step.build(ctx);
    let status: number;
    let body: string;
    try {
      const res = await fetch(`${baseUrl}${req.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...req.headers },
        body: req.body,
      });
      status = res.status;
      body = await res.text();
    } catch (e) {
      return `${step.name}: ${e instanceof Error ? e.message : String(e)}`;
    }
    const problem = step.check(status, body, ctx);
    if (problem) return `${step.name}: ${problem}`;
  }
  return null;
}
