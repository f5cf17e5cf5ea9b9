/**
 * The gateway: one HTTP server that serves the web client, answers /healthz, and
 * turns each WebSocket at /ws into a Bridge to the line server.
 *
 * Upgrades are checked here, before any WebSocket exists: path, Origin, and the
 * connection limits. A refused upgrade gets a plain HTTP answer and one log line.
 */
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_LINE_BYTES } from '../protocol/framing.js';
import { GATEWAY_PORT, LISTEN_BACKLOG } from '../node/ports.js';
import { CloseCode } from '../protocol/close-codes.js';
import { Bridge, CloseReason, type Target } from './bridge.js';
import { createStaticHandler } from './static.js';
import { browserAddress } from './forwarded.js';
import { canonicalAddress } from '../node/proxy-protocol.js';

/** What createGateway needs; everything but the target has a default. */
export interface GatewayOptions {
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** Port to listen on; 0 picks a free one. Default GATEWAY_PORT. */
  port?: number;
  /** The line server every WebSocket is connected to; several: each new browser goes to the next live one, round robin. */
  target: Target | readonly Target[];
  /** Folder of the built web client. Without it, every static path is 404. */
  staticDir?: string;
  /** Page origins allowed besides the gateway's own (`scheme://host[:port]`). */
  allowOrigins?: readonly string[];
  /** WebSockets open at once. Default 10000. */
  maxConnections?: number;
  /** WebSockets open at once from one remote address. Default 50. */
  maxPerIp?: number;
  /** Ping interval in ms; 0 turns the heartbeat off. Default 30000. */
  heartbeatMs?: number;
  /** Time a client has to send its HTTP request headers, in ms. Default 10000. */
  headersTimeoutMs?: number;
  /** Bytes queued to a browser above which reading from the server pauses. */
  highWaterMark?: number;
  /** After a browser leaves, time the server gets to close its side, in ms. Default 5000. */
  lingerMs?: number;
  /** Send each browser's address to the server first, as a PROXY protocol v1 line. Default false. */
  sendProxy?: boolean;
  /** Frame whole server lines under ws (gateway/under-ws.ts). Default true; false if a ws upgrade breaks under-ws.test.ts. */
  framesUnderWs?: boolean;
  /** Proxies in front of the gateway (a TLS terminator) whose X-Forwarded-For names the browser. Default none. */
  trustForwarded?: readonly string[];
  /** On shutdown, time given to closing handshakes before sockets are cut, in ms. Default 2000. */
  shutdownGraceMs?: number;
  /** Receives one line per refusal and per notable event. Default: standard error. */
  log?: (line: string) => void;
  /** Called when a pair pauses one side for backpressure (for tests and metrics). */
  onPause?: (side: 'upstream' | 'client') => void;
}

/** Counters for /healthz and tests. */
export interface GatewayStats {
  /** WebSocket ↔ TCP pairs not yet fully closed. */
  connections: number;
  /** Bytes queued towards browsers, summed over all pairs. */
  bufferedToClients: number;
  /** Bytes queued towards the server, summed over all pairs. */
  bufferedToServer: number;
  /** Pairs not reading from the server now, because the browser is slow. */
  pausedUpstreams: number;
  /** Pairs not reading from the browser now, because the server is slow. */
  pausedClients: number;
}

/** A running gateway. */
export interface Gateway {
  address(): { host: string; port: number };
  stats(): GatewayStats;
  /** Resolves once no pair is open (at once if none is). */
  whenIdle(): Promise<void>;
  /** One beat of the heartbeat, as every heartbeatMs: cuts each pair that did not answer the last ping, pings the rest. */
  heartbeat(): void;
  /** Stops accepting, closes WebSockets with 1001, ends TCP connections; resolves when all are gone. */
  close(): Promise<void>;
}

/** Frames a little over the line limit still reach our own check, which gives the better reason. */
const MAX_PAYLOAD = MAX_LINE_BYTES + 1024;
const PROBE_TIMEOUT_MS = 1000;

