/** A field of a wallet-v2 request: bigint and number are written as JSON numbers, digit for digit. */
export type WalletV2WireValue = string | number | bigint | boolean | null;

/**
 * JSON text of a wallet-v2 request. `JSON.stringify` cannot write a 64-bit id (a bigint throws, a number
 * above 2^53 is already rounded), so the game server writes its bodies itself.
 */
export function walletV2Json(fields: Record<string, WalletV2WireValue | undefined>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(
      `${JSON.stringify(key)}:${typeof value === 'bigint' ? value.toString() : JSON.stringify(value)}`,
    );
  }
  return `{${parts.join(',')}}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The spec's `time`: `DD-MM-YYYY HH:mm:ss` (UTC). */
export function walletV2Time(date = new Date()): string {
  return (
    `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCFullYear(), 4)} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}
