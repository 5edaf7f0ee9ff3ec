import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { GamesService, type GameView } from '@app/catalogue';
import type { Env } from '@app/common';
import type { AuthenticatedOperator } from '@app/operators';
import type { SessionMode } from '../entities/game-session.entity';
import { type PlayerProfile, PlayersRepository } from '../players/players.repository';
import { GameSessionsRepository, type NewLaunch } from '../sessions/game-sessions.repository';
import { newSessionToken } from '../sessions/session-token';
import { SessionsErrorCode, SessionsException } from '../sessions.exception';
import { languageTag } from './language-tag';
import { LAUNCH_REDIRECT_TTL_S } from './launch-redirects';
import type { LaunchUrlBuilder } from './launch-url-builder.port';
import { LaunchUrlBuilders } from './launch-url-builders.registry';
import { OperatorPlayerCheck } from './operator-player-check';

export interface StartSessionInput {
  userId?: string;
  token?: string;
  gameId: string;
  currency: string;
  language: string;
  mode: SessionMode;
  returnUrl?: string;
  redirect?: boolean;
}

export interface StartedSession {
  sessionId: string;
  url: string;
}

/**
 * Start Game (operator-workflow "Launching a Game", DESIGN §5): checks, the operator's three calls for a
 * seamless real launch, the player, the provider's launch URL, then the session. Nothing is written
 * before every check has passed; the provider is asked (slotegrator) before the session is registered,
 * so a provider failure leaves no session and supersedes nothing.
 */
@Injectable()
export class StartSessionUseCase {
  private readonly logger = new Logger(StartSessionUseCase.name);
  private readonly publicBaseUrl: string;

  constructor(
    private readonly games: GamesService,
    private readonly builders: LaunchUrlBuilders,
    private readonly operatorCheck: OperatorPlayerCheck,
    private readonly players: PlayersRepository,
    private readonly sessions: GameSessionsRepository,
    config: ConfigService<Env, true>,
  ) {
    this.publicBaseUrl = config.get('PUBLIC_BASE_URL', { infer: true }).replace(/\/+$/, '');
  }

  async execute(operator: AuthenticatedOperator, input: StartSessionInput): Promise<StartedSession> {
    if (!operator.currencies.includes(input.currency)) {
      throw new SessionsException(
        SessionsErrorCode.CurrencyNotSupported,
        `Currency ${input.currency} is not one of the operator's currencies (${operator.currencies.join(', ')})`,
      );
    }
    const found = await this.games.findActive(input.gameId);
    if (!found) {
      throw new SessionsException(
        SessionsErrorCode.GameNotAvailable,
        `Game ${input.gameId} cannot be launched: it does not exist, or it or its provider is disabled`,
      );
    }
    const { game, provider } = found;
    checkGameCurrency(game, input.currency);
    const builder = this.builders.get(provider.protocol);
    if (!builder) {
      throw new SessionsException(
        SessionsErrorCode.ProtocolNotSupported,
        `Launching ${provider.protocol} games is not available`,
      );
    }
    if (input.mode === 'demo') checkDemo(game, builder);

    const userId = input.userId ?? 'demo';
    const player = input.mode === 'real' ? await this.player(operator, userId, input) : null;
    const playerId = player?.id ?? null;

    const sessionId = randomUUID();
    const sessionToken = newSessionToken();
    const authToken = builder.usesAuthToken && input.mode === 'real' ? newSessionToken() : null;
    const built = await builder.build({
      provider,
      sessionId,
      sessionToken,
      authToken,
      mode: input.mode,
      game: { id: game.id, externalId: game.externalId, name: game.name, meta: game.meta },
      operatorId: operator.id,
      userId,
      playerId,
      currency: input.currency,
      language: input.language,
      returnUrl: input.returnUrl ?? null,
      publicBaseUrl: this.publicBaseUrl,
    });
    if (!built.ok) {
      this.logger.warn({ provider: provider.code, reason: built.reason }, 'Provider launch failed');
      throw new SessionsException(
        SessionsErrorCode.ProviderLaunchFailed,
        `Provider ${provider.code} did not give a launch URL: ${built.reason}`,
        { provider: provider.code },
      );
    }

    const launch: NewLaunch | null = input.redirect
      ? {
          id: newSessionToken(),
          url: built.url,
          expiresAt: new Date(Date.now() + LAUNCH_REDIRECT_TTL_S * 1000),
        }
      : null;
    await this.sessions.open(
      {
        id: sessionId,
        token: sessionToken,
        authToken,
        operatorId: operator.id,
        player,
        userId,
        walletMode: operator.walletMode,
        providerId: provider.id,
        gameId: game.id,
        currency: input.currency,
        language: input.language,
        mode: input.mode,
        returnUrl: input.returnUrl ?? null,
      },
      launch,
    );
    return { sessionId, url: launch ? `${this.publicBaseUrl}/play/${launch.id}` : built.url };
  }

  /**
   * The player of a real launch and its profile. The operator's checks and the lookup of a known player run
   * at once; a player seen before is refreshed when its session is opened (one commit per launch), a new
   * one is created here. A player blocked on our side is refused before anything is written.
   */
  private async player(
    operator: AuthenticatedOperator,
    userId: string,
    input: StartSessionInput,
  ): Promise<{ id: string; profile: PlayerProfile }> {
    const [profile, known] = await Promise.all([
      this.profile(operator, {
        userId,
        token: input.token ?? '',
        currency: input.currency,
        language: input.language,
      }),
      this.players.find(operator.id, userId),
    ]);
    if (known?.blocked)
      throw new SessionsException(SessionsErrorCode.PlayerBlocked, `Player ${userId} is blocked`);
    const id = known?.id ?? (await this.players.upsertForLaunch(operator.id, userId, profile));
    return { id, profile };
  }

  /** Seamless: what the operator's wallet says (all three calls must answer well). Internal: the request. */
  private async profile(
    operator: AuthenticatedOperator,
    req: { userId: string; token: string; currency: string; language: string },
  ): Promise<PlayerProfile> {
    switch (operator.walletMode) {
      case 'seamless':
        return this.operatorCheck.run(operator, req);
      case 'internal':
        return {
          nickname: null,
          currency: req.currency,
          country: null,
          language: languageTag(req.language).language,
          details: {},
        };
    }
  }
}

/** A game may restrict its currencies with a `currencies` list (ISO 4217 codes) in its `meta`. */
function checkGameCurrency(game: GameView, currency: string): void {
  const listed = game.meta.currencies;
  if (!Array.isArray(listed)) return;
  const currencies = listed.filter((c): c is string => typeof c === 'string');
  if (!currencies.includes(currency)) {
    throw new SessionsException(
      SessionsErrorCode.CurrencyNotSupported,
      `Game ${game.id} does not support ${currency}; it supports ${currencies.join(', ') || 'no currency'}`,
    );
  }
}

function checkDemo(game: GameView, builder: LaunchUrlBuilder): void {
  if (!builder.supportsDemo) {
    throw new SessionsException(
      SessionsErrorCode.DemoNotAvailable,
      `${builder.protocol} games have no demo mode`,
    );
  }
  if (!game.hasDemo) {
    throw new SessionsException(SessionsErrorCode.DemoNotAvailable, `Game ${game.id} has no demo mode`);
  }
}
