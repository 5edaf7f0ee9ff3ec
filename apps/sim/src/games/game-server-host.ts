import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';

/** A provider game-server simulator: registers its endpoints under `/<protocol>/…`. */
export interface MountableGameServer {
  routes(app: FastifyInstance): void;
}

/**
 * One HTTP server for every game-server simulator (each under its own path prefix), so the demo providers
 * share one base URL (`SIM_BASE_URL`, port 4002 by default).
 */
export class GameServerHost {
  private app: FastifyInstance | null = null;

  constructor(
    private readonly servers: readonly MountableGameServer[],
    private readonly logger?: FastifyBaseLogger,
  ) {}

  get url(): string {
    const address = this.app?.server.address();
    if (!address || typeof address === 'string') throw new Error('game-server host is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port: number, host = '127.0.0.1'): Promise<string> {
    const app = Fastify({ loggerInstance: this.logger, disableRequestLogging: true });
    for (const server of this.servers) server.routes(app);
    await app.listen({ port, host });
    this.app = app;
    return this.url;
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = null;
    await app?.close();
  }
}
