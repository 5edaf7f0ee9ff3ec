import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { ProviderProtocol } from '../provider-protocol';
import { AppsConfig } from './apps-config';
import { B2bConfig } from './b2b-config';
import { SlotegratorConfig } from './slotegrator-config';
import { WalletV2Config } from './wallet-v2-config';

/** The config type of each protocol. Keys beyond the required ones are kept as given. */
export interface ProviderConfigByProtocol {
  slotegrator: SlotegratorConfig;
  b2b: B2bConfig;
  apps: AppsConfig;
  'wallet-v2': WalletV2Config;
}

interface ProtocolConfigSpec {
  schema: new () => object;
  /** Top-level keys that are secrets: sealed at rest, masked in admin responses, never logged. */
  secretKeys: readonly string[];
}

const SPECS: { [P in ProviderProtocol]: ProtocolConfigSpec } = {
  slotegrator: { schema: SlotegratorConfig, secretKeys: ['token'] },
  b2b: { schema: B2bConfig, secretKeys: [] },
  apps: { schema: AppsConfig, secretKeys: ['salt'] },
  'wallet-v2': { schema: WalletV2Config, secretKeys: ['walletToken'] },
};

export function secretConfigKeys(protocol: ProviderProtocol): readonly string[] {
  return SPECS[protocol].secretKeys;
}

/**
 * Checks a provider config against its protocol's schema. Returns readable problems naming the key
 * (`config.endpoints.gameUrl must be an absolute http(s) URL`); empty when valid. Values are never
 * echoed, so a mistyped secret does not end up in a response or a log.
 */
export function validateProviderConfig(
  protocol: ProviderProtocol,
  config: Record<string, unknown>,
): string[] {
  const instance = plainToInstance(SPECS[protocol].schema, config);
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: false });
  return flatten(errors, 'config');
}

function flatten(errors: ValidationError[], parent: string): string[] {
  const out: string[] = [];
  for (const e of errors) {
    const path = `${parent}.${e.property}`;
    const constraints = e.constraints ?? {};
    if (e.value === undefined || e.value === null) {
      if (Object.keys(constraints).length > 0) out.push(`${path} is required`);
    } else {
      for (const message of Object.values(constraints)) {
        out.push(
          message.startsWith(e.property) ? path + message.slice(e.property.length) : `${path}: ${message}`,
        );
      }
    }
    out.push(...flatten(e.children ?? [], path));
  }
  return out;
}
