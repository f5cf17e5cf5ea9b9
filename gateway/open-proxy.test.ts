/**
 * The gateway is no open proxy: every WebSocket goes to the one target it was
 * started with, whatever the request says, and plain HTTP is never forwarded.
 */
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createGateway } from './gateway.js';
import { TestClient } from '../test/support/ws-client.js';
import { createScriptedServer } from '../test/support/scripted-server.js';
import { startEchoServer } from '../test/support/echo-server.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Sends one raw HTTP request and returns the status line of the answer. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.once('error', reject);
    socket.once('close', () => resolve(text.split('\r\n')[0]));
    socket.write(request);
  });
}

it('connects every WebSocket to its own target, whatever the URL, Host or headers name, and never forwards plain HTTP', async () => {
  const target = await startEchoServer();
  const elsewhere = await createScriptedServer();
  stops.push(() => target.close(), () => elsewhere.close());
  const gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: target.port }, log: () => {} });
  stops.push(() => gw.close());
  const port = gw.address().port;
  const other = `127.0.0.1:${elsewhere.port}`;

  // A WebSocket that asks for another host or port in every way a request can.
  const asks = [
    `ws://127.0.0.1:${port}/ws?target=${other}`,
    `ws://127.0.0.1:${port}/ws?host=127.0.0.1&port=${elsewhere.port}`,
  ];
  for (const url of asks) {
    const client = await TestClient.open(url, { headers: { 'X-Forwarded-Host': other, Forwarded: `host=${other}` } });
    client.send('hello');
    expect(await client.next()).toBe('hello'); // the echo target answered
    client.ws.close();
    await client.closed;
  }
  // Plain HTTP in proxy forms: CONNECT, an absolute URL, a Host of the other server.
  // CONNECT has no handler: Node closes the socket without an answer.
  expect(await rawRequest(port, `CONNECT ${other} HTTP/1.1\r\nHost: ${other}\r\n\r\n`)).toMatch(/^(HTTP\/1\.1 4\d\d .*)?$/);
  expect(await rawRequest(port, `GET http://${other}/ HTTP/1.1\r\nHost: ${other}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 404/);
  expect(await rawRequest(port, `GET /ws HTTP/1.1\r\nHost: ${other}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 426/);
  expect(elsewhere.accepted).toBe(0);
  expect(target.accepted).toBe(asks.length);
});
