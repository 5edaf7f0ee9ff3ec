const WIRE_TIME = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The spec's `time`: `DD-MM-YYYY HH:mm:ss`, in UTC. */
export function formatWalletV2Time(date: Date): string {
  return (
    `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCFullYear(), 4)} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** Whether `text` is a real calendar date-time in the spec's format (no 31-02, no 24:00). */
export function isWalletV2Time(text: string): boolean {
  const m = WIRE_TIME.exec(text);
  if (!m) return false;
  const [day, month, year, hour, minute, second] = m.slice(1).map(Number);
  const d = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    d.getUTCHours() === hour &&
    d.getUTCMinutes() === minute &&
    d.getUTCSeconds() === second
  );
}
