import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../gateway/gateway.js';
import { freePort } from '../node/free-port.js';
import { runScript } from '../test/support/child.js';
import { startEchoServer } from '../test/support/echo-server.js';
import { closeServer } from '../test/support/scripted-server.js';
import { probeGatewayPort } from './port-probe.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A TCP server on port 0 that runs `onSocket` for each connection. */
async function tcpServer(onSocket: (socket: net.Socket) => void): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(() => closeServer(server, sockets));
  return (server.address() as net.AddressInfo).port;
}

/** Another program's web server on port 0. */
async function otherWebServer(): Promise<number> {
  const server = http.createServer((_req, res) => {
    res.writeHead(404, { Server: 'nginx/1.22.1', 'Content-Type': 'text/html' });
    res.end('<h1>Not Found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as net.AddressInfo).port;
}

describe('probeGatewayPort', () => {
  it('finds nothing on a free port', async () => {
    expect(await probeGatewayPort(await freePort())).toEqual({ kind: 'free' });
  });

  it('knows a Word Guess gateway by its /healthz, with its target', async () => {
    const echo = await startEchoServer();
    stops.push(() => echo.close());
    const gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: echo.port }, log: () => {} });
    stops.push(() => gw.close());
    expect(await probeGatewayPort(gw.address().port)).toEqual({
      kind: 'gateway',
      status: 'ok',
      targets: [{ target: `127.0.0.1:${echo.port}`, reachable: true }],
    });
  });

  it('describes another web server by its answer', async () => {
    const use = await probeGatewayPort(await otherWebServer());
    expect(use.kind).toBe('other');
    expect(use.kind === 'other' && use.what).toBe('an HTTP server that is not a Word Guess gateway: GET /healthz answered 404 Not Found, text/html (Server: nginx/1.22.1)');
  });

  it('describes a program that does not speak HTTP', async () => {
    const port = await tcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n'));
    expect(await probeGatewayPort(port)).toEqual({ kind: 'other', what: 'a program that does not speak HTTP' });
  });

  it('describes a program that never answers, once the probe gives up', async () => {
    const port = await tcpServer(() => {});
    expect(await probeGatewayPort(port, 200)).toEqual({ kind: 'other', what: 'a program that accepted a connection but did not answer GET /healthz within 200 ms' });
  });
});

describe('npm run dev with the gateway port taken', () => {
  it('says what is there and exits 1 before starting anything', async () => {
    const taken = await otherWebServer();
    const dev = runScript('scripts/dev.ts', ['--gateway-port', String(taken), '--game-port', String(await freePort()), '--port', String(await freePort())]);
    stops.push(async () => void dev.child.kill('SIGKILL'));
    expect(await dev.exited).toBe(1);
    const said = (await dev.stderr.ended).join('\n');
    expect(said).toContain(`Port ${taken} is taken by`);
    expect(said).toContain('not a Word Guess gateway: GET /healthz answered 404 Not Found');
    expect(said).toContain(`npm run dev -- --gateway-port ${taken + 1}`);
    expect(dev.stdout.seen.filter((l) => l.startsWith('['))).toEqual([]); // no server or gateway was started
  });
});
