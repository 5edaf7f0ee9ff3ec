/** The provider protocols the aggregator speaks (DESIGN §1); one folder each under libs/protocols. */
export const PROVIDER_PROTOCOLS = ['slotegrator', 'b2b', 'apps', 'wallet-v2'] as const;
export type ProviderProtocol = (typeof PROVIDER_PROTOCOLS)[number];

/** Provider codes appear in callback URLs (`/callbacks/<protocol>/<code>`): a lowercase slug. */
export const PROVIDER_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;
