import { Injectable } from '@nestjs/common';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';

export const FEED_TIMEOUT_MS = 15_000;
export const FEED_MAX_BYTES = 20 * 1024 * 1024;

/** Fetches a provider's game list over HTTP. Every failure becomes UPSTREAM_FAILED (502) with a reason. */
@Injectable()
export class GamesFeedClient {
  async fetchText(url: string): Promise<string> {
    const where = `games feed at ${new URL(url).host}`;
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { accept: 'application/json, text/javascript;q=0.9, */*;q=0.5' },
        signal: AbortSignal.timeout(FEED_TIMEOUT_MS),
      });
    } catch (e) {
      throw upstream(`${where} did not answer: ${describeFetchError(e)}`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw upstream(`${where} answered HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > FEED_MAX_BYTES) {
      await res.body?.cancel().catch(() => undefined);
      throw upstream(`${where} sent ${declared} bytes, more than the ${FEED_MAX_BYTES} accepted`);
    }
    try {
      return await readLimited(res, FEED_MAX_BYTES, where);
    } catch (e) {
      if (e instanceof CatalogueException) throw e;
      throw upstream(`${where} broke off: ${describeFetchError(e)}`);
    }
  }
}

async function readLimited(res: Response, maxBytes: number, where: string): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw upstream(`${where} sent more than the ${maxBytes} bytes accepted`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeFetchError(e: unknown): string {
  if (e instanceof DOMException && e.name === 'TimeoutError')
    return `timed out after ${FEED_TIMEOUT_MS / 1000} s`;
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return e instanceof Error ? e.message : String(e);
}

function upstream(message: string): CatalogueException {
  return new CatalogueException(CatalogueErrorCode.UpstreamFailed, message);
}
