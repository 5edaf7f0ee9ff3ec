import { Injectable } from '@nestjs/common';
import type { ProviderProtocol } from '@app/catalogue';
import type { LaunchUrlBuilder } from './launch-url-builder.port';

/**
 * The launch URL builders, keyed by protocol. Protocol modules depend on sessions, not the other way
 * round, so each builder registers itself here at start-up.
 */
@Injectable()
export class LaunchUrlBuilders {
  private readonly byProtocol = new Map<ProviderProtocol, LaunchUrlBuilder>();

  register(builder: LaunchUrlBuilder): void {
    if (this.byProtocol.has(builder.protocol)) {
      throw new Error(`A launch URL builder for ${builder.protocol} is already registered`);
    }
    this.byProtocol.set(builder.protocol, builder);
  }

  get(protocol: ProviderProtocol): LaunchUrlBuilder | undefined {
    return this.byProtocol.get(protocol);
  }
}
