import { isURL, ValidateBy, type ValidationOptions } from 'class-validator';

const MAX_IMAGES = 20;

function isImageMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    entries.length <= MAX_IMAGES &&
    entries.every(
      ([key, url]) =>
        /^[A-Za-z0-9_-]{1,32}$/.test(key) &&
        typeof url === 'string' &&
        url.length <= 2048 &&
        isURL(url, { protocols: ['http', 'https'], require_protocol: true, require_tld: false }),
    )
  );
}

/** `{ icon: "https://…", preview: "https://…" }`: up to 20 named http(s) image URLs. */
export function IsImageMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isImageMap',
      validator: {
        validate: isImageMap,
        defaultMessage: () =>
          `$property must be an object of up to ${MAX_IMAGES} image URLs by role (keys: letters, digits, "_" or "-"; values: http(s) URLs)`,
      },
    },
    options,
  );
}
