/**
 * `npm run bench[:wallet|:launch|:protocols]`: brings up its own build, scratch database, Redis prefix,
 * API process and peers, measures, prints one summary table and tears everything down (Ctrl-C too).
 * Figures are printed, never asserted; the exit code is 1 when a figure could not be measured because
 * answers were wrong (a benchmark of errors is worthless), 0 otherwise.
 */
import 'reflect-metadata';
import { hash } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { readBenchConfig } from './bench-config';
import { BenchStack } from './bench-stack';
import { type Figure, printTable } from './figures';
import { launchBench } from './launch.bench';
import { protocolsBench } from './protocols.bench';
import { walletBench } from './wallet.bench';

const SUITES = {
  wallet: walletBench,
  launch: launchBench,
  protocols: protocolsBench,
} as const;
type Suite = keyof typeof SUITES;

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function machineFacts(): string {
  const cpu = cpus();
  return [
    `cores: ${cpu.length} (${cpu[0]?.model.trim() ?? 'unknown'})`,
    `memory: ${Math.round(totalmem() / 2 ** 30)} GiB`,
    `node: ${process.version}`,
    `platform: ${process.platform} ${process.arch}`,
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  ].join('   ');
}

/**
 * A fixed single-threaded workload (hashing and JSON, as a request does), timed: the host's speed at that
 * moment. On a shared virtual machine it moves by tens of percent between minutes, and every throughput
 * and CPU figure moves with it; printed at the start and the end so runs can be compared.
 */
function hostCheck(): string {
  const rounds = 50_000;
  const started = process.hrtime.bigint();
  let text = JSON.stringify({ id: '18446744073709551615', amount: '10.5', code: 'host-check' });
  for (let i = 0; i < rounds; i++) {
    const digest = hash('sha256', text);
    text = JSON.stringify({ ...(JSON.parse(text) as object), digest });
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return `${ms.toFixed(0)} ms for ${rounds.toLocaleString('en-US')} hash + JSON rounds (lower is faster)`;
}

async function main(): Promise<number> {
  const arg = process.argv[2] ?? 'all';
  const suites: Suite[] = arg === 'all' ? ['wallet', 'launch', 'protocols'] : [arg as Suite];
  if (!suites.every((s) => s in SUITES)) {
    process.stderr.write(`usage: main.ts [all|${Object.keys(SUITES).join('|')}]\n`);
    return 2;
  }
  const cfg = readBenchConfig();
  const stack = new BenchStack(cfg);
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: tearing down …\n`);
    void stack.down().then(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  log(`machine: ${machineFacts()}`);
  const hostAtStart = hostCheck();
  log(`host check: ${hostAtStart}`);
  log(
    `load: ${cfg.connections} connections (launch ${cfg.launchConnections}, protocol rounds ${cfg.protocolConnections}), ` +
      `${cfg.warmupS} s warm-up + ${cfg.durationS} s measured per scenario, ${cfg.players} players, API pool ${cfg.poolSize}`,
  );
  const figures: Figure[] = [];
  let broken = false;
  try {
    await stack.up(log);
    for (const suite of suites) {
      try {
        figures.push(...(await SUITES[suite](stack, cfg, log)));
      } catch (e) {
        broken = true;
        const why = e instanceof Error ? e.message : String(e);
        log(`${suite}: FAILED — ${why}`);
        figures.push({
          figure: `${suite} benchmark`,
          measured: `failed: ${why}`.slice(0, 90),
          target: '—',
          pass: false,
        });
      }
    }
  } finally {
    const apiTail = stack.apiOutput();
    await stack.down();
    if (apiTail && process.env.BENCH_SHOW_API_LOG === '1') log(`api output (tail):\n${apiTail}`);
  }
  log('');
  log(`summary (${machineFacts()})`);
  log(`host check: at the start ${hostAtStart}; at the end ${hostCheck()}`);
  printTable(figures, log);
  const wrongAnswers = figures.some(
    (f) =>
      f.pass === false && (f.measured.startsWith('not measurable') || f.measured.includes('non-success')),
  );
  if (wrongAnswers)
    log('\nSome answers were not successes: those figures measure errors, not the product (see above).');
  return broken || wrongAnswers ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
