import type { ProviderProtocol } from './provider-protocol';

/** A provider as the catalogue's own controllers see it: config with secrets opened (mask before output). */
export interface ProviderRecord {
  id: string;
  code: string;
  name: string;
  protocol: ProviderProtocol;
  config: Record<string, unknown>;
  allowedIps: string[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}
