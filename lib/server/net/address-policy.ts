// Which addresses outbound HTTP may reach: public ones, plus whatever the operator's allow-list names.
// Pure (no I/O), so the fetch-time gate and the input-time schemas share one set of rules.
import { BlockList, isIP } from "node:net";

/** Loopback, private, link-local, shared, multicast, reserved and other never-public IPv4 ranges. */
const FORBIDDEN_IPV4 = [
  "0.0.0.0/8", // "this network", including the unspecified 0.0.0.0
  "10.0.0.0/8",
  "100.64.0.0/10", // carrier-grade NAT
  "127.0.0.0/8",
  "169.254.0.0/16", // link-local, where cloud metadata services live
  "172.16.0.0/12",
  "192.0.0.0/24", // IETF protocol assignments
  "192.168.0.0/16",
  "198.18.0.0/15", // benchmarking
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, including the broadcast 255.255.255.255
];

const FORBIDDEN_IPV6 = [
  "::/128",
  "::1/128",
  "64:ff9b:1::/48", // local-use NAT64
  "100::/64", // discard
  "fc00::/7", // unique local
  "fe80::/10", // link-local
  "fec0::/10", // the former site-local
  "ff00::/8", // multicast
];

function blockListOf(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, prefix] = cidr.split("/") as [string, string];
    list.addSubnet(network, Number(prefix), isIP(network) === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

const FORBIDDEN = blockListOf([...FORBIDDEN_IPV4, ...FORBIDDEN_IPV6]);

const familyOf = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");

/** A zone id ("fe80::1%eth0") names a network interface, not a range. */
const withoutZone = (address: string) => address.split("%")[0]!;

/** The eight 16-bit groups of an IPv6 address; the URL parser first rewrites dotted tails and case. */
function ipv6Groups(address: string): number[] {
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head, tail] = canonical.split("::") as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  if (tail === undefined) return groups(head);
  const left = groups(head);
  const right = groups(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), which reaches that IPv4 host. */
function embeddedIPv4(address: string): string | null {
  const groups = ipv6Groups(address);
  const ipv4 = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join(".");
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  const [first, second, third, , , sixth, seventh, eighth] = groups as [number, number, number, number, number, number, number, number];
  if (zeros(0, 5) && (sixth === 0xffff || sixth === 0)) return ipv4(seventh, eighth);
  if (first === 0x64 && second === 0xff9b && zeros(2, 6)) return ipv4(seventh, eighth);
  if (first === 0x2002) return ipv4(second, third);
  return null;
}

/** True for any address outbound HTTP must not reach without the operator's say-so (and for non-addresses). */
export function isForbiddenAddress(address: string): boolean {
  const ip = withoutZone(address);
  const family = isIP(ip);
  if (family === 4) return FORBIDDEN.check(ip, "ipv4");
  if (family !== 6) return true;
  const embedded = embeddedIPv4(ip);
  return FORBIDDEN.check(ip, "ipv6") || (embedded !== null && FORBIDDEN.check(embedded, "ipv4"));
}

/** The operator's exceptions: host names as typed in URLs, and IP addresses or CIDR ranges. */
export interface AllowList {
  hosts: ReadonlySet<string>;
  addresses: BlockList;
}

/** A URL host without brackets, trailing dots or upper case, as lists and resolvers compare it. */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.+$/, "");
}

/** Parses a comma-separated list of host names, IPs and CIDRs (OUTBOUND_ALLOW_HOSTS). */
export function parseAllowList(text = ""): AllowList {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  for (const entry of text.split(",").map(normalizeHost).filter(Boolean)) {
    const [network, prefix] = entry.split("/") as [string, string | undefined];
    if (prefix === undefined && isIP(network) === 0) {
      hosts.add(entry);
      continue;
    }
    try {
      addresses.addSubnet(network, prefix === undefined ? (isIP(network) === 4 ? 32 : 128) : Number(prefix), familyOf(network));
    } catch {
      throw new Error(`OUTBOUND_ALLOW_HOSTS: "${entry}" is not a host name, IP address or CIDR range`);
    }
  }
  return { hosts, addresses };
}

/** Whether `host`, resolved to `address`, may be reached: public, or allowed by name or address. */
export function isPermitted(host: string, address: string, allow: AllowList): boolean {
  const ip = withoutZone(address);
  if (allow.hosts.has(host)) return true;
  if (isIP(ip) && allow.addresses.check(ip, familyOf(ip))) return true;
  return !isForbiddenAddress(ip);
}

/** The addresses a normalized host has without asking DNS: an IP literal's own, loopback for localhost names. */
export function knownAddresses(host: string): string[] | null {
  if (isIP(host)) return [host];
  if (host === "localhost" || host.endsWith(".localhost")) return ["127.0.0.1", "::1"];
  return null;
}

/** True when the URL names a forbidden address outright (an IP literal or localhost); names needing DNS pass. */
export function isForbiddenLiteral(url: string, allow: AllowList): boolean {
  if (!URL.canParse(url)) return false;
  const host = normalizeHost(new URL(url).hostname);
  return knownAddresses(host)?.some((address) => !isPermitted(host, address, allow)) ?? false;
}
