/**
 * Test support: a private redis-server on a free 127.0.0.1 port, nothing saved to
 * disk, stopped by its own handle. It can be stopped and started again on the same
 * port, for tests of a Redis that goes away in the middle of a game.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../../node/free-port.js';

export interface TestRedis {
  readonly port: number;
  /** `redis://127.0.0.1:PORT`, as `--redis` takes it. */
  readonly url: string;
  /** Whether the server runs now. */
  readonly running: boolean;
  /** Stops the server (SIGTERM) and resolves once it has exited. Does nothing if it is stopped. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty; resolves once it accepts connections. */
  restart(): Promise<void>;
}

/** How to get the server when it is missing, for the error a test shows. */
const INSTALL_HINT = 'redis-server is not installed: `apt-get install -y redis-server` (Debian), or run `.ci/run`, which installs it.';
/** The port may be taken between our probe and Redis's bind: try a few ports. */
const START_TRIES = 5;

/** Starts a private redis-server; resolves once it accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  let lastError: Error | undefined;
  for (let i = 0; i < START_TRIES; i++) {
    const port = await freePort();
    try {
      const child = await launch(port);
      return handle(port, child);
    } catch (err) {
      lastError = err as Error;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') break;
    }
  }
  throw lastError ?? new Error('redis-server did not start');
}

function handle(port: number, first: ChildProcess): TestRedis {
  let child: ChildProcess | null = first;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return child !== null;
    },
    async stop() {
      const c = child;
      child = null;
      if (c === null || c.exitCode !== null || c.signalCode !== null) return;
      const exited = once(c, 'exit');
      c.kill('SIGTERM');
      await exited;
    },
    async restart() {
      if (child !== null) throw new Error('Redis is running: stop() it first');
      child = await launch(port);
    },
  };
}

/** Runs redis-server on `port` and resolves once its log says it is ready; rejects if it exits first. */
function launch(port: number): Promise<ChildProcess> {
  // `exec` so that our signal reaches Redis itself, not a shell around it.
  const child = spawn('sh', ['-c', `exec redis-server --port ${port} --bind 127.0.0.1 --save '' --appendonly no`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/Ready to accept connections/.test(log)) {
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // keep draining its log so it never blocks on a full pipe
        child.off('exit', onExit);
        resolve(child);
      }
    };
    const onExit = (code: number | null) => {
      const missing = code === 127 || /not found/.test(log);
      const err: NodeJS.ErrnoException = new Error(missing ? INSTALL_HINT : `redis-server on port ${port} exited (code ${code}) before it was ready:\n${log}`);
      if (missing) err.code = 'ENOENT';
      reject(err);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', onExit);
  });
}
