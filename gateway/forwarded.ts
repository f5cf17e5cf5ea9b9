/**
 * The browser's address behind a TLS terminator or load balancer: such a proxy
 * reaches the gateway from its own address and names the browser in
 * X-Forwarded-For. The header is believed only from the proxies the gateway was
 * told to trust (`--trust-forwarded`); from anyone else it is ignored, since any
 * client can send it.
 */
import type http from 'node:http';
import { isIP } from 'node:net';
import { canonicalAddress } from '../node/proxy-protocol.js';

/** The address limits, logs and the PROXY header count a WebSocket by. */
export function browserAddress(req: http.IncomingMessage, peer: string, trusted: ReadonlySet<string>): string {
  if (trusted.size === 0 || !trusted.has(canonicalAddress(peer))) return peer;
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return peer;
  // The last entry is the one our trusted proxy added; those before it came from the client and prove nothing.
  const last = value.split(',').at(-1)!.trim();
  return isIP(last) ? canonicalAddress(last) : peer;
}
