import { Injectable } from '@nestjs/common';
import { type OperatorEndpoint, OperatorCredentialsService } from '@app/operators';
import { OperatorEndpoints } from './operator-endpoints.port';

@Injectable()
export class OperatorEndpointsFromCredentials extends OperatorEndpoints {
  constructor(private readonly credentials: OperatorCredentialsService) {
    super();
  }

  async endpoint(operatorId: string): Promise<OperatorEndpoint> {
    const c = await this.credentials.get(operatorId);
    if (!c || !c.operator.walletUrl) throw new Error(`Operator ${operatorId} has no wallet URL`);
    return { id: c.operator.id, walletUrl: c.operator.walletUrl, secret: c.currentSecret };
  }
}
