/**
 * The gateway as a program with one internal option set from the command line,
 * for bench/fast-path.ts: `node --import tsx bench/gateway-variant.ts --target
 * 127.0.0.1:PORT --frames-under-ws on|off` prints `gateway listening on http://127.0.0.1:PORT`.
 */
import { createGateway } from '../gateway/gateway.js';
import * as flag from '../node/flags.js';
import { GAME_PORT } from '../node/ports.js';

const opts = flag.parseFlagsOrExit(
  process.argv.slice(2),
  { target: flag.hostPort({ default: { host: '127.0.0.1', port: GAME_PORT } }), 'frames-under-ws': flag.oneOf(['on', 'off'], { default: 'on' }) },
  'usage: node --import tsx bench/gateway-variant.ts --target HOST:PORT [--frames-under-ws on|off]',
);
const gateway = await createGateway({
  host: '127.0.0.1',
  port: 0,
  target: opts.target,
  maxConnections: 20_000,
  maxPerIp: 20_000,
  framesUnderWs: opts['frames-under-ws'] === 'on',
  log: () => {},
});
process.stdout.write(`gateway listening on http://127.0.0.1:${gateway.address().port}\n`);
const stop = () => void gateway.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
