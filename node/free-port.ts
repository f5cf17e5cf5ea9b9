/** A free TCP port, for programs that cannot pick their own (redis-server, haproxy). */
import net from 'node:net';

/** A port on `host` that nothing listens on (it was free a moment ago: a race remains, so callers retry). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: 0 }, resolve);
  });
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
