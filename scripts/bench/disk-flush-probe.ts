import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fmtMs } from './figures';
import { type LatencyStats, percentiles } from './load-runner';

/**
 * Times the disk a durable commit waits on, beside a latency window: a worker thread writes 8 KiB and
 * fdatasyncs it every `everyMs`, as PostgreSQL's WAL flush does on every commit. On a shared virtual
 * machine one such flush now and then takes 100 ms or more even with nothing else running, and every
 * commit made meanwhile waits for it; this shows whether that happened in the window.
 */
export class DiskFlushProbe {
  private readonly dir: string;
  private readonly worker: Worker;
  private readonly result: Promise<number[]>;

  private constructor(
    readonly sameDeviceAs: string | null,
    everyMs: number,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'bench-flush-'));
    this.worker = new Worker(PROBE_SOURCE, {
      eval: true,
      workerData: { file: join(this.dir, 'probe'), everyMs },
    });
    this.result = new Promise((resolve, reject) => {
      this.worker.once('message', (ms: number[]) => resolve(ms));
      this.worker.once('error', reject);
    });
  }

  /** Starts probing the temporary directory's disk; `dataDirectory` is named when it is on the same device. */
  static start(dataDirectory: string | null, everyMs = 20): DiskFlushProbe {
    let same: string | null = null;
    try {
      if (dataDirectory && statSync(dataDirectory).dev === statSync(tmpdir()).dev) same = dataDirectory;
    } catch {
      // PostgreSQL runs elsewhere or its directory is not readable here: the probe still times this host's disk.
    }
    return new DiskFlushProbe(same, everyMs);
  }

  async stop(): Promise<LatencyStats & { flushes: number; over20ms: number }> {
    this.worker.postMessage('stop');
    const ms = (await this.result).sort((a, b) => a - b);
    await this.worker.terminate();
    rmSync(this.dir, { recursive: true, force: true });
    return { ...percentiles(ms), flushes: ms.length, over20ms: ms.filter((x) => x > 20).length };
  }
}

export function fmtFlush(f: LatencyStats & { flushes: number; over20ms: number }): string {
  return `8 KiB fdatasync p99 ${fmtMs(f.p99)}, max ${fmtMs(f.max)} (${f.over20ms} of ${f.flushes} over 20 ms)`;
}

/** The worker: synchronous write + fdatasync in a loop, off the load generator's event loop. */
const PROBE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const fd = fs.openSync(workerData.file, 'w');
const page = Buffer.alloc(8192, 1);
const ms = [];
let stopped = false;
parentPort.once('message', () => { stopped = true; });
function tick() {
  if (stopped) {
    fs.closeSync(fd);
    parentPort.postMessage(ms);
    return;
  }
  const t = process.hrtime.bigint();
  fs.writeSync(fd, page, 0, page.length, 0);
  fs.fdatasyncSync(fd);
  ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  setTimeout(tick, workerData.everyMs);
}
tick();
`;
