/** The SecretBox that seals provider secrets at rest (key: SECRETS_KEY). */
export const CATALOGUE_SECRET_BOX = Symbol('CATALOGUE_SECRET_BOX');
