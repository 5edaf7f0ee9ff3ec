import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** A process the benchmark started: its output is kept (the tail) to explain a failure, and it is stopped by pid. */
export class BenchChild {
  private readonly tail: string[] = [];
  private exited = false;

  private constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
  ) {
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.tail.push(line);
        if (this.tail.length > 40) this.tail.shift();
      }
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    proc.once('exit', () => {
      this.exited = true;
    });
  }

  /**
   * Each child leads a session of its own (`detached`), as a service would: with the kernel's autogroup
   * scheduling, a child sharing the benchmark's session would share the load generator's CPU share.
   */
  static start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): BenchChild {
    const proc = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    return new BenchChild(name, proc);
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get running(): boolean {
    return !this.exited;
  }

  get output(): string {
    return this.tail.join('\n');
  }

  /** Resolves with the first stdout line `predicate` accepts; rejects when the process exits first. */
  async waitForLine(predicate: (line: string) => boolean, timeoutMs: number): Promise<string> {
    const out = this.proc.stdout;
    if (!out) throw new Error(`${this.name}: no stdout`);
    return new Promise((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(
        () => done(new Error(`${this.name} did not start in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer): void => {
        buffer += chunk.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        const hit = lines.find(predicate);
        if (hit !== undefined) done(null, hit);
      };
      const onExit = (): void => done(new Error(`${this.name} exited during start-up:\n${this.output}`));
      const done = (err: Error | null, line?: string): void => {
        clearTimeout(timer);
        out.off('data', onData);
        this.proc.off('exit', onExit);
        if (err) reject(err);
        else resolve(line ?? '');
      };
      out.on('data', onData);
      this.proc.once('exit', onExit);
    });
  }

  async stop(): Promise<void> {
    if (this.exited || this.proc.pid === undefined) return;
    const exit = once(this.proc, 'exit');
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!this.exited) this.proc.kill('SIGKILL');
    }, 5000);
    await exit;
    clearTimeout(timer);
  }
}