/** Starts a gateway and resolves once it listens. */
export async function createGateway(opts: GatewayOptions): Promise<Gateway> {
  const targets: readonly Target[] = Array.isArray(opts.target) ? opts.target : [opts.target as Target];
  if (targets.length === 0) throw new Error('The gateway needs at least one target.');
  let nextTarget = 0;
  const maxConnections = opts.maxConnections ?? 10_000;
  const maxPerIp = opts.maxPerIp ?? 50;
  const headersTimeoutMs = opts.headersTimeoutMs ?? 10_000;
  const allowOrigins = new Set((opts.allowOrigins ?? []).map((o) => o.toLowerCase()));
  const trustForwarded = new Set((opts.trustForwarded ?? []).map(canonicalAddress));
  const log = opts.log ?? ((line: string) => void process.stderr.write(line + '\n'));
  const serveStatic = opts.staticDir === undefined ? undefined : createStaticHandler(opts.staticDir);

  const bridges = new Map<Bridge, string>(); // bridge → remote address
  const perIp = new Map<string, number>();
  let idleWaiters: (() => void)[] = [];

  const bridgeOptions = {
    target: targets[0],
    highWaterMark: opts.highWaterMark,
    lingerMs: opts.lingerMs,
    sendProxy: opts.sendProxy,
    framesUnderWs: opts.framesUnderWs,
    onPause: opts.onPause,
    onNotice(bridge: Bridge, text: string): void {
      log(`WebSocket from ${bridges.get(bridge) ?? 'unknown'}: ${text}`);
    },
    onClosed(bridge: Bridge): void {
      const ip = bridges.get(bridge);
      if (ip === undefined) return;
      bridges.delete(bridge);
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left === 0) perIp.delete(ip);
      else perIp.set(ip, left);
      if (bridges.size === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    },
  };

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD,
    clientTracking: false,
    perMessageDeflate: false,
    // We speak no subprotocol: decline every one offered (ws would echo the first).
    handleProtocols: () => false,
  });

  const server = http.createServer({
    headersTimeout: headersTimeoutMs,
    requestTimeout: headersTimeoutMs + 30_000,
    // Node checks these timeouts on this interval; the default (30 s) would make a short timeout useless.
    connectionsCheckingInterval: Math.min(30_000, Math.max(100, headersTimeoutMs / 4)),
  });

  server.on('request', (req, res) => {
    const pathname = pathOf(req.url);
    if (pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return void healthz(res);
    if (pathname === '/ws') return plain(res, 426, 'Connect to /ws with a WebSocket.', { Upgrade: 'websocket' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Only GET and HEAD are allowed.', { Allow: 'GET, HEAD' });
    if (!serveStatic || pathname === undefined) return plain(res, 404, 'Not found');
    serveStatic(req, res, pathname).catch(() => res.destroy());
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', noop); // a reset before the handshake ends must not crash the process
    const ip = browserAddress(req, (socket as net.Socket).remoteAddress ?? 'unknown', trustForwarded);
    if (pathOf(req.url) !== '/ws') return refuse(socket, ip, 404, 'WebSockets are served at /ws only');
    if (!originAllowed(req, allowOrigins)) {
      return refuse(socket, ip, 403, `origin ${JSON.stringify(String(req.headers.origin).slice(0, 100))} is not allowed`);
    }
    if (bridges.size >= maxConnections) return refuse(socket, ip, 503, `the gateway is full (limit ${maxConnections})`);
    if ((perIp.get(ip) ?? 0) >= maxPerIp) return refuse(socket, ip, 429, `too many connections from this address (limit ${maxPerIp})`);
    // With no verifyClient and no extensions, ws completes the handshake synchronously.
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Round robin: this browser tries the targets starting at the next one; one that refuses is skipped.
      const start = nextTarget++ % targets.length;
      const order = targets.length === 1 ? targets : [...targets.slice(start), ...targets.slice(0, start)];
      const bridge = new Bridge(ws, socket, { ...bridgeOptions, target: order[0], targets: order, client: ip });
      bridges.set(bridge, ip);
      perIp.set(ip, (perIp.get(ip) ?? 0) + 1);
    });
  });

  function refuse(socket: Duplex, ip: string, status: number, reason: string): void {
    log(`refused WebSocket from ${ip}: ${status} ${reason}`);
    const body = reason + '\n';
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }

  // Concurrent health checks share one probe of each target.
  let probing: Promise<boolean[]> | undefined;
  async function healthz(res: http.ServerResponse): Promise<void> {
    probing ??= Promise.all(targets.map(probe)).finally(() => (probing = undefined));
    const up = await probing;
    const reachable = up.some(Boolean);
    const body = JSON.stringify({
      status: reachable ? 'ok' : 'target-unreachable',
      connections: bridges.size,
      target: formatHostPort(targets[0].host, targets[0].port),
      targetReachable: up[0],
      targets: targets.map((t, i) => ({ target: formatHostPort(t.host, t.port), reachable: up[i] })),
    });
    res.writeHead(reachable ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(body);
  }

  const heartbeatMs = opts.heartbeatMs ?? 30_000;
  const beat = (): void => {
    for (const bridge of bridges.keys()) bridge.ping();
  };
  const heartbeat = heartbeatMs > 0 ? setInterval(beat, heartbeatMs) : undefined;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: opts.port ?? GATEWAY_PORT, host: opts.host ?? '127.0.0.1', backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log(`HTTP server error: ${err.message}`));

  function whenIdle(): Promise<void> {
    if (bridges.size === 0) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  let closing: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    clearInterval(heartbeat);
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    for (const bridge of bridges.keys()) bridge.close(CloseCode.goingAway, CloseReason.shutdown);
    // Closing handshakes get a grace period; a peer that does not answer is cut.
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, opts.shutdownGraceMs ?? 2000)));
    await Promise.race([whenIdle(), grace]);
    clearTimeout(timer);
    for (const bridge of bridges.keys()) bridge.terminate();
    await whenIdle();
    server.closeAllConnections();
    await serverClosed;
  }

  return {
    address() {
      const a = server.address() as net.AddressInfo;
      return { host: a.address, port: a.port };
    },
    stats() {
      const stats = { connections: bridges.size, bufferedToClients: 0, bufferedToServer: 0, pausedUpstreams: 0, pausedClients: 0 };
      for (const bridge of bridges.keys()) {
        const b = bridge.state();
        stats.bufferedToClients += b.toClient;
        stats.bufferedToServer += b.toServer;
        if (b.upstreamPaused) stats.pausedUpstreams++;
        if (b.clientPaused) stats.pausedClients++;
      }
      return stats;
    },
    whenIdle,
    heartbeat: beat,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}

/**
 * Browsers always send Origin on a WebSocket upgrade; other clients often do not.
 * Allowed: no Origin, the page's own origin (the Host it connected to), or a listed one.
 */
export function originAllowed(req: http.IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const lower = origin.toLowerCase();
  const host = req.headers.host?.toLowerCase();
  if (host && (lower === `http://${host}` || lower === `https://${host}`)) return true;
  return allowed.has(lower);
}

/** Resolves true when the target accepts a TCP connection now. */
function probe(target: Target): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: target.host, port: target.port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The path of a request target in origin form, without the query; undefined for any other form. */
function pathOf(url: string | undefined): string | undefined {
  if (url === undefined || url[0] !== '/') return undefined;
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function plain(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = text + '\n';
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function noop(): void {}
