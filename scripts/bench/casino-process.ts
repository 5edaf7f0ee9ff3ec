/**
 * The peers a benchmark needs, in a process of their own so they do not share the load generator's event
 * loop: the reference casino (seamless operator wallet, players and secret set through its /control API)
 * and a slotegrator game-url endpoint that answers every launch with a URL. Prints one JSON line with the
 * URLs, then serves until SIGTERM.
 */
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { ReferenceCasino } from '@app/sim';

function gameUrlStub(): Server {
  return createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: 'http://127.0.0.1/bench-game' }));
    });
  });
}

async function main(): Promise<void> {
  const casino = new ReferenceCasino({ callLogLimit: 1000 });
  const casinoUrl = await casino.start(0, '127.0.0.1');
  const stub = gameUrlStub();
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const addr = stub.address();
  const stubPort = typeof addr === 'object' && addr !== null ? addr.port : 0;
  process.stdout.write(
    `${JSON.stringify({ casinoUrl, walletUrl: casino.walletUrl, gameUrl: `http://127.0.0.1:${stubPort}/game-url` })}\n`,
  );
  const stop = (): void => {
    stub.close();
    void casino.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main().catch((e: unknown) => {
  process.stderr.write(`bench peers failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
