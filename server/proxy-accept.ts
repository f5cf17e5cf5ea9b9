/**
 * Who may name a client's real address: the game server's side of the PROXY
 * protocol (node/proxy-protocol.ts). A trusted proxy (the gateway, HAProxy,
 * another process of the cluster) sends the header as its very first line; from
 * then on limits and logs see the client it names.
 *
 * From anyone else the header is refused and the connection closed with no line
 * sent: the peer is a proxy that was not let in (add its address with --trust),
 * and any line we sent would reach the person behind it as if it came from the
 * game. A malformed header from a trusted proxy is closed the same way, as the
 * spec asks. The operator reads why in the log.
 */
import { parseProxyLine } from '../node/proxy-protocol.js';

export type ProxiedAddress = { readonly ok: true; readonly address: string; readonly port?: number } | { readonly ok: false; readonly error: string };

/** The address a PROXY line from `peer` stands for; an error when it must be refused. */
export function proxiedAddress(line: string, peer: string, trusted: ReadonlySet<string>): ProxiedAddress {
  if (!trusted.has(peer)) return { ok: false, error: `refused a PROXY header from ${peer}, which is not trusted (see --trust)` };
  const parsed = parseProxyLine(line);
  if (!parsed.ok) return parsed;
  // UNKNOWN: the proxy does not know (a health check, a UNIX socket): keep its own address.
  const { header } = parsed;
  return header.kind === 'UNKNOWN' ? { ok: true, address: peer } : { ok: true, address: header.source.address, port: header.source.port };
}
