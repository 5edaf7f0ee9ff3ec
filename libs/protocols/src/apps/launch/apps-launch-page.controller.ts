import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { GamesService } from '@app/catalogue';
import { LaunchPages } from '@app/sessions';
import type { FastifyReply } from 'fastify';
import { appsLanguage } from './apps-language';
import { renderAppsErrorPage, renderAppsLaunchPage } from './apps-launch-page';

const DEFAULT_KF = 100;
/** The spec's default denomination switcher. */
const DEFAULT_KF_LIST = [1, 5, 10, 50, 100, 500];
const MAX_KF_LIST = 12;

/**
 * `GET /play/apps/{sessionId}`: the page the apps launch URL points at, embedding the provider's loader
 * with the session's config. A game may set `denomination` (kopecks) and `kf_list` in its `meta`.
 */
@ApiExcludeController()
@Controller('play/apps')
export class AppsLaunchPageController {
  constructor(
    private readonly pages: LaunchPages,
    private readonly games: GamesService,
  ) {}

  @Get(':sessionId')
  async page(@Param('sessionId') sessionId: string, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.pages.session(sessionId);
    const found = session ? await this.games.findActive(session.gameId) : null;
    if (
      !session ||
      !found ||
      found.provider.id !== session.providerId ||
      found.provider.protocol !== 'apps'
    ) {
      return send(reply, 404, renderAppsErrorPage('Game not found', 'This game link does not exist.'));
    }
    if (session.state !== 'active') {
      return send(
        reply,
        410,
        renderAppsErrorPage(
          'Game session ended',
          'This game session has ended; start the game again from the casino.',
        ),
      );
    }
    const { game, provider } = found;
    const html = renderAppsLaunchPage({
      storagePath: provider.config.storagePath,
      title: game.name,
      game: game.externalId,
      billing: String(provider.config.customerId),
      token: session.token,
      kf: positiveInteger(game.meta.denomination) ?? DEFAULT_KF,
      kfList: kfList(game.meta.kf_list) ?? DEFAULT_KF_LIST,
      currency: session.currency,
      language: appsLanguage(session.language),
      homePage: session.returnUrl ?? '/',
    });
    return send(reply, 200, html);
  }
}

async function send(reply: FastifyReply, status: number, html: string): Promise<void> {
  await reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .send(html);
}

function positiveInteger(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

function kfList(value: unknown): number[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_KF_LIST) return null;
  const list = value.map(positiveInteger);
  return list.every((n): n is number => n !== null) ? list : null;
}
