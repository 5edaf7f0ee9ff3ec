import { IsUrl, ValidateBy, type ValidationOptions } from 'class-validator';

/** An absolute http:// or https:// URL (hosts without a TLD, such as 127.0.0.1, are fine). */
export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return IsUrl(
    {
      protocols: ['http', 'https'],
      require_protocol: true,
      require_tld: false,
      require_valid_protocol: true,
    },
    { message: '$property must be an absolute http(s) URL', ...options },
  );
}

/** An id the provider issued: a non-empty string (≤ 128 chars) or a non-negative integer. */
export function IsProviderIssuedId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isProviderIssuedId',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'string' && value.trim().length > 0 && value.length <= 128) ||
          (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0),
        defaultMessage: () => '$property must be a non-empty string or a non-negative integer',
      },
    },
    options,
  );
}

/** A URL (http/https) or an absolute path on our own host, such as the apps default `/media`. */
export function IsUrlOrAbsolutePath(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUrlOrAbsolutePath',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length === 0) return false;
          if (value.startsWith('/')) return !value.startsWith('//') && !/\s/.test(value);
          try {
            const url = new URL(value);
            return url.protocol === 'http:' || url.protocol === 'https:';
          } catch {
            return false;
          }
        },
        defaultMessage: () => '$property must be an absolute http(s) URL or a path starting with "/"',
      },
    },
    options,
  );
}
