/**
 * `npm run gateway -- [flags]`: parses flags, starts the gateway, stops it on
 * SIGTERM/SIGINT. The first line on stdout says where it listens.
 */
import { parseFlagsOrExit } from '../node/flags.js';
import { createGateway, type Gateway } from './gateway.js';
import { GATEWAY_FLAGS, USAGE, gatewayFlags } from './options.js';

/** A shutdown that takes longer than this ends the process anyway. */
const EXIT_DEADLINE_MS = 5000;

const flags = gatewayFlags(parseFlagsOrExit(process.argv.slice(2), GATEWAY_FLAGS, USAGE));

const log = (line: string): void => void process.stderr.write(`${new Date().toISOString()} gateway: ${line}\n`);

let gateway: Gateway;
try {
  gateway = await createGateway({ ...flags, log });
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  const hint = e.code === 'EADDRINUSE' ? ' (the port is taken: pick another with --port)' : '';
  process.stderr.write(`gateway: cannot listen on ${flags.host}:${flags.port}: ${e.message}${hint}\n`);
  process.exit(1);
}

const { host, port } = gateway.address();
const shown = host.includes(':') ? `[${host}]` : host;
const targets = flags.target.map((t) => (t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.host}:${t.port}`)).join(', ');
process.stdout.write(`gateway listening on http://${shown}:${port} (target ${targets}${flags.sendProxy ? ', PROXY header on' : ''})\n`);

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  log(`${signal}: closing ${gateway.stats().connections} connection(s)`);
  setTimeout(() => {
    log(`shutdown took over ${EXIT_DEADLINE_MS} ms; exiting anyway`);
    process.exit(1);
  }, EXIT_DEADLINE_MS).unref();
  gateway.close().then(
    () => process.exit(0),
    (err: unknown) => {
      log(`shutdown failed: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
