import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the loopback provider received, with the exact body bytes. */
export interface ReceivedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  raw: Buffer;
}

/** How the loopback provider answers: a status and body, or no answer at all (a hang). */
export type ProviderReply = { status: number; body: string } | 'hang';

/**
 * A real HTTP server on 127.0.0.1 standing in for a provider's launch endpoints in tests: it records every
 * call and answers what the test decides (by default `{ url }` per path).
 */
export class LoopbackProvider {
  readonly calls: ReceivedCall[] = [];
  private server: Server | undefined;
  private hanging: ServerResponse[] = [];
  reply: (call: ReceivedCall) => ProviderReply = (call) => ({
    status: 200,
    body: JSON.stringify({ url: `https://games.provider.test/play${call.path}?s=${this.calls.length}` }),
  });

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const call: ReceivedCall = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          raw: Buffer.concat(chunks),
        };
        this.calls.push(call);
        const answer = this.reply(call);
        if (answer === 'hang') {
          this.hanging.push(res);
          return;
        }
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging = [];
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
