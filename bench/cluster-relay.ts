/**
 * How a player's line reaches a table in another process, two ways, for the bench
 * that chose between them (docs/SCALING.md): one process holds both ends, the
 * player's process (a line server clients connect to) and the owner's (which
 * echoes each line back, as a table answers a move).
 *
 * - `tcp`: the cluster's own relay (server/cluster/relay.ts): one TCP connection
 *   per player to the owner, a PROXY header first, then lines both ways.
 * - `pubsub`: Redis pub/sub: each line is published on the player's channel, the
 *   owner's subscriber echoes it on the reply channel, the player's subscriber
 *   writes it out. Redis carries every line twice.
 *
 * As a program: `node --import tsx bench/cluster-relay.ts --mode tcp|pubsub [--redis URL]`
 * prints `cluster relay listening on 127.0.0.1:PORT`.
 */
import net from 'node:net';
import { Redis } from 'ioredis';
import * as flag from '../node/flags.js';
import { readLines } from '../node/lines.js';
import { MAX_SERVER_LINE_BYTES } from '../protocol/framing.js';
import { openRelay, type Relay } from '../server/cluster/relay.js';
import { isMain } from '../node/entry.js';

export type RelayMode = 'tcp' | 'pubsub';

export interface ClusterRelay {
  readonly port: number;
  close(): Promise<void>;
}

/** Each complete line of a stream, as text. */
function onLines(socket: net.Socket, each: (line: string) => void): void {
  readLines(socket, (line) => each(line.text), { maxLineBytes: MAX_SERVER_LINE_BYTES, maxUnterminatedBytes: MAX_SERVER_LINE_BYTES + 2 });
}

async function listen(server: net.Server, port = 0): Promise<number> {
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port, backlog: 4096 }, resolve));
  return (server.address() as net.AddressInfo).port;
}

/** The owner for `tcp`: drops the PROXY header, then echoes every line. */
async function tcpOwner(): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('error', () => {});
    let first = true;
    onLines(socket, (line) => {
      if (first) first = false;
      else socket.write(line + '\n');
    });
  });
  await listen(server);
  return server;
}

/** Starts both ends; resolves once the player's side listens. */
export async function startClusterRelay(mode: RelayMode, redisUrl?: string, port = 0): Promise<ClusterRelay> {
  const closers: (() => unknown)[] = [];
  let front: net.Server;
  if (mode === 'tcp') {
    const owner = await tcpOwner();
    const target = `127.0.0.1:${(owner.address() as net.AddressInfo).port}`;
    closers.push(() => owner.close());
    front = net.createServer((socket) => {
      socket.setNoDelay(true);
      socket.on('error', () => {});
      let relay: Relay | undefined;
      const early: string[] = [];
      onLines(socket, (line) => (relay ? relay.send(line) : early.push(line)));
      void openRelay({
        target,
        client: { address: socket.remoteAddress, port: socket.remotePort },
        local: { address: socket.localAddress, port: socket.localPort },
        replay: [],
        onOutput: (bytes) => socket.write(bytes),
        onClose: () => socket.destroy(),
      }).then((r) => {
        relay = r;
        for (const line of early.splice(0)) r.send(line);
        socket.on('close', () => r.end());
      });
    });
  } else {
    if (!redisUrl) throw new Error('pubsub needs --redis');
    const pub = new Redis(redisUrl);
    const ownerSub = new Redis(redisUrl);
    const playerSub = new Redis(redisUrl);
    closers.push(() => pub.disconnect(), () => ownerSub.disconnect(), () => playerSub.disconnect());
    // The owner answers each line on the reply channel of the same player.
    await ownerSub.psubscribe('in:*');
    ownerSub.on('pmessage', (_pattern, channel: string, line: string) => void pub.publish(`out:${channel.slice(3)}`, line));
    const players = new Map<string, net.Socket>();
    await playerSub.psubscribe('out:*');
    playerSub.on('pmessage', (_pattern, channel: string, line: string) => players.get(channel.slice(4))?.write(line + '\n'));
    let next = 0;
    front = net.createServer((socket) => {
      const id = String(next++);
      players.set(id, socket);
      socket.setNoDelay(true);
      socket.on('error', () => {});
      socket.on('close', () => players.delete(id));
      onLines(socket, (line) => void pub.publish(`in:${id}`, line));
    });
  }
  const listening = await listen(front, port);
  return {
    port: listening,
    async close() {
      front.close();
      for (const close of closers) close();
    },
  };
}

if (isMain(import.meta.url)) {
  const flags = flag.parseFlagsOrExit(
    process.argv.slice(2),
    { mode: flag.oneOf(['tcp', 'pubsub'] as const, { default: 'tcp' }), redis: flag.string(), port: flag.port({ default: 0 }) },
    'usage: node --import tsx bench/cluster-relay.ts --mode tcp|pubsub [--redis redis://HOST:PORT] [--port 0]',
  );
  const relay = await startClusterRelay(flags.mode, flags.redis, flags.port);
  process.stdout.write(`cluster relay listening on 127.0.0.1:${relay.port}\n`);
}
