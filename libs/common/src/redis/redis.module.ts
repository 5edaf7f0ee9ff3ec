import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import type { Env } from '../config/env';

export const REDIS = Symbol('REDIS');

/** Builds Redis key names under this deployment's prefix. */
@Injectable()
export class RedisKeys {
  readonly prefix: string;
  constructor(config: ConfigService<Env, true>) {
    this.prefix = config.get('REDIS_PREFIX', { infer: true });
  }
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }
  /** The BullMQ prefix: queues live under `<prefix>:bull:<queue>`. */
  get bullPrefix(): string {
    return `${this.prefix}:bull`;
  }
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    RedisKeys,
    RedisCloser,
    {
      provide: REDIS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) =>
        new Redis(config.get('REDIS_URL', { infer: true }), {
          maxRetriesPerRequest: null,
          lazyConnect: false,
        }),
    },
  ],
  exports: [REDIS, RedisKeys],
})
export class RedisModule {}

/** BullMQ's root options: its own connection (BullMQ forbids ioredis keyPrefix) and our key prefix. */
export function bullRootOptions(config: ConfigService<Env, true>): {
  connection: { url: string; maxRetriesPerRequest: null };
  prefix: string;
} {
  return {
    connection: { url: config.get('REDIS_URL', { infer: true }), maxRetriesPerRequest: null },
    prefix: `${config.get('REDIS_PREFIX', { infer: true })}:bull`,
  };
}
