import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { safeEquals } from '@app/common';

/**
 * Bull Board's Fastify adapter whose plugin first installs an admin-token check on its own encapsulated
 * context, so every route it serves (page, assets, queue API) needs `Authorization: Bearer <ADMIN_TOKEN>`.
 * The check lives inside the plugin on purpose: a hook on the root instance or a Nest middleware would
 * depend on registration order, or match the prefix only and leave `/admin/queues/api/...` open.
 */
export function adminOnlyBoardAdapter(adminToken: string): new () => FastifyAdapter {
  const check = adminTokenHook(adminToken);
  return class AdminOnlyFastifyAdapter extends FastifyAdapter {
    override registerPlugin(): FastifyPluginCallback {
      const board = super.registerPlugin();
      return (fastify, opts, done) => {
        fastify.addHook('onRequest', check);
        board(fastify, opts, done);
      };
    }
  };
}

function adminTokenHook(adminToken: string) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer (.+)$/.exec(header) : null;
    if (match && safeEquals(match[1], adminToken)) return;
    await reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({
        statusCode: 401,
        error: 'UNAUTHORIZED',
        message: match
          ? 'Invalid admin token'
          : 'Missing admin bearer token (Authorization: Bearer <ADMIN_TOKEN>)',
        requestId: String(req.id),
      });
  };
}
