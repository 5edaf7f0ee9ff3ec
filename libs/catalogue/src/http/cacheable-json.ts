import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Operator lists change rarely: clients may reuse a response for a minute, then revalidate by ETag. */
export const LIST_CACHE_CONTROL = 'private, max-age=60';

export function etagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header (`"a", W/"b"` or `*`) matches the tag, compared weakly (RFC 9110 §13.1.2). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Sends `body` as JSON with an ETag (hash of the exact bytes) and Cache-Control, or a bodiless 304 when
 * the client already holds this version.
 */
export function sendCacheableJson(req: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const json = JSON.stringify(body);
  const etag = etagOf(json);
  void reply.header('etag', etag).header('cache-control', LIST_CACHE_CONTROL);
  if (ifNoneMatchHits(req.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.status(200).header('content-type', 'application/json; charset=utf-8').send(json);
}
