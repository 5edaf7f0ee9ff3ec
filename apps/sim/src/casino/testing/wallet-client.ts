import { signWalletCall } from '../casino-signature';

export interface WalletCallOptions {
  secret: string;
  operatorId: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Sent instead of JSON.stringify(body), e.g. to replay a signature over another body. */
  rawBody?: string;
  /** The body the signature is computed over; default the one sent. */
  signedBody?: string;
  /** Replaces the computed headers. */
  headers?: Record<string, string>;
}

export interface WalletResponse {
  status: number;
  contentType: string | null;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: unknown;
}

/** POSTs a wallet call signed as the aggregator signs it (spec helper). */
export async function postWallet(
  walletUrl: string,
  body: unknown,
  options: WalletCallOptions,
): Promise<WalletResponse> {
  const url = new URL(walletUrl);
  const raw = options.rawBody ?? JSON.stringify(body);
  const signed = options.signedBody ?? raw;
  const headers = options.headers ?? {
    'content-type': 'application/json',
    ...signWalletCall(
      options.secret,
      options.operatorId,
      `${url.pathname}${url.search}`,
      signed,
      options.timestamp,
    ),
  };
  const res = await fetch(walletUrl, { method: 'POST', headers, body: raw });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, json };
}
