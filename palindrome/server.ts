/**
 * The palindrome server (PROTOCOL.md §7): for each line a client sends, one answer
 * line, `1` for a palindrome and an empty line otherwise. An empty line from the
 * client ends its session. Many clients are served at once; one connection is
 * one session (session.ts).
 */
import net from 'node:net';
import { servePalindromeSession } from './session.js';

export interface PalindromeServerOptions {
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** Port to listen on; 0 lets the system choose. Default 0. */
  port?: number;
  /** Where to report what happens to connections (one line each). Default: nowhere. */
  log?: (line: string) => void;
}

export interface PalindromeServer {
  /** Where the server listens (the real port when 0 was asked for). */
  address(): { host: string; port: number };
  /** Stops listening, drops every open connection, resolves when all are gone. */
  close(): Promise<void>;
}

/** Starts a palindrome server; resolves once it is listening. */
export async function createPalindromeServer(options: PalindromeServerOptions = {}): Promise<PalindromeServer> {
  const log = options.log ?? (() => {});
  const sockets = new Set<net.Socket>();
  // Half-open, so a client that sends its last line and then shuts its side still gets the answer.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => serve(socket));

  function serve(socket: net.Socket): void {
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    // Before anything else: an unhandled 'error' (a reset) would crash the whole server.
    socket.on('error', (err) => log(`${peer}: ${err.message}`));
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      log(`${peer}: disconnected`);
    });
    log(`${peer}: connected`);

    servePalindromeSession(socket, peer, log);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, a server error (rare: e.g. out of file descriptors) is reported, not fatal.
  server.on('error', (err) => log(`server: ${err.message}`));

  return {
    address() {
      const addr = server.address() as net.AddressInfo;
      return { host: addr.address, port: addr.port };
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
