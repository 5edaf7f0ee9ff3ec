import type { SecretBox } from '@app/common';
import type { ProviderProtocol } from '../provider-protocol';
import { secretConfigKeys } from './provider-config.registry';

type Config = Record<string, unknown>;

function mapSecrets(protocol: ProviderProtocol, config: Config, fn: (value: string) => string): Config {
  const out: Config = { ...config };
  for (const key of secretConfigKeys(protocol)) {
    const value = out[key];
    if (typeof value === 'string') out[key] = fn(value);
  }
  return out;
}

/** The config as stored: secret keys sealed (AES-256-GCM). */
export function sealConfigSecrets(protocol: ProviderProtocol, config: Config, box: SecretBox): Config {
  return mapSecrets(protocol, config, (v) => box.seal(v));
}

/** The config as stored, with its secrets opened for use. */
export function openConfigSecrets(protocol: ProviderProtocol, stored: Config, box: SecretBox): Config {
  return mapSecrets(protocol, stored, (v) => box.open(v));
}

/** Shows that a secret is set (and its last 4 characters when it is long) without revealing it. */
export function maskSecret(secret: string): string {
  return secret.length >= 16 ? `****${secret.slice(-4)}` : '****';
}

/** The config for admin responses: every secret masked. */
export function maskConfigSecrets(protocol: ProviderProtocol, opened: Config): Config {
  return mapSecrets(protocol, opened, maskSecret);
}
