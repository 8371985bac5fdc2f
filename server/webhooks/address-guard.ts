// Keeps webhook deliveries off the server's own network (SSRF): a URL is refused unless every
// address its host resolves to is public unicast. The check runs again inside the connection's
// own DNS lookup (`lookup` of node:http), so a host that resolves to a public address when the
// URL is saved and to 127.0.0.1 at delivery time (DNS rebinding) is still refused. Redirects are
// not followed at all. An operator may allow private addresses (WAYMARK_WEBHOOKS_ALLOW_PRIVATE)
// for an on-premises receiver; the tests use it with a local one.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export class BlockedAddressError extends Error {
  constructor(readonly address: string, readonly range: string) {
    super(`Webhooks cannot be delivered to ${address} (${range} address).`);
    this.name = "BlockedAddressError";
  }
}

/** The ipaddr.js range of an address, with IPv4-mapped IPv6 read as the IPv4 address it carries. */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return "invalid";
  return ipaddr.process(address).range();
}

export function isPublicAddress(address: string): boolean {
  return addressRange(address) === "unicast";
}

export interface GuardOptions {
  allowPrivate: boolean;
}

/** Throws BlockedAddressError for an address a delivery may not reach. */
export function assertDeliverable(address: string, options: GuardOptions): void {
  if (options.allowPrivate) return;
  const range = addressRange(address);
  if (range !== "unicast") throw new BlockedAddressError(address, range);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A drop-in `lookup` for http.request/https.request: resolves as usual, then refuses the
 * connection if any resolved address is not deliverable.
 */
export function guardedLookup(options: GuardOptions): LookupFunction {
  return (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      try {
        for (const { address } of addresses) assertDeliverable(address, options);
      } catch (blocked) {
        return callback(blocked as NodeJS.ErrnoException, []);
      }
      if (lookupOptions.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
