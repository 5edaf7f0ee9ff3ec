import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time used so far, in ms, by the API process, by every PostgreSQL process on the machine and by this
 * benchmark process (the load generator), read from /proc (Linux). Throughput on a shared 2-core machine
 * moves with whatever else runs; CPU time per request barely does, so it is the figure that explains a
 * ratio and compares two builds.
 */
export interface CpuSnapshot {
  api: number;
  /** By pid: backends come and go with connections. */
  postgres: Map<string, number>;
  loadGenerator: number;
}

/** CPU µs per request of each party between two snapshots. */
export interface CpuPerRequest {
  api: number;
  postgres: number;
  loadGenerator: number;
}

let ticksPerS: number | undefined;

function clockTicks(): number {
  if (ticksPerS === undefined) {
    try {
      ticksPerS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerS = 100;
    }
  }
  return ticksPerS;
}

/** utime + stime of one process, ms; null when it is gone or /proc is not there. */
function processCpuMs(pid: number | string): { comm: string; ms: number } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(stat.indexOf('(') + 1, close);
  const fields = stat.slice(close + 2).split(' ');
  // Fields 14 and 15 of proc(5) (utime, stime) are the 12th and 13th after the command name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { comm, ms: (ticks * 1000) / clockTicks() };
}

function postgresCpuMs(): Map<string, number> {
  const byPid = new Map<string, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    // not Linux: no figure
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const p = processCpuMs(entry);
    if (p && (p.comm === 'postgres' || p.comm.startsWith('postgres:'))) byPid.set(entry, p.ms);
  }
  return byPid;
}

export function cpuSnapshot(apiPid: number | undefined): CpuSnapshot {
  const api = apiPid === undefined ? null : processCpuMs(apiPid);
  const self = processCpuMs(process.pid);
  return { api: api?.ms ?? NaN, postgres: postgresCpuMs(), loadGenerator: self?.ms ?? NaN };
}

/**
 * CPU µs per request between two snapshots. A PostgreSQL process that started in between counts whole; one
 * that exited in between (an idle connection closed) is left out, so the figure can only be low by that.
 */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): CpuPerRequest {
  let postgresMs = 0;
  for (const [pid, ms] of after.postgres) postgresMs += ms - (before.postgres.get(pid) ?? 0);
  const per = (ms: number): number =>
    requests > 0 && before.postgres.size > 0 ? (ms * 1000) / requests : NaN;
  return {
    api: requests > 0 ? ((after.api - before.api) * 1000) / requests : NaN,
    postgres: per(postgresMs),
    loadGenerator: requests > 0 ? ((after.loadGenerator - before.loadGenerator) * 1000) / requests : NaN,
  };
}

export function fmtCpu(c: CpuPerRequest, withApi = true): string {
  const us = (n: number): string => (Number.isFinite(n) ? `${Math.round(n)} µs` : 'n/a');
  return [
    withApi ? `API ${us(c.api)}` : null,
    `PostgreSQL ${us(c.postgres)}`,
    `load generator ${us(c.loadGenerator)}`,
  ]
    .filter((s) => s !== null)
    .join(', ');
}
