import { BlockList, isIP } from 'node:net';

type Family = 'ipv4' | 'ipv6';

function familyOf(address: string): Family | null {
  const v = isIP(address);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : null;
}

/** Adds one entry (`1.2.3.4`, `10.0.0.0/8`, `2001:db8::/32`) to the list; false when it is not valid. */
function addEntry(list: BlockList, entry: string): boolean {
  const slash = entry.indexOf('/');
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const family = familyOf(address);
  if (!family) return false;
  if (slash === -1) {
    list.addAddress(address, family);
    return true;
  }
  const prefixText = entry.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return false;
  try {
    list.addSubnet(address, Number(prefixText), family); // throws when the prefix is out of range
    return true;
  } catch {
    return false;
  }
}

/** The entries of `allowedIps` that are neither an IPv4/IPv6 address nor a CIDR. */
export function invalidIpEntries(entries: readonly string[]): string[] {
  return entries.filter((entry) => !addEntry(new BlockList(), entry));
}

/**
 * A predicate telling whether a caller's address is allowed. An empty list allows everyone.
 * IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`, as dual-stack sockets report them) match IPv4 entries.
 */
export function ipAllowList(entries: readonly string[]): (ip: string) => boolean {
  if (entries.length === 0) return () => true;
  const list = new BlockList();
  for (const entry of entries) addEntry(list, entry);
  return (ip: string) => {
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
    const address = mapped ? mapped[1] : ip;
    const family = familyOf(address);
    return family !== null && list.check(address, family);
  };
}
