import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { SESSION_MODES, type SessionMode } from '../entities/game-session.entity';
import { LANGUAGE_TAG_PATTERN } from './language-tag';

/** An absolute http(s) URL as `new URL` reads it (the launch pages escape whatever it holds). */
function IsReturnUrl(): PropertyDecorator {
  return ValidateBy({
    name: 'isReturnUrl',
    validator: {
      validate: (value: unknown) => {
        // Printable ASCII only: no spaces or control characters survive into a launch URL or page.
        if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) return false;
        try {
          const url = new URL(value);
          return (url.protocol === 'http:' || url.protocol === 'https:') && url.host.length > 0;
        } catch {
          return false;
        }
      },
      defaultMessage: () => '$property must be an absolute http(s) URL without spaces',
    },
  });
}

export class StartSessionDto {
  @ApiProperty({
    example: 'player-42',
    description:
      "Your player's id: 1-64 letters, digits or `_ . : @ -`. Required for real play; optional for demo.",
  })
  @ValidateIf((o: StartSessionDto) => o.mode === 'real' || o.userId !== undefined)
  @IsString()
  @Matches(/^[A-Za-z0-9_.:@-]{1,64}$/, {
    message: 'userId must be 1-64 letters, digits or _ . : @ -',
  })
  userId?: string;

  @ApiProperty({
    example: '8f14e45fceea167a5a36dedd4bea2543',
    description:
      "The player's session token on your side, sent back to your wallet in session-check, player-details " +
      'and balance (seamless wallets). 1-512 printable ASCII characters. Required for real play.',
  })
  @ValidateIf((o: StartSessionDto) => o.mode === 'real' || o.token !== undefined)
  @IsString()
  @Matches(/^[\x21-\x7e]{1,512}$/, { message: 'token must be 1-512 printable ASCII characters' })
  token?: string;

  @ApiProperty({ format: 'uuid', description: 'Our game id, from `GET /api/v1/games`' })
  @IsUUID('all', { message: 'gameId must be a UUID (the id from GET /api/v1/games)' })
  gameId!: string;

  @ApiProperty({
    example: 'EUR',
    description:
      "ISO 4217 code. Must be one of the operator's currencies and, when the game lists `currencies` in " +
      'its `meta`, one of those; a seamless wallet must report the same currency for the player.',
  })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter uppercase ISO 4217 code' })
  currency!: string;

  @ApiProperty({
    example: 'en',
    description:
      'ISO 639-1 language, optionally with a region (`en`, `en-US`, `pt_BR`). Each provider gets its own form: ' +
      '`en` (slotegrator, wallet-v2), `en_US` (apps).',
  })
  @IsString()
  @Matches(LANGUAGE_TAG_PATTERN, { message: 'language must be an ISO 639-1 code such as en or en-US' })
  language!: string;

  @ApiProperty({ enum: SESSION_MODES, example: 'real' })
  @IsIn(SESSION_MODES, { message: 'mode must be "real" or "demo"' })
  mode!: SessionMode;

  @ApiPropertyOptional({
    example: 'https://casino.example.com/lobby',
    description: 'Where the game sends the player on exit (http or https, at most 2048 characters)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @IsReturnUrl()
  returnUrl?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'true: `url` is ours (`/play/{launchId}`), answers one 302 to the provider within a short time, so your ' +
      "front end never sees the provider's address",
  })
  @IsOptional()
  @IsBoolean({ message: 'redirect must be a boolean' })
  redirect?: boolean;
}

export class StartSessionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Our game session id' })
  sessionId!: string;

  @ApiProperty({
    example: 'https://games.example.com/launch?mode=real_play&gameID=1014&token=…&lang=en&wallet=…',
    description: "Open this in the player's browser (with redirect: our one-time `/play/{launchId}`)",
  })
  url!: string;
}
