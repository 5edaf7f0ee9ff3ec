import type { OperatorEndpoint } from '@app/operators';

/** Where and how to reach a seamless operator's wallet (URL and current signing secret). */
export abstract class OperatorEndpoints {
  abstract endpoint(operatorId: string): Promise<OperatorEndpoint>;
}
