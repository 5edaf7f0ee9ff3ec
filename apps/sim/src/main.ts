import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import pino from 'pino';
import { REDACT_PATHS } from '@app/common';
import { DEMO_PLAYERS } from './casino/demo-players';
import { ReferenceCasino } from './casino/reference-casino';
import { AppsGameServer } from './games/apps';
import { B2bGameServer } from './games/b2b';
import { GameServerHost } from './games/game-server-host';
import { SlotegratorGameServer } from './games/slotegrator';
import { WalletV2GameServer } from './games/wallet-v2';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/** Environment of the simulators process, validated at boot. */
class SimEnv {
  @IsString()
  SIM_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  SIM_CASINO_PORT = 4001;

  /** The operator secret the aggregator signs wallet calls with. Secret. Unset: set it at /control/secret. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SIM_CASINO_SECRET?: string;

  /** When set, the casino accepts only this X-Operator-Id. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SIM_OPERATOR_ID?: string;

  /** Port of the four game-server simulators (one host, a path prefix each). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  SIM_GAMES_PORT = 4002;

  /** The aggregator's base URL: the game servers send their callbacks there. */
  @IsString()
  SIM_API_URL = 'http://127.0.0.1:3000';

  /** Demo providers' codes and secrets, as `scripts/seed.ts` registers them. Secrets. */
  @IsString()
  SIM_SLOTEGRATOR_CODE = 'demo-slotegrator';

  @IsString()
  SIM_SLOTEGRATOR_TOKEN = 'demo-slotegrator-token';

  @IsString()
  SIM_SLOTEGRATOR_CLIENT_ID = 'demo-client';

  @IsString()
  SIM_B2B_CODE = 'demo-b2b';

  @IsString()
  SIM_APPS_CODE = 'demo-apps';

  @IsString()
  SIM_APPS_SALT = 'demo-apps-salt';

  @IsString()
  SIM_WALLET_V2_CODE = 'demo-wallet-v2';

  @IsString()
  SIM_WALLET_V2_TOKEN = 'demo_wallet_token';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

function readEnv(raw: NodeJS.ProcessEnv): SimEnv {
  const env = plainToInstance(SimEnv, raw, { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(env);
  if (errors.length > 0) {
    const lines = errors.map((e) => `  - ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid simulator configuration:\n${lines.join('\n')}`);
  }
  return env;
}

/** One simulator of this process. Game-server simulators (one per provider protocol) join the list. */
interface Simulator {
  name: string;
  start(): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

function referenceCasino(env: SimEnv, logger: pino.Logger): Simulator {
  const casino = new ReferenceCasino({
    secret: env.SIM_CASINO_SECRET,
    operatorId: env.SIM_OPERATOR_ID,
    logger: logger.child({ sim: 'reference-casino' }),
  });
  for (const player of DEMO_PLAYERS) casino.upsertPlayer(player);
  return {
    name: 'reference-casino',
    start: async () => {
      await casino.start(env.SIM_CASINO_PORT, env.SIM_HOST);
      return {
        walletUrl: casino.walletUrl,
        controlUrl: casino.controlUrl,
        operatorId: env.SIM_OPERATOR_ID ?? 'any',
        signature: env.SIM_CASINO_SECRET
          ? 'verified'
          : 'no secret yet: PUT /control/secret { secret, operatorId? }',
        players: casino
          .players()
          .map((p) => ({ userId: p.userId, token: p.token, currency: p.currency, balance: p.balance })),
      };
    },
    stop: () => casino.stop(),
  };
}

function gameServers(env: SimEnv, logger: pino.Logger): Simulator {
  const callbackBaseUrl = env.SIM_API_URL;
  const host = new GameServerHost(
    [
      new SlotegratorGameServer({
        callbackBaseUrl,
        providerCode: env.SIM_SLOTEGRATOR_CODE,
        token: env.SIM_SLOTEGRATOR_TOKEN,
        clientId: env.SIM_SLOTEGRATOR_CLIENT_ID,
        logger: logger.child({ sim: 'slotegrator' }),
      }),
      new B2bGameServer({
        callbackBaseUrl,
        providerCode: env.SIM_B2B_CODE,
        autoplayRounds: 3,
        logger: logger.child({ sim: 'b2b' }),
      }),
      new AppsGameServer({
        callbackBaseUrl,
        providerCode: env.SIM_APPS_CODE,
        salt: env.SIM_APPS_SALT,
        logger: logger.child({ sim: 'apps' }),
      }),
      new WalletV2GameServer({
        callbackBaseUrl,
        providerCode: env.SIM_WALLET_V2_CODE,
        walletToken: env.SIM_WALLET_V2_TOKEN,
        logger: logger.child({ sim: 'wallet-v2' }),
      }),
    ],
    logger.child({ sim: 'game-servers' }),
  );
  return {
    name: 'game-servers',
    start: async () => ({
      baseUrl: await host.start(env.SIM_GAMES_PORT, env.SIM_HOST),
      callbacksTo: callbackBaseUrl,
      protocols: ['slotegrator', 'b2b', 'apps', 'wallet-v2'],
    }),
    stop: () => host.stop(),
  };
}

async function main(): Promise<void> {
  const env = readEnv(process.env);
  const logger = pino({
    name: 'sim',
    level: env.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  });
  const simulators: Simulator[] = [referenceCasino(env, logger), gameServers(env, logger)];

  for (const sim of simulators) {
    logger.info({ sim: sim.name, ...(await sim.start()) }, `${sim.name} listening`);
  }

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'simulators stopping');
    void Promise.all(simulators.map((s) => s.stop())).then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: e }, 'simulators failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
