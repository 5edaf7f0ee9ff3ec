import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { WALLET_MODES } from '../../operator.entity';

/** Validation shared by the create and update DTOs, so both refuse the same values with the same words. */
export const NAME_MAX_LENGTH = 100;
export const WALLET_URL_MAX_LENGTH = 2048;
export const MAX_CURRENCIES = 100;

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export function NameRules(): PropertyDecorator {
  return applyDecorators(
    Transform(trim),
    IsString({ message: 'name must be a string' }),
    IsNotEmpty({ message: 'name must not be empty' }),
    MaxLength(NAME_MAX_LENGTH, { message: `name must be at most ${NAME_MAX_LENGTH} characters` }),
    // eslint-disable-next-line no-control-regex
    Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'name must not contain control characters' }),
  );
}

export function WalletModeRules(): PropertyDecorator {
  return IsIn(WALLET_MODES, { message: `walletMode must be one of: ${WALLET_MODES.join(', ')}` });
}

export function WalletUrlRules(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'walletUrl must be a string' }),
    MaxLength(WALLET_URL_MAX_LENGTH, {
      message: `walletUrl must be at most ${WALLET_URL_MAX_LENGTH} characters`,
    }),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: 'walletUrl must be an http(s) URL, e.g. https://casino.example/aggregator/wallet' },
    ),
  );
}

export function CurrenciesRules(): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'currencies must be an array of ISO 4217 codes' }),
    ArrayMinSize(1, { message: 'currencies must name at least one currency' }),
    ArrayMaxSize(MAX_CURRENCIES, { message: `currencies must name at most ${MAX_CURRENCIES} currencies` }),
    ArrayUnique({ message: 'currencies must not repeat a currency' }),
    IsString({ each: true, message: 'each currency must be a string' }),
    Matches(/^[A-Z]{3}$/, {
      each: true,
      message: 'each currency must be an ISO 4217 code: three uppercase letters, e.g. "EUR" ($value is not)',
    }),
  );
}
