/**
 * The PROXY protocol, version 1 (HAProxy's proxy-protocol.txt): one text line a
 * proxy sends before the stream, carrying the address of the client it relays:
 *
 *     PROXY TCP4 203.0.113.7 192.0.2.1 51234 30003\r\n
 *     PROXY TCP6 2001:db8::7 2001:db8::1 51234 30003\r\n
 *     PROXY UNKNOWN\r\n
 *
 * Pure: a line in, a header or an error out, and the reverse. Spoken by the
 * gateway, by relays between cluster processes, by HAProxy and nginx; read by the
 * game server from the addresses it trusts.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** The longest header the spec allows, line end included. */
export const PROXY_MAX_BYTES = 107;
/** The same without the CRLF: what a line decoder hands over. */
export const PROXY_MAX_LINE_CHARS = PROXY_MAX_BYTES - 2;

/** One end of the proxied connection. */
export interface Endpoint {
  readonly address: string;
  readonly port: number;
}

/** What a header says: the client's and the proxy's ends, or that the proxy does not know (UNKNOWN). */
export type ProxyHeader =
  | { readonly kind: 'TCP4' | 'TCP6'; readonly source: Endpoint; readonly destination: Endpoint }
  | { readonly kind: 'UNKNOWN' };

export type ProxyParse = { readonly ok: true; readonly header: ProxyHeader } | { readonly ok: false; readonly error: string };

/** Whether a first line is meant as a PROXY header (well formed or not). */
export function looksLikeProxyLine(line: string): boolean {
  return line === 'PROXY' || line.startsWith('PROXY ');
}

/** Parses one header line, without its line end. Never throws. */
export function parseProxyLine(line: string): ProxyParse {
  if (line.length > PROXY_MAX_LINE_CHARS) return fail(`longer than ${PROXY_MAX_BYTES} bytes`);
  // The header is US-ASCII with single spaces; anything else is not a header we can trust.
  if (!/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(line)) return fail('not printable ASCII words separated by single spaces');
  const parts = line.split(' ');
  if (parts[0] !== 'PROXY') return fail('does not start with "PROXY "');
  const kind = parts[1];
  // "the receiver must ignore anything presented before the CRLF is found" after UNKNOWN.
  if (kind === 'UNKNOWN') return { ok: true, header: { kind } };
  if (kind !== 'TCP4' && kind !== 'TCP6') return fail(`unknown protocol ${JSON.stringify(kind ?? '')}: TCP4, TCP6 or UNKNOWN`);
  if (parts.length !== 6) return fail(`${kind} needs four fields: source and destination address, source and destination port`);
  const [, , srcAddress, dstAddress, srcPort, dstPort] = parts;
  const valid = kind === 'TCP4' ? isIPv4 : isIPv6WithoutZone;
  if (!valid(srcAddress)) return fail(`source ${JSON.stringify(srcAddress)} is not an ${kind === 'TCP4' ? 'IPv4' : 'IPv6'} address`);
  if (!valid(dstAddress)) return fail(`destination ${JSON.stringify(dstAddress)} is not an ${kind === 'TCP4' ? 'IPv4' : 'IPv6'} address`);
  const sport = port(srcPort);
  const dport = port(dstPort);
  if (sport === undefined) return fail(`source port ${JSON.stringify(srcPort)} is not 0–65535`);
  if (dport === undefined) return fail(`destination port ${JSON.stringify(dstPort)} is not 0–65535`);
  return {
    ok: true,
    header: {
      kind,
      source: { address: canonicalAddress(srcAddress), port: sport },
      destination: { address: canonicalAddress(dstAddress), port: dport },
    },
  };
}

/**
 * The header line (CRLF included) for a connection from `source` to `destination`,
 * as Node reports them; UNKNOWN when either end is not known.
 */
export function formatProxyLine(source: Partial<Endpoint>, destination: Partial<Endpoint>): string {
  const { address: sa, port: sp } = source;
  const { address: da, port: dp } = destination;
  if (sa === undefined || da === undefined || sp === undefined || dp === undefined) return 'PROXY UNKNOWN\r\n';
  const s = canonicalAddress(sa);
  const d = canonicalAddress(da);
  if (isIPv4(s) && isIPv4(d)) return `PROXY TCP4 ${s} ${d} ${sp} ${dp}\r\n`;
  // Both ends of one header are of one family: an IPv4 end is written as IPv4-mapped IPv6.
  const six = (a: string) => (isIPv4(a) ? `::ffff:${a}` : a);
  if (isIPv6WithoutZone(six(s)) && isIPv6WithoutZone(six(d))) return `PROXY TCP6 ${six(s)} ${six(d)} ${sp} ${dp}\r\n`;
  return 'PROXY UNKNOWN\r\n';
}

/** One spelling per address: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4, IPv6 in lower case. */
export function canonicalAddress(address: string): string {
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return mapped && isIPv4(mapped[1]) ? mapped[1] : lower;
}

function isIPv6WithoutZone(a: string): boolean {
  return !a.includes('%') && isIPv6(a);
}

/** A port as the spec writes it: decimal, no leading zero, 0–65535. */
function port(raw: string): number | undefined {
  if (!/^(?:0|[1-9]\d{0,4})$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= 65535 ? n : undefined;
}

function fail(why: string): ProxyParse {
  return { ok: false, error: `bad PROXY header: ${why}` };
}
