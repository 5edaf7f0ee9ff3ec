import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * Every environment variable the product reads, with its default. Validated once at boot: a wrong value
 * stops the process with a readable list. Keep README's configuration table in step with this class.
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Public base URL of the API, used to build launch/redirect URLs we hand out. */
  @IsString()
  @Matches(/^https?:\/\/[^/]+(\/.*)?$/)
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  @IsString()
  @Matches(/^postgres(ql)?:\/\//)
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/aggregator';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  @IsString()
  @Matches(/^rediss?:\/\//)
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key (queues included), so several deployments or test runs can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/)
  REDIS_PREFIX = 'agg';

  /** Bearer token of the admin API. Secret. */
  @IsString()
  @MinLength(16)
  ADMIN_TOKEN!: string;

  /** 32-byte key (64 hex chars or base64) for AES-256-GCM encryption of operator secrets at rest. Secret. */
  @IsString()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/)
  SECRETS_KEY!: string;

  /** Allowed clock skew of X-Timestamp on the operator API, seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  OPERATOR_SIGNATURE_TOLERANCE_S = 300;

  /** After a secret rotation the previous secret keeps verifying this long, seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(30 * 86400)
  OPERATOR_SECRET_GRACE_S = 86400;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(16 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Per-call timeout of requests to a seamless operator's wallet, ms (below the providers' deadlines). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  WALLET_CALL_TIMEOUT_MS = 3000;

  /** Consecutive failures that open an operator's wallet circuit breaker. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  BREAKER_FAILURE_THRESHOLD = 10;

  /** How long an open breaker fails fast before letting a trial call through, ms. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3600000)
  BREAKER_OPEN_MS = 60000;

  /** Idle time after which a game session expires, seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(30 * 86400)
  SESSION_IDLE_TTL_S = 4 * 3600;

  /**
   * How long an API process keeps a callback session in memory, ms (0: never). Changes reach every
   * process at once through database notifications; this bounds an entry's life regardless.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600000)
  SESSION_CACHE_TTL_MS = 60000;

  /** Timeout of a launch call to a provider (slotegrator "get game url"), ms. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  PROVIDER_LAUNCH_TIMEOUT_MS = 5000;

  /** Whether this process also runs the queue workers (the API can, for a single-process deployment). */
  @Transform(toBool)
  @IsBoolean()
  @IsOptional()
  RUN_WORKERS = false;
}

export function validateEnv(raw: Record<string, unknown>): Env {
  const env = plainToInstance(Env, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  - ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return env;
}
