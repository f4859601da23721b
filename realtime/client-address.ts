// Which client a socket belongs to, for the per-address connection limit.
import type { IncomingMessage } from "node:http";

/**
 * The socket's peer address, or with `trustProxy` the last X-Forwarded-For entry: that one was
 * appended by the proxy itself, while entries to its left come from the client and can be forged.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const direct = request.socket.remoteAddress ?? "unknown";
  const header = request.headers["x-forwarded-for"];
  const forwarded = trustProxy ? (Array.isArray(header) ? header.join(",") : header) : undefined;
  const last = forwarded
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .at(-1);
  // IPv4 clients of a dual-stack listener appear as ::ffff:a.b.c.d; count them as one address.
  return (last ?? direct).replace(/^::ffff:/, "");
}

/** Live sockets per client address; an entry goes away with the address's last socket. */
export class AddressCounts {
  private readonly counts = new Map<string, number>();

  get(address: string): number {
    return this.counts.get(address) ?? 0;
  }

  add(address: string): void {
    this.counts.set(address, this.get(address) + 1);
  }

  remove(address: string): void {
    const count = this.get(address) - 1;
    if (count > 0) this.counts.set(address, count);
    else this.counts.delete(address);
  }
}
