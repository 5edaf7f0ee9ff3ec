export * from './sessions.module';
export { SESSION_ENTITIES } from './entities';
export {
  SESSION_MODES,
  SESSION_STATUSES,
  SESSION_CLOSE_REASONS,
  type SessionMode,
  type SessionStatus,
  type SessionCloseReason,
} from './entities/game-session.entity';
export type { CallbackSession, CallbackSessionState } from './sessions/callback-session';
export { CallbackSessionsService, sessionByTokenStatement } from './sessions/callback-sessions.service';
export { SessionCache } from './sessions/session-cache';
export { newSessionToken } from './sessions/session-token';
export * from './launch/launch-url-builder.port';
export { LaunchUrlBuilders } from './launch/launch-url-builders.registry';
export { LaunchPages } from './launch/launch-pages';
export type { LaunchPageSession } from './sessions/game-sessions.repository';
export { LANGUAGE_TAG_PATTERN, languageTag } from './launch/language-tag';
export { SessionsException, SessionsErrorCode } from './sessions.exception';
