/**
 * `npm run palindrome-server -- [--host H] [--port P]`: starts the palindrome server.
 */
import * as flag from '../node/flags.js';
import { PALINDROME_PORT } from '../node/ports.js';
import { createPalindromeServer } from './server.js';

const USAGE = `usage: npm run palindrome-server -- [--host 127.0.0.1] [--port ${PALINDROME_PORT}]`;

const opts = flag.parseFlagsOrExit(
  process.argv.slice(2),
  { host: flag.string({ default: '127.0.0.1' }), port: flag.port({ default: PALINDROME_PORT }) },
  USAGE,
);

const server = await createPalindromeServer({
  host: opts.host,
  port: opts.port,
  log: (line) => console.error(line),
}).catch((err: NodeJS.ErrnoException) => {
  const hint = err.code === 'EADDRINUSE' ? ' (another program uses that port; pick another with --port)' : '';
  console.error(`cannot listen on ${opts.host}:${opts.port}: ${err.message}${hint}`);
  process.exit(1);
});

const { host, port } = server.address();
console.log(`palindrome server listening on ${host}:${port}`);

function stop(): void {
  server.close().then(() => process.exit(0));
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
