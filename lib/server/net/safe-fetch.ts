// The one way the app calls arbitrary URLs (remote sources, Slack webhooks). Every hop is checked
// against the address policy before a socket opens, the connection goes to the very address that
// was checked, redirects are followed by hand, and errors never say more than "refused",
// "unreachable" or the status, so the feature cannot be used to probe the internal network.
import "server-only";

import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP } from "node:net";

import { env } from "../env";
import { AppError } from "../errors";
import { isForbiddenLiteral, isPermitted, knownAddresses, normalizeHost, parseAllowList, type AllowList } from "./address-policy";

const MAX_REDIRECTS = 3;

/** Resolves a host name to every address it has. */
export type Lookup = (host: string) => Promise<string[]>;

export interface SafeRequest {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Covers every hop, and the response body as the caller reads it. */
  timeoutMs: number;
  /** Defaults to OUTBOUND_ALLOW_HOSTS; tests pass their own. */
  allow?: AllowList;
  /** Defaults to the system resolver; tests pass their own. */
  lookup?: Lookup;
}

export const urlRefused = () => new AppError(422, "URL_REFUSED", "The address is not allowed.");
export const remoteUnreachable = () => new AppError(502, "REMOTE_UNREACHABLE", "The remote server could not be reached.");
const remoteAnswered = (status: number) => new AppError(502, "REMOTE_STATUS", `The remote server answered HTTP ${status}.`);

/** Transport failures all read the same: a closed port and a filtered one are not told apart. */
const orUnreachable = <T>(promise: Promise<T>) =>
  promise.catch((): never => {
    throw remoteUnreachable();
  });

export const isUrlRefused = (error: unknown) => error instanceof AppError && error.code === "URL_REFUSED";

/** What the input schemas say about a URL the policy refuses outright. */
export const URL_REFUSED_UP_FRONT =
  "this address is not allowed: loopback, private and link-local hosts are refused unless OUTBOUND_ALLOW_HOSTS lists them";

let configured: AllowList | undefined;
const configuredAllowList = () => (configured ??= parseAllowList(env.OUTBOUND_ALLOW_HOSTS));

/** Input-time check for schemas: true when the URL names a forbidden address outright (DNS is checked at fetch time). */
export const isRefusedUpFront = (url: string) => isForbiddenLiteral(url, configuredAllowList());

const systemLookup: Lookup = async (host) => (await dnsLookup(host, { all: true })).map((entry) => entry.address);

function parseUrl(input: string, base?: URL): URL {
  if (!URL.canParse(input, base)) throw urlRefused();
  const url = new URL(input, base);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw urlRefused();
  return url;
}

/** The address to connect to. One forbidden address among a name's answers refuses the name. */
async function checkedAddress(url: URL, allow: AllowList, lookup: Lookup): Promise<string> {
  const host = normalizeHost(url.hostname);
  const addresses = knownAddresses(host) ?? (await orUnreachable(lookup(host)));
  if (addresses.length === 0 || addresses.some((address) => !isPermitted(host, address, allow))) throw urlRefused();
  return addresses[0]!;
}

function send(url: URL, address: string, request: SafeRequest, signal: AbortSignal): Promise<IncomingMessage> {
  const host = normalizeHost(url.hostname);
  const options: https.RequestOptions = {
    host: address, // never the name again: a second DNS answer could point somewhere else
    port: url.port || (url.protocol === "https:" ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: request.method ?? "GET",
    headers: { ...request.headers, host: url.host },
    servername: isIP(host) ? undefined : host, // TLS still verifies the certificate for the name
    agent: false,
    signal,
  };
  return new Promise((resolve, reject) => {
    const outgoing = (url.protocol === "https:" ? https : http).request(options, resolve);
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** Sends the request and returns the 2xx response, whose body the caller reads (or resumes). */
export async function safeFetch(target: string, request: SafeRequest): Promise<IncomingMessage> {
  const allow = request.allow ?? configuredAllowList();
  const lookup = request.lookup ?? systemLookup;
  const signal = AbortSignal.timeout(request.timeoutMs);
  let url = parseUrl(target);
  let hop = request;
  for (let redirects = 0; ; redirects++) {
    const address = await checkedAddress(url, allow, lookup);
    const response = await orUnreachable(send(url, address, hop, signal));
    const status = response.statusCode ?? 0;
    if (status >= 200 && status < 300) return response;
    response.destroy();
    const location = response.headers.location;
    if (status < 300 || status >= 400 || !location) throw remoteAnswered(status);
    if (redirects === MAX_REDIRECTS) throw remoteUnreachable();
    url = parseUrl(location, url);
    // As browsers do: only 307 and 308 repeat the method and body.
    if (status !== 307 && status !== 308) hop = { ...hop, method: "GET", body: undefined, headers: {} };
  }
}
